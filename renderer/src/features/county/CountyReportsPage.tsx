// 导入记录: every import attempt with its outcome, searchable and filterable; each receipt can be downloaded and sent
// back to the centre, and on an accepted package's row the centre's 县级答复 file too (the county administrator).
import { Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, type Outcome } from '@shared/api/county';
import { QueryView } from '../../components/QueryView';
import { shortDateTime } from '../../components/time';
import { useMayCall } from '../../shell/current-user';
import { downloadAnswerFile } from '../tier/answer-file';
import { OutcomeBadge, OutcomeDetails, ReceiptButton } from './outcome';
import { useCountyReports } from './queries';

/** The centre's 县级答复 file (answers to its 特困 tier proposals), as on 特困认定: offered on an accepted package's row. */
function AnswerFileButton({ centreCode }: { centreCode: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    await downloadAnswerFile(centreCode, t);
    setBusy(false);
  };
  return (
    <Button variant="outline" size="sm" loading={busy} onClick={() => void download()}>
      {t('countyTier.download')}
    </Button>
  );
}

export function CountyReportsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reports = useCountyReports({ query, outcome });
  const mayAnswerFile = useMayCall('tier.answerFile');
  return (
    <Stack>
      <Title order={2}>{t('county.reportsTitle')}</Title>
      <Text size="lg">{t('county.reportsHint')}</Text>
      <Group align="end">
        <TextInput label={t('county.reportsSearch')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
        <Select label={t('county.col.outcome')} data={[{ value: '', label: t('county.allOutcomes') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`county.outcomeDone.${o}`) }))]} value={outcome ?? ''} onChange={(v) => setOutcome(v ? (v as Outcome) : null)} allowDeselect={false} w={220} />
      </Group>
      <QueryView query={reports} empty={t('county.none')}>
        {(data) => (
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
                {data.map((r) => (
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
                      <Stack gap="xs" align="flex-start">
                        <ReceiptButton reportId={r.id} />
                        {mayAnswerFile && r.outcome === 'accepted' && r.centreCode && <AnswerFileButton centreCode={r.centreCode} />}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Stack>
  );
}
