// 服药记录单: pick a resident and a month, see the month's record on screen, and print it (the print page). The
// resident and month live in the address, so the record can be linked to and reopened.
import { Button, Group, Stack } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryView } from '../../../components/QueryView';
import { EmptyState } from '../../../components/States';
import { useLedgerFacility } from '../../elders/ledgers/queries';
import { ResidentPicker } from '../../residents/ResidentPicker';
import { MarSheet } from './MarSheet';
import { useExportMonthRecord, useMonthRecord } from './queries';
import { downloadBase64 } from '../../../components/download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function MarTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const residentId = params.get('resident');
  const month = params.get('month') ?? today.slice(0, 7);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const record = useMonthRecord({ residentId: residentId ?? '', month }, residentId !== null);
  const facility = useLedgerFacility();
  const exporter = useExportMonthRecord({ onSuccess: (f) => downloadBase64(f.fileName, f.base64, XLSX) });
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <ResidentPicker label={t('medication.round.marPick')} value={residentId} onChange={(id) => set('resident', id)} scope="all" />
        <MonthPickerInput size="lg" label={t('medication.round.marMonth')} valueFormat="YYYY-MM" value={`${month}-01`} onChange={(v) => v && set('month', v.slice(0, 7))} />
        <Button size="lg" component={Link} to={`/medication/mar?resident=${residentId ?? ''}&month=${month}`} disabled={!residentId}>
          {t('medication.round.marPrint')}
        </Button>
        <Button size="lg" variant="outline" disabled={!residentId} loading={exporter.isPending} onClick={() => residentId && exporter.mutate({ residentId, month })}>
          {t('medication.round.marExcel')}
        </Button>
      </Group>
      {!residentId ? (
        <EmptyState>{t('medication.round.marPickFirst')}</EmptyState>
      ) : (
        <QueryView query={record} empty={t('medication.round.marEmpty')} isEmpty={(r) => r.orders.length === 0 && r.prn.length === 0}>
          {(r) => <MarSheet record={r} township={facility.data?.township ?? ''} />}
        </QueryView>
      )}
    </Stack>
  );
}
