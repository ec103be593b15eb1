// 代管药品登记 (/medication/stock-sheet[?resident=ID]): one resident's every batch, or all residents' batches with
// stock left — received (date, quantity, from whom), batch and expiry, what was given, each count difference, return
// and destruction with its witness, and what is left; the signature lines (经手人/核对人, and on one resident's sheet the
// resident or family). A4 landscape; names, dates and quantities never break inside; page numbers from styles.css.
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { StockSheet } from '@shared/api/medication-stock';
import { QueryView } from '../../../components/QueryView';
import { chinaDate } from '../../../components/time';
import { CELL, Keep, Lines } from '../../elders/ledgers/LedgerSheet';
import { drugTitle, qty } from './format';
import { useStockSheet } from './queries';

const CSS = `
.stock-sheet-scroll { overflow-x: auto; }
.stock-sheet table { min-width: 1100px; }
.stock-sheet { font-size: 15px; }
.stock-sheet .print-nowrap { white-space: nowrap; }
@media print {
  .stock-sheet-scroll { overflow: visible; }
  .stock-sheet table { min-width: 0; }
  .stock-sheet { font-size: 9pt; }
  .stock-sheet h2 { font-size: 15pt; }
}
`;

function Sheet({ sheet, one }: { sheet: StockSheet; one: boolean }) {
  const { t } = useTranslation();
  const columns = [
    { head: t('medication.stock.sheet.no'), width: '4%' },
    ...(one ? [] : [{ head: t('medication.stock.sheet.resident'), width: '9%' }]),
    { head: t('medication.stock.sheet.drug'), width: one ? '17%' : '14%' },
    { head: t('medication.stock.sheet.batchNo'), width: '9%' },
    { head: t('medication.stock.sheet.expires'), width: '9%' },
    { head: t('medication.stock.sheet.received'), width: one ? '18%' : '16%' },
    { head: t('medication.stock.sheet.given'), width: '8%' },
    { head: t('medication.stock.sheet.events'), width: one ? '27%' : '23%' },
    { head: t('medication.stock.sheet.left'), width: '8%' },
  ];
  const first = sheet.residents[0];
  const scope = one && first ? t('medication.stock.sheet.oneResident', { name: first.name, bed: first.bedLabel ?? t('medication.stock.noBed') }) : t('medication.stock.sheet.allResidents');
  let no = 0;
  return (
    <div className="print-wide stock-sheet" data-testid="stock-sheet">
      <style>{CSS}</style>
      <h2 style={{ textAlign: 'center', margin: '4px 0' }}>
        {sheet.centreName} {t('medication.stock.sheet.title')}
      </h2>
      <p style={{ textAlign: 'center', margin: '0 0 4px' }}>
        {scope}　{t('medication.stock.sheet.printedOn', { on: sheet.today })}
      </p>
      <div className="stock-sheet-scroll" tabIndex={0} role="region" aria-label={t('medication.stock.sheet.title')}>
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <colgroup>
            {columns.map((c) => (
              <col key={c.head} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.head} style={{ ...CELL, textAlign: 'center', verticalAlign: 'middle' }}>
                  {c.head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.residents.flatMap((r) =>
              r.batches.map((b) => {
                no += 1;
                return (
                  <tr key={b.batchId} style={{ breakInside: 'avoid' }}>
                    <td style={{ ...CELL, textAlign: 'center' }}>{no}</td>
                    {!one && (
                      <td style={CELL}>
                        <Keep strong>{r.name}</Keep> <Keep>{r.bedLabel ?? ''}</Keep>
                      </td>
                    )}
                    <td style={CELL}>{drugTitle(b)}</td>
                    <td style={CELL}>
                      <Keep>{b.batchNo}</Keep>
                    </td>
                    <td style={CELL}>
                      <Keep>{b.expiresOn}</Keep>
                      {b.expired ? ` ${t('medication.stock.expired')}` : ''}
                    </td>
                    <td style={CELL}>
                      <Keep>{b.receivedOn}</Keep> <Keep>{qty(t, b.receivedCenti, b.unit)}</Keep> <Keep>{`${t(`enums.medicineSource.${b.source}`)} ${b.fromWhom}`}</Keep>{' '}
                      <Keep>{`${t('medication.stock.receivedBy')}：${b.receivedBy}`}</Keep>
                    </td>
                    <td style={CELL}>
                      <Keep>{qty(t, b.givenCenti, b.unit)}</Keep>
                    </td>
                    <td style={CELL}>
                      <Lines>
                        {b.events.map((e, i) => (
                          <span key={i}>
                            <Keep>{chinaDate(e.at)}</Keep> <Keep>{t(`enums.stockMovementKind.${e.kind}`)}</Keep>{' '}
                            <Keep>{`${e.quantityCenti > 0 ? '+' : ''}${qty(t, e.quantityCenti, b.unit)}`}</Keep>
                            {`（${e.reason}`}
                            {e.witness ? <Keep>{t('medication.stock.sheet.witness', { name: e.witness })}</Keep> : null}
                            {'）'}
                          </span>
                        ))}
                      </Lines>
                    </td>
                    <td style={CELL}>
                      <Keep strong>{qty(t, b.leftCenti, b.unit)}</Keep>
                    </td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
      {one && <p style={{ marginTop: 16, breakInside: 'avoid' }}>{t('medication.stock.sheet.familySign')}</p>}
      <p style={{ marginTop: 20, breakInside: 'avoid' }}>{t('medication.stock.sheet.signatures')}</p>
    </div>
  );
}

export function StockSheetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const residentId = params.get('resident');
  const sheet = useStockSheet({ residentId });
  const hasRows = (s: StockSheet) => s.residents.some((r) => r.batches.length > 0);
  return (
    <Stack>
      <Group align="end" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to={residentId ? `/medication?tab=stock&resident=${residentId}` : '/medication?tab=stock'}>
          {t('medication.stock.sheet.back')}
        </Button>
        <Button size="lg" onClick={() => window.print()} disabled={!sheet.data || !hasRows(sheet.data)}>
          {t('medication.stock.sheet.print')}
        </Button>
      </Group>
      <QueryView query={sheet} empty={t('medication.stock.sheet.empty')} isEmpty={(s) => !hasRows(s)}>
        {(s) => <Sheet sheet={s} one={residentId !== null} />}
      </QueryView>
    </Stack>
  );
}
