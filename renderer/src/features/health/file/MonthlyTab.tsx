// 月度健康: the month's health entry for every resident in residence — who is missing shows first, each row with the
// month's latest weight and blood pressure from the care log so the entry starts from them; the blood-pressure and
// glucose trends of a resident open from the row.
import { Badge, Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyList } from '@shared/api/health-file';
import { ListCard, ListTable } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { MonthlyModal } from './MonthlyModal';
import { TrendsModal } from './TrendsModal';
import { useHealthMonthly } from './queries';

type Row = MonthlyList['rows'][number];

export function MonthlyTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayWrite = useMayCall('health.saveMonthly');
  const [month, setMonth] = useState(today.slice(0, 7));
  const [search, setSearch] = useState('');
  const [missingOnly, setMissingOnly] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  const [trends, setTrends] = useState<Row | null>(null);
  const list = useHealthMonthly({ month });
  return (
    <Stack>
      <Group align="end">
        <MonthPickerInput size="lg" label={t('health.file.month')} valueFormat="YYYY-MM" maxDate={today} value={`${month}-01`} onChange={(v) => v && setMonth(v.slice(0, 7))} />
        <TextInput size="lg" label={t('health.file.search')} placeholder={t('health.file.monthly.searchHint')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Switch size="md" mb="sm" label={t('health.file.monthly.missingOnly')} checked={missingOnly} onChange={(e) => setMissingOnly(e.currentTarget.checked)} />
      </Group>
      <QueryView query={list} empty={t('health.file.monthly.noResidents')} isEmpty={(l) => l.rows.length === 0}>
        {(l) => {
          const rows = l.rows
            .filter((r) => (!missingOnly || r.entry === null) && (search === '' || r.name.includes(search) || (r.bedLabel ?? '').includes(search)))
            .sort((a, b) => Number(a.entry !== null) - Number(b.entry !== null));
          return (
            <ListCard
              title={t('health.file.monthly.title', { month: l.month })}
              intro={
                <Text mb="sm" data-testid="monthly-totals">
                  {t('health.file.monthly.totals', l.totals)}
                </Text>
              }
              rows={rows}
              empty={t('health.file.monthly.noneFound')}
            >
              <ListTable heads={[t('health.file.resident'), t('health.file.bed'), t('health.file.monthly.weight'), t('health.file.monthly.bp'), t('health.file.monthly.observed'), '']} minWidth={760} testId="monthly-list">
                {rows.map((r) => {
                  const e = r.entry;
                  return (
                    <Table.Tr key={r.residentId}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.name}</Table.Td>
                      <Table.Td>{r.bedLabel ?? '—'}</Table.Td>
                      <Table.Td>{e ? (e.weightKg ?? '—') : <Text c="dimmed">{r.vitals.weightKg ?? '—'}</Text>}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {e ? (e.systolic !== null ? `${e.systolic}/${e.diastolic}` : '—') : <Text c="dimmed">{r.vitals.systolic !== null ? `${r.vitals.systolic}/${r.vitals.diastolic}` : '—'}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {e ? (
                          `${t(`enums.skin.${e.skin}`)}，${t('health.file.monthly.appetite')}${t(`enums.appetite.${e.appetite}`)}，${t(`enums.mood.${e.mood}`)}${e.note ? `；${e.note}` : ''}`
                        ) : (
                          <Badge color="danger" size="lg">
                            {t('health.file.monthly.missing')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {mayWrite && (
                            <Button size="md" variant={e ? 'default' : 'filled'} onClick={() => setEditing(r)}>
                              {e ? t('health.file.monthly.edit') : t('health.file.monthly.fill')}
                            </Button>
                          )}
                          <Button size="md" variant="subtle" onClick={() => setTrends(r)}>
                            {t('health.file.trends.open')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </ListTable>
            </ListCard>
          );
        }}
      </QueryView>
      {editing && <MonthlyModal month={month} row={editing} onClose={() => setEditing(null)} />}
      {trends && <TrendsModal residentId={trends.residentId} name={trends.name} onClose={() => setTrends(null)} />}
    </Stack>
  );
}
