// 居家上门服务结算对账单 (/homecare/statement?provider=…&month=YYYY-MM[&settlement=…]): a provider's month, each elder's
// visits priced (items with their unit price, amount, subsidy, personal share) with a subtotal per elder, the totals,
// the visits disputed at 回访 listed apart (not paid), and the signature lines for the provider, the 关爱专干 and the
// head of the centre or township. A settled month prints its frozen lines; an unsettled one is marked 预览. A given
// settlement (a voided one too) prints as it was. A4 landscape, the header row repeated on each page.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Statement, StatementLine } from '@shared/api/homecare-settlement';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { EmptyState } from '../../../components/States';
import { downloadBase64 } from '../../../components/download';
import { QueryView } from '../../../components/QueryView';
import { CELL, Keep } from '../../elders/ledgers/LedgerSheet';
import { yuan } from './money';
import { useExportSettlement, useStatement } from './queries';

const CSS = `
.hc-statement { font-size: 15px; }
.hc-statement .print-nowrap { white-space: nowrap; }
.hc-statement-scroll { overflow-x: auto; }
.hc-statement table { min-width: 960px; }
@media print {
  .hc-statement-scroll { overflow: visible; }
  .hc-statement table { min-width: 0; }
  .hc-statement { font-size: 9.5pt; }
  .hc-statement h2 { font-size: 15pt; }
}
`;
const WIDTHS = { no: '5%', date: '10%', time: '9%', class: '10%', items: '36%', amount: '10%', subsidy: '10%', personal: '10%' } as const;
const DISPUTED_WIDTHS = { no: '5%', date: '10%', elder: '12%', items: '30%', amount: '10%', note: '33%' } as const;
const NUM = { ...CELL, textAlign: 'right' } as const;
const at = (iso: string) => chinaWallClock(new Date(iso));

function Items({ l }: { l: StatementLine }) {
  const { t } = useTranslation();
  return (
    <>
      {l.items.map((i, n) => (
        <Fragment key={i.itemId}>
          {n > 0 && '；'}
          <Keep>
            {i.name} {i.unit === 'hour' ? `${i.quantity}分钟` : `${i.quantity}次`}
          </Keep>{' '}
          <Keep>{i.priceFen === null ? t('homecare.settlement.statement.noPrice') : `× ${yuan(i.priceFen)}${t(`homecare.settlement.statement.unit.${i.unit}`)}`}</Keep>
        </Fragment>
      ))}
    </>
  );
}

/** The paid lines grouped by elder (village, then name), each elder's lines by day with a subtotal row. */
function byElder(lines: readonly StatementLine[]) {
  const groups = new Map<string, StatementLine[]>();
  for (const l of lines) groups.set(l.elderId, [...(groups.get(l.elderId) ?? []), l]);
  return [...groups.values()].sort((a, b) => a[0].village.localeCompare(b[0].village, 'zh') || a[0].elder.localeCompare(b[0].elder, 'zh'));
}

