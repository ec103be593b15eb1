// 分散供养特困人员照料护理情况表 (/entrusted/sheet?month=YYYY-MM&village=…): every agreement in force in the month — the
// elder, tier and 档次 with the county's 文号, the carer, the period, the checks of the month (未检查 when none) and the
// month's subsidy (by days when in force for part of it) — then the totals per tier and the sum. A4 landscape, with
// page numbers and the signature line (the frame of the register's ledgers, features/elders/ledgers/LedgerSheet).
import { Stack } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MonthList } from '@shared/api/entrusted';
import { QueryView } from '../../components/QueryView';
import { useSystemInfo } from '../../shell/queries';
import { CELL, Keep, LedgerSheet, LedgerToolbar, Lines, type SheetColumn } from '../elders/ledgers/LedgerSheet';
import { useLedgerVillages } from '../elders/ledgers/queries';
import { useEntrustedMonth } from './queries';

const WIDTHS = { no: '3%', village: '5.5%', elder: '6%', sex: '3.5%', age: '3.5%', tier: '9%', careTier: '4%', doc: '9%', carer: '10%', phone: '8.5%', period: '9%', checks: '17%', monthly: '6.5%', amount: '6.5%' } as const;
const money = (fen: number) => (fen / 100).toFixed(2);

function Sheet({ list, scope }: { list: MonthList; scope: string }) {
  const { t } = useTranslation();
  const heads = Object.keys(WIDTHS) as (keyof typeof WIDTHS)[];
  const columns: SheetColumn[] = heads.map((k) => ({ head: t(`entrusted.sheetHeads.${k}`), width: WIDTHS[k] }));
  const monthDays = Number(list.to.slice(8, 10));
  const right = { ...CELL, textAlign: 'right' } as const;
  const centre = { ...CELL, textAlign: 'center' } as const;
  return (
    <LedgerSheet
      testId="care-sheet"
      title={t('entrusted.sheetTitle')}
      period={t('ledgers.period', { from: list.from, to: list.to })}
      scope={scope}
      count={t('entrusted.sheetCount', { n: list.totals.people })}
      columns={columns}
    >
      {list.lines.map((l, i) => (
        <tr key={l.agreementId}>
          <td style={centre}>{i + 1}</td>
          <td style={CELL}>
            <Keep>{l.village}</Keep>
          </td>
          <td style={CELL}>
            <Keep strong>{l.elder}</Keep>
          </td>
          <td style={centre}>{l.sex}</td>
          <td style={centre}>{l.age}</td>
          <td style={CELL}>{t(`entrusted.tier.${l.tier}`)}</td>
          <td style={centre}>{l.careTier === null ? '' : t(`entrusted.careTier.c${l.careTier}`)}</td>
          <td style={CELL}>{l.tierDocumentNo}</td>
          <td style={CELL}>
            {l.provider ?? <Keep>{t(`enums.carerKind.${l.carerKind}`)}</Keep>} <Keep>{l.carerName}</Keep>
          </td>
          <td style={CELL}>
            <Keep>{l.carerPhone}</Keep>
          </td>
          <td style={CELL}>
            <Keep>{l.fromOn}</Keep> 至 <Keep>{l.endedOn && (l.toOn === null || l.endedOn < l.toOn) ? l.endedOn : (l.toOn ?? t('entrusted.longTerm'))}</Keep>
            {l.endedOn && `（${t('entrusted.endedMark')}）`}
          </td>
          <td style={CELL}>
            {l.checks.length === 0 ? (
              l.elderChecked ? t('entrusted.otherAgreement') : <b>{t('entrusted.unchecked')}</b>
            ) : (
              <Lines>
                {l.checks.map((c) => (
                  <span key={c.id}>
                    {t('entrusted.checkLine', { on: c.checkedOn.slice(5), kind: t(`entrusted.kindShort.${c.kind}`), delivered: t(`enums.careDelivered.${c.delivered}`), rating: t(`enums.carerRating.${c.carerRating}`), checker: c.checker })}
                    {c.findings && `：${c.findings}`}
                  </span>
                ))}
              </Lines>
            )}
          </td>
          <td style={right}>{money(l.monthlySubsidyFen)}</td>
          <td style={right}>
            {money(l.subsidyFen)}
            {l.days < monthDays && (
              <>
                <br />
                <Keep>（{l.days}天）</Keep>
              </>
            )}
          </td>
        </tr>
      ))}
      {list.totals.byTier.map((b) => (
        <tr key={b.tier}>
          <td style={CELL} colSpan={13}>
            <b>{t('entrusted.sheetTotals')}</b> {t('entrusted.sheetTierTotal', { tier: t(`entrusted.tier.${b.tier}`), n: b.people })}
          </td>
          <td style={right}>{money(b.subsidyFen)}</td>
        </tr>
      ))}
      <tr>
        <td style={CELL} colSpan={13}>
          <b>{t('entrusted.sheetAll', { n: list.totals.people, checked: list.totals.checked, unchecked: list.totals.unchecked })}</b>
        </td>
        <td style={right}>
          <b>{money(list.totals.subsidyFen)}</b>
        </td>
      </tr>
    </LedgerSheet>
  );
}

export function CareSheetPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const info = useSystemInfo();
  const month = params.get('month') ?? info.data?.today.slice(0, 7) ?? '';
  const villageId = params.get('village');
  const villages = useLedgerVillages();
  const list = useEntrustedMonth({ month, villageId }, month !== '');
  const all = villages.data ?? [];
  const scope = t('ledgers.scope', { village: all.find((v) => v.id === villageId)?.name ?? t('ledgers.allVillages') });
  const go = (next: { month?: string; village?: string | null }) => {
    const m = next.month ?? month;
    const v = next.village === undefined ? villageId : next.village;
    setParams({ ...(m ? { month: m } : {}), ...(v ? { village: v } : {}) });
  };
  return (
    <Stack>
      <LedgerToolbar back="/entrusted" village={villageId} onVillage={(id) => go({ village: id })} villages={all} canPrint={(list.data?.lines.length ?? 0) > 0}>
        <MonthPickerInput
          size="lg"
          label={t('ledgers.month')}
          valueFormat="YYYY-MM"
          maxDate={info.data?.today}
          value={month ? `${month}-01` : null}
          onChange={(v) => v && go({ month: v.slice(0, 7) })}
        />
      </LedgerToolbar>
      <QueryView query={list} isEmpty={(l) => l.lines.length === 0} empty={t('entrusted.sheetEmpty')}>
        {(l) => <Sheet list={l} scope={scope} />}
      </QueryView>
    </Stack>
  );
}
