// 服药记录单 (the monthly medication administration record) of one resident: for each order, a line per dose time and
// a cell per day with the name of whoever gave it (拒 / 缓 / 缺 / 漏 otherwise, 外 / 住 the resident away; ＊ late, 核
// checked, 改 corrected), the month in two halves so a name fits its cell on A4 landscape, each half followed by the
// numbered list of its exceptions (reason, who recorded, who checked, why corrected); the 按需 doses with a header row;
// the counts, the legend and signature lines.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarCell, MarOrder, MarState, MonthRecord } from '@shared/api/medication-round';
import { clockTime } from '../../../components/time';
import { doseLine, drugLine } from './words';

const CSS = `
.mar-sheet { font-size: 14px; }
.mar-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 10px; }
.mar-sheet th, .mar-sheet td { border: 1px solid #000; padding: 1px 2px; vertical-align: middle; }
.mar-sheet .mar-cell { text-align: center; font-size: 12px; line-height: 1.15; }
.mar-sheet .keep { white-space: nowrap; }
.mar-sheet-scroll { overflow-x: auto; }
.mar-sheet-scroll table { min-width: 1100px; }
@media print {
  .mar-sheet { font-size: 8pt; }
  .mar-sheet .mar-cell { font-size: 6.5pt; }
  .mar-sheet h2 { font-size: 14pt; }
  .mar-sheet-scroll { overflow: visible; }
  .mar-sheet-scroll table { min-width: 0; }
  .mar-sheet tr { break-inside: avoid; }
}
`;

function cellText(c: MarCell, t: (k: `medication.round.cell.${Exclude<MarState, 'given'>}`) => string): string {
  const mark = c.state === 'given' ? c.recordedBy : t(`medication.round.cell.${c.state}`);
  return `${mark}${c.late ? '＊' : ''}${c.checkerName ? '核' : ''}${c.amended ? '改' : ''}`;
}

