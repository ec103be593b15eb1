// 查房: one tap saves a round of everyone present; only the residents not simply asleep are marked ("有异常" needs a
// short note). The round also records the round-type tasks (查房时完成) of everyone it covers. Full screen on a phone.
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyShift } from '@shared/api/care';
import { ROUND_STATES } from '@shared/domain/care/vocab';
import { notifySuccess } from '../../components/notify';
import { newRequestId } from '../../components/time';
import { ResidentAvatar } from './ResidentAvatar';
import { useCareRound } from './queries';
import { inkVar } from '../../theme';

type State = (typeof ROUND_STATES)[number];

export function RoundModal({ shift, onClose }: { shift: MyShift; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const [requestId] = useState(newRequestId);
  const [states, setStates] = useState<Record<string, State>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [missingNote, setMissingNote] = useState<Set<string>>(new Set());
  const present = shift.residents.filter((r) => r.present);
  const save = useCareRound({
    onSuccess: (v) => (notifySuccess(t('night.roundDone', { n: v.checked, tasks: v.tasksCompleted })), onClose()),
  });
  const exceptions = Object.entries(states)
    .filter(([, s]) => s !== 'asleep')
    .map(([residentId, state]) => ({ residentId, state, note: (notes[residentId] ?? '').trim() }));
  const submit = () => {
    // Checked here too so the caregiver sees which card lacks its note before anything is sent.
    const lacking = new Set(exceptions.filter((e) => e.state === 'abnormal' && !e.note).map((e) => e.residentId));
    setMissingNote(lacking);
    if (lacking.size > 0 || !shift.shift) return;
    save.mutate({ shiftId: shift.shift.shiftId, shiftDate: shift.shift.shiftDate, requestId, exceptions });
  };
  return (
    <Modal opened onClose={onClose} title={t('care.roundTitle')} size="xl" fullScreen={phone}>
      <Stack>
        <Text size="lg">{t('night.roundIntro')}</Text>
        {present.map((r) => {
          const state = states[r.residentId] ?? 'asleep';
          return (
            <Stack key={r.residentId} gap="xs" p="xs" style={{ borderBottom: `1px solid ${inkVar('gray.3')}` }} data-testid="round-resident">
              <Group gap="sm" wrap="nowrap">
                <ResidentAvatar residentId={r.residentId} name={r.name} hasPhoto={r.hasPhoto} size={44} />
                <Text fw={700} fz={20}>
                  {r.name}{' '}
                  <Text span size="md" fw={400}>
                    {r.bedLabel}
                  </Text>
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={6} role="group" aria-label={`${r.name} ${r.bedLabel ?? ''}`}>
                {ROUND_STATES.map((s) => {
                  const chosen = state === s;
                  return (
                    <Button key={s} size="lg" variant={chosen ? 'filled' : 'outline'} color={s === 'asleep' ? undefined : 'warning'} aria-pressed={chosen} onClick={() => setStates({ ...states, [r.residentId]: s })}>
                      {t(`enums.roundState.${s}`)}
                    </Button>
                  );
                })}
              </SimpleGrid>
              {state !== 'asleep' && (
                <TextInput
                  size="lg"
                  label={t('night.roundNote')}
                  withAsterisk={state === 'abnormal'}
                  value={notes[r.residentId] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [r.residentId]: e.currentTarget.value })}
                  error={missingNote.has(r.residentId) ? t('night.roundNoteRequired') : undefined}
                />
              )}
            </Stack>
          );
        })}
        {/* Stays in reach at the bottom: nobody scrolls past 20 residents to save. */}
        <div style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', paddingBlock: 8 }}>
          <Button size="xl" fullWidth loading={save.isPending} onClick={submit}>
            {t('care.roundSave', { n: present.length })}
          </Button>
        </div>
      </Stack>
    </Modal>
  );
}
