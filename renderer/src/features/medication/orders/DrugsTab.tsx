// 药品目录: the drugs the centre's orders name — 通用名, form, strength, the unit a dose and the kept stock are counted
// in, and the 高警示 class (a dose of a class the settings name needs a second person's PIN). Retired, never deleted.
import { Badge, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrugRow } from '@shared/api/medication-orders';
import { DOSE_UNITS, type DoseUnit, DRUG_FORMS, type DrugForm, HIGH_ALERT_CLASSES, type HighAlertClass } from '@shared/domain/medication/vocab';
import { ListCard, ListTable } from '../../../components/ListCard';
import { ModalButtons } from '../../../components/ModalButtons';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { useMedicationDrugs, useMedicationSaveDrug } from './queries';

const FIELDS = ['name', 'form', 'strength', 'unit', 'highAlert', 'note', 'retired'];

function DrugModal({ drug, onClose }: { drug: DrugRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({
    name: drug?.name ?? '',
    form: (drug?.form ?? 'tablet') as DrugForm,
    strength: drug?.strength ?? '',
    unit: (drug?.unit ?? 'tablet') as DoseUnit,
    highAlert: (drug?.highAlert ?? 'none') as HighAlertClass,
    note: drug?.note ?? '',
    retired: drug?.retired ?? false,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMedicationSaveDrug({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), FIELDS.includes(f)) });
  return (
    <Modal opened onClose={onClose} size="lg" title={drug ? t('medication.orders.drugEdit', { name: drug.name }) : t('medication.orders.drugNew')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate({ ...(drug ? { id: drug.id } : {}), ...v });
        }}
      >
        <Stack>
          <TextInput size="lg" label={t('medication.orders.drugName')} withAsterisk placeholder={t('medication.orders.drugNameHint')} value={v.name} onChange={(e) => setV({ ...v, name: e.currentTarget.value })} error={errors.name} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select size="lg" label={t('medication.orders.form')} withAsterisk allowDeselect={false} data={DRUG_FORMS.map((f) => ({ value: f, label: t(`enums.drugForm.${f}`) }))} value={v.form} onChange={(f) => f && setV({ ...v, form: f as DrugForm })} error={errors.form} />
            <TextInput size="lg" label={t('medication.orders.strength')} placeholder={t('medication.orders.strengthHint')} value={v.strength} onChange={(e) => setV({ ...v, strength: e.currentTarget.value })} error={errors.strength} />
            <Select size="lg" label={t('medication.orders.unit')} withAsterisk allowDeselect={false} data={DOSE_UNITS.map((u) => ({ value: u, label: t(`enums.doseUnit.${u}`) }))} value={v.unit} onChange={(u) => u && setV({ ...v, unit: u as DoseUnit })} error={errors.unit} description={t('medication.orders.unitHint')} />
            <Select size="lg" label={t('medication.orders.highAlertClass')} allowDeselect={false} data={HIGH_ALERT_CLASSES.map((h) => ({ value: h, label: t(`enums.highAlert.${h}`) }))} value={v.highAlert} onChange={(h) => h && setV({ ...v, highAlert: h as HighAlertClass })} error={errors.highAlert} description={t('medication.orders.highAlertHint')} />
          </SimpleGrid>
          <TextInput size="lg" label={t('medication.orders.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={errors.note} />
          {drug && <Switch size="lg" label={t('medication.orders.retire')} checked={v.retired} onChange={(e) => setV({ ...v, retired: e.currentTarget.checked })} error={errors.retired} />}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function DrugsTab({ today }: { today: string }) {
  void today;
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [withRetired, setWithRetired] = useState(false);
  const q = search.trim();
  const drugs = useMedicationDrugs({ query: q, includeRetired: withRetired });
  const mayEdit = useMayCall('medication.saveDrug');
  const [editing, setEditing] = useState<DrugRow | 'new' | null>(null);
  return (
    <Stack>
      <Text>{t('medication.orders.drugsIntro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <TextInput size="lg" style={{ flex: 1, minWidth: 220 }} aria-label={t('medication.orders.drugSearch')} placeholder={t('medication.orders.drugSearch')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Checkbox size="md" label={t('medication.orders.showRetired')} checked={withRetired} onChange={(e) => setWithRetired(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('medication.orders.addDrug')}
          </Button>
        )}
      </Group>
      <QueryView query={drugs}>
        {(rows) => (
          <ListCard title={t('medication.orders.drugsTitle', { n: rows.length })} rows={rows} empty={q ? t('medication.orders.noMatch') : t('medication.orders.drugsEmpty')}>
            <ListTable minWidth={640} testId="medication-drugs" heads={[t('medication.orders.drugName'), t('medication.orders.form'), t('medication.orders.strength'), t('medication.orders.unit'), t('medication.orders.highAlertClass'), t('medication.orders.inUse'), mayEdit && t('medication.orders.actions')]}>
              {rows.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                        {d.name}
                      </Text>
                      {d.retired && (
                        <Badge color="muted" variant="filled">
                          {t('medication.orders.retiredMark')}
                        </Badge>
                      )}
                    </Group>
                    {d.note && (
                      <Text size="sm" c="dark.6">
                        {d.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`enums.drugForm.${d.form}`)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.strength}</Table.Td>
                  <Table.Td>{t(`enums.doseUnit.${d.unit}`)}</Table.Td>
                  <Table.Td>
                    {d.highAlert === 'none' ? (
                      t('enums.highAlert.none')
                    ) : (
                      <Badge color="red.9" variant="filled">
                        {t(`enums.highAlert.${d.highAlert}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t('medication.orders.ordersCount', { n: d.activeOrders })}</Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Button size="md" variant="outline" onClick={() => setEditing(d)} aria-label={`${t('medication.orders.edit')} ${d.name} ${d.strength}`}>
                        {t('medication.orders.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </ListTable>
          </ListCard>
        )}
      </QueryView>
      {editing && <DrugModal drug={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
