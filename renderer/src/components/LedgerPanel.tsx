// A ledger page as the care and fire-safety reports show it: pick the ledger and the dates, print it or export it to
// Excel, and below, the ledger as printed (LedgerTable) — or a plain line when it could not be read or is empty.
import { Alert, Button, Group, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFacilityGet } from '../features/facility/queries';
import { LedgerTable, type PrintableLedger } from './LedgerTable';
import { QueryView } from './QueryView';

/** The from–to dates a ledger is asked for, as the two date pickers hold them (null while one is cleared). */
export function useDateRange(initialFrom: string, initialTo: string) {
  const [from, setFrom] = useState<string | null>(initialFrom);
  const [to, setTo] = useState<string | null>(initialTo);
  return { from, to, setFrom, setTo };
}

export interface LedgerPanelProps<K extends string> {
  kindLabel: string;
  kinds: readonly { value: K; label: string }[];
  kind: K;
  onKind: (kind: K) => void;
  dates: ReturnType<typeof useDateRange>;
  ledger: UseQueryResult<PrintableLedger, Error>;
  signatures: string;
  /** The page's own words for an empty ledger. */
  empty: string;
  canPrint: boolean;
  /** Without it (the role may not export), no export button. */
  onExport?: () => void;
  exporting: boolean;
  testId?: string;
}

export function LedgerPanel<K extends string>(p: LedgerPanelProps<K>) {
  const { t } = useTranslation();
  const centre = useFacilityGet().data?.name ?? '';
  return (
    <>
      <Group align="end" className="screen-only">
        <Select label={p.kindLabel} allowDeselect={false} value={p.kind} onChange={(v) => v && p.onKind(v as K)} data={p.kinds} />
        <DateInput label={t('care.from')} valueFormat="YYYY-MM-DD" value={p.dates.from} onChange={p.dates.setFrom} />
        <DateInput label={t('care.to')} valueFormat="YYYY-MM-DD" value={p.dates.to} onChange={p.dates.setTo} />
        <Button onClick={() => window.print()} disabled={!p.canPrint}>
          {t('care.printLedger')}
        </Button>
        {p.onExport && (
          <Button variant="outline" onClick={p.onExport} loading={p.exporting}>
            {t('care.exportLedger')}
          </Button>
        )}
      </Group>
      <QueryView
        query={p.ledger}
        isEmpty={(ledger) => ledger.rows.length === 0}
        empty={p.empty}
        failed={(error) => (
          <Alert color="red.9" variant="outline">
            {error.message}
          </Alert>
        )}
      >
        {(ledger) => <LedgerTable ledger={ledger} centre={centre} signatures={p.signatures} testId={p.testId} />}
      </QueryView>
    </>
  );
}
