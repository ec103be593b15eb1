// 演练与培训: drills (with night-time and bedridden evacuation), fire-safety training with attendees, and the staff
// who have had none for the configured months.
import { Badge, Button, Card, Checkbox, Group, Modal, MultiSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/States';
import { useMayCall } from '../../shell/current-user';
import { useFireDrills, useFireSaveDrill, useFireSaveTraining, useFireTrainings } from './queries';

function DrillModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { date: today as string | null, scenario: '', atNight: false, bedridden: false, participants: 1 as number | string, participantNames: '', evacuationSeconds: '' as number | string, evaluation: '', improvements: '' },
  });
  const save = useFireSaveDrill({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const submit = (v: typeof form.values) =>
    save.mutate({ ...v, date: v.date ?? '', participants: Number(v.participants), evacuationSeconds: v.evacuationSeconds === '' ? null : Number(v.evacuationSeconds) });
  return (
    <Modal opened onClose={onClose} title={t('fire.addDrill')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput size="md" label={t('fire.drillDate')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('date')} />
          <TextInput size="md" label={t('fire.scenario')} withAsterisk placeholder="如：夜间二楼起火，疏散卧床老人" {...form.getInputProps('scenario')} />
          <NumberInput size="md" label={t('fire.participants')} withAsterisk min={1} allowDecimal={false} {...form.getInputProps('participants')} />
          <NumberInput size="md" label={t('fire.evacuationSeconds')} min={1} allowDecimal={false} {...form.getInputProps('evacuationSeconds')} />
        </SimpleGrid>
        <Group mt="sm">
          <Checkbox size="md" label={t('fire.atNight')} {...form.getInputProps('atNight', { type: 'checkbox' })} />
          <Checkbox size="md" label={t('fire.bedridden')} {...form.getInputProps('bedridden', { type: 'checkbox' })} />
        </Group>
        <Textarea mt="sm" label={t('fire.participantNames')} {...form.getInputProps('participantNames')} />
        <Textarea mt="sm" label={t('fire.evaluation')} withAsterisk {...form.getInputProps('evaluation')} />
        <Textarea mt="sm" label={t('fire.improvements')} {...form.getInputProps('improvements')} />
        <Button type="submit" size="lg" mt="md" loading={save.isPending}>
          {t('app.save')}
        </Button>
      </form>
    </Modal>
  );
}

function TrainingModal({ today, onClose }: { today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const all = useFireTrainings();
  const form = useForm({ initialValues: { date: today as string | null, topic: '', hours: 2 as number | string, trainer: '', staffIds: [] as string[] } });
  const save = useFireSaveTraining({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} title={t('fire.addTraining')} size="xl">
      <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, date: v.date ?? '', hours: Number(v.hours) }))} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput size="md" label={t('fire.drillDate')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('date')} />
          <TextInput size="md" label={t('fire.topic')} withAsterisk {...form.getInputProps('topic')} />
          <NumberInput size="md" label={t('fire.hours')} min={0.5} step={0.5} {...form.getInputProps('hours')} />
          <TextInput size="md" label={t('fire.trainer')} withAsterisk {...form.getInputProps('trainer')} />
        </SimpleGrid>
        <MultiSelect mt="sm" size="md" label={t('fire.attendees')} withAsterisk searchable data={(all.data?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))} {...form.getInputProps('staffIds')} />
        <Button type="submit" size="lg" mt="md" loading={save.isPending}>
          {t('app.save')}
        </Button>
      </form>
    </Modal>
  );
}

export function DrillsTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const drills = useFireDrills();
  const trainings = useFireTrainings();
  const mayEdit = useMayCall('fire.saveDrill');
  const [adding, setAdding] = useState<'drill' | 'training' | null>(null);
  if (!drills.data || !trainings.data) return <LoadingState />;
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('fire.drills')}</Title>
          {mayEdit && <Button onClick={() => setAdding('drill')}>{t('fire.addDrill')}</Button>}
        </Group>
        {drills.data.length === 0 ? (
          <Text>{t('fire.noDrills')}</Text>
        ) : (
          <Table fz="md" striped data-testid="drills-table">
            <Table.Tbody>
              {drills.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.date}</Table.Td>
                  <Table.Td>
                    {d.scenario}{' '}
                    {d.atNight && <Badge variant="light">{t('fire.atNight')}</Badge>} {d.bedridden && <Badge variant="light">{t('fire.bedridden')}</Badge>}
                  </Table.Td>
                  <Table.Td>{d.participants} 人</Table.Td>
                  <Table.Td>{d.evacuationSeconds ? `${Math.floor(d.evacuationSeconds / 60)}分${d.evacuationSeconds % 60}秒` : '—'}</Table.Td>
                  <Table.Td>{d.evaluation}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('fire.trainings')}</Title>
          {mayEdit && <Button onClick={() => setAdding('training')}>{t('fire.addTraining')}</Button>}
        </Group>
        {trainings.data.sessions.length === 0 ? (
          <Text>{t('fire.noTrainings')}</Text>
        ) : (
          <Table fz="md" striped>
            <Table.Tbody>
              {trainings.data.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.date}</Table.Td>
                  <Table.Td>{s.topic}</Table.Td>
                  <Table.Td>
                    {s.hours} 学时 · {s.trainer}
                  </Table.Td>
                  <Table.Td>{s.attendees.join('、')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Title order={4} mt="md" mb="xs">
          {t('fire.untrained')}
        </Title>
        {trainings.data.untrained.length === 0 ? (
          <Text>{t('fire.allTrained')}</Text>
        ) : (
          <Group gap="xs" data-testid="untrained">
            {trainings.data.untrained.map((u) => (
              <Badge key={u.staffId} size="lg" color="warning" variant="filled">
                {u.name}（{t(`enums.staffRole.${u.role}`)}，{t('fire.lastTrained')} {u.lastTrained ?? t('fire.never')}）
              </Badge>
            ))}
          </Group>
        )}
      </Card>
      {adding === 'drill' && <DrillModal today={today} onClose={() => setAdding(null)} />}
      {adding === 'training' && <TrainingModal today={today} onClose={() => setAdding(null)} />}
    </Stack>
  );
}
