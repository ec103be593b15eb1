// 消防设置: the people responsible, the 重点单位 flag with the duties it implies, the patrol plan (night patrols as a
// count with an optional list of windows) and inspection plan (each default with the rule it comes from), and the
// checkpoints and checklist items — editable, retired rather than deleted.
import { Alert, Button, Card, Checkbox, Group, List, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FireSettings } from '@shared/api/fire';
import { KEY_UNIT_BEDS, keyUnitDuties } from '@shared/domain/fire/key-unit';
import { CHECKPOINT_KINDS, ITEM_LISTS } from '@shared/domain/fire/vocab';
import { zodValidate } from '../../api/zod-form';
import { LoadingState } from '../../components/States';
import { useMayCall } from '../../shell/current-user';
import { useFacilityGet } from '../facility/queries';
import { useFireCheckpoints, useFireItems, useFireSaveCheckpoint, useFireSaveItem, useFireSaveSettings, useFireSettings, useFireSettingsClamped } from './queries';

const PATROL_NUMBERS = ['dayPatrolsPerDay', 'nightPatrols', 'nightGapMinutes'] as const;
const NUMBERS = ['inspectionEveryMonths', 'drillEveryMonths', 'trainingEveryMonths', 'equipmentCheckEveryMonths', 'expiryWarnDays'] as const;

const useFireForm = (values: FireSettings) => useForm<FireSettings>({ initialValues: values, validate: zodValidate(FireSettings) });
type FireForm = ReturnType<typeof useFireForm>;

/** What the 重点单位 flag implies, shown beside it; ticking it sets the drill interval it implies. */
function KeyUnit({ form, mayEdit }: { form: FireForm; mayEdit: boolean }) {
  const { t } = useTranslation();
  const duties = keyUnitDuties(form.values.keyUnit);
  const checkbox = form.getInputProps('keyUnit', { type: 'checkbox' });
  const beds = useFacilityGet().data?.licensedBeds ?? null;
  // 50 beds or more usually makes a home a key unit [R]: say so when the flag disagrees with the bed count.
  const bedHint = beds !== null && (beds >= KEY_UNIT_BEDS) !== form.values.keyUnit ? t('fire.keyUnitBeds', { beds, limit: KEY_UNIT_BEDS }) : null;
  return (
    <Card withBorder padding="sm" data-testid="key-unit">
      <Checkbox
        label={t('fire.keyUnit')}
        disabled={!mayEdit}
        {...checkbox}
        onChange={(e) => {
          const keyUnit = e.currentTarget.checked;
          form.setFieldValue('keyUnit', keyUnit);
          form.setFieldValue('drillEveryMonths', keyUnitDuties(keyUnit).drillEveryMonths);
        }}
      />
      {bedHint && (
        <Text mt="xs" c="warning" fw={700} data-testid="key-unit-beds">
          {bedHint}
        </Text>
      )}
      <Text mt="xs">{t('fire.keyUnitImplies')}</Text>
      <List size="md">
        {duties.lines.map((l) => (
          <List.Item key={l}>{l}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dark.6">
        {t('fire.keyUnitDefaults', { months: duties.drillEveryMonths })}
      </Text>
    </Card>
  );
}

/** Optional fixed night windows: one patrol inside each. */
function NightWindows({ form, mayEdit }: { form: FireForm; mayEdit: boolean }) {
  const { t } = useTranslation();
  const windows = form.values.nightWindows;
  return (
    <Stack gap="xs">
      <Text fw={500}>{t('fire.nightWindowsLabel')}</Text>
      {windows.map((_, i) => (
        <Group key={i} align="end">
          <TextInput label={t('fire.windowFrom')} w={110} placeholder="23:00" disabled={!mayEdit} {...form.getInputProps(`nightWindows.${i}.from`)} />
          <TextInput label={t('fire.windowTo')} w={110} placeholder="01:00" disabled={!mayEdit} {...form.getInputProps(`nightWindows.${i}.to`)} />
          {mayEdit && (
            <Button variant="subtle" color="red.9" onClick={() => form.removeListItem('nightWindows', i)} aria-label={`${t('fire.removeWindow')} ${i + 1}`}>
              {t('fire.removeWindow')}
            </Button>
          )}
        </Group>
      ))}
      {form.errors.nightWindows && (
        <Text c="danger" size="sm" role="alert">
          {form.errors.nightWindows}
        </Text>
      )}
      {mayEdit && (
        <Group>
          <Button variant="outline" onClick={() => form.insertListItem('nightWindows', { from: '', to: '' })}>
            {t('fire.addWindow')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Intervals stored longer than the 重点单位 flag allows, now applied at the longest allowed: said, never silent. */
function ClampedNote() {
  const { t } = useTranslation();
  const clamped = useFireSettingsClamped().data ?? [];
  if (clamped.length === 0) return null;
  return (
    <Alert color="yellow" title={t('fire.clampedTitle')} mb="sm" data-testid="fire-clamped">
      {clamped.map((c) => (
        <Text key={c.field}>{t('fire.clampedLine', { field: t(`fire.clampedField.${c.field}`), stored: c.stored, applied: c.applied, rule: c.rule })}</Text>
      ))}
    </Alert>
  );
}

function SettingsForm({ values }: { values: FireSettings }) {
  const { t } = useTranslation();
  const mayEdit = useMayCall('fire.saveSettings');
  const form = useFireForm(values);
  const save = useFireSaveSettings({ successMessage: t('settings.saved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Card withBorder>
      <Title order={3} mb="sm">
        {t('fire.settingsTitle')}
      </Title>
      <ClampedNote />
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack maw={720}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('fire.responsiblePerson')} disabled={!mayEdit} {...form.getInputProps('responsiblePerson')} />
            <TextInput label={t('fire.managerPerson')} disabled={!mayEdit} {...form.getInputProps('managerPerson')} />
            <TextInput label={t('fire.nightStart')} disabled={!mayEdit} {...form.getInputProps('nightStart')} />
            <TextInput label={t('fire.nightEnd')} disabled={!mayEdit} {...form.getInputProps('nightEnd')} />
          </SimpleGrid>
          <KeyUnit form={form} mayEdit={mayEdit} />
          {PATROL_NUMBERS.map((f) => (
            <NumberInput key={f} label={t(`fire.${f}`)} allowDecimal={false} disabled={!mayEdit} {...form.getInputProps(f)} />
          ))}
          <NightWindows form={form} mayEdit={mayEdit} />
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
  const saveCheckpoint = useFireSaveCheckpoint({ successMessage: t('app.saved'), onSuccess: onClose });
  const saveItem = useFireSaveItem({ successMessage: t('app.saved'), onSuccess: onClose });
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
  const settings = useFireSettings();
  const points = useFireCheckpoints();
  const items = useFireItems();
  const mayEdit = useMayCall('fire.saveCheckpoint');
  const retirePoint = useFireSaveCheckpoint({ successMessage: t('app.saved') });
  const retireItem = useFireSaveItem({ successMessage: t('app.saved') });
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
