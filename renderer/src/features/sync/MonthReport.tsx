// 月度报告: the month's figures of the centre on one or two A4 pages, to sign, seal and file (or hand to the township
// with the package). The figures are those the county computes from the package (shared/domain/sync/figures.ts),
// laid out as a person reads them: a short summary, then the figures by topic, the reminders, and the signatures.
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { type Figures, type IndicatorRow, INDICATORS, formatIndicator } from '@shared/domain/sync/figures';
import { QueryView } from '../../components/QueryView';
import { shortDateTime } from '../../components/time';
import { useSyncMonthReport } from './queries';
import { useSystemInfo } from '../../shell/queries';

const CELL = { border: '1px solid #555', padding: '2px 8px', lineHeight: 1.35 } as const;
/** Two label–value pairs a line: the longest labels stay on one line on a portrait A4. */
const PAIRS_PER_ROW = 2;

/** Breakdowns whose zero lines are left out (a centre has a few of the many categories and incident types). */
const skipZero = (row: IndicatorRow) => row.group === '人员类别' || row.key.startsWith('incident.') || row.key.startsWith('medicationError.');

function groups(f: Figures) {
  const out = new Map<string, IndicatorRow[]>();
  for (const row of INDICATORS) {
    if (skipZero(row) && !f[row.key]) continue;
    out.set(row.group, [...(out.get(row.group) ?? []), row]);
  }
  return [...out.entries()];
}

/** Every figure by topic, two to a line: the centre's report and the county's printed totals. */
export function FiguresTable({ figures, testId }: { figures: Figures; testId?: string }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '10.5pt' }} data-testid={testId}>
      <tbody>
        {groups(figures).map(([group, rows]) => (
          <Fragment key={group}>
            <tr>
              <th colSpan={PAIRS_PER_ROW * 2} style={{ ...CELL, textAlign: 'left', background: '#eef1f4' }}>
                {group}
              </th>
            </tr>
            {Array.from({ length: Math.ceil(rows.length / PAIRS_PER_ROW) }, (_, i) => rows.slice(i * PAIRS_PER_ROW, (i + 1) * PAIRS_PER_ROW)).map((line) => (
              <tr key={line[0].key}>
                {line.map((row) => (
                  <Fragment key={row.key}>
                    <td style={{ ...CELL, whiteSpace: 'nowrap' }}>{row.label}</td>
                    <td style={{ ...CELL, textAlign: 'right', fontWeight: 700, whiteSpace: 'nowrap' }}>{formatIndicator(row, figures)}</td>
                  </Fragment>
                ))}
                {line.length < PAIRS_PER_ROW && <td colSpan={(PAIRS_PER_ROW - line.length) * 2} style={CELL} />}
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

export function MonthReportSheet({ period, onClose }: { period: string; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useSyncMonthReport({ period });
  const info = useSystemInfo();
  return (
    <Stack>
      <Group className="screen-only">
        <Button size="md" variant="outline" onClick={onClose}>
          {t('sync.reportBack')}
        </Button>
        <Button size="md" onClick={() => window.print()} disabled={!report.data}>
          {t('sync.reportPrint')}
        </Button>
      </Group>
      <QueryView query={report}>
        {(data) => (
          <Stack gap="sm" data-testid="month-report">
            <Title order={2} ta="center">
              {t('sync.reportTitle', { name: data.centre.name, year: period.slice(0, 4), month: Number(period.slice(5)) })}
            </Title>
            <Text ta="center">
              {t('sync.reportSubtitle', { code: data.centre.code, county: data.centre.county, township: data.centre.township, date: info.data?.today ?? '' })}
            </Text>
            <Text size="lg">{t('sync.reportSummary', summaryValues(data.figures))}</Text>
            <FiguresTable figures={data.figures} testId="month-report-figures" />
            <Text>
              {data.exported
                ? t('sync.reportExported', {
                    at: shortDateTime(data.exported.createdAt),
                    sequence: data.exported.sequence,
                    correction: data.exported.correction ? `，更正${data.exported.correction}` : '',
                  })
                : t('sync.reportNotExported')}
            </Text>
            {data.warnings.length > 0 && (
              <Alert color="orange.9" variant="outline" title={t('sync.reportWarnings')}>
                <List size="sm">{data.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}</List>
              </Alert>
            )}
            <Group justify="space-between" align="end" mt="lg" wrap="nowrap" style={{ breakInside: 'avoid' }}>
              <Stack gap="lg">
                <Text>{t('sync.reportFiller')}</Text>
                <Text>{t('sync.reportManager')}</Text>
                <Text>{t('sync.reportDate')}</Text>
              </Stack>
              <div style={{ width: 150, height: 150, border: '1px dashed #555', borderRadius: '50%', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
                <Text>{t('sync.reportSeal')}</Text>
              </div>
            </Group>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function summaryValues(f: Figures) {
  const g = (k: string) => f[k] ?? 0;
  return { residents: g('residents'), onLeave: g('onLeave'), inHospital: g('inHospital'), admissions: g('admissions'), discharges: g('discharges'), deaths: g('deaths'), beds: g('beds'), occupied: g('occupiedBeds'), incidents: g('incidents') };
}
