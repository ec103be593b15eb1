// How an import outcome looks (a coloured word), and the receipt button shared by the import and report pages.
import { Badge, Button, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, Outcome } from '@shared/api/county';
import { downloadText } from '../../components/download';
import { fetchCountyReportFile } from './queries';

/** Dark enough for white text at 4.5:1 (Mantine's green.9 and orange.9 are not). */
export const DARK = { green: 'forest', blue: 'navy', grey: 'muted', red: 'brick', orange: 'rust' } as const;
const COLOURS: Record<Outcome, string> = { accepted: DARK.green, already_imported: DARK.blue, superseded: DARK.grey, rejected: DARK.red };

export function OutcomeBadge({ outcome, done }: { outcome: Outcome; done: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[outcome]} variant="filled" size="lg">
      {done ? t(`county.outcomeDone.${outcome}`) : t(`county.outcome.${outcome}`)}
    </Badge>
  );
}

async function downloadReceipt(reportId: string) {
  const file = await fetchCountyReportFile(reportId);
  downloadText(file.fileName, file.text, 'text/plain');
}

/** Downloads the receipt of one import, to send back to the centre. */
export function ReceiptButton({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="outline" size="sm" onClick={() => void downloadReceipt(reportId)}>
      {t('county.receipt')}
    </Button>
  );
}

/** The message, then every error and warning of one package. */
export function OutcomeDetails({ item }: { item: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <>
      <Text>{item.message}</Text>
      {item.errors.length > 0 && (
        <>
          <Text fw={700} c="red.9">
            {t('county.errors')}
          </Text>
          <List size="sm">{item.errors.map((e) => <List.Item key={e}>{e}</List.Item>)}</List>
        </>
      )}
      {item.warnings.length > 0 && (
        <>
          <Text fw={700} c="orange.9">
            {t('county.warnings')}
          </Text>
          <List size="sm">{item.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}</List>
        </>
      )}
    </>
  );
}
