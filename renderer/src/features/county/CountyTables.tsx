// The county's official tables on screen and on paper (landscape): the 特困人员救助供养 quarterly table and the facility
// basic-situation table, both as columns over the figures (shared/domain/sync/county-tables.ts) with a two-row header.
import { Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_TABLE, TEKUN_TABLE, headerGroups } from '@shared/domain/sync/county-tables';
import { type Figures, type IndicatorRow, formatIndicator } from '@shared/domain/sync/figures';
import { ErrorState, LoadingState } from '../../components/States';
import { PRINT_CELL } from './CountyMatrixPage';
import { useCountyFacilityTable, useCountyTekunQuarter } from './queries';

interface Row {
  key: string;
  name: string;
  /** null: the centre did not report. */
  figures: Figures | null;
  extra?: string;
}

/** A table with the column groups as an upper header row; on paper a plain bordered table. */
function OfficialTable({ label, columns, rows, total, extraHeader, paper }: { label: string; columns: IndicatorRow[]; rows: Row[]; total: Figures; extraHeader?: string; paper?: boolean }) {
  const { t } = useTranslation();
  const groups = headerGroups(columns);
  const cell = paper ? PRINT_CELL : undefined;
  const all: Row[] = [...rows, { key: 'total', name: t('county.total'), figures: total, extra: '' }];
  const head = (
    <>
      <tr>
        <th rowSpan={2} style={cell} className="print-nowrap">
          {t('county.tables.area')}
        </th>
        {extraHeader !== undefined && (
          <th rowSpan={2} style={cell}>
            {extraHeader}
          </th>
        )}
        {groups.map((g, i) =>
          g.group ? (
            <th key={i} colSpan={g.span} style={{ ...cell, textAlign: 'center' }}>
              {g.group}
            </th>
          ) : (
            <th key={i} rowSpan={2} style={cell}>
              {columns[groups.slice(0, i).reduce((n, x) => n + x.span, 0)].label}
            </th>
          ),
        )}
      </tr>
      <tr>
        {columns
          .filter((c) => c.group)
          .map((c) => (
            <th key={c.key} style={cell}>
              {c.label}
            </th>
          ))}
      </tr>
    </>
  );
  const body = all.map((r) => (
    <tr key={r.key} style={r.key === 'total' ? { fontWeight: 700 } : undefined}>
      <td style={cell} className="print-nowrap">
        {r.name}
      </td>
      {extraHeader !== undefined && <td style={cell}>{r.extra}</td>}
      {columns.map((c) => (
        <td key={c.key} style={cell} className="print-nowrap">
          {formatIndicator(c, r.figures, t('county.notReported'))}
        </td>
      ))}
    </tr>
  ));
  if (paper) {
    return (
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 11 }}>
        <thead>{head}</thead>
        <tbody>{body}</tbody>
      </table>
    );
  }
  return (
    // A wide table scrolls sideways: focusable, so the keyboard can scroll it too.
    <Table.ScrollContainer minWidth={300 + columns.length * 64} type="native" tabIndex={0} aria-label={label}>
      <Table striped withTableBorder withColumnBorders verticalSpacing="xs">
        <Table.Thead>{head}</Table.Thead>
        <Table.Tbody>{body}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The definitions of the columns that are computed, under the table. */
function Definitions({ columns }: { columns: IndicatorRow[] }) {
  const { t } = useTranslation();
  const defined = columns.filter((c) => c.definition);
  if (defined.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text fw={700}>{t('county.tables.definitions')}</Text>
      {defined.map((c) => (
        <Text key={c.key} size="sm">
          {c.label}：{c.definition}
        </Text>
      ))}
    </Stack>
  );
}

export function QuarterSelect({ year, quarter, onChange }: { year: number; quarter: number; onChange: (q: number) => void }) {
  const { t } = useTranslation();
  return (
    <Select label={t('county.quarter')} data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `${year}年${t('county.quarterN', { n: q })}` }))} value={String(quarter)} onChange={(v) => v && onChange(Number(v))} allowDeselect={false} w={200} />
  );
}

export function TekunQuarterTable({ year, quarter, paper, county, countyCode = null }: { year: number; quarter: number; paper?: boolean; county?: string; countyCode?: string | null }) {
  const { t } = useTranslation();
  const table = useCountyTekunQuarter({ year, quarter, countyCode });
  if (table.isPending) return paper ? null : <LoadingState />;
  if (table.isError) return paper ? null : <ErrorState error={table.error} onRetry={() => table.refetch()} />;
  const rows = table.data.rows.map((r) => ({ key: r.centreCode, name: r.name, figures: r.reported ? r.figures : null, extra: String(r.figures.monthsReported ?? 0) }));
  return (
    <Stack gap="xs">
      {paper && (
        <Title order={2} size="h3">
          {t('county.tables.tekunTitle', { county, year, quarter })}
        </Title>
      )}
      <Text size={paper ? 'sm' : undefined}>{t('county.tables.tekunHint')}</Text>
      <OfficialTable label={t('county.tabs.tekun')} columns={TEKUN_TABLE} rows={rows} total={table.data.total} extraHeader={t('county.tables.monthsReported')} paper={paper} />
      <Text size="sm">{t('county.tables.tekunNote')}</Text>
      {paper && <Text mt="md">{t('county.tables.preparedBy')}</Text>}
    </Stack>
  );
}

export function FacilityTableView({ period, paper, county, countyCode = null }: { period: string; paper?: boolean; county?: string; countyCode?: string | null }) {
  const { t } = useTranslation();
  const table = useCountyFacilityTable({ period, countyCode });
  if (table.isPending) return paper ? null : <LoadingState />;
  if (table.isError) return paper ? null : <ErrorState error={table.error} onRetry={() => table.refetch()} />;
  const rows = table.data.rows.map((r) => ({ key: r.centreCode, name: r.name, figures: r.figures }));
  return (
    <Stack gap="xs">
      {paper && (
        <Title order={2} size="h3">
          {t('county.tables.facilityTitle', { county, period })}
        </Title>
      )}
      <Text size={paper ? 'sm' : undefined}>{t('county.tables.facilityHint')}</Text>
      <OfficialTable label={t('county.tables.tabFacility')} columns={FACILITY_TABLE} rows={rows} total={table.data.total} paper={paper} />
      <Definitions columns={FACILITY_TABLE} />
      {paper && <Text mt="md">{t('county.tables.preparedBy')}</Text>}
    </Stack>
  );
}

/** The table on paper, landscape (print-only; the page's print button prints the tab that is open). */
export function PrintTable({ children }: { children: ReactNode }) {
  return <div className="print-only print-wide">{children}</div>;
}
