// 夜间查房: one tap saves a round of everyone present; only the residents not simply asleep are marked.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyShift } from '../../../../shared/api/care';
import { ROUND_STATES } from '../../../../shared/domain/care/vocab';
import { useApiMutation } from '../../api/hooks';
import { newRequestId } from '../../components/time';

type State = (typeof ROUND_STATES)[number];

export function RoundModal({ shift, onClose }: { shift: MyShift; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [states, setStates] = useState<Record<string, State>>({});
  const present = shift.residents.filter((r) => r.present);
  const save = useApiMutation('care.round', { successMessage: t('care.roundDone', { n: present.length }), onSuccess: onClose });
  const exceptions = Object.entries(states)
    .filter(([, s]) => s !== 'asleep')
    .map(([residentId, state]) => ({ residentId, state, note: '' }));
  return (
    <Modal opened onClose={onClose} title={t('care.roundTitle')} size="xl">
      <Stack>
        <Text>{t('care.roundIntro')}</Text>
        {present.map((r) => (
          <Group key={r.residentId} justify="space-between" wrap="nowrap" p="xs" style={{ borderBottom: '1px solid #dee2e6' }}>
            <Text fw={700} miw={120}>
              {r.name} <Text span size="sm" fw={400}>{r.bedLabel}</Text>
            </Text>
            <Group gap={6} role="group" aria-label={r.name}>
              {ROUND_STATES.map((s) => {
                const chosen = (states[r.residentId] ?? 'asleep') === s;
                return (
                  <Button key={s} variant={chosen ? 'filled' : 'outline'} color={s === 'asleep' ? undefined : '#8a3c00'} aria-pressed={chosen} onClick={() => setStates({ ...states, [r.residentId]: s })}>
                    {t(`enums.roundState.${s}`)}
                  </Button>
                );
              })}
            </Group>
          </Group>
        ))}
        <Button size="xl" loading={save.isPending} onClick={() => shift.shift && save.mutate({ shiftId: shift.shift.shiftId, shiftDate: shift.shift.shiftDate, requestId, exceptions })}>
          {t('care.roundSave', { n: present.length })}
        </Button>
      </Stack>
    </Modal>
  );
}
