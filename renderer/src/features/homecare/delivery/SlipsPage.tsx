// 服务确认单 (/homecare/slips?monday=YYYY-MM-DD[&worker=…][&provider=…][&village=…]): one blank, numbered slip for each
// planned visit of the week, to take along and have signed at the elder's home — the number (typed back when the visit is
// recorded), provider and worker, the planned day and time, the elder with address and phone, the plan's items with a box
// to tick and room for the quantity, the actual times, and signature lines for the elder (or family) and the worker.
// Two slips to an A4 portrait sheet, never split across sheets; ordered by worker, then day and time.
// With ?visit=…&month=YYYY-MM&elder=… the slip of one recorded visit, filled in as recorded (items ticked with their
// quantities, the actual times, how the elder confirmed, the signature as drawn) — for the file or the family.
import { Button, Group, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PlannedVisit, VisitRow } from '@shared/api/homecare-delivery';
import { addDays, mondayOf } from '@shared/domain/dates';
import { QueryView } from '../../../components/QueryView';
import { useSystemInfo } from '../../../shell/queries';
import { useLedgerFacility } from '../../elders/ledgers/queries';
import { quantityText } from './RecordVisitModal';
import { confirmationText } from './VisitsTab';
import { useHomecarePlanned, useHomecareVisits } from './queries';

const CSS = `
.homecare-slip { border: 1.5px solid #000; padding: 10px 14px; font-size: 15px; break-inside: avoid; page-break-inside: avoid; margin-bottom: 14px; background: #fff; color: #000; }
.homecare-slip h3 { text-align: center; margin: 0 0 6px; font-size: 20px; letter-spacing: 2px; }
.homecare-slip table { width: 100%; border-collapse: collapse; }
.homecare-slip td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
.homecare-slip .label { width: 16%; white-space: nowrap; }
.homecare-slip .box { display: inline-block; width: 14px; height: 14px; border: 1.5px solid #000; margin-right: 6px; vertical-align: -2px; }
.homecare-slip .line { display: inline-block; min-width: 7em; border-bottom: 1px solid #000; }
@media print {
  .homecare-slip { font-size: 10.5pt; margin-bottom: 8mm; height: 128mm; box-sizing: border-box; }
  .homecare-slip h3 { font-size: 14pt; }
  .homecare-slip:nth-of-type(2n):not(:last-of-type) { break-after: page; }
}
`;

const DAY = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (day: string) => DAY[new Date(`${day}T00:00:00Z`).getUTCDay()];

function Slip({ v, township }: { v: PlannedVisit; township: string }) {
  const { t } = useTranslation();
  return (
    <section className="homecare-slip" aria-label={`${t('homecare.delivery.slip.title')} ${v.slipNo}`} data-testid="slip">
      <h3>
        {township} {t('homecare.delivery.slip.title')}
      </h3>
      <Group justify="space-between" mb={6}>
        <span>
          {t('homecare.delivery.slip.no')}
          <b style={{ fontSize: '1.2em' }}>{v.slipNo}</b>
        </span>
        <span>{v.provider}</span>
      </Group>
      <table>
        <tbody>
          <tr>
            <td className="label">{t('homecare.delivery.slip.elder')}</td>
            <td>
              <b>{v.elder}</b>（{v.village}）　{v.phone}
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.address')}</td>
            <td>{v.address || '—'}</td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.planned')}</td>
            <td>
              {v.on}（星期{weekdayOf(v.on)}）{v.startTime}–{v.endTime}　{t('homecare.delivery.slip.worker')}：{v.worker ?? '__________'}
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.actual')}</td>
            <td>
              {t('homecare.delivery.slip.date')} <span className="line" />　{t('homecare.delivery.slip.from')} <span className="line" style={{ minWidth: '4em' }} /> {t('homecare.delivery.slip.to')} <span className="line" style={{ minWidth: '4em' }} />
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.items')}</td>
            <td>
              {v.items.map((i) => (
                <div key={i.itemId} style={{ margin: '3px 0' }}>
                  <span className="box" />
                  {i.name}　{i.unit === 'hour' ? t('homecare.delivery.slip.minutes') : t('homecare.delivery.slip.times')}
                </div>
              ))}
              <div style={{ margin: '3px 0' }}>
                <span className="box" />
                {t('homecare.delivery.slip.other')} <span className="line" style={{ minWidth: '12em' }} />
              </div>
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.notes')}</td>
            <td style={{ height: '2.6em' }} />
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.rating')}</td>
            <td>
              <span className="box" />
              {t('homecare.delivery.slip.good')}　<span className="box" />
              {t('homecare.delivery.slip.fair')}　<span className="box" />
              {t('homecare.delivery.slip.poor')}
            </td>
          </tr>
        </tbody>
      </table>
      <p style={{ margin: '10px 0 0' }}>{t('homecare.delivery.slip.signs')}</p>
    </section>
  );
}

