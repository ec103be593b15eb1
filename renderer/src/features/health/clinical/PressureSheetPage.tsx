// 压疮登记表 (/health/pressure-sheet?month=YYYY-MM): the injuries open on some day of the month — the resident and bed,
// the site, 院内发生 or brought in, the day found, the stage and size as found, the risk score and repositioning, each
// review (day, stage, size), and how it ended (healed on a day, or still open with its days) — with the prevalence at
// the month's end (or today) over it. Voided records are left out. A4 landscape in the ledgers' frame (page numbers,
// 填表人/审核人 line).
import { Button, Group, Stack } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PressureRow, PressureSheet } from '@shared/api/health-clinical';
import { lastDayOfMonth } from '@shared/domain/dates';
import { QueryView } from '../../../components/QueryView';
import { useSystemInfo } from '../../../shell/queries';
import { CELL, Keep, LedgerSheet, Lines, type SheetColumn } from '../../elders/ledgers/LedgerSheet';
import { useSizeText } from './PressureTab';
import { usePressureSheet } from './queries';

function Row({ r, no }: { r: PressureRow; no: number }) {
  const { t } = useTranslation();
  const sizeText = useSizeText();
  const size = (l: number | null, w: number | null) => (l === null || w === null ? '' : sizeText(l, w));
  return (
    <tr style={{ breakInside: 'avoid' }}>
      <td style={{ ...CELL, textAlign: 'center' }}>{no}</td>
      <td style={CELL}>
        <Keep strong>{r.name}</Keep> {r.bedLabel && <Keep>{r.bedLabel}</Keep>}
      </td>
      <td style={CELL}>{r.site}</td>
      <td style={CELL}>
        <Keep>{t(`enums.pressureOrigin.${r.origin}`)}</Keep>
      </td>
      <td style={CELL}>
        <Keep>{r.foundOn}</Keep>
      </td>
      <td style={CELL}>
        <Keep>{t(`enums.pressureStage.${r.stage}`)}</Keep> <Keep>{size(r.lengthCm, r.widthCm)}</Keep>
      </td>
      <td style={CELL}>
        <Keep>{r.riskScale === 'none' ? t('enums.pressureRiskScale.none') : `${t(`enums.pressureRiskScale.${r.riskScale}`)} ${r.riskScore ?? ''}`}</Keep>{' '}
        {r.repositionHours !== null && <Keep>{t('health.clinical.pressure.reposition', { n: r.repositionHours })}</Keep>}
      </td>
      <td style={CELL}>
        <Lines>
          {r.reviews.map((v) => (
            <span key={v.id}>
              <Keep>{v.reviewedOn}</Keep> <Keep>{t(`enums.pressureStage.${v.stage}`)}</Keep> <Keep>{size(v.lengthCm, v.widthCm)}</Keep>
            </span>
          ))}
        </Lines>
      </td>
      <td style={CELL}>
        <Keep>{r.healedOn ? t('health.clinical.pressure.healed', { on: r.healedOn }) : t('health.clinical.sheet.open', { n: r.days })}</Keep>
      </td>
    </tr>
  );
}

function Sheet({ sheet }: { sheet: PressureSheet }) {
  const { t } = useTranslation();
  const p = sheet.prevalence;
  const columns: SheetColumn[] = [
    { head: t('health.clinical.sheet.no'), width: '4%' },
    { head: t('health.clinical.sheet.resident'), width: '13%' },
    { head: t('health.clinical.sheet.site'), width: '9%' },
    { head: t('health.clinical.sheet.origin'), width: '9%' },
    { head: t('health.clinical.sheet.foundOn'), width: '9%' },
    { head: t('health.clinical.sheet.stage'), width: '11%' },
    { head: t('health.clinical.sheet.risk'), width: '12%' },
    { head: t('health.clinical.sheet.reviews'), width: '20%' },
    { head: t('health.clinical.sheet.outcome'), width: '13%' },
  ];
  return (
    <LedgerSheet
      title={t('health.clinical.sheet.title')}
      period={t('health.clinical.sheet.period', { from: `${sheet.month}-01`, to: lastDayOfMonth(sheet.month) })}
      scope={t('health.clinical.sheet.scope', { n: sheet.rows.length })}
      count={t('health.clinical.sheet.count', { on: p.onDate, withOpen: p.withOpen, residents: p.residents, rate: p.ratePercent, inCentre: p.withInCentre, broughtIn: p.withBroughtIn, fresh: p.newInCentre })}
      columns={columns}
      testId="pressure-sheet"
      after={sheet.rows.length === 0 ? <p>{t('health.clinical.sheet.empty')}</p> : undefined}
    >
      {sheet.rows.map((r, i) => (
        <Row key={r.id} r={r} no={i + 1} />
      ))}
    </LedgerSheet>
  );
}

export function PressureSheetPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const info = useSystemInfo();
  const month = params.get('month') ?? info.data?.today.slice(0, 7) ?? '';
  const sheet = usePressureSheet({ month }, month !== '');
  return (
    <Stack>
      <Group align="end" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to="/health?tab=pressure">
          {t('health.clinical.sheet.back')}
        </Button>
        <MonthPickerInput
          size="lg"
          label={t('health.clinical.month')}
          valueFormat="YYYY-MM"
          value={month ? `${month}-01` : null}
          onChange={(v) => {
            if (!v) return;
            const next = new URLSearchParams(params);
            next.set('month', v.slice(0, 7));
            setParams(next, { replace: true });
          }}
        />
        <Button size="lg" onClick={() => window.print()} disabled={!sheet.data}>
          {t('health.clinical.sheet.print')}
        </Button>
      </Group>
      <QueryView query={sheet}>{(s) => <Sheet sheet={s} />}</QueryView>
    </Stack>
  );
}
