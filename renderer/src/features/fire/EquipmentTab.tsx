// 消防器材: extinguishers, hydrants, detectors, lights, signs and fire doors with their dates — searchable, those
// running out marked; an expiry before the production date is refused (backend).
import { Badge, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquipmentRow } from '@shared/api/fire';
import { EQUIPMENT_TYPES } from '@shared/domain/fire/vocab';
import { QueryView } from '../../components/QueryView';
import { shortDateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { useFireCheckpoints, useFireEquipment, useFireSaveEquipment } from './queries';

function EquipmentModal({ row, onClose }: { row: EquipmentRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const points = useFireCheckpoints();
  const form = useForm({
    initialValues: {
      type: row?.type ?? 'extinguisher',
      code: row?.code ?? '',
      spec: row?.spec ?? '',
      checkpointId: row?.checkpointId ?? null,
      location: row?.location ?? '',
      productionDate: row?.productionDate ?? null,
      expiryDate: row?.expiryDate ?? null,
      lastPressureCheck: row?.lastPressureCheck ?? null,
      retired: row?.retired ?? false,
      note: row?.note ?? '',
    },
  });
  const save = useFireSaveEquipment({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const p = (k: keyof typeof form.values) => form.getInputProps(k);
  return (
    <Modal opened onClose={onClose} title={row ? t('fire.editEquipment', { code: row.code }) : t('fire.addEquipment')} size="xl">
      <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, ...(row ? { id: row.id } : {}) }))} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select size="md" label={t('fire.type')} allowDeselect={false} data={EQUIPMENT_TYPES.map((x) => ({ value: x, label: t(`enums.equipmentType.${x}`) }))} {...p('type')} />
          <TextInput size="md" label={t('fire.code')} withAsterisk {...p('code')} />
          <TextInput size="md" label={t('fire.spec')} placeholder="如：MFZ/ABC4 干粉" {...p('spec')} />
          <Select size="md" label={t('fire.checkpoint')} clearable data={(points.data ?? []).map((x) => ({ value: x.id, label: x.name }))} {...p('checkpointId')} />
          <TextInput size="md" label={t('fire.location')} withAsterisk {...p('location')} />
          <DateInput size="md" label={t('fire.productionDate')} clearable valueFormat="YYYY-MM-DD" {...p('productionDate')} />
          <DateInput size="md" label={t('fire.expiryDate')} clearable valueFormat="YYYY-MM-DD" {...p('expiryDate')} />
          <DateInput size="md" label={t('fire.lastPressureCheck')} clearable valueFormat="YYYY-MM-DD" {...p('lastPressureCheck')} />
        </SimpleGrid>
        {row && <Checkbox mt="sm" label={t('fire.retired')} {...form.getInputProps('retired', { type: 'checkbox' })} />}
        <Button type="submit" size="lg" mt="md" loading={save.isPending}>
          {t('app.save')}
        </Button>
      </form>
    </Modal>
  );
}

export function EquipmentTab() {
  const { t } = useTranslation();
  const list = useFireEquipment();
  const mayEdit = useMayCall('fire.saveEquipment');
  const [editing, setEditing] = useState<EquipmentRow | 'new' | null>(null);
  const [query, setQuery] = useState('');
  const q = query.trim();
  return (
    <Stack>
      <Group>
        <TextInput size="lg" style={{ flex: 1 }} aria-label={t('fire.searchEquipment')} placeholder={t('fire.searchEquipment')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('fire.addEquipment')}
          </Button>
        )}
      </Group>
      <QueryView query={list} empty={t('fire.noEquipment')}>
        {(data) => (
          <Table fz="md" striped data-testid="equipment-table">
            <Table.Thead>
              <Table.Tr>
                {(['code', 'type', 'spec', 'location', 'productionDate', 'expiryDate', 'lastChecked'] as const).map((c) => (
                  <Table.Th key={c}>{t(`fire.${c}`)}</Table.Th>
                ))}
                {mayEdit && <Table.Th>{t('app.edit')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data
                .filter((e) => !q || e.code.includes(q) || e.location.includes(q) || t(`enums.equipmentType.${e.type}`).includes(q))
                .map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td fw={700}>{e.code}</Table.Td>
                    <Table.Td>{t(`enums.equipmentType.${e.type}`)}</Table.Td>
                    <Table.Td>{e.spec || '—'}</Table.Td>
                    <Table.Td>{e.location}</Table.Td>
                    <Table.Td>{e.productionDate ?? '—'}</Table.Td>
                    <Table.Td>
                      {e.expiryDate ?? '—'}{' '}
                      {(e.expiry === 'soon' || e.expiry === 'expired') && (
                        <Badge color={e.expiry === 'expired' ? 'danger' : 'warning'} variant="filled">
                          {t(`fire.expiry.${e.expiry}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{e.lastChecked ? shortDateTime(e.lastChecked) : t('fire.never')}</Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Button variant="subtle" onClick={() => setEditing(e)} aria-label={`${t('app.edit')} ${e.code}`}>
                          {t('app.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      {editing && <EquipmentModal row={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
