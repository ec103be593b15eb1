// 互助帮扶记录 (/mutualaid/sheet?month=YYYY-MM&villageId=…): a month, one village to a sheet — the pairs active in the
// month with their hours, the activities (day, helper, elder, kind, hours, points, what was done), each helper's sum
// with the balance at the month's end, the totals, and the signature line. A4 portrait, page numbers from styles.css;
// each village starts a new page. Voided activities are left out.
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetVillage } from '@shared/api/mutualaid';
import { QueryView } from '../../components/QueryView';
import { CELL, Keep } from '../elders/ledgers/LedgerSheet';
import { MonthLedgerToolbar, useLedgerMonth } from '../elders/ledgers/MonthLedgerToolbar';
import { useLedgerFacility } from '../elders/ledgers/queries';
import { hoursText, pointsText } from './parts';
import { useAidSheet } from './queries';

const CSS = `
.aid-sheet { font-size: 15px; }
.aid-sheet .print-nowrap { white-space: nowrap; }
.aid-sheet h2 { text-align: center; margin: 4px 0; }
.aid-sheet h3 { margin: 10px 0 4px; font-size: 1.05em; }
.aid-sheet table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.aid-sheet-village + .aid-sheet-village { margin-top: 32px; }
@media print {
  .aid-sheet { font-size: 9.5pt; }
  .aid-sheet h2 { font-size: 15pt; }
  .aid-sheet-village + .aid-sheet-village { break-before: page; margin-top: 0; }
  .aid-sheet tr { break-inside: avoid; }
}
`;

function Table({ widths, heads, children }: { widths: string[]; heads: string[]; children: ReactNode }) {
  return (
    <table>
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {heads.map((h) => (
            <th key={h} style={{ ...CELL, textAlign: 'center' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

const C = { ...CELL, textAlign: 'center' } as const;

function Village({ v, month, township }: { v: SheetVillage; month: string; township: string }) {
  const { t } = useTranslation();
  return (
    <section className="aid-sheet-village" data-testid="aid-sheet-village">
      <h2>
        {township} {t('mutualaid.sheet.title')}
      </h2>
      <p style={{ textAlign: 'center', margin: '0 0 6px' }}>{t('mutualaid.sheet.scope', { month, village: v.village, n: v.totals.activities, hours: hoursText(v.totals.minutes), points: pointsText(v.totals.earnedTenths) })}</p>
      <h3>{t('mutualaid.sheet.pairs', { n: v.pairs.length })}</h3>
      {v.pairs.length === 0 ? (
        <p>{t('mutualaid.sheet.noPairs')}</p>
      ) : (
        <Table widths={['6%', '17%', '17%', '12%', '16%', '18%', '14%']} heads={[t('mutualaid.sheet.no'), t('mutualaid.sheet.elder'), t('mutualaid.sheet.helper'), t('mutualaid.sheet.kind'), t('mutualaid.sheet.since'), t('mutualaid.sheet.ended'), t('mutualaid.sheet.hoursAll')]}>
          {v.pairs.map((p, i) => (
            <tr key={p.id}>
              <td style={C}>{i + 1}</td>
              <td style={CELL}>
                <Keep strong>{p.elder}</Keep>
              </td>
              <td style={CELL}>
                <Keep>{p.helper}</Keep>
              </td>
              <td style={C}>
                <Keep>{t(`enums.helperKind.${p.helperKind}`)}</Keep>
              </td>
              <td style={C}>
                <Keep>{p.since}</Keep>
              </td>
              <td style={CELL}>{p.endedOn ? `${p.endedOn} ${p.endReason ?? ''}` : ''}</td>
              <td style={C}>{hoursText(p.minutes)}</td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t('mutualaid.sheet.activities', { n: v.activities.length })}</h3>
      {v.activities.length === 0 ? (
        <p>{t('mutualaid.sheet.noActivities')}</p>
      ) : (
        <Table widths={['13%', '13%', '13%', '8%', '8%', '8%', '37%']} heads={[t('mutualaid.sheet.day'), t('mutualaid.sheet.helper'), t('mutualaid.sheet.elder'), t('mutualaid.sheet.activityKind'), t('mutualaid.sheet.hours'), t('mutualaid.sheet.points'), t('mutualaid.sheet.note')]}>
          {v.activities.map((a) => (
            <tr key={a.id}>
              <td style={C}>
                <Keep>{a.doneOn}</Keep>
              </td>
              <td style={CELL}>
                <Keep>{a.helper}</Keep>
              </td>
              <td style={CELL}>
                <Keep>{a.elder ?? '—'}</Keep>
              </td>
              <td style={C}>{t(`enums.aidActivityKind.${a.kind}`)}</td>
              <td style={C}>{hoursText(a.minutes)}</td>
              <td style={C}>{a.pending ? t('mutualaid.sheet.pending') : pointsText(a.creditedTenths)}</td>
              <td style={CELL}>{a.note}</td>
            </tr>
          ))}
        </Table>
      )}
      {v.helpers.length > 0 && (
        <>
          <h3>{t('mutualaid.sheet.byHelper')}</h3>
          <Table widths={['24%', '16%', '20%', '20%', '20%']} heads={[t('mutualaid.sheet.helper'), t('mutualaid.sheet.times'), t('mutualaid.sheet.hours'), t('mutualaid.sheet.earned'), t('mutualaid.sheet.balance')]}>
            {v.helpers.map((h) => (
              <tr key={h.helperId}>
                <td style={CELL}>
                  <Keep strong>{h.name}</Keep>
                </td>
                <td style={C}>{h.activities}</td>
                <td style={C}>{hoursText(h.minutes)}</td>
                <td style={C}>{pointsText(h.earnedTenths)}</td>
                <td style={C}>{pointsText(h.balanceTenths)}</td>
              </tr>
            ))}
            <tr>
              <td style={{ ...CELL, fontWeight: 700 }}>{t('mutualaid.sheet.total')}</td>
              <td style={{ ...C, fontWeight: 700 }}>{v.totals.activities}</td>
              <td style={{ ...C, fontWeight: 700 }}>{hoursText(v.totals.minutes)}</td>
              <td style={{ ...C, fontWeight: 700 }}>{pointsText(v.totals.earnedTenths)}</td>
              <td style={CELL} />
            </tr>
          </Table>
        </>
      )}
      <p style={{ marginTop: 20, breakInside: 'avoid' }}>{t('mutualaid.sheet.signatures')}</p>
    </section>
  );
}

export function AidSheetPage() {
  const { t } = useTranslation();
  const at = useLedgerMonth('villageId');
  const { month, villageId } = at;
  const facility = useLedgerFacility();
  const sheet = useAidSheet({ month, villageId }, month !== '');
  return (
    <Stack>
      <MonthLedgerToolbar back="/mutualaid?tab=activities" ledger={at} monthLabel={t('mutualaid.month')} canPrint={(sheet.data?.villages.length ?? 0) > 0} />
      <QueryView query={sheet} isEmpty={(s) => s.villages.length === 0} empty={t('mutualaid.sheet.empty')}>
        {(s) => (
          <div className="aid-sheet" data-testid="aid-sheet">
            <style>{CSS}</style>
            {s.villages.map((v) => (
              <Village key={v.villageId ?? 'none'} v={v} month={s.month} township={facility.data?.township ?? ''} />
            ))}
          </div>
        )}
      </QueryView>
    </Stack>
  );
}
