// 助餐对象: the village elders who eat here or have meals delivered — searchable, with category, route and the usual
// way they eat. ID numbers are masked; someone living in the centre cannot be added (the backend refuses).
import { Badge, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DinerRow } from '@shared/api/meals';
import { DINER_CATEGORIES, SERVING_MODES } from '@shared/domain/meals/vocab';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { useMealsDiners, useMealsSaveDiner } from './queries';

function DinerModal({ diner, onClose }: { diner: DinerRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: {
      name: diner?.name ?? '',
      idNumber: '',
      village: diner?.village ?? '',
      category: diner?.category ?? 'elderly',
      phone: diner?.phone ?? '',
      address: diner?.address ?? '',
      route: diner?.route ?? '',
      defaultMode: diner?.defaultMode ?? 'dine_in',
      leftOn: diner?.leftOn ?? null,
      note: diner?.note ?? '',
    },
  });
  const save = useMealsSaveDiner({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const submit = (v: typeof form.values) => {
    const { idNumber, ...rest } = v;
    save.mutate({ ...rest, ...(diner ? { id: diner.id } : {}), ...(idNumber || !diner ? { idNumber } : {}) });
  };
  const p = (k: keyof typeof form.values) => form.getInputProps(k);
  return (
    <Modal opened onClose={onClose} title={diner ? t('meals.aid.editDiner', { name: diner.name }) : t('meals.aid.addDiner')} size="xl">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput size="lg" label={t('meals.aid.name')} withAsterisk {...p('name')} />
          <TextInput size="lg" label={t('meals.aid.idNumber')} withAsterisk={!diner} placeholder={diner?.idNumberMasked} {...p('idNumber')} />
          <TextInput size="lg" label={t('meals.aid.village')} withAsterisk {...p('village')} />
          <Select size="lg" label={t('meals.aid.category')} allowDeselect={false} data={DINER_CATEGORIES.map((c) => ({ value: c, label: t(`enums.dinerCategory.${c}`) }))} {...p('category')} />
          <TextInput size="lg" label={t('meals.aid.phone')} inputMode="tel" {...p('phone')} />
          <TextInput size="lg" label={t('meals.aid.address')} {...p('address')} />
          <TextInput size="lg" label={t('meals.aid.route')} placeholder="如：东线" {...p('route')} />
          <Select size="lg" label={t('meals.aid.defaultMode')} allowDeselect={false} data={SERVING_MODES.map((m) => ({ value: m, label: t(`enums.servingMode.${m}`) }))} {...p('defaultMode')} />
          {diner && <DateInput size="lg" label={t('meals.aid.leftOn')} clearable valueFormat="YYYY-MM-DD" {...p('leftOn')} />}
        </SimpleGrid>
        <Textarea mt="sm" label={t('meals.aid.note')} {...p('note')} />
        <Button type="submit" size="lg" mt="md" loading={save.isPending}>
          {t('app.save')}
        </Button>
      </form>
    </Modal>
  );
}

export function DinersTab() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [includeLeft, setIncludeLeft] = useState(false);
  const diners = useMealsDiners({ query, includeLeft });
  const mayEdit = useMayCall('meals.saveDiner');
  const [editing, setEditing] = useState<DinerRow | 'new' | null>(null);
  return (
    <Stack>
      <Group>
        <TextInput size="lg" style={{ flex: 1 }} aria-label={t('meals.aid.search')} placeholder={t('meals.aid.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
        <Checkbox label={t('meals.aid.showLeft')} checked={includeLeft} onChange={(e) => setIncludeLeft(e.currentTarget.checked)} />
        {mayEdit && (
          <Button size="lg" onClick={() => setEditing('new')}>
            {t('meals.aid.addDiner')}
          </Button>
        )}
      </Group>
      <QueryView query={diners} empty={query ? t('meals.noMatch') : t('meals.aid.empty')} emptyAction={mayEdit && !query && <Button onClick={() => setEditing('new')}>{t('meals.aid.addDiner')}</Button>}>
        {(data) => (
          <Table fz="md" striped verticalSpacing="sm" data-testid="diners-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('meals.aid.name')}</Table.Th>
                <Table.Th>{t('meals.aid.village')}</Table.Th>
                <Table.Th>{t('meals.aid.category')}</Table.Th>
                <Table.Th>{t('meals.aid.defaultMode')}</Table.Th>
                <Table.Th>{t('meals.aid.route')}</Table.Th>
                <Table.Th>{t('meals.aid.phone')}</Table.Th>
                <Table.Th>{t('staff.status')}</Table.Th>
                {mayEdit && <Table.Th>{t('app.edit')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Text fw={700}>{d.name}</Text>
                    <Text size="sm">
                      {t(`enums.sex.${d.sex}`)} {t('meals.aid.age', { n: d.age })} {d.idNumberMasked}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.village}</Table.Td>
                  <Table.Td>{t(`enums.dinerCategory.${d.category}`)}</Table.Td>
                  <Table.Td>{t(`enums.servingMode.${d.defaultMode}`)}</Table.Td>
                  <Table.Td>{d.route || '—'}</Table.Td>
                  <Table.Td>{d.phone || '—'}</Table.Td>
                  <Table.Td>
                    <Badge color={d.active ? 'ok' : 'muted'} variant="filled">
                      {d.active ? t('meals.aid.active') : t('meals.aid.stopped')}
                    </Badge>
                  </Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Button variant="subtle" onClick={() => setEditing(d)} aria-label={`${t('app.edit')} ${d.name}`}>
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
      {editing && <DinerModal diner={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
