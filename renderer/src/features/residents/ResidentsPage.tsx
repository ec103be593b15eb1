// 老人名册: search by name, pinyin initials, ID-number tail or room; filter by status with the census counts.
// On a phone the table becomes one card per resident (no sideways scrolling).
import { Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ResidentRow, SEARCH_SCOPES } from '@shared/api/residents';
import { Pager } from '../../components/Pager';
import { QueryView } from '../../components/QueryView';
import { RESIDENT_STATUS_INK } from '../../components/status';
import { useMayCall } from '../../shell/current-user';
import { useResidentsCensus, useResidentsSearch } from './queries';

const PAGE_SIZE = 50;

function StatusBadge({ status }: { status: ResidentRow['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={RESIDENT_STATUS_INK[status]} variant="filled">
      {t(`enums.residentStatus.${status}`)}
    </Badge>
  );
}

/** A resident as a card on a phone: name, bed and status on top, the rest below. */
function ResidentCard({ row, discharged }: { row: ResidentRow; discharged: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      withBorder
      padding="sm"
      component="button"
      type="button"
      onClick={() => navigate(`/residents/${row.id}`)}
      data-testid="resident-card"
      style={{ textAlign: 'left', width: '100%', cursor: 'pointer', font: 'inherit', color: 'inherit' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={700} size="lg">
          {row.name}
        </Text>
        <StatusBadge status={row.status} />
      </Group>
      <Text>
        {t(`enums.sex.${row.sex}`)} · {t('residents.ageN', { n: row.age })} · {t(`enums.category.${row.primaryCategory}`)}
      </Text>
      <Text>
        {t('residents.bed')}：{row.bedLabel ?? '—'} · {discharged ? t('residents.dischargedOn') : t('residents.admittedOn')}：{(discharged ? row.dischargedOn : row.admittedOn) ?? '—'}
      </Text>
    </Card>
  );
}

export function ResidentsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)');
  const mayAdmit = useMayCall('residents.admit');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [scope, setScope] = useState<(typeof SEARCH_SCOPES)[number]>('current');
  const [page, setPage] = useState(1);
  const census = useResidentsCensus();
  const list = useResidentsSearch({ query: debounced, scope, page, pageSize: PAGE_SIZE });
  const c = census.data;
  const counts: Partial<Record<(typeof SEARCH_SCOPES)[number], number>> = c
    ? { current: c.enrolled, in_residence: c.inResidence, on_leave: c.onLeave, in_hospital: c.inHospital }
    : {};

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('residents.title')}</Title>
        {mayAdmit && (
          <Button size="lg" onClick={() => navigate('/admit')}>
            {t('nav.admit')}
          </Button>
        )}
      </Group>
      <TextInput
        size="lg"
        aria-label={t('app.search')}
        placeholder={t('residents.searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setPage(1);
        }}
      />
      <SegmentedControl
        aria-label={t('residents.status')}
        orientation={phone ? 'vertical' : 'horizontal'}
        fullWidth={phone}
        value={scope}
        onChange={(v) => {
          setScope(v as typeof scope);
          setPage(1);
        }}
        data={SEARCH_SCOPES.map((s) => ({ value: s, label: counts[s] !== undefined ? `${t(`residents.scope.${s}`)} ${counts[s]}` : t(`residents.scope.${s}`) }))}
      />
      {c && (
        <Text>
          {t('dashboard.freeBeds')}：{c.freeBeds}（{t('dashboard.freeNormal', { n: c.freeNormalBeds })}，{t('dashboard.freeNursing', { n: c.freeNursingBeds })}）
        </Text>
      )}
      <QueryView query={list} isEmpty={(data) => data.rows.length === 0} empty={debounced ? t('residents.empty') : t('residents.emptyNoQuery')}>
        {(data) => (
          <>
            <Text>{t('residents.total', { n: data.total })}</Text>
            <Stack gap="xs" hiddenFrom="sm">
              {data.rows.map((r) => (
                <ResidentCard key={r.id} row={r} discharged={scope === 'discharged'} />
              ))}
            </Stack>
            <Table striped highlightOnHover fz="md" verticalSpacing="sm" visibleFrom="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('residents.name')}</Table.Th>
                  <Table.Th>{t('residents.sex')}</Table.Th>
                  <Table.Th>{t('residents.age')}</Table.Th>
                  <Table.Th>{t('residents.idNumber')}</Table.Th>
                  <Table.Th>{t('residents.category')}</Table.Th>
                  <Table.Th>{t('residents.status')}</Table.Th>
                  <Table.Th>{t('residents.bed')}</Table.Th>
                  <Table.Th>{scope === 'discharged' ? t('residents.dischargedOn') : t('residents.admittedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.id} onClick={() => navigate(`/residents/${r.id}`)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Button variant="subtle" size="compact-lg" onClick={() => navigate(`/residents/${r.id}`)}>
                        {r.name}
                      </Button>
                    </Table.Td>
                    <Table.Td>{t(`enums.sex.${r.sex}`)}</Table.Td>
                    <Table.Td>{t('residents.ageN', { n: r.age })}</Table.Td>
                    <Table.Td>{r.idNumberMasked}</Table.Td>
                    <Table.Td>{t(`enums.category.${r.primaryCategory}`)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{r.bedLabel ?? '—'}</Table.Td>
                    <Table.Td>{scope === 'discharged' ? r.dischargedOn : r.admittedOn}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {data.total > PAGE_SIZE && (
              <Pager total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} />
            )}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
