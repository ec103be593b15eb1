// Walking a round: every checkpoint with its checklist (or every inspection item, or every piece of equipment),
// all 正常 until the patroller taps 有问题 — then what the problem is, an optional photo, and either 当场整改 or a
// hidden danger with a level, a person responsible and a deadline. One button saves and signs with the signed-in name.
import { Button, Card, Group, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '@shared/api/contract';
import type { RoundKind } from '@shared/domain/fire/vocab';
import { DANGER_LEVELS } from '@shared/domain/fire/vocab';
import { EmptyState, LoadingState } from '../../components/States';
import { StaffPicker } from '../../components/StaffPicker';
import { notifySuccess } from '../../components/notify';
import { newRequestId } from '../../components/time';
import { useCurrentUser } from '../../shell/current-user';
import { shrinkPhoto } from '../residents/photo';
import { defaultDeadline } from './DangersTab';
import { useFireCheckpoints, useFireEquipment, useFireItems, useFireRecordRound } from './queries';

type Result = In<'fire.recordRound'>['results'][number];
interface Line {
  key: string;
  title: string;
  base: Pick<Result, 'checkpointId' | 'itemId' | 'equipmentId'>;
}

function ProblemFields({ value, onChange, today }: { value: Result; onChange: (r: Result) => void; today: string }) {
  const { t } = useTranslation();
  const danger = value.danger ?? { level: 'general' as const, description: value.note ?? '', responsibleStaffId: '', deadline: defaultDeadline(today) };
  return (
    <Stack gap="xs" pl="md">
      <Textarea size="md" label={t('fire.problemNote')} withAsterisk value={value.note ?? ''} onChange={(e) => onChange({ ...value, note: e.currentTarget.value })} />
      <Group>
        <Button component="label" variant="outline" size="sm">
          {value.photo ? t('fire.photoAdded') : t('fire.addPhoto')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            hidden
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (file) onChange({ ...value, photo: await shrinkPhoto(file, 640) });
            }}
          />
        </Button>
      </Group>
      <Radio.Group value={value.fixedOnSpot ? 'fixed' : value.danger ? 'danger' : ''} onChange={(v) => onChange({ ...value, fixedOnSpot: v === 'fixed', danger: v === 'danger' ? danger : null })}>
        <Group>
          <Radio size="md" value="fixed" label={t('fire.fixedOnSpot')} />
          <Radio size="md" value="danger" label={t('fire.raiseDanger')} />
        </Group>
      </Radio.Group>
      {value.danger && (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select size="md" label={t('fire.level')} allowDeselect={false} data={DANGER_LEVELS.map((l) => ({ value: l, label: t(`enums.dangerLevel.${l}`) }))} value={danger.level} onChange={(v) => onChange({ ...value, danger: { ...danger, level: (v ?? 'general') as 'general' } })} />
          <StaffPicker size="md" label={t('fire.responsible')} withAsterisk value={danger.responsibleStaffId || null} onChange={(id) => onChange({ ...value, danger: { ...danger, responsibleStaffId: id ?? '' } })} />
          <DateInput size="md" label={t('fire.deadline')} valueFormat="YYYY-MM-DD" minDate={today} value={danger.deadline} onChange={(v) => onChange({ ...value, danger: { ...danger, deadline: v ?? defaultDeadline(today) } })} />
          <Textarea size="md" label={t('fire.description')} withAsterisk value={danger.description} onChange={(e) => onChange({ ...value, danger: { ...danger, description: e.currentTarget.value } })} style={{ gridColumn: '1 / -1' }} />
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function RoundForm({ kind, today, onDone }: { kind: RoundKind; today: string; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const points = useFireCheckpoints();
  const items = useFireItems();
  const equipment = useFireEquipment();
  const [results, setResults] = useState<Record<string, Result>>({});
  const [note, setNote] = useState('');
  const [requestId] = useState(newRequestId);
  const save = useFireRecordRound({ onSuccess: () => (notifySuccess(t('fire.saved', { name: user.name })), onDone()) });
  if (!points.data || !items.data || !equipment.data) return <LoadingState />;
  const list = items.data.filter((i) => i.list === (kind === 'inspection' ? 'inspection' : 'patrol'));
  const groups: { title: string | null; lines: Line[] }[] =
    kind === 'equipment_check'
      ? [{ title: null, lines: equipment.data.map((e) => ({ key: e.id, title: `${t(`enums.equipmentType.${e.type}`)} ${e.code}（${e.location}）`, base: { checkpointId: e.checkpointId, itemId: null, equipmentId: e.id } })) }]
      : kind === 'inspection'
        ? [{ title: null, lines: list.map((i) => ({ key: i.id, title: i.text, base: { checkpointId: null, itemId: i.id, equipmentId: null } })) }]
        : points.data.map((p) => ({ title: p.name, lines: list.map((i) => ({ key: `${p.id}|${i.id}`, title: i.text, base: { checkpointId: p.id, itemId: i.id, equipmentId: null } })) }));
  const lines = groups.flatMap((g) => g.lines);
  if (lines.length === 0) return <EmptyState action={<Button onClick={onDone}>{t('fire.cancel')}</Button>}>{kind === 'equipment_check' ? t('fire.noEquipment') : t('fire.noCheckpoints')}</EmptyState>;
  const resultOf = (l: Line): Result => results[l.key] ?? { ...l.base, result: 'ok' };
  const set = (l: Line, r: Result) => setResults((all) => ({ ...all, [l.key]: r }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t(`enums.roundKind.${kind}`)}</Title>
        <Button variant="subtle" onClick={onDone}>
          {t('fire.cancel')}
        </Button>
      </Group>
      {groups.map((g) => (
        <Card key={g.title ?? 'all'} withBorder padding="sm">
          {g.title && (
            <Title order={4} mb="xs">
              {g.title}
            </Title>
          )}
          <Stack gap="xs">
            {g.lines.map((l) => {
              const r = resultOf(l);
              return (
                <div key={l.key} role="group" aria-label={`${g.title ?? ''} ${l.title}`.trim()}>
                  <Group justify="space-between">
                    <Text size="lg" style={{ flex: '1 1 12rem' }} c={r.result === 'problem' ? 'red.9' : undefined} fw={r.result === 'problem' ? 700 : undefined}>
                      {l.title}
                    </Text>
                    <SegmentedControl
                      size="md"
                      value={r.result}
                      onChange={(v) => set(l, v === 'problem' ? { ...r, result: 'problem' } : { ...l.base, result: 'ok' })}
                      data={[
                        { value: 'ok', label: t('fire.ok') },
                        { value: 'problem', label: t('fire.problem') },
                      ]}
                      color={r.result === 'problem' ? 'red.9' : undefined}
                    />
                  </Group>
                  {r.result === 'problem' && <ProblemFields value={r} onChange={(next) => set(l, next)} today={today} />}
                </div>
              );
            })}
          </Stack>
        </Card>
      ))}
      <Textarea size="md" label={t('fire.roundNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Button size="xl" loading={save.isPending} onClick={() => save.mutate({ kind, doneAt: new Date().toISOString(), results: lines.map(resultOf), note, requestId })}>
        {t('fire.sign', { name: user.name })}
      </Button>
    </Stack>
  );
}
