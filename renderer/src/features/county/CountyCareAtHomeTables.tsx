// Care at home across the county (issue 18) on screen and on paper (landscape): per township and village (services
// bought, entrusted care, mutual aid) with a subtotal per township and the county's total; per service item against
// the entitlements; per provider with its settlement; and 分散供养特困 under entrusted care per tier.
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareAtHomeTable, CareVillageRow } from '@shared/api/county';
import { TIER_NAMES } from '@shared/domain/assessment/tekun-tier';
import { QueryView } from '../../components/QueryView';
import { PRINT_CELL } from './CountyMatrixPage';
import { useCountyCareAtHome } from './queries';

const VILLAGE_COUNTS = ['servedElders', 'visitsDone', 'visitsMissed', 'serviceMinutes', 'disputed', 'complaints', 'overQuota', 'entrusted', 'entrustedChecked', 'pairs', 'helpers', 'aidActivities', 'aidMinutes', 'associationActivities', 'attendance'] as const;
type VillageCounts = Pick<CareVillageRow, (typeof VILLAGE_COUNTS)[number]>;

const sum = (rows: VillageCounts[]) => Object.fromEntries(VILLAGE_COUNTS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as VillageCounts;
const hours = (minutes: number) => (minutes / 60).toFixed(1);
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** One figure table, the same on screen (scrolling sideways) and on paper. */
function FigureTable({ label, columns, rows, paper, testId, minWidth }: { label: string; columns: string[]; rows: { key: string; cells: ReactNode[]; bold?: boolean }[]; paper?: boolean; testId: string; minWidth: number }) {
  const cell = paper ? PRINT_CELL : undefined;
  const head = (
    <tr>
      {columns.map((c) => (
        <th key={c} style={cell}>
          {c}
        </th>
      ))}
    </tr>
  );
  const body = rows.map((r) => (
    <tr key={r.key} style={r.bold ? { fontWeight: 700 } : undefined} data-testid={paper ? undefined : `${testId}-row`}>
      {r.cells.map((v, i) => (
        <td key={i} style={cell} className="print-nowrap">
          {v}
        </td>
      ))}
    </tr>
  ));
  return paper ? (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 10 }}>
      <thead>{head}</thead>
      <tbody>{body}</tbody>
    </table>
  ) : (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} aria-label={label}>
      <Table striped withTableBorder withColumnBorders verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>{head}</Table.Thead>
        <Table.Tbody>{body}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function VillagesTable({ data, paper }: { data: CareAtHomeTable; paper?: boolean }) {
  const { t } = useTranslation();
  const cells = (r: VillageCounts) => VILLAGE_COUNTS.map((k) => (k === 'serviceMinutes' || k === 'aidMinutes' ? hours(r[k]) : r[k]));
  const townships = [...new Set(data.villages.map((r) => r.township))];
  const rows = townships.flatMap((township) => {
    const villages = data.villages.filter((r) => r.township === township);
    return [
      ...villages.map((r) => ({ key: `${r.centreCode}-${r.villageId ?? 'none'}`, cells: [township, r.village, ...cells(r)] })),
      { key: `${township}-total`, cells: [township, t('county.care.subtotal'), ...cells(sum(villages))], bold: true },
    ];
  });
  rows.push({ key: 'total', cells: [t('county.total'), '', ...cells(sum(data.villages))], bold: true });
  const labels: Record<(typeof VILLAGE_COUNTS)[number], string> = {
    servedElders: t('county.care.servedElders'),
    visitsDone: t('county.care.visitsDone'),
    visitsMissed: t('county.care.visitsMissed'),
    serviceMinutes: t('county.care.serviceHours'),
    disputed: t('county.care.disputed'),
    complaints: t('county.care.complaints'),
    overQuota: t('county.care.overQuota'),
    entrusted: t('county.care.entrusted'),
    entrustedChecked: t('county.care.entrustedChecked'),
    pairs: t('county.care.pairs'),
    helpers: t('county.care.helpers'),
    aidActivities: t('county.care.aidActivities'),
    aidMinutes: t('county.care.aidHours'),
    associationActivities: t('county.care.associationActivities'),
    attendance: t('county.care.attendance'),
  };
  return <FigureTable label={t('county.care.villagesTitle')} paper={paper} testId="care-villages" minWidth={1500} columns={[t('county.care.township'), t('county.care.village'), ...VILLAGE_COUNTS.map((k) => labels[k])]} rows={rows} />;
}

