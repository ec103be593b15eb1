// 助餐对象: the elders of the township's register who eat here or have meals delivered — searchable, with category,
// route and the usual way they eat. ID numbers are masked; someone living in the centre cannot be added (the backend refuses).
import { Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DinerRow } from '@shared/api/meals';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { DinerModal } from './DinerModal';
import { useMealsDiners } from './queries';

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
