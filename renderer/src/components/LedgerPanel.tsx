// A ledger page as the care and fire-safety reports show it: pick the ledger and the dates, print it or export it to
// Excel, and below, the ledger as printed (LedgerTable) — or a plain line when it could not be read or is empty.
import { Alert, Button, Group, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LedgerTable, type PrintableLedger } from './LedgerTable';
import { QueryView } from './QueryView';

export interface LedgerPanelProps<K extends string> {
  kindLabel: string;
  kinds: readonly { value: K; label: string }[];
  kind: K;
  onKind: (kind: K) => void;
  from: string | null;
  to: string | null;
  onFrom: (date: string | null) => void;
  onTo: (date: string | null) => void;
  ledger: UseQueryResult<PrintableLedger, Error>;
  centre: string;
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
  return (
    <>
      <Group align="end" className="screen-only">
        <Select label={p.kindLabel} allowDeselect={false} value={p.kind} onChange={(v) => v && p.onKind(v as K)} data={p.kinds} />
        <DateInput label={t('care.from')} valueFormat="YYYY-MM-DD" value={p.from} onChange={p.onFrom} />
        <DateInput label={t('care.to')} valueFormat="YYYY-MM-DD" value={p.to} onChange={p.onTo} />
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
        {(ledger) => <LedgerTable ledger={ledger} centre={p.centre} signatures={p.signatures} testId={p.testId} />}
      </QueryView>
    </>
  );
}
