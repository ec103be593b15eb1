// 县级指标: one month's figures for the county and each centre (a centre's name opens its month), the twelve-month
// trend of any indicator as a chart, the official tables (特困 quarterly, facility basic situation), and the Excel
// workbook of every table. 打印 prints the tab that is open: the indicators, or the official table shown.
import { LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Indicators } from '@shared/api/county';
import { INDICATORS, formatIndicator, indicatorValue } from '@shared/domain/sync/figures';
import { downloadBase64 } from '../../components/download';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { FiguresTable } from '../sync/MonthReport';
import { PRINT_CELL } from './CountyMatrixPage';
import { FacilityTableView, PrintTable, QuarterSelect, TekunQuarterTable } from './CountyTables';
import { VillageTableView } from './CountyVillagesTable';
import { CareAtHomeTableView } from './CountyCareAtHomeTables';
import { fetchCountyExcel, useCountyIndicators, useCountyStatus } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { CountiesTable, CountyPicker, useAreaCounty } from './CountyArea';
import { chinaDate, shiftMonth } from '@shared/domain/dates';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADLINES = ['beds', 'nursingBedRatio', 'occupancy', 'residents', 'careCoverage', 'patrolCompliance', 'incidents', 'openDangers'];

function IndicatorTable({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const { choose } = useAreaCounty();
  const [query, setQuery] = useState('');
  // The whole area of a prefecture or province: one column per county, its name opens that county's centres.
  const byCounty = data.columns === 'counties';
  const rows = INDICATORS.filter((r) => !query.trim() || r.label.includes(query.trim()) || r.group.includes(query.trim()));
  return (
    <Stack>
      <TextInput label={t('county.indicatorSearch')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={280} />
      <Table.ScrollContainer minWidth={600 + data.centres.length * 120}>
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('county.col.group')}</Table.Th>
              <Table.Th>{t('county.col.indicator')}</Table.Th>
              <Table.Th>{byCounty ? t('county.area.total') : t('county.col.county')}</Table.Th>
              {data.centres.map((c) => (
                <Table.Th key={c.centreCode}>
                  {byCounty ? (
                    <Anchor component="button" type="button" fw={700} onClick={() => choose(c.centreCode)}>
                      {c.name}
                    </Anchor>
                  ) : (
                    <Anchor component={Link} to={`/county/centre/${c.centreCode}/${data.period}`}>
                      {c.name}
                    </Anchor>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.group}</Table.Td>
                <Table.Td>
                  {r.label}
                  {r.definition && (
                    <Text size="sm" c="dimmed" maw={420}>
                      {r.definition}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fw={700}>{formatIndicator(r, data.total)}</Table.Td>
                {data.centres.map((c) => (
                  <Table.Td key={c.centreCode}>{formatIndicator(r, c.figures, t('county.notReported'))}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Trend({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const [key, setKey] = useState('residents');
  const row = INDICATORS.find((r) => r.key === key)!;
  const withData = data.trend.filter((p) => p.reported > 0);
  const points = data.trend.map((p) => {
    const v = p.reported ? indicatorValue(row, p.total) : null;
    return { period: p.period.slice(2), [row.label]: v === null ? null : row.share ? Math.round(v * 1000) / 10 : row.fen ? v / 100 : v };
  });
  return (
    <Stack>
      <Select label={t('county.trendOf')} data={INDICATORS.map((r) => ({ value: r.key, label: `${r.group} · ${r.label}` }))} value={key} onChange={(v) => v && setKey(v)} searchable allowDeselect={false} w={360} />
      {/* A month alone is a dot, not a line: drawn large, and said in words. */}
      {withData.length === 1 && (
        <Text size="lg" data-testid="trend-one-month">
          {t('county.trendOneMonth', { period: withData[0].period, label: row.label, value: formatIndicator(row, withData[0].total) })}
        </Text>
      )}
      <LineChart h={320} data={points} dataKey="period" series={[{ name: row.label, color: 'blue.8' }]} unit={row.share ? '%' : undefined} connectNulls={false} withLegend dotProps={{ r: 6, strokeWidth: 2 }} xAxisProps={{ padding: { left: 24, right: 24 } }} />
    </Stack>
  );
}

/** An official table on its tab, with the button that prints it (the page's print copy follows the open tab). */
function PrintableTable({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Group>
        <Button variant="outline" onClick={() => window.print()}>
          {t('county.tables.printTable')}
        </Button>
      </Group>
      {children}
    </Stack>
  );
}

/** On paper, landscape: the county's totals by topic, then each centre's headline figures (a page of their own). */
function PrintIndicators({ data }: { data: Indicators }) {
  const { t } = useTranslation();
  const status = useCountyStatus();
  const headlines = HEADLINES.map((key) => INDICATORS.find((r) => r.key === key)!);
  return (
    <div className="print-only print-wide">
      <Title order={2} mb="xs">
        {t('county.indicatorsPrintTitle', { county: status.data?.countyName ?? '', period: data.period })}
      </Title>
      <Text mb="sm">{t('county.reported', { n: data.reported, total: data.centreCount })}</Text>
      <FiguresTable figures={data.total} />
      <div style={{ breakBefore: 'page' }}>
        <Title order={3} mb="xs">
          {data.columns === 'counties' ? t('county.area.printByCounty', { period: data.period }) : t('county.indicatorsByCentre', { period: data.period })}
        </Title>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th className="print-nowrap" style={PRINT_CELL}>
                {data.columns === 'counties' ? t('county.area.col.county') : t('county.col.centre')}
              </th>
              {headlines.map((r) => (
                <th key={r.key} style={PRINT_CELL}>
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.centres.map((c) => (
              <tr key={c.centreCode}>
                <td className="print-nowrap" style={PRINT_CELL}>
                  {c.name}
                </td>
                {headlines.map((r) => (
                  <td key={r.key} className="print-nowrap" style={PRINT_CELL}>
                    {formatIndicator(r, c.figures, t('county.notReported'))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Text mt="md">{t('county.printSignature')}</Text>
      </div>
    </div>
  );
}

export function CountyIndicatorsPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const [params, setParams] = useSearchParams();
  const lastMonth = shiftMonth((info.data?.today ?? chinaDate(new Date())).slice(0, 7), -1);
  const period = params.get('period') ?? lastMonth;
  const { isArea, countyCode } = useAreaCounty();
  const data = useCountyIndicators({ period, countyCode });
  const status = useCountyStatus();
  const [chosenTab, setTab] = useState<string | null>(null);
  // An area's whole view opens on its counties; the 各县 tab is not there for one county or a county's own store.
  const showCounties = isArea && countyCode === null;
  const tab = chosenTab === 'counties' && !showCounties ? 'table' : (chosenTab ?? (showCounties ? 'counties' : 'table'));
  const year = Number(period.slice(0, 4));
  // The quarter of the chosen month, unless another quarter of that month's year was picked.
  const [picked, setPicked] = useState<{ period: string; quarter: number } | null>(null);
  const quarter = picked?.period === period ? picked.quarter : Math.ceil(Number(period.slice(5, 7)) / 3);
  const setQuarter = (q: number) => setPicked({ period, quarter: q });
  const county = status.data?.countyName ?? '';
  const months = Array.from({ length: 24 }, (_, i) => shiftMonth(lastMonth, -i));
  const excel = async () => {
    const file = await fetchCountyExcel(period, countyCode);
    downloadBase64(file.fileName, file.base64, XLSX);
  };
  return (
    <Stack>
      <Title order={2} className="screen-only">
        {t('county.indicatorsTitle')}
      </Title>
      <Group align="end" className="screen-only">
        <Select
          label={t('county.month')}
          data={months}
          value={period}
          onChange={(v) => v && setParams((p) => { const next = new URLSearchParams(p); next.set('period', v); return next; })}
          allowDeselect={false}
          w={200}
          size="md"
        />
        <CountyPicker />
        <Button size="md" variant="outline" onClick={() => void excel()}>
          {t('county.excel')}
        </Button>
        <Button size="md" variant="outline" onClick={() => window.print()} disabled={!data.data}>
          {t('county.print')}
        </Button>
      </Group>
      <QueryView query={data}>
        {(rows) => (
          <>
            {tab === 'tekun' ? (
              <PrintTable>
                <TekunQuarterTable year={year} quarter={quarter} county={county} countyCode={countyCode} paper />
              </PrintTable>
            ) : tab === 'facility' ? (
              <PrintTable>
                <FacilityTableView period={period} county={county} countyCode={countyCode} paper />
              </PrintTable>
            ) : tab === 'villages' ? (
              <PrintTable>
                <VillageTableView period={period} county={county} countyCode={countyCode} paper />
              </PrintTable>
            ) : tab === 'careAtHome' ? (
              <PrintTable>
                <CareAtHomeTableView period={period} county={county} countyCode={countyCode} paper />
              </PrintTable>
            ) : (
              <PrintIndicators data={rows} />
            )}
            <Stack className="screen-only">
            <Text size="lg">{t('county.reported', { n: rows.reported, total: rows.centreCount })}</Text>
            {rows.reported === 0 && <EmptyState>{t('county.noData')}</EmptyState>}
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {HEADLINES.map((key) => {
                const row = INDICATORS.find((r) => r.key === key)!;
                return (
                  <Card key={key} withBorder padding="md">
                    <Text>{row.label}</Text>
                    <Text size="xl" fw={700} data-testid={`headline-${key}`}>
                      {formatIndicator(row, rows.reported ? rows.total : null, '—')}
                    </Text>
                  </Card>
                );
              })}
            </SimpleGrid>
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List>
                {showCounties && <Tabs.Tab value="counties">{t('county.area.tab')}</Tabs.Tab>}
                <Tabs.Tab value="table">{t('county.tabs.table')}</Tabs.Tab>
                <Tabs.Tab value="trend">{t('county.tabs.trend')}</Tabs.Tab>
                <Tabs.Tab value="tekun">{t('county.tabs.tekun')}</Tabs.Tab>
                <Tabs.Tab value="facility">{t('county.tables.tabFacility')}</Tabs.Tab>
                <Tabs.Tab value="villages">{t('county.villages.tab')}</Tabs.Tab>
                <Tabs.Tab value="careAtHome">{t('county.care.tab')}</Tabs.Tab>
              </Tabs.List>
              {showCounties && (
                <Tabs.Panel value="counties" pt="md">
                  <CountiesTable period={period} />
                </Tabs.Panel>
              )}
              <Tabs.Panel value="table" pt="md">
                <IndicatorTable data={rows} />
              </Tabs.Panel>
              <Tabs.Panel value="trend" pt="md">
                <Trend data={rows} />
              </Tabs.Panel>
              <Tabs.Panel value="tekun" pt="md">
                <Stack>
                  <Group align="end">
                    <QuarterSelect year={year} quarter={quarter} onChange={setQuarter} />
                    <Button variant="outline" onClick={() => window.print()}>
                      {t('county.tables.printTable')}
                    </Button>
                  </Group>
                  <TekunQuarterTable year={year} quarter={quarter} countyCode={countyCode} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="facility" pt="md">
                <PrintableTable>
                  <FacilityTableView period={period} countyCode={countyCode} />
                </PrintableTable>
              </Tabs.Panel>
              <Tabs.Panel value="villages" pt="md">
                <PrintableTable>
                  <VillageTableView period={period} countyCode={countyCode} />
                </PrintableTable>
              </Tabs.Panel>
              <Tabs.Panel value="careAtHome" pt="md">
                <PrintableTable>
                  <CareAtHomeTableView period={period} countyCode={countyCode} />
                </PrintableTable>
              </Tabs.Panel>
            </Tabs>
            </Stack>
          </>
        )}
      </QueryView>
    </Stack>
  );
}
