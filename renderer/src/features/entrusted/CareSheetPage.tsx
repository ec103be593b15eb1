// 分散供养特困人员照料护理情况表 (/entrusted/sheet?month=YYYY-MM&village=…): every agreement in force in the month — the
// elder, tier and 档次 with the county's 文号, the carer, the period, the checks of the month (未检查 when none) and the
// month's subsidy (by days when in force for part of it) — then the totals per tier and the sum. A4 landscape, with
// page numbers and the signature line (the frame of the register's ledgers, features/elders/ledgers/LedgerSheet).
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MonthList } from '@shared/api/entrusted';
import { QueryView } from '../../components/QueryView';
import { CELL, Keep, LedgerSheet, Lines, type SheetColumn } from '../elders/ledgers/LedgerSheet';
import { MonthLedgerToolbar, useLedgerMonth } from '../elders/ledgers/MonthLedgerToolbar';
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
  const at = useLedgerMonth();
  const { month, villageId } = at;
  const list = useEntrustedMonth({ month, villageId }, month !== '');
  const scope = t('ledgers.scope', { village: at.villages.find((v) => v.id === villageId)?.name ?? t('ledgers.allVillages') });
  return (
    <Stack>
      <MonthLedgerToolbar back="/entrusted" ledger={at} canPrint={(list.data?.lines.length ?? 0) > 0} />
      <QueryView query={list} isEmpty={(l) => l.lines.length === 0} empty={t('entrusted.sheetEmpty')}>
        {(l) => <Sheet list={l} scope={scope} />}
      </QueryView>
    </Stack>
  );
}
