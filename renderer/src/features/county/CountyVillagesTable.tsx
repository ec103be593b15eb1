// The village register across the county (issue 17) on screen and on paper (landscape): each township (centre) that
// reported the month, its villages, a subtotal per township and the county's total — elders at home by group and 关爱等级,
// visit coverage, the monthly visit rate of 特殊困难 elders with and without calls, overdue visits, open follow-ups and
// special reports. Rates of subtotals are worked out from the summed counts, never averaged.
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VillageRow } from '@shared/api/county';
import { share } from '@shared/domain/sync/village-figures';
import { QueryView } from '../../components/QueryView';
import { PRINT_CELL } from './CountyMatrixPage';
import { useCountyVillages } from './queries';

type Counts = Omit<VillageRow, 'centreCode' | 'township' | 'villageId' | 'village' | 'code' | 'coverage' | 'rate' | 'rateHomeOnly' | 'assessmentCoverage'>;
const GROUPS = ['left_behind', 'living_alone', 'empty_nest', 'disabled', 'over_80', 'tekun_dispersed', 'dibao'] as const;

function sum(rows: Counts[]): Counts {
  const out: Counts = { atHome: 0, byGroup: {}, byRisk: { high: 0, medium: 0, low: 0 }, mealAid: 0, agreements: 0, due: 0, dueVisited: 0, hardship: 0, hardshipVisited: 0, hardshipVisitedHome: 0, overdue: 0, openFollowups: 0, openSpecialReports: 0, assessmentCounted: 0, assessmentCurrent: 0 };
  for (const r of rows) {
    for (const k of ['atHome', 'mealAid', 'agreements', 'due', 'dueVisited', 'hardship', 'hardshipVisited', 'hardshipVisitedHome', 'overdue', 'openFollowups', 'openSpecialReports', 'assessmentCounted', 'assessmentCurrent'] as const) out[k] += r[k];
    for (const [g, n] of Object.entries(r.byGroup)) out.byGroup[g] = (out.byGroup[g] ?? 0) + n;
    for (const level of ['high', 'medium', 'low'] as const) out.byRisk[level] += r.byRisk[level];
  }
  return out;
}

const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

export function VillageTableView({ period, paper, county, countyCode = null }: { period: string; paper?: boolean; county?: string; countyCode?: string | null }) {
  const { t } = useTranslation();
  const table = useCountyVillages({ period, countyCode });
  const cell = paper ? PRINT_CELL : undefined;
  const columns = [
    t('county.villages.township'),
    t('county.villages.village'),
    t('county.villages.atHome'),
    ...GROUPS.map((g) => t(`enums.elderGroup.${g}`)),
    t('county.villages.riskHigh'),
    t('county.villages.riskMedium'),
    t('county.villages.riskLow'),
    t('county.villages.due'),
    t('county.villages.dueVisited'),
    t('county.villages.coverage'),
    t('county.villages.rate'),
    t('county.villages.rateHomeOnly'),
    t('county.villages.overdue'),
    t('county.villages.openFollowups'),
    t('county.villages.openSpecial'),
    t('county.villages.assessmentCoverage'),
  ];
  /** Where overdue visits stand among the figure cells (after the township and village columns): shown in red. */
  const overdueCell = columns.indexOf(t('county.villages.overdue')) - 2;
  const cells = (r: Counts) => [
    r.atHome,
    ...GROUPS.map((g) => r.byGroup[g] ?? 0),
    r.byRisk.high,
    r.byRisk.medium,
    r.byRisk.low,
    r.due,
    r.dueVisited,
    percent(share(r.dueVisited, r.due)),
    percent(share(r.hardshipVisited, r.hardship)),
    percent(share(r.hardshipVisitedHome, r.hardship)),
    r.overdue,
    r.openFollowups,
    r.openSpecialReports,
    percent(share(r.assessmentCurrent, r.assessmentCounted)),
  ];
  return (
    <QueryView query={table} empty={paper ? undefined : t('county.villages.empty')} isEmpty={(d) => d.rows.length === 0 && d.withoutRegister.length === 0}>
      {(data) => {
        const townships = [...new Set(data.rows.map((r) => r.township))];
        const body = townships.flatMap((township) => {
          const villages = data.rows.filter((r) => r.township === township);
          return [
            ...villages.map((r) => (
              <tr key={`${r.centreCode}-${r.villageId}`} data-testid={paper ? undefined : 'village-row'}>
                <td style={cell} className="print-nowrap">{township}</td>
                <td style={cell} className="print-nowrap">{r.village}</td>
                {cells(r).map((v, i) => (
                  <td key={i} style={{ ...cell, color: i === overdueCell && Number(v) > 0 ? 'var(--mantine-color-red-8)' : undefined }} className="print-nowrap">
                    {v}
                  </td>
                ))}
              </tr>
            )),
            <tr key={`${township}-total`} style={{ fontWeight: 700 }}>
              <td style={cell} className="print-nowrap">{township}</td>
              <td style={cell} className="print-nowrap">{t('county.villages.subtotal')}</td>
              {cells(sum(villages)).map((v, i) => (
                <td key={i} style={cell} className="print-nowrap">{v}</td>
              ))}
            </tr>,
          ];
        });
        const head = (
          <tr>
            {columns.map((c) => (
              <th key={c} style={cell}>{c}</th>
            ))}
          </tr>
        );
        const total = (
          <tr style={{ fontWeight: 700 }}>
            <td style={cell} colSpan={2}>{t('county.total')}</td>
            {cells(sum(data.rows)).map((v, i) => (
              <td key={i} style={cell} className="print-nowrap">{v}</td>
            ))}
          </tr>
        );
        return (
          <Stack gap="xs">
            {paper && (
              <Title order={2} size="h3">
                {t('county.villages.title', { county, period })}
              </Title>
            )}
            <Text size={paper ? 'sm' : undefined}>{t('county.villages.hint')}</Text>
            {data.withoutRegister.length > 0 && (
              <Alert color="orange" variant="light" data-testid="without-register">
                {t('county.villages.withoutRegister', { names: data.withoutRegister.map((c) => c.name).join('、') })}
              </Alert>
            )}
            {paper ? (
              <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 10 }}>
                <thead>{head}</thead>
                <tbody>
                  {body}
                  {total}
                </tbody>
              </table>
            ) : (
              <Table.ScrollContainer minWidth={1500} type="native" tabIndex={0} aria-label={t('county.villages.tab')}>
                <Table striped withTableBorder withColumnBorders verticalSpacing="xs" data-testid="villages-table">
                  <Table.Thead>{head}</Table.Thead>
                  <Table.Tbody>
                    {body}
                    {total}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Text size="sm">{t('county.villages.definitions')}</Text>
            {paper && <Text mt="md">{t('county.tables.preparedBy')}</Text>}
          </Stack>
        );
      }}
    </QueryView>
  );
}
