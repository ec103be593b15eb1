// 导入记录: every import attempt with its outcome, searchable and filterable; each receipt can be downloaded and sent
// back to the centre.
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, type Outcome } from '../../../../shared/api/county';
import { useApi } from '../../api/hooks';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { shortDateTime } from '../../components/time';
import { OutcomeBadge, OutcomeDetails, downloadReceipt } from './outcome';

export function CountyReportsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reports = useApi('county.reports', { query, outcome });
  return (
    <Stack>
      <Title order={2}>{t('county.reportsTitle')}</Title>
      <Text size="lg">{t('county.reportsHint')}</Text>
      <Group align="end">
        <TextInput label={t('county.reportsSearch')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
        <Select label={t('county.col.outcome')} data={[{ value: '', label: t('county.allOutcomes') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`county.outcomeDone.${o}`) }))]} value={outcome ?? ''} onChange={(v) => setOutcome(v ? (v as Outcome) : null)} allowDeselect={false} w={220} />
      </Group>
      {reports.isPending ? (
        <LoadingState />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <EmptyState>{t('county.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                {(['at', 'centre', 'period', 'file', 'outcome', 'message', 'by'] as const).map((c) => (
                  <Table.Th key={c}>{t(`county.col.${c}`)}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{shortDateTime(r.at)}</Table.Td>
                  <Table.Td>{r.centreName || r.centreCode || '—'}</Table.Td>
                  <Table.Td>{r.period || '—'}</Table.Td>
                  <Table.Td>{r.fileName}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge outcome={r.outcome} done />
                  </Table.Td>
                  <Table.Td>
                    <OutcomeDetails item={r} />
                  </Table.Td>
                  <Table.Td>{r.byName}</Table.Td>
                  <Table.Td>
                    <Button variant="outline" size="sm" onClick={() => void downloadReceipt(r.id)}>
                      {t('county.receipt')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
