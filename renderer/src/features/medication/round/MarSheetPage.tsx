// The printed 服药记录单 (/medication/mar?resident=ID&month=YYYY-MM): A4 landscape, the month in two halves, names
// never broken, signature lines; the page numbers come from styles.css (@page).
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryView } from '../../../components/QueryView';
import { useSystemInfo } from '../../../shell/queries';
import { useLedgerFacility } from '../../elders/ledgers/queries';
import { MarSheet } from './MarSheet';
import { useMonthRecord } from './queries';

export function MarSheetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const info = useSystemInfo();
  const residentId = params.get('resident') ?? '';
  const month = params.get('month') ?? info.data?.today.slice(0, 7) ?? '';
  const record = useMonthRecord({ residentId, month }, residentId !== '' && month !== '');
  const facility = useLedgerFacility();
  return (
    <Stack>
      <Group className="screen-only">
        <Button size="lg" variant="outline" component={Link} to={`/medication?tab=record&resident=${residentId}&month=${month}`}>
          {t('medication.round.marBack')}
        </Button>
        <Button size="lg" onClick={() => window.print()} disabled={!record.data}>
          {t('medication.round.marPrint')}
        </Button>
      </Group>
      <QueryView query={record} empty={t('medication.round.marEmpty')} isEmpty={(r) => r.orders.length === 0 && r.prn.length === 0}>
        {(r) => <MarSheet record={r} township={facility.data?.township ?? ''} />}
      </QueryView>
    </Stack>
  );
}
