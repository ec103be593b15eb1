// 报送情况: centres × months of a year, each cell on time / late / corrected / missing / not yet due, or 未登记 for a
// month before the centre was enrolled or set up; a reported cell opens that centre's month. On a narrow screen the
// centre column stays put and the table opens scrolled to the latest month; on paper it is a landscape table.
import { Badge, Box, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CELL_STATUSES, type Matrix } from '@shared/api/county';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { DARK } from './outcome';
import { useCountyMatrix, useCountyStatus } from './queries';
import { useSystemInfo } from '../../shell/queries';
import { CountyPicker, useAreaCounty } from './CountyArea';

export const CELL_COLOURS: Record<(typeof CELL_STATUSES)[number], { color: string; variant: 'filled' | 'outline' | 'light' }> = {
  on_time: { color: DARK.green, variant: 'filled' },
  late: { color: DARK.orange, variant: 'filled' },
  corrected: { color: DARK.blue, variant: 'filled' },
  missing: { color: DARK.red, variant: 'outline' },
  not_due: { color: DARK.grey, variant: 'outline' },
  unregistered: { color: DARK.grey, variant: 'light' },
};

/** Ruled cells on paper (the print table is plain HTML: no badges or buttons to lose). */
export const PRINT_CELL = { border: '1px solid #000', padding: '3px 6px', textAlign: 'left' } as const;

const sticky = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', whiteSpace: 'nowrap' } as const;

/** The months shown: a past year whole, this year up to this month (later months hold nothing yet). */
const shownMonths = (year: number, today: string) => Array.from({ length: 12 }, (_, i) => i).filter((i) => year < Number(today.slice(0, 4)) || i + 1 <= Number(today.slice(5, 7)));

function ScreenMatrix({ data, months }: { data: Matrix; months: number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scroller = useRef<HTMLDivElement>(null);
  // Open on the latest months (a front-desk screen of 1024 px shows the last seven or eight), and stay there while
  // the layout settles or the window changes size — until the person scrolls the table themselves.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let moved = false;
    const toEnd = () => {
      if (!moved) el.scrollLeft = el.scrollWidth;
    };
    const byHand = () => (moved = true);
    const watcher = new ResizeObserver(toEnd);
    watcher.observe(el);
    if (el.firstElementChild) watcher.observe(el.firstElementChild);
    const events = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;
    events.forEach((e) => el.addEventListener(e, byHand, { passive: true }));
    toEnd();
    return () => {
      watcher.disconnect();
      events.forEach((e) => el.removeEventListener(e, byHand));
    };
  }, [data]);
  return (
    <Box ref={scroller} style={{ overflowX: 'auto' }} className="screen-only" data-testid="matrix-scroller">
      <Table withTableBorder withColumnBorders verticalSpacing="xs" horizontalSpacing={6} style={{ width: 'auto', minWidth: '100%' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={sticky}>{t('county.col.centre')}</Table.Th>
            {months.map((i) => (
              <Table.Th key={i} style={{ whiteSpace: 'nowrap', textAlign: 'center' }}>
                {i + 1}月
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.centres.map((c) => (
            <Table.Tr key={c.centreCode}>
              <Table.Td style={sticky}>
                <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {c.name}
                </Text>
                {c.state === 'pending' && (
                  <Badge color={DARK.orange} variant="outline" size="sm">
                    {t('county.state.pending')}
                  </Badge>
                )}
              </Table.Td>
              {months.map((i) => {
                const cell = c.cells[i];
                const reported = cell.status === 'on_time' || cell.status === 'late' || cell.status === 'corrected';
                const badge = (
                  <Badge size="md" {...CELL_COLOURS[cell.status]}>
                    {t(`county.status.${cell.status}`)}
                  </Badge>
                );
                return (
                  <Table.Td key={cell.period} data-testid={`cell-${c.centreCode}-${cell.period}`} style={{ textAlign: 'center' }}>
                    {reported ? (
                      <Button variant="subtle" size="compact-md" p={0} onClick={() => navigate(`/county/centre/${c.centreCode}/${cell.period}`)} aria-label={`${t(`county.status.${cell.status}`)}，${c.name} ${cell.period}`}>
                        {badge}
                      </Button>
                    ) : (
                      badge
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

/** On paper: plain words in a landscape table whose header repeats on every page; names never break. */
function PrintMatrix({ data, countyName }: { data: Matrix; countyName: string }) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  return (
    <div className="print-only print-wide">
      <Title order={2} mb="xs">
        {t('county.matrixPrintTitle', { county: countyName, year: data.year })}
      </Title>
      <Text mb="sm">{t('county.matrixPrintNote', { day: data.dueDay, date: info.data?.today ?? '' })}</Text>
      <table style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th className="print-nowrap" style={PRINT_CELL}>
              {t('county.col.centre')}
            </th>
            {data.centres[0]?.cells.map((cell) => (
              <th key={cell.period} className="print-nowrap" style={PRINT_CELL}>
                {Number(cell.period.slice(5))}月
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
              {c.cells.map((cell) => (
                <td key={cell.period} className="print-nowrap" style={PRINT_CELL}>
                  {t(`county.status.${cell.status}`)}
                  {cell.correction ? ` ${cell.correction}` : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Text mt="md">{t('county.printSignature')}</Text>
    </div>
  );
}

export function CountyMatrixPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const info = useSystemInfo();
  const status = useCountyStatus();
  const today = info.data?.today ?? '2026-12-31';
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const shownYear = year ?? thisYear;
  const { countyCode } = useAreaCounty();
  const matrix = useCountyMatrix({ year: shownYear, countyCode });
  return (
    <QueryView query={matrix}>
      {(matrixData) => {
      return (
        <Stack>
          <Title order={2} className="screen-only">
            {t('county.matrixTitle')}
          </Title>
          <Text size="lg" className="screen-only">
            {t('county.matrixHint', { day: matrixData.dueDay })}
          </Text>
          <Group align="end" className="screen-only">
            <Select label={t('county.year')} data={[0, 1, 2, 3].map((i) => String(thisYear - i))} value={String(shownYear)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} w={160} />
            <CountyPicker />
            {matrixData.centres.length > 0 && (
              <Button variant="outline" onClick={() => window.print()}>
                {t('county.print')}
              </Button>
            )}
          </Group>
          <Group gap="xs" aria-label={t('county.legend')} className="screen-only">
            {CELL_STATUSES.map((s) => (
              <Badge key={s} size="lg" {...CELL_COLOURS[s]}>
                {t(`county.status.${s}`)}
              </Badge>
            ))}
          </Group>
          {matrixData.centres.length === 0 ? (
            <EmptyState action={<Button onClick={() => navigate('/county/centres')}>{t('county.goEnrol')}</Button>}>{t('county.noCentres')}</EmptyState>
          ) : (
            <>
              <ScreenMatrix data={matrixData} months={shownMonths(shownYear, today)} />
              <PrintMatrix data={matrixData} countyName={status.data?.countyName ?? ''} />
            </>
          )}
        </Stack>
      );
      }}
    </QueryView>
  );
}