/** The slip of a recorded visit, filled in. */
function FilledSlip({ v, township }: { v: VisitRow; township: string }) {
  const { t } = useTranslation();
  return (
    <section className="homecare-slip" aria-label={t('homecare.delivery.slip.title')} data-testid="slip">
      <h3>
        {township} {t('homecare.delivery.slip.title')}
      </h3>
      <Group justify="space-between" mb={6}>
        <span>
          {t('homecare.delivery.slip.no')}
          <b style={{ fontSize: '1.2em' }}>{v.slipNo ?? '—'}</b>
        </span>
        <span>{v.provider}</span>
      </Group>
      <table>
        <tbody>
          <tr>
            <td className="label">{t('homecare.delivery.slip.elder')}</td>
            <td>
              <b>{v.elder}</b>（{v.village}）
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.actual')}</td>
            <td>
              {v.serviceOn}（星期{weekdayOf(v.serviceOn)}）{v.startTime}–{v.endTime}　{t('homecare.delivery.slip.worker')}：{v.worker ?? '—'}
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.items')}</td>
            <td>
              {v.items.map((i) => (
                <div key={i.itemId} style={{ margin: '3px 0' }}>
                  ☑ {i.name}　{quantityText(i.unit, i.quantity)}
                  {i.unit === 'hour' ? `（${i.quantity}分钟）` : ''}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.slip.notes')}</td>
            <td>
              {v.notes || '—'}
              {v.overQuotaReason ? `；${t('homecare.delivery.overQuotaShort', { reason: v.overQuotaReason })}` : ''}
            </td>
          </tr>
          <tr>
            <td className="label">{t('homecare.delivery.confirmation')}</td>
            <td>{v.confirmation === 'signature' && v.signature ? <img src={v.signature} alt={t('homecare.delivery.confirmShort.signature')} style={{ height: 60 }} /> : confirmationText(v, t)}</td>
          </tr>
        </tbody>
      </table>
      <p style={{ margin: '10px 0 0' }}>{t('homecare.delivery.slip.recorded', { by: v.recordedBy, at: v.recordedAt.slice(0, 10) })}</p>
    </section>
  );
}

function OneVisit({ id, month, elderId }: { id: string; month: string; elderId: string | null }) {
  const { t } = useTranslation();
  const facility = useLedgerFacility();
  const list = useHomecareVisits({ month, elderId });
  const visit = list.data?.visits.find((v) => v.id === id);
  return (
    <Stack>
      <Group align="end" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to="/homecare?tab=visits">
          {t('homecare.delivery.sheet.back')}
        </Button>
        <Button size="lg" onClick={() => window.print()} disabled={!visit}>
          {t('homecare.delivery.sheet.print')}
        </Button>
      </Group>
      <style>{CSS}</style>
      <QueryView query={list} empty={t('homecare.delivery.slip.notFound')} isEmpty={() => !visit}>
        {() => <div data-testid="slips">{visit && <FilledSlip v={visit} township={facility.data?.township ?? ''} />}</div>}
      </QueryView>
    </Stack>
  );
}

export function SlipsPage() {
  const [params] = useSearchParams();
  const visitId = params.get('visit');
  const month = params.get('month');
  if (visitId && month) return <OneVisit id={visitId} month={month} elderId={params.get('elder')} />;
  return <BlankSlips />;
}

function BlankSlips() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const info = useSystemInfo();
  const facility = useLedgerFacility();
  const monday = params.get('monday') ?? (info.data ? mondayOf(info.data.today) : '');
  const workerId = params.get('worker');
  const providerId = params.get('provider');
  const villageId = params.get('village');
  const planned = useHomecarePlanned({ date: monday, span: 'week', workerId, providerId, villageId }, monday !== '');
  const slips = (planned.data?.visits ?? []).filter((v) => v.state !== 'missed').sort((a, b) => (a.worker ?? '').localeCompare(b.worker ?? '', 'zh-CN') || a.on.localeCompare(b.on) || a.startTime.localeCompare(b.startTime));
  return (
    <Stack>
      <Group align="end" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to="/homecare?tab=schedule">
          {t('homecare.delivery.sheet.back')}
        </Button>
        <DateInput
          size="lg"
          label={t('homecare.delivery.slip.week')}
          valueFormat="YYYY-MM-DD"
          value={monday || null}
          onChange={(v) => {
            if (!v) return;
            const next = new URLSearchParams(params);
            next.set('monday', mondayOf(v));
            setParams(next, { replace: true });
          }}
        />
        <Text size="lg" fw={700}>
          {monday && t('homecare.delivery.weekTitle', { from: monday, to: addDays(monday, 6) })}
        </Text>
        <Button size="lg" onClick={() => window.print()} disabled={slips.length === 0}>
          {t('homecare.delivery.slip.print', { n: slips.length })}
        </Button>
      </Group>
      <style>{CSS}</style>
      <QueryView query={planned} empty={t('homecare.delivery.slip.empty')} isEmpty={() => slips.length === 0}>
        {() => (
          <div data-testid="slips">
            {slips.map((v) => (
              <Slip key={`${v.planId} ${v.on}`} v={v} township={facility.data?.township ?? ''} />
            ))}
          </div>
        )}
      </QueryView>
    </Stack>
  );
}
