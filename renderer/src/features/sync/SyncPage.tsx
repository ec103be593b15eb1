// 月度报送: link with the county once, then each month pick the month, read what the pre-export check found, export
// with a progress bar (a correction needs a reason), and find every earlier export in the history.
import { Alert, Badge, Button, Card, Group, List, Progress, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRow } from '@shared/api/sync';
import { downloadBase64 } from '../../components/download';
import { FolderField } from '../../components/FolderField';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { shortDateTime } from '../../components/time';
import { usePolledJob } from '../../components/usePolledJob';
import { CountyLink } from './CountyLink';
import { AnswerImport } from '../tier/AnswerImport';
import { MonthReportSheet } from './MonthReport';
import { fetchSyncPackage, pollSyncJob, useSyncExport, useSyncPrecheck, useSyncStatus } from './queries';
import { shiftMonth } from '@shared/domain/dates';

const PACKAGE_MIME = 'application/octet-stream';

async function download(row: ExportRow) {
  const file = await fetchSyncPackage(row.id);
  downloadBase64(file.fileName, file.base64, PACKAGE_MIME);
}

/** The last 24 months, newest first. */
function monthOptions(suggested: string) {
  return Array.from({ length: 24 }, (_, i) => shiftMonth(suggested, -i)).map((m) => ({ value: m, label: `${m.slice(0, 4)}年${Number(m.slice(5))}月` }));
}

function ExportMonth({ suggested, onReport }: { suggested: string; onReport: (period: string) => void }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(suggested);
  const [folder, setFolder] = useState('');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const check = useSyncPrecheck({ period });
  const job = usePolledJob(jobId, pollSyncJob);
  const start = useSyncExport({ onSuccess: (v) => setJobId(v.jobId), onFieldError: (field, message) => (setFieldError({ field, message }), true) });
  const running = jobId !== null && !(job?.done ?? false);
  const previous = check.data?.previous ?? null;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('sync.monthTitle')}
      </Title>
      <Stack>
        <Select label={t('sync.month')} data={monthOptions(suggested)} value={period} onChange={(v) => v && (setPeriod(v), setJobId(null), setReason(''))} allowDeselect={false} w={240} size="md" />
        <QueryView query={check} loading={<Text>{t('sync.checking')}</Text>}>
          {(data) => (
            <>
              {data.blockers.length > 0 && (
                <Alert color="red.9" variant="outline" title={t('sync.blockers')}>
                  <List>{data.blockers.map((b) => <List.Item key={b}>{b}</List.Item>)}</List>
                </Alert>
              )}
              {data.blockers.length === 0 &&
                (data.warnings.length > 0 ? (
                  <Alert color="orange.9" variant="outline" title={t('sync.warnings')}>
                    <List>{data.warnings.map((w) => <List.Item key={w}>{w}</List.Item>)}</List>
                  </Alert>
                ) : (
                  <Alert color="green.9" variant="outline">
                    {t('sync.noWarnings')}
                  </Alert>
                ))}
              {data.counts.residents !== undefined && <Text>{t('sync.counts', { residents: data.counts.residents, care: data.counts.care_days, rounds: data.counts.fire_rounds, proposals: data.counts.tier_proposals ?? 0 })}</Text>}
              {previous && (
                <>
                  <Alert color="blue.9" variant="outline">
                    {t('sync.previous', { period: previous.period, at: shortDateTime(previous.createdAt), sequence: previous.sequence, correction: previous.correction ? `，更正${previous.correction}` : '' })}
                  </Alert>
                  <Textarea label={t('sync.correctionReason')} placeholder={t('sync.correctionPlaceholder')} withAsterisk value={reason} onChange={(e) => (setReason(e.currentTarget.value), setFieldError(null))} error={fieldError?.field === 'correctionReason' ? fieldError.message : null} maxLength={200} />
                </>
              )}
              <FolderField label={t('sync.folder')} description={t('sync.folderHint')} placeholder={t('sync.folderPlaceholder')} value={folder} onChange={(f) => (setFolder(f), setFieldError(null))} error={fieldError?.field === 'folder' ? fieldError.message : null} />
              <Group>
                <Button size="lg" variant="outline" onClick={() => onReport(period)}>
                  {t('sync.reportOpen')}
                </Button>
                <Button size="lg" disabled={data.blockers.length > 0 || running} loading={start.isPending} onClick={() => (setJobId(null), start.mutate({ period, folder: folder.trim() || null, correctionReason: previous ? reason : null }))}>
                  {previous ? t('sync.exportCorrection') : t('sync.export')}
                </Button>
              </Group>
            </>
          )}
        </QueryView>
        {jobId && (
          <Stack gap="xs">
            <Progress value={job?.percent ?? 0} size="xl" aria-label={t('sync.exporting', { stage: job?.stage ?? '' })} />
            {!job?.done && <Text>{t('sync.exporting', { stage: job?.stage ?? '' })}</Text>}
            {job?.done && job.result && (
              <Alert color="green.9" variant="outline" title={t('sync.exported')}>
                <Stack gap="xs">
                  <Text>{t('sync.savedTo', { path: job.savedTo })}</Text>
                  <Group>
                    <Button variant="outline" onClick={() => void download(job.result!)}>
                      {t('sync.download')} {job.result.fileName}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {job?.error && (
              <Alert color="red.9" variant="outline" title={t('sync.failed')}>
                {job.error}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function History({ rows }: { rows: ExportRow[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => rows.filter((r) => !query.trim() || r.period.includes(query.trim()) || r.fileName.includes(query.trim())), [rows, query]);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('sync.historyTitle')}
      </Title>
      {rows.length === 0 ? (
        <EmptyState>{t('sync.historyEmpty')}</EmptyState>
      ) : (
        <Stack>
          <TextInput label={t('sync.search')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} />
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  {(['period', 'sequence', 'correction', 'file', 'rows', 'warnings', 'at', 'by'] as const).map((c) => (
                    <Table.Th key={c}>{t(`sync.col.${c}`)}</Table.Th>
                  ))}
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.period}</Table.Td>
                    <Table.Td>{r.sequence}</Table.Td>
                    <Table.Td>
                      {r.correction ? <Badge color="rust" variant="outline">{t('sync.correctionN', { n: r.correction })}</Badge> : t('sync.firstExport')}
                      {r.correctionReason && <Text size="sm">{r.correctionReason}</Text>}
                    </Table.Td>
                    <Table.Td>{r.fileName}</Table.Td>
                    <Table.Td>{r.rows}</Table.Td>
                    <Table.Td title={r.warnings.join('\n')}>{r.warnings.length ? t('sync.warningsN', { n: r.warnings.length }) : '—'}</Table.Td>
                    <Table.Td>{shortDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>{r.createdBy}</Table.Td>
                    <Table.Td>
                      <Button variant="outline" size="sm" onClick={() => void download(r)}>
                        {t('sync.download')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Card>
  );
}

export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  // The printed monthly report replaces the page while it is open, so the paper carries the report alone.
  const [reportPeriod, setReportPeriod] = useState<string | null>(null);
  return (
    <QueryView query={status}>
      {(statusData) => {
      if (reportPeriod) return <MonthReportSheet period={reportPeriod} onClose={() => setReportPeriod(null)} />;
      return (
        <Stack>
          <Title order={2}>{t('sync.title')}</Title>
          <Text size="lg">{t('sync.intro')}</Text>
          <CountyLink status={statusData} />
          <ExportMonth suggested={statusData.suggestedPeriod} onReport={setReportPeriod} />
          <History rows={statusData.exports} />
          <AnswerImport />
        </Stack>
      );
      }}
    </QueryView>
  );
}