function Half({ record, days, title }: { record: MonthRecord; days: number[]; title: string }) {
  const { t } = useTranslation();
  const drugWidth = 22;
  const timeWidth = 5;
  const dayWidth = (100 - drugWidth - timeWidth) / 16;
  return (
    <table aria-label={title}>
      <colgroup>
        <col style={{ width: `${drugWidth}%` }} />
        <col style={{ width: `${timeWidth}%` }} />
        {days.map((i) => (
          <col key={i} style={{ width: `${dayWidth}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{t('medication.round.marDrug')}</th>
          <th>{t('medication.round.marTime')}</th>
          {days.map((i) => (
            <th key={i} className="keep">
              {Number(record.days[i].slice(8))}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {record.orders.map((o) => (
          <OrderRows key={o.orderId} o={o} days={days} />
        ))}
      </tbody>
    </table>
  );
}

function OrderRows({ o, days }: { o: MarOrder; days: number[] }) {
  const { t } = useTranslation();
  return (
    <>
      {o.slots.map((s, n) => (
        <tr key={s.slot}>
          {n === 0 && (
            <td rowSpan={o.slots.length} style={{ verticalAlign: 'top' }}>
              <div style={{ fontWeight: 700 }}>{drugLine(o)}</div>
              <div>{doseLine(o)}</div>
              <div className="keep">
                {t('medication.round.marFrom', { from: o.startsOn })}
                {o.lastDay ? ` ${t('medication.round.marUntil', { to: o.lastDay })}` : ''}
              </div>
              {o.stopReason && <div>{t('medication.round.marStopped', { reason: o.stopReason })}</div>}
              {o.needsSecondCheck && <div style={{ fontWeight: 700 }}>{t('medication.round.highAlertShort')}</div>}
            </td>
          )}
          <td className="keep" style={{ textAlign: 'center' }}>
            {s.slot}
          </td>
          {days.map((i) => {
            const c = s.cells[i];
            return (
              <td key={i} className="mar-cell" data-testid={c ? 'mar-cell' : undefined} data-state={c?.state}>
                {c ? <span className="keep">{cellText(c, t)}</span> : ''}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
}

/** The numbered exceptions of one half: what a cell's name or mark does not tell. */
function Notes({ record, days, title, none }: { record: MonthRecord; days: number[]; title: string; none: string }) {
  const { t } = useTranslation();
  const from = record.days[days[0]];
  const to = record.days[days[days.length - 1]];
  const rows = record.exceptions.map((e, n) => ({ e, n })).filter(({ e }) => e.date >= from && e.date <= to);
  if (rows.length === 0) return <p style={{ margin: '0 0 8px' }}>{none}</p>;
  const head = (k: 'n' | 'day' | 'time' | 'drug' | 'mark' | 'reason' | 'by' | 'checker' | 'amend') => t(`medication.round.marNotesHead.${k}`);
  return (
    <table aria-label={title} data-testid="mar-notes">
      <caption style={{ textAlign: 'left', fontWeight: 700 }}>{title}</caption>
      <colgroup>
        {[4, 5, 6, 20, 6, 23, 9, 9, 18].map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {(['n', 'day', 'time', 'drug', 'mark', 'reason', 'by', 'checker', 'amend'] as const).map((k) => (
            <th key={k} className="keep">
              {head(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ e, n }) => (
          <tr key={`${e.orderId}|${e.date}|${e.slot}`} data-testid="mar-note">
            <td style={{ textAlign: 'center' }}>{n + 1}</td>
            <td className="keep" style={{ textAlign: 'center' }}>
              {Number(e.date.slice(8))}
            </td>
            <td className="keep" style={{ textAlign: 'center' }}>
              {e.slot}
            </td>
            <td>{e.drug}</td>
            <td className="keep" style={{ textAlign: 'center' }}>
              {e.state === 'given' ? '' : t(`medication.round.cell.${e.state}`)}
              {e.late ? '＊' : ''}
              {e.checkerName ? '核' : ''}
              {e.amendReason ? '改' : ''}
            </td>
            <td>{e.reason}</td>
            <td className="keep">{e.recordedBy}</td>
            <td className="keep">{e.checkerName ?? ''}</td>
            <td>{e.amendReason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MarSheet({ record, township }: { record: MonthRecord; township: string }) {
  const { t } = useTranslation();
  const all = record.days.map((_, i) => i);
  const halves = [all.slice(0, 16), all.slice(16)];
  const prnDoses = record.prn.flatMap((p) => p.doses.map((d) => ({ p, d })));
  return (
    <div className="print-wide mar-sheet" data-testid="mar-sheet">
      <style>{CSS}</style>
      <h2 style={{ textAlign: 'center', margin: '4px 0' }}>
        {township} {t('medication.round.marTitle')}
      </h2>
      <p style={{ textAlign: 'center', margin: '0 0 4px' }}>
        <span className="keep">{record.resident.name}</span>　<span className="keep">{record.resident.bedLabel ?? ''}</span>　<span className="keep">{record.month}</span>
        {'　'}
        {record.resident.allergies ? t('medication.round.marAllergies', { text: record.resident.allergies }) : t('medication.round.marNoAllergies')}
      </p>
      {record.orders.length > 0 && (
        <div className="mar-sheet-scroll" tabIndex={0} role="region" aria-label={t('medication.round.marTitle')}>
          {halves.map((days, h) =>
            days.length === 0 ? null : (
              <Fragment key={h}>
                <p style={{ margin: '6px 0 2px' }}>{t('medication.round.marDays', { from: days[0] + 1, to: days[days.length - 1] + 1 })}</p>
                <Half record={record} days={days} title={t('medication.round.marDays', { from: days[0] + 1, to: days[days.length - 1] + 1 })} />
                <Notes
                  record={record}
                  days={days}
                  title={t('medication.round.marNotes', { from: days[0] + 1, to: days[days.length - 1] + 1 })}
                  none={t('medication.round.marNotesNone', { from: days[0] + 1, to: days[days.length - 1] + 1 })}
                />
              </Fragment>
            ),
          )}
        </div>
      )}
      <p style={{ margin: '6px 0 2px', fontWeight: 700 }}>{t('medication.round.marPrn')}</p>
      {prnDoses.length === 0 ? (
        <p>{t('medication.round.marPrnNone')}</p>
      ) : (
        <table>
          <colgroup>
            {[13, 21, 17, 17, 9, 9, 14].map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {(['when', 'drug', 'reason', 'effect', 'by', 'checker', 'amend'] as const).map((k) => (
                <th key={k} className="keep">
                  {t(`medication.round.marPrnHead.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {prnDoses.map(({ p, d }) => (
              <tr key={d.doseId}>
                <td className="keep">
                  {d.date} {clockTime(d.givenAt)}
                </td>
                <td>
                  <span className="keep">{drugLine(p)}</span> <span className="keep">{doseLine(p)}</span>
                </td>
                <td>{d.outcome === 'given' ? d.reason : `${d.reason}（${t(`enums.doseOutcome.${d.outcome}`)}）`}</td>
                <td>{d.prnEffect ?? ''}</td>
                <td className="keep">{d.recordedBy}</td>
                <td className="keep">{d.checkerName ?? ''}</td>
                <td>{d.amendReason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p style={{ margin: '6px 0 2px' }}>{t('medication.round.marCounts', record.counts)}</p>
      <p style={{ margin: '2px 0' }}>{t('medication.round.marLegend')}</p>
      <p style={{ margin: '2px 0' }}>{t('medication.round.marGivers', { names: record.givers.join('、') || '—' })}</p>
      <p style={{ marginTop: 16, breakInside: 'avoid' }}>{t('medication.round.marSignatures')}</p>
    </div>
  );
}
