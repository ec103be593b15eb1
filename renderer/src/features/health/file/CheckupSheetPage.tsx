// 体检汇总 (/health/checkup-sheet?year=YYYY): every resident in residence during the year with that year's check-ups —
// date, institution, main results, abnormal findings and their follow-up — and who was not checked. A4 landscape in
// the ledgers' frame (page numbers, 填表人/审核人 line).
import { Button, Group, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CheckupSummary } from '@shared/api/health-file';
import { QueryView } from '../../../components/QueryView';
import { useSystemInfo } from '../../../shell/queries';
import { CELL, Keep, LedgerSheet, Lines, type SheetColumn } from '../../elders/ledgers/LedgerSheet';
import { useHealthCheckupSummary } from './queries';

function Sheet({ s }: { s: CheckupSummary }) {
  const { t } = useTranslation();
  const columns: SheetColumn[] = [
    { head: t('health.file.sheet.no'), width: '4%' },
    { head: t('health.file.sheet.name'), width: '9%' },
    { head: t('health.file.sheet.sexAge'), width: '7%' },
    { head: t('health.file.sheet.bed'), width: '10%' },
    { head: t('health.file.checkup.checkedOn'), width: '9%' },
    { head: t('health.file.checkup.institution'), width: '12%' },
    { head: t('health.file.checkup.results'), width: '26%' },
    { head: t('health.file.checkup.abnormalAndFollowUp'), width: '23%' },
  ];
  return (
    <LedgerSheet
      title={t('health.file.summary.title')}
      period={t('health.file.yearLabel', { year: s.year })}
      scope={s.facility}
      count={t('health.file.summary.count', s.totals)}
      columns={columns}
      testId="checkup-sheet"
    >
      {s.rows.map((r, i) => (
        <tr key={r.residentId} style={{ breakInside: 'avoid' }}>
          <td style={{ ...CELL, textAlign: 'center' }}>{i + 1}</td>
          <td style={CELL}>
            <Keep strong>{r.name}</Keep>
          </td>
          <td style={CELL}>
            <Keep>{`${t(`enums.sex.${r.sex}`)} ${r.age}`}</Keep>
          </td>
          <td style={CELL}>
            <Keep>{r.bedLabel ?? '—'}</Keep>
          </td>
          {r.checkups.length === 0 ? (
            <td style={CELL} colSpan={4}>
              {t('health.file.summary.notChecked')}
            </td>
          ) : (
            <>
              <td style={CELL}>
                <Lines>{r.checkups.map((c) => <Keep key={c.checkedOn}>{c.checkedOn}</Keep>)}</Lines>
              </td>
              <td style={CELL}>
                <Lines>{r.checkups.map((c) => c.institution)}</Lines>
              </td>
              <td style={CELL}>
                <Lines>{r.checkups.map((c) => c.results)}</Lines>
              </td>
              <td style={CELL}>
                <Lines>{r.checkups.map((c) => (c.abnormal ? `${c.abnormal}；${t('health.file.checkup.followUpIs', { text: c.followUp })}` : t('health.file.checkup.noAbnormal')))}</Lines>
              </td>
            </>
          )}
        </tr>
      ))}
    </LedgerSheet>
  );
}

export function CheckupSheetPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const info = useSystemInfo();
  const thisYear = info.data?.today.slice(0, 4) ?? '';
  const year = params.get('year') ?? thisYear;
  const summary = useHealthCheckupSummary({ year }, /^\d{4}$/.test(year));
  const years = thisYear ? [0, 1, 2, 3, 4].map((n) => String(Number(thisYear) - n)) : [];
  return (
    <Stack>
      <Group align="end" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to="/health?tab=checkups">
          {t('health.file.sheet.back')}
        </Button>
        <Select size="lg" label={t('health.file.year')} allowDeselect={false} value={year} onChange={(v) => v && setParams({ year: v }, { replace: true })} data={years.map((y) => ({ value: y, label: t('health.file.yearLabel', { year: y }) }))} />
        <Button size="lg" onClick={() => window.print()} disabled={!summary.data || summary.data.rows.length === 0}>
          {t('health.file.sheet.print')}
        </Button>
      </Group>
      <QueryView query={summary} empty={t('health.file.summary.empty')} isEmpty={(s) => s.rows.length === 0}>
        {(s) => <Sheet s={s} />}
      </QueryView>
    </Stack>
  );
}