function ItemsTable({ data, paper }: { data: CareAtHomeTable; paper?: boolean }) {
  const { t } = useTranslation();
  const inUnit = (unit: 'visit' | 'hour', n: number) => (unit === 'hour' ? t('county.care.hoursValue', { n: hours(n) }) : t('county.care.timesValue', { n }));
  return (
    <FigureTable
      label={t('county.care.itemsTitle')}
      paper={paper}
      testId="care-items"
      minWidth={900}
      columns={[t('county.care.township'), t('county.care.item'), t('county.care.unit'), t('county.care.visits'), t('county.care.quantity'), t('county.care.entitledElders'), t('county.care.quota'), t('county.care.used'), t('county.care.usedShare')]}
      rows={data.items.map((i) => ({
        key: `${i.centreCode}-${i.itemId}`,
        cells: [i.township, i.item, t(`enums.serviceUnit.${i.unit}`), i.visits, inUnit(i.unit, i.quantity), i.entitledElders, inUnit(i.unit, i.quota), inUnit(i.unit, i.used), i.quota > 0 ? `${((i.used / i.quota) * 100).toFixed(1)}%` : '—'],
      }))}
    />
  );
}

function ProvidersTable({ data, paper }: { data: CareAtHomeTable; paper?: boolean }) {
  const { t } = useTranslation();
  return (
    <FigureTable
      label={t('county.care.providersTitle')}
      paper={paper}
      testId="care-providers"
      minWidth={1200}
      columns={[
        t('county.care.township'),
        t('county.care.provider'),
        t('county.care.providerKind'),
        t('county.care.visitsDone'),
        t('county.care.visitsMissed'),
        t('county.care.disputed'),
        t('county.care.settledOn'),
        t('county.care.settledVisits'),
        t('county.care.amount'),
        t('county.care.disputedAmount'),
        t('county.care.subsidy'),
        t('county.care.personal'),
      ]}
      rows={data.providers.map((p) => ({
        key: `${p.centreCode}-${p.providerId}`,
        cells: [
          p.township,
          p.provider,
          t(`enums.providerKind.${p.kind}`),
          p.visitsDone,
          p.visitsMissed,
          p.disputed,
          ...(p.settlement
            ? [p.settlement.settledOn, p.settlement.visits, yuan(p.settlement.amountFen), yuan(p.settlement.disputedFen), yuan(p.settlement.subsidyFen), yuan(p.settlement.personalFen)]
            : [t('county.care.notSettled'), '', '', '', '', '']),
        ],
      }))}
    />
  );
}

function TiersTable({ data, paper }: { data: CareAtHomeTable; paper?: boolean }) {
  const { t } = useTranslation();
  return (
    <FigureTable
      label={t('county.care.tiersTitle')}
      paper={paper}
      testId="care-tiers"
      minWidth={800}
      columns={[t('county.care.township'), t('county.care.tier'), t('county.care.agreements'), t('county.care.checked'), t('county.care.notDelivered'), t('county.care.poorCarer'), t('county.care.monthlySubsidy')]}
      rows={data.tiers.map((r) => ({ key: `${r.centreCode}-${r.tier}`, cells: [r.township, TIER_NAMES[r.tier], r.agreements, r.checked, r.notDelivered, r.poorCarer, yuan(r.subsidyFen)] }))}
    />
  );
}

export function CareAtHomeTableView({ period, paper, county, countyCode = null }: { period: string; paper?: boolean; county?: string; countyCode?: string | null }) {
  const { t } = useTranslation();
  const table = useCountyCareAtHome({ period, countyCode });
  const section = (title: string, body: ReactNode, empty: boolean) => (
    <Stack gap={4}>
      <Title order={3} size={paper ? 'h5' : 'h4'}>
        {title}
      </Title>
      {empty ? <Text c="dimmed">{t('county.care.nothing')}</Text> : body}
    </Stack>
  );
  return (
    <QueryView query={table} empty={paper ? undefined : t('county.care.empty')} isEmpty={(d) => d.villages.length === 0 && d.withoutCare.length === 0}>
      {(data) => (
        <Stack gap="sm">
          {paper && (
            <Title order={2} size="h3">
              {t('county.care.title', { county, period })}
            </Title>
          )}
          <Text size={paper ? 'sm' : undefined}>{t('county.care.hint')}</Text>
          {data.withoutCare.length > 0 && (
            <Alert color="orange" variant="light" data-testid="without-care">
              {t('county.care.withoutCare', { names: data.withoutCare.map((c) => c.name).join('、') })}
            </Alert>
          )}
          {section(t('county.care.villagesTitle'), <VillagesTable data={data} paper={paper} />, data.villages.length === 0)}
          {section(t('county.care.itemsTitle'), <ItemsTable data={data} paper={paper} />, data.items.length === 0)}
          {section(t('county.care.providersTitle'), <ProvidersTable data={data} paper={paper} />, data.providers.length === 0)}
          {section(t('county.care.tiersTitle'), <TiersTable data={data} paper={paper} />, data.tiers.every((r) => r.agreements === 0))}
          {paper && <Text mt="md">{t('county.tables.preparedBy')}</Text>}
        </Stack>
      )}
    </QueryView>
  );
}
