// 消防设置: the people responsible, the patrol and inspection plan (each default with the rule it comes from), and
// the checkpoints and checklist items — editable, retired rather than deleted.
import { Button, Card, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FireSettings } from '../../../../shared/api/fire';
import { CHECKPOINT_KINDS, ITEM_LISTS } from '../../../../shared/domain/fire/vocab';
import { useApi, useApiMutation } from '../../api/hooks';
import { zodValidate } from '../../api/zod-form';
import { LoadingState } from '../../components/States';
import { useMayCall } from '../../shell/current-user';

const NUMBERS = ['dayPatrolsPerDay', 'nightIntervalMinutes', 'inspectionEveryMonths', 'drillEveryMonths', 'trainingEveryMonths', 'equipmentCheckEveryMonths', 'expiryWarnDays'] as const;

function SettingsForm({ values }: { values: FireSettings }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('fire.saveSettings');
  const form = useForm({ initialValues: values, validate: zodValidate(FireSettings) });
  const save = useApiMutation('fire.saveSettings', { successMessage: t('settings.saved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('fire.settingsTitle')}
      </Title>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack maw={720}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fire.responsiblePerson')} disabled={!mayEdit} {...form.getInputProps('responsiblePerson')} />
            <TextInput label={t('fire.managerPerson')} disabled={!mayEdit} {...form.getInputProps('managerPerson')} />
            <TextInput label={t('fire.nightStart')} disabled={!mayEdit} {...form.getInputProps('nightStart')} />
            <TextInput label={t('fire.nightEnd')} disabled={!mayEdit} {...form.getInputProps('nightEnd')} />
          </SimpleGrid>
          <Checkbox label={t('fire.keyUnit')} disabled={!mayEdit} {...form.getInputProps('keyUnit', { type: 'checkbox' })} />
          {NUMBERS.map((f) => (
            <NumberInput key={f} label={t(`fire.${f}`)} allowDecimal={false} disabled={!mayEdit} {...form.getInputProps(f)} />
          ))}
          {mayEdit && (
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function AddRow({ kind, onClose }: { kind: 'checkpoint' | 'item'; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [type, setType] = useState<string>(kind === 'checkpoint' ? 'floor' : 'patrol');
  const saveCheckpoint = useApiMutation('fire.saveCheckpoint', { successMessage: t('app.saved'), onSuccess: onClose });
  const saveItem = useApiMutation('fire.saveItem', { successMessage: t('app.saved'), onSuccess: onClose });
  const options = kind === 'checkpoint' ? CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`enums.checkpointKind.${k}`) })) : ITEM_LISTS.map((l) => ({ value: l, label: t(`fire.lists.${l}`) }));
  return (
    <Modal opened onClose={onClose} title={kind === 'checkpoint' ? t('fire.addCheckpoint') : t('fire.addItem')}>
      <Stack>
        <TextInput size="md" label={kind === 'checkpoint' ? t('fire.checkpointName') : t('fire.itemText')} withAsterisk value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Select size="md" label={kind === 'checkpoint' ? t('fire.checkpointKind') : t('fire.itemList')} allowDeselect={false} data={options} value={type} onChange={(v) => v && setType(v)} />
        <Button
          size="lg"
          loading={saveCheckpoint.isPending || saveItem.isPending}
          onClick={() => (kind === 'checkpoint' ? saveCheckpoint.mutate({ name: text, kind: type as 'floor' }) : saveItem.mutate({ text, list: type as 'patrol' }))}
        >
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}

export function FireSettingsTab() {
  const { t } = useTranslation();
  const settings = useApi('fire.settings', {});
  const points = useApi('fire.checkpoints', {});
  const items = useApi('fire.items', {});
  const mayEdit = useMayCall('fire.saveCheckpoint');
  const retirePoint = useApiMutation('fire.saveCheckpoint', { successMessage: t('app.saved') });
  const retireItem = useApiMutation('fire.saveItem', { successMessage: t('app.saved') });
  const [adding, setAdding] = useState<'checkpoint' | 'item' | null>(null);
  if (!settings.data || !points.data || !items.data) return <LoadingState />;
  return (
    <Stack>
      <SettingsForm values={settings.data} />
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('fire.checkpoints')}</Title>
          {mayEdit && <Button onClick={() => setAdding('checkpoint')}>{t('fire.addCheckpoint')}</Button>}
        </Group>
        <Table fz="md" striped data-testid="checkpoints">
          <Table.Tbody>
            {points.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={700}>{p.name}</Table.Td>
                <Table.Td>{t(`enums.checkpointKind.${p.kind}`)}</Table.Td>
                {mayEdit && (
                  <Table.Td>
                    <Button variant="subtle" color="red.9" onClick={() => retirePoint.mutate({ id: p.id, name: p.name, kind: p.kind, sort: p.sort, retired: true })} aria-label={`${t('fire.retire')} ${p.name}`}>
                      {t('fire.retire')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={3}>{t('fire.items')}</Title>
          {mayEdit && <Button onClick={() => setAdding('item')}>{t('fire.addItem')}</Button>}
        </Group>
        <Table fz="md" striped>
          <Table.Tbody>
            {items.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{t(`fire.lists.${i.list}`)}</Table.Td>
                <Table.Td>{i.text}</Table.Td>
                {mayEdit && (
                  <Table.Td>
                    <Button variant="subtle" color="red.9" onClick={() => retireItem.mutate({ id: i.id, list: i.list, text: i.text, sort: i.sort, retired: true })} aria-label={`${t('fire.retire')} ${i.text}`}>
                      {t('fire.retire')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {adding && <AddRow kind={adding} onClose={() => setAdding(null)} />}
    </Stack>
  );
}
