// 探访记录表 (/visits/ledger?month=YYYY-MM&village=…): every visit of the month, oldest first — day and time, village,
// elder, the way, who went and with whom, the areas found a problem with their notes, the notes, and the follow-ups
// the visit opened with how they stand. Voided visits do not count: they are listed apart under the table with who
// voided them and why. A4 landscape (the frame is the register's ledgers', features/elders/ledgers/LedgerSheet).
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitLedger, VisitLedgerRow } from '@shared/api/elder-ledgers';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { lastDayOfMonth } from '@shared/domain/dates';
import { QueryView } from '../../../components/QueryView';
import { CELL, Keep, KeepList, LedgerSheet, Lines, type SheetColumn } from '../../elders/ledgers/LedgerSheet';
import { MonthLedgerToolbar, useLedgerMonth } from '../../elders/ledgers/MonthLedgerToolbar';
import { useVisitsLedger } from './queries';

const WIDTHS = { no: '3.5%', date: '8.5%', time: '5%', village: '6%', elder: '7%', kind: '4.5%', visitor: '17%', problems: '17%', notes: '13%', followups: '18.5%' } as const;
const VOIDED_WIDTHS = { no: '3.5%', date: '8.5%', time: '5%', village: '6%', elder: '7%', kind: '4.5%', visitor: '10%', voidedBy: '10%', voidedAt: '13%', reason: '32.5%' } as const;

/** The first six cells of a visit's row, in the ledger and in the list of voided visits: number, day, time, village, elder, kind. */
function VisitCells({ v, no, strongName = false }: { v: VisitLedgerRow; no: number; strongName?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <td style={{ ...CELL, textAlign: 'center' }}>{no}</td>
      <td style={CELL}>
        <Keep>{v.visitedOn}</Keep>
      </td>
      <td style={CELL}>
        <Keep>{v.time}</Keep>
      </td>
      <td style={CELL}>
        <Keep>{v.village}</Keep>
      </td>
      <td style={CELL}>
        <Keep strong={strongName}>{v.elder}</Keep>
      </td>
      <td style={{ ...CELL, textAlign: 'center' }}>
        <Keep>{t(`ledgers.kindShort.${v.kind}`)}</Keep>
      </td>
    </>
  );
}

function Visit({ v, no }: { v: VisitLedgerRow; no: number }) {
  const { t } = useTranslation();
  return (
    <tr>
      <VisitCells v={v} no={no} strongName />
      <td style={CELL}>
        <Keep strong>{v.visitor}</Keep>
        {v.helpers.length > 0 && (
          <>
            {' '}
            <KeepList items={v.helpers.map((h) => t('ledgers.visits.helper', { name: h.name, kind: t(`enums.helperKind.${h.kind}`) }))} keepUpTo={12} />
          </>
        )}
      </td>
      <td style={CELL}>
        {v.problems.length > 0 ? (
          <Lines>
            {v.problems.map((p) => (
              <span key={p.area}>
                <b>{t(`enums.findingArea.${p.area}`)}</b>：{p.note}
              </span>
            ))}
          </Lines>
        ) : (
          t('ledgers.visits.noProblem')
        )}
      </td>
      <td style={CELL}>{v.notes || t('ledgers.none')}</td>
      <td style={CELL}>
        {v.followups.length > 0 ? (
          <Lines>
            {v.followups.map((f, i) => (
              <span key={i}>
                <b>{t(`enums.followupKind.${f.kind}`)}</b>：{f.need}
                {f.dueOn && (
                  <>
                    {' '}
                    <Keep>（{t('ledgers.visits.due', { date: f.dueOn })}）</Keep>
                  </>
                )}
                <br />
                {f.closedOn ? (
                  <>
                    <Keep>{f.closedOn}</Keep>
                    {t('ledgers.visits.followupClosed', { result: f.result ?? '' })}
                  </>
                ) : (
                  <b>{t(f.overdue ? 'ledgers.visits.followupOverdue' : 'ledgers.visits.followupOpen')}</b>
                )}
              </span>
            ))}
          </Lines>
        ) : (
          t('ledgers.none')
        )}
      </td>
    </tr>
  );
}

function Voided({ rows }: { rows: VisitLedgerRow[] }) {
  const { t } = useTranslation();
  const heads = Object.keys(VOIDED_WIDTHS) as (keyof typeof VOIDED_WIDTHS)[];
  return (
    <div style={{ marginTop: 12, breakInside: 'avoid-page' }} data-testid="voided-visits">
      <h3 style={{ margin: '4px 0' }}>{t('ledgers.visits.voidedTitle')}</h3>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <colgroup>
          {heads.map((k) => (
            <col key={k} style={{ width: VOIDED_WIDTHS[k] }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {heads.map((k) => (
              <th key={k} style={{ ...CELL, textAlign: 'center' }}>
                {t(`ledgers.visits.voidedHeads.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((v, i) => (
            <tr key={v.visitId}>
              <VisitCells v={v} no={i + 1} />
              <td style={CELL}>
                <Keep>{v.visitor}</Keep>
              </td>
              <td style={CELL}>
                <Keep>{v.voided?.by}</Keep>
              </td>
              <td style={CELL}>
                <Keep>{v.voided ? chinaWallClock(new Date(v.voided.at)) : ''}</Keep>
              </td>
              <td style={CELL}>{v.voided?.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Sheet({ ledger, scope }: { ledger: VisitLedger; scope: string }) {
  const { t } = useTranslation();
  const columns: SheetColumn[] = (Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((k) => ({ head: t(`ledgers.visits.heads.${k}`), width: WIDTHS[k] }));
  const counted = ledger.rows.filter((v) => v.voided === null);
  const voided = ledger.rows.filter((v) => v.voided !== null);
  return (
    <LedgerSheet
      testId="visit-ledger"
      title={t('ledgers.visits.title')}
      period={t('ledgers.period', { from: ledger.from, to: ledger.to })}
      scope={scope}
      count={t('ledgers.countVisits', { n: counted.length })}
      columns={columns}
      after={voided.length > 0 ? <Voided rows={voided} /> : undefined}
    >
      {counted.map((v, i) => (
        <Visit key={v.visitId} v={v} no={i + 1} />
      ))}
    </LedgerSheet>
  );
}

export function VisitLedgerPage() {
  const { t } = useTranslation();
  const at = useLedgerMonth();
  const { month, villageId } = at;
  const ledger = useVisitsLedger({ from: `${month}-01`, to: month ? lastDayOfMonth(month) : '', villageId }, month !== '');
  const scope = t('ledgers.scope', { village: at.villages.find((v) => v.id === villageId)?.name ?? t('ledgers.allVillages') });
  return (
    <Stack>
      <MonthLedgerToolbar back="/visits" ledger={at} canPrint={(ledger.data?.rows.length ?? 0) > 0} />
      <QueryView query={ledger} isEmpty={(l) => l.rows.length === 0} empty={t('ledgers.visits.empty')}>
        {(l) => <Sheet ledger={l} scope={scope} />}
      </QueryView>
    </Stack>
  );
}
