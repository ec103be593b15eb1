// 台账: the month's patrol record at a glance, and the printed ledgers (防火巡查记录, 防火检查记录, 隐患整改台账,
// 消防演练记录) in the table layout inspectors expect, with a signature line; Excel export.
import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIRE_LEDGERS, type FireLedger } from '@shared/api/fire';
import { downloadBase64 } from '../../components/download';
import { LedgerPanel, useDateRange } from '../../components/LedgerPanel';
import { useMayCall } from '../../shell/current-user';
import { useFireCompliance, useFireExportLedger, useFireLedger } from './queries';

export function FireLedgerTab({ today }: { today: string }) {
  const { t } = useTranslation();
  const month = useFireCompliance({ month: null });
  const [kind, setKind] = useState<FireLedger['kind']>('patrol');
  const dates = useDateRange(`${today.slice(0, 7)}-01`, today);
  const { from, to } = dates;
  const ledger = useFireLedger({ kind, from: from ?? today, to: to ?? today });
  const mayExport = useMayCall('fire.exportLedger');
  const exporter = useFireExportLedger({ onSuccess: (f) => downloadBase64(f.fileName, f.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') });
  const m = month.data?.month;
  return (
    <Stack>
      {m && (
        <Alert color={m.dayPatrolsMissed || m.nightWindowsMissed ? 'red.9' : 'ok'} variant="outline" className="screen-only" data-testid="month-line">
          <Text fw={700}>
            {t('fire.monthTitle')}（{m.month}）：{t('fire.monthLine', { day: m.dayPatrolsMissed, night: m.nightWindowsMissed, inspections: m.inspections, required: m.inspectionsRequired, equipment: m.equipmentChecks })}
          </Text>
        </Alert>
      )}
      <LedgerPanel
        kindLabel={t('fire.ledgerKind')}
        kinds={FIRE_LEDGERS.map((k) => ({ value: k, label: t(`fire.ledgers.${k}`) }))}
        kind={kind}
        onKind={setKind}
        dates={dates}
        ledger={ledger}
        signatures={t('fire.signatures')}
        empty={t('fire.ledgerEmpty')}
        canPrint={(ledger.data?.rows.length ?? 0) > 0}
        onExport={mayExport ? () => exporter.mutate({ kind, from: from ?? today, to: to ?? today }) : undefined}
        exporting={exporter.isPending}
        testId="fire-ledger"
      />
    </Stack>
  );
}
