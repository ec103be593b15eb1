// The resident's care plan: tasks and how often, where each came from (grade or risk), generate from grade and
// risks, adjust or switch off a task, add one by hand. Every change is in the audit log.
import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarePlanTask } from '@shared/api/careplan';
import type { Frequency } from '@shared/domain/care-frequency';
import { useMayCall } from '../../shell/current-user';
import { useCareplanGenerate, useCareplanGet, useCareplanSaveTask } from './queries';

const KINDS: { value: Frequency['kind']; label: string }[] = [
  { value: 'each_shift', label: '每班一次' },
  { value: 'daily', label: '每天一次' },
  { value: 'weekly', label: '每周一次' },
  { value: 'every_hours', label: '每隔几小时' },
  { value: 'at_times', label: '每天固定时间' },
];

function TaskForm({ residentId, task, onClose }: { residentId: string; task: CarePlanTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(task?.task ?? '');
  const [kind, setKind] = useState<Frequency['kind']>(task?.frequency.kind ?? 'daily');
  const [hours, setHours] = useState(task?.frequency.kind === 'every_hours' ? task.frequency.hours : 2);
  const [times, setTimes] = useState(task?.frequency.kind === 'at_times' ? task.frequency.times.join('、') : '08:00');
  const [active, setActive] = useState(task?.active ?? true);
  const [note, setNote] = useState(task?.note ?? '');
  const [onRound, setOnRound] = useState(task?.completesOnRound ?? false);
  const [error, setError] = useState<string | null>(null);
  const save = useCareplanSaveTask({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (_f, m) => (setError(m), true) });
  const frequency = (): Frequency =>
    kind === 'every_hours' ? { kind, hours } : kind === 'at_times' ? { kind, times: times.split(/[、,，\s]+/).filter(Boolean) } : { kind };
  return (
    <Modal opened onClose={onClose} title={task ? t('careplan.edit') : t('careplan.add')}>
      <Stack>
        <TextInput label={t('careplan.task')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Select label={t('careplan.frequency')} allowDeselect={false} data={KINDS} value={kind} onChange={(v) => v && setKind(v as Frequency['kind'])} />
        {kind === 'every_hours' && <NumberInput label={t('careplan.hours')} min={1} max={12} allowDecimal={false} value={hours} onChange={(v) => setHours(Number(v) || 1)} />}
        {kind === 'at_times' && <TextInput label={t('careplan.times')} value={times} onChange={(e) => setTimes(e.currentTarget.value)} />}
        <TextInput label={t('careplan.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Checkbox label={t('night.completesOnRound')} checked={onRound} onChange={(e) => setOnRound(e.currentTarget.checked)} />
        <Checkbox label={t('careplan.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        {error && (
          <Text c="danger" role="alert">
            {error}
          </Text>
        )}
        <Button loading={save.isPending} onClick={() => (setError(null), save.mutate({ ...(task ? { id: task.id } : {}), residentId, task: text, frequency: frequency(), active, note, completesOnRound: onRound }))}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function CarePlanCard({ residentId, active }: { residentId: string; active: boolean }) {
  const { t } = useTranslation();
  const plan = useCareplanGet({ residentId });
  const mayEdit = useMayCall('careplan.saveTask');
  const [editing, setEditing] = useState<CarePlanTask | 'new' | null>(null);
  const generate = useCareplanGenerate({});
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('careplan.title')}
        </Title>
        {mayEdit && active && (
          <Group>
            <Button onClick={() => generate.mutate({ residentId })} loading={generate.isPending}>
              {t('careplan.generate')}
            </Button>
            <Button variant="outline" onClick={() => setEditing('new')}>
              {t('careplan.add')}
            </Button>
          </Group>
        )}
      </Group>
      {generate.data && <Text mb="xs">{t('careplan.generated', { n: generate.data.added })}</Text>}
      {(plan.data ?? []).length === 0 ? (
        <Text>{t('careplan.none')}</Text>
      ) : (
        // On a phone the table scrolls sideways rather than breaking task names one character per line.
        <Table.ScrollContainer minWidth={600} type="native">
          <Table fz="md" data-testid="care-plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('careplan.task')}</Table.Th>
                <Table.Th>{t('careplan.frequency')}</Table.Th>
                <Table.Th>{t('careplan.source')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.data!.map((task) => (
                <Table.Tr key={task.id} style={{ opacity: task.active ? 1 : 0.75 }}>
                  <Table.Td>
                    {task.task}
                    {task.completesOnRound && (
                      <Badge ml={6} color="done" variant="outline">
                        {t('night.completesOnRoundShort')}
                      </Badge>
                    )}
                    {task.note && <Text size="sm">{task.note}</Text>}
                  </Table.Td>
                  <Table.Td>{task.frequencyText}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {task.source}
                      {!task.active && (
                        <Badge color="muted" variant="filled">
                          {t('careplan.off')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {mayEdit && (
                      <Button variant="subtle" onClick={() => setEditing(task)} aria-label={`${t('app.edit')} ${task.task}`}>
                        {t('app.edit')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <TaskForm residentId={residentId} task={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