function Sheet({ s }: { s: Statement }) {
  const { t } = useTranslation();
  const w = (k: 'title' | 'preview' | 'signProvider' | 'signWorker' | 'signHead' | 'signDate') => t(`homecare.settlement.statement.${k}`);
  const heads = Object.keys(WIDTHS) as (keyof typeof WIDTHS)[];
  const dHeads = Object.keys(DISPUTED_WIDTHS) as (keyof typeof DISPUTED_WIDTHS)[];
  let no = 0;
  return (
    <div className="print-wide hc-statement" data-testid="statement">
      <style>{CSS}</style>
      <h2 style={{ textAlign: 'center', margin: '4px 0' }}>
        {s.facilityName} {w('title')}
      </h2>
      <p style={{ textAlign: 'center', margin: '0 0 4px' }}>
        {[t('homecare.settlement.statement.provider', { name: s.provider.name }), s.provider.contractNo && t('homecare.settlement.statement.contract', { no: s.provider.contractNo }), t('homecare.settlement.statement.period', { from: s.from, to: s.to })]
          .filter(Boolean)
          .join('　')}
      </p>
      <p style={{ textAlign: 'center', margin: '0 0 6px', fontWeight: 700 }} data-testid="statement-status">
        {s.status === 'preview'
          ? w('preview')
          : s.settlement?.voided
            ? t('homecare.settlement.statement.voided', { at: at(s.settlement.voided.at), by: s.settlement.voided.by, reason: s.settlement.voided.reason })
            : s.settlement && t('homecare.settlement.statement.settled', { at: at(s.settlement.settledAt), by: s.settlement.settledBy })}
      </p>
      {s.disputesAfter > 0 && <p style={{ margin: '0 0 6px', fontWeight: 700 }}>{t('homecare.settlement.statement.disputesAfter', { n: s.disputesAfter })}</p>}
      <div className="hc-statement-scroll" tabIndex={0} role="region" aria-label={w('title')}>
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <colgroup>
            {heads.map((k) => (
              <col key={k} style={{ width: WIDTHS[k] }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {heads.map((k) => (
                <th key={k} style={{ ...CELL, textAlign: 'center', verticalAlign: 'middle' }}>
                  {t(`homecare.settlement.statement.heads.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {byElder(s.lines).map((group) => {
              const sum = (f: (l: StatementLine) => number) => group.reduce((n, l) => n + f(l), 0);
              return (
                <Fragment key={group[0].elderId}>
                  {group.map((l) => {
                    no += 1;
                    return (
                      <tr key={l.visitId} style={{ breakInside: 'avoid' }}>
                        <td style={{ ...CELL, textAlign: 'center' }}>{no}</td>
                        <td style={CELL}>
                          <Keep>{l.serviceOn}</Keep>
                        </td>
                        <td style={CELL}>
                          <Keep>
                            {l.startTime}–{l.endTime ?? ''}
                          </Keep>
                        </td>
                        <td style={CELL}>
                          <Keep strong>{l.elder}</Keep> <Keep>{t(`enums.priceClass.${l.priceClass}`)}</Keep>
                        </td>
                        <td style={CELL}>
                          <Items l={l} />
                          {l.worker && <Keep>（{l.worker}）</Keep>}
                        </td>
                        <td style={NUM}>{yuan(l.amountFen)}</td>
                        <td style={NUM}>{yuan(l.subsidyFen)}</td>
                        <td style={NUM}>{yuan(l.personalFen)}</td>
                      </tr>
                    );
                  })}
                  <tr style={{ background: '#f3f3f3' }}>
                    <td style={{ ...CELL, fontWeight: 700 }} colSpan={5}>
                      {t('homecare.settlement.statement.elderTotal', { elder: group[0].elder, village: group[0].village, n: group.length })}
                    </td>
                    <td style={{ ...NUM, fontWeight: 700 }}>{yuan(sum((l) => l.amountFen))}</td>
                    <td style={{ ...NUM, fontWeight: 700 }}>{yuan(sum((l) => l.subsidyFen))}</td>
                    <td style={{ ...NUM, fontWeight: 700 }}>{yuan(sum((l) => l.personalFen))}</td>
                  </tr>
                </Fragment>
              );
            })}
            <tr>
              <td style={{ ...CELL, fontWeight: 700, textAlign: 'center' }} colSpan={5}>
                {t('homecare.settlement.statement.total', { n: s.totals.visits })}
              </td>
              <td style={{ ...NUM, fontWeight: 700 }} data-testid="total-amount">
                {yuan(s.totals.amountFen)}
              </td>
              <td style={{ ...NUM, fontWeight: 700 }}>{yuan(s.totals.subsidyFen)}</td>
              <td style={{ ...NUM, fontWeight: 700 }}>{yuan(s.totals.personalFen)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {s.disputed.length > 0 && (
        <div style={{ marginTop: 12, breakInside: 'avoid-page' }} data-testid="statement-disputed">
          <h3 style={{ margin: '4px 0' }}>{t('homecare.settlement.statement.disputedTitle', { n: s.totals.disputed, amount: yuan(s.totals.disputedFen) })}</h3>
          <div className="hc-statement-scroll" tabIndex={0} role="region" aria-label={t('homecare.settlement.statement.disputedTitle', { n: s.totals.disputed, amount: yuan(s.totals.disputedFen) })}>
          <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
            <colgroup>
              {dHeads.map((k) => (
                <col key={k} style={{ width: DISPUTED_WIDTHS[k] }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {dHeads.map((k) => (
                  <th key={k} style={{ ...CELL, textAlign: 'center' }}>
                    {t(`homecare.settlement.statement.disputedHeads.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.disputed.map((l, i) => (
                <tr key={l.visitId}>
                  <td style={{ ...CELL, textAlign: 'center' }}>{i + 1}</td>
                  <td style={CELL}>
                    <Keep>{l.serviceOn}</Keep>
                  </td>
                  <td style={CELL}>
                    <Keep strong>{l.elder}</Keep> <Keep>{l.village}</Keep>
                  </td>
                  <td style={CELL}>
                    <Items l={l} />
                  </td>
                  <td style={NUM}>{yuan(l.amountFen)}</td>
                  <td style={CELL}>{l.disputeNote}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </div>
      )}
      <p style={{ marginTop: 12 }}>
        {t('homecare.settlement.statement.summary', {
          visits: s.totals.visits,
          amount: yuan(s.totals.amountFen),
          subsidy: yuan(s.totals.subsidyFen),
          personal: yuan(s.totals.personalFen),
          disputed: s.totals.disputed,
          disputedAmount: yuan(s.totals.disputedFen),
        })}
      </p>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, marginTop: 28, breakInside: 'avoid', flexWrap: 'wrap' }} data-testid="signatures">
        {(['signProvider', 'signWorker', 'signHead'] as const).map((k) => (
          <div key={k} style={{ minWidth: 220 }}>
            <p style={{ margin: 0 }}>{w(k)}</p>
            <p style={{ margin: '28px 0 0' }}>{w('signDate')}</p>
          </div>
        ))}
      </div>
    </div>
  );
}

export function StatementPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const providerId = params.get('provider') ?? '';
  const month = params.get('month') ?? '';
  const settlementId = params.get('settlement');
  const ready = providerId !== '' && /^\d{4}-\d{2}$/.test(month);
  const statement = useStatement({ providerId, month, settlementId }, ready);
  const exporter = useExportSettlement({ onSuccess: (f) => downloadBase64(f.fileName, f.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') });
  return (
    <Stack>
      <Group className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to="/homecare?tab=settlement">
          {t('homecare.settlement.statement.back')}
        </Button>
        <Button size="lg" onClick={() => window.print()} disabled={!statement.data || statement.data.lines.length + statement.data.disputed.length === 0}>
          {t('homecare.settlement.statement.print')}
        </Button>
        {ready && (
          <Button size="lg" variant="outline" loading={exporter.isPending} onClick={() => exporter.mutate({ month, providerId })} disabled={!statement.data || statement.data.lines.length + statement.data.disputed.length === 0}>
            {t('homecare.settlement.settlement.export')}
          </Button>
        )}
      </Group>
      {!ready ? (
        <EmptyState>{t('homecare.settlement.statement.pick')}</EmptyState>
      ) : (
        <QueryView query={statement} isEmpty={(s) => s.lines.length + s.disputed.length === 0} empty={t('homecare.settlement.statement.empty')}>
          {(s) => (
            <>
              {s.status === 'preview' && (
                <Alert color="yellow" className="screen-only">
                  <Text size="lg">{t('homecare.settlement.statement.preview')}</Text>
                </Alert>
              )}
              <Sheet s={s} />
            </>
          )}
        </QueryView>
      )}
    </Stack>
  );
}
