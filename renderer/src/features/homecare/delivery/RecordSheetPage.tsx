// 居家上门服务记录 (/homecare/record-sheet?month=YYYY-MM[&provider=…][&elder=…]): a month's visits of one elder, of one
// provider, or of all — date, time, the elder (on a provider's sheet), the worker, the items with quantities, how the elder
// confirmed (the signature as drawn, the paper slip's number, or the family member), notes; missed visits with their
// reason. Voided visits are left out. A4 landscape in the register ledgers' frame (page numbers, 填表人/审核人 line), and on
// an elder's sheet a line for the elder or family to sign.
import { Button, Group, Stack } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { VisitList, VisitRow } from '@shared/api/homecare-delivery';
import { lastDayOfMonth } from '@shared/domain/dates';
import { QueryView } from '../../../components/QueryView';
import { useSystemInfo } from '../../../shell/queries';
import { CELL, Keep, KeepList, LedgerSheet, type SheetColumn } from '../../elders/ledgers/LedgerSheet';
import { confirmationText } from './VisitsTab';
import { quantityText } from './RecordVisitModal';
import { useHomecareRecordChoices, useHomecareVisits } from './queries';

function Sheet({ list, elderId, providerName }: { list: VisitList; elderId: string | null; providerName: string | null }) {
  const { t } = useTranslation();
  const visits = list.visits;
  const byElder = elderId !== null;
  const first = visits[0];
  const columns: SheetColumn[] = [
    { head: t('homecare.delivery.sheet.no'), width: '4%' },
    { head: t('homecare.delivery.sheet.date'), width: '9%' },
    { head: t('homecare.delivery.sheet.time'), width: '9%' },
    ...(byElder ? [] : [{ head: t('homecare.delivery.sheet.elder'), width: '10%' }]),
    { head: t('homecare.delivery.sheet.worker'), width: byElder ? '14%' : '12%' },
    { head: t('homecare.delivery.sheet.items'), width: byElder ? '26%' : '22%' },
    { head: t('homecare.delivery.sheet.confirm'), width: '18%' },
    { head: t('homecare.delivery.sheet.notes'), width: byElder ? '20%' : '16%' },
  ];
  const scope = byElder && first ? t('homecare.delivery.sheet.elderScope', { name: first.elder, village: first.village }) : providerName ? t('homecare.delivery.sheet.providerScope', { name: providerName }) : t('homecare.delivery.sheet.allScope');
  const done = visits.filter((v) => v.outcome === 'done');
  return (
    <LedgerSheet
      title={t('homecare.delivery.sheet.title')}
      period={t('homecare.delivery.sheet.period', { from: `${list.month}-01`, to: lastDayOfMonth(list.month) })}
      scope={scope}
      count={t('homecare.delivery.sheet.count', { done: done.length, missed: visits.length - done.length, hours: Math.round((list.totals.minutes / 60) * 10) / 10 })}
      columns={columns}
      testId="record-sheet"
      after={byElder ? <p style={{ marginTop: 16 }}>{t('homecare.delivery.sheet.elderSign')}</p> : undefined}
    >
      {visits.map((v, i) => (
        <Row key={v.id} v={v} no={i + 1} byElder={byElder} />
      ))}
    </LedgerSheet>
  );
}

function Row({ v, no, byElder }: { v: VisitRow; no: number; byElder: boolean }) {
  const { t } = useTranslation();
  return (
    <tr style={{ breakInside: 'avoid' }}>
      <td style={{ ...CELL, textAlign: 'center' }}>{no}</td>
      <td style={CELL}>
        <Keep>{v.serviceOn}</Keep>
      </td>
      <td style={CELL}>{v.outcome === 'done' ? <Keep>{`${v.startTime}–${v.endTime}`}</Keep> : <Keep>{t('homecare.delivery.state.missed')}</Keep>}</td>
      {!byElder && (
        <td style={CELL}>
          <Keep strong>{v.elder}</Keep> <Keep>{v.village}</Keep>
        </td>
      )}
      <td style={CELL}>
        <Keep>{v.worker ?? '—'}</Keep> <Keep>{v.provider}</Keep>
      </td>
      <td style={CELL}>{v.outcome === 'done' ? <KeepList items={v.items.map((it) => `${it.name}${quantityText(it.unit, it.quantity)}`)} keepUpTo={12} /> : t('homecare.delivery.missedBecause', { reason: v.missedReason ?? '' })}</td>
      <td style={CELL}>{v.confirmation === 'signature' && v.signature ? <img src={v.signature} alt={t('homecare.delivery.confirmShort.signature')} style={{ height: 32, maxWidth: '100%' }} /> : confirmationText(v, t)}</td>
      <td style={CELL}>
        {v.notes}
        {v.overQuotaReason ? `${v.notes ? '；' : ''}${t('homecare.delivery.overQuotaShort', { reason: v.overQuotaReason })}` : ''}
      </td>
    </tr>
  );
}

export function RecordSheetPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const info = useSystemInfo();
  const month = params.get('month') ?? info.data?.today.slice(0, 7) ?? '';
  const providerId = params.get('provider');
  const elderId = params.get('elder');
  const choices = useHomecareRecordChoices();
  const list = useHomecareVisits({ month, providerId, elderId }, month !== '');
  const providerName = providerId ? (choices.data?.providers.find((p) => p.id === providerId)?.name ?? null) : null;
  const back = elderId ? `/elders/${elderId}` : '/homecare?tab=visits';
  return (
    <Stack>
      <Group align="end" className="screen-only" wrap="wrap">
        <Button size="lg" variant="outline" component={Link} to={back}>
          {t('homecare.delivery.sheet.back')}
        </Button>
        <MonthPickerInput
          size="lg"
          label={t('homecare.delivery.month')}
          valueFormat="YYYY-MM"
          value={month ? `${month}-01` : null}
          onChange={(v) => {
            if (!v) return;
            const next = new URLSearchParams(params);
            next.set('month', v.slice(0, 7));
            setParams(next, { replace: true });
          }}
        />
        <Button size="lg" onClick={() => window.print()} disabled={!list.data || list.data.visits.length === 0}>
          {t('homecare.delivery.sheet.print')}
        </Button>
      </Group>
      <QueryView query={list} empty={t('homecare.delivery.sheet.empty')} isEmpty={(l) => l.visits.length === 0}>
        {(l) => <Sheet list={l} elderId={elderId} providerName={providerName} />}
      </QueryView>
    </Stack>
  );
}
