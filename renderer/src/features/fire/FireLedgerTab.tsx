// 台账: the month's patrol record at a glance, and the printed ledgers (防火巡查记录, 防火检查记录, 隐患整改台账,
// 消防演练记录) in the table layout inspectors expect, with a signature line; Excel export.
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIRE_LEDGERS, type FireLedger } from '@shared/api/fire';
import { downloadBase64 } from '../../components/download';
import { LedgerTable } from '../../components/LedgerTable';
import { EmptyState, LoadingState } from '../../components/States';
import { useMayCall } from '../../shell/current-user';
import { useFacilityGet } from '../facility/queries';
import { useFireCompliance, useFireExportLedger, useFireLedger } from './queries';

export function FireLedgerTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const facility = useFacilityGet();
  const month = useFireCompliance({ month: null });
  const [kind, setKind] = useState<FireLedger['kind']>('patrol');
  const [from, setFrom] = useState<string | null>(dayjs(today).startOf('month').format('YYYY-MM-DD'));
  const [to, setTo] = useState<string | null>(today);
  const ledger = useFireLedger({ kind, from: from ?? today, to: to ?? today });
  const mayExport = useMayCall('fire.exportLedger');
  const exporter = useFireExportLedger({ onSuccess: (f) => downloadBase64(f.fileName, f.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') });
  const m = month.data?.month;
  return (
    <Stack>
      {m && (
        <Alert color={m.dayPatrolsMissed || m.nightWindowsMissed ? 'red.9' : '#0b6e4f'} variant="outline" className="screen-only" data-testid="month-line">
          <Text fw={700}>
            {t('fire.monthTitle')}（{m.month}）：{t('fire.monthLine', { day: m.dayPatrolsMissed, night: m.nightWindowsMissed, inspections: m.inspections, required: m.inspectionsRequired, equipment: m.equipmentChecks })}
          </Text>
        </Alert>
      )}
      <Group align="end" className="screen-only">
        <Select size="md" label={t('fire.ledgerKind')} allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as FireLedger['kind'])} data={FIRE_LEDGERS.map((k) => ({ value: k, label: t(`fire.ledgers.${k}`) }))} />
        <DateInput size="md" label={t('care.from')} valueFormat="YYYY-MM-DD" value={from} onChange={setFrom} />
        <DateInput size="md" label={t('care.to')} valueFormat="YYYY-MM-DD" value={to} onChange={setTo} />
        <Button onClick={() => window.print()} disabled={!ledger.data?.rows.length}>
          {t('care.printLedger')}
        </Button>
        {mayExport && (
          <Button variant="outline" loading={exporter.isPending} onClick={() => exporter.mutate({ kind, from: from ?? today, to: to ?? today })}>
            {t('care.exportLedger')}
          </Button>
        )}
      </Group>
      {ledger.isPending ? (
        <LoadingState />
      ) : ledger.isError ? (
        <Alert color="red.9" variant="outline">
          {ledger.error.message}
        </Alert>
      ) : ledger.data.rows.length === 0 ? (
        <EmptyState>{t('fire.ledgerEmpty')}</EmptyState>
      ) : (
        <LedgerTable ledger={ledger.data} centre={facility.data?.name ?? ''} signatures={t('fire.signatures')} testId="fire-ledger" />
      )}
    </Stack>
  );
}
