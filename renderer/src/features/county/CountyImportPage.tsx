// 导入数据包: drop files (or pick them, or name a folder) → a dry-run preview of each package → apply with a progress
// bar → the receipt of each, to download and send back to the centre.
import { Alert, Box, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '@shared/api/county';
import { FolderField } from '../../components/FolderField';
import { usePolledJob } from '../../components/usePolledJob';
import { OutcomeBadge, OutcomeDetails, ReceiptButton } from './outcome';
import { pollCountyJob, useCountyApply, useCountyStage } from './queries';

async function asBase64(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(text) };
}

function ResultTable({ items, reportIds }: { items: ImportPreview[]; reportIds?: string[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {(['file', 'centre', 'period', 'sequence', 'outcome', 'message'] as const).map((c) => (
              <Table.Th key={c}>{t(`county.col.${c}`)}</Table.Th>
            ))}
            {reportIds && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, i) => (
            <Table.Tr key={`${item.fileName}-${i}`}>
              <Table.Td>{item.fileName}</Table.Td>
              <Table.Td>{item.centreName || item.centreCode || '—'}</Table.Td>
              <Table.Td>{item.period || '—'}</Table.Td>
              <Table.Td>{item.sequence ?? '—'}{item.correction ? `（更正${item.correction}）` : ''}</Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={item.outcome} done={reportIds !== undefined} />
              </Table.Td>
              <Table.Td>
                <OutcomeDetails item={item} />
              </Table.Td>
              {reportIds && (
                <Table.Td>
                  <ReceiptButton reportId={reportIds[i]} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CountyImportPage() {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [dragging, setDragging] = useState(false);
  const [staged, setStaged] = useState<{ batchId: string; items: ImportPreview[] } | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = usePolledJob(jobId, pollCountyJob);
  const stage = useCountyStage({ onSuccess: (v) => (setStaged(v), setJobId(null)) });
  const apply = useCountyApply({ onSuccess: (v) => setJobId(v.jobId) });
  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = await Promise.all([...list].map(asBase64));
    stage.mutate({ batchId: jobId ? null : (staged?.batchId ?? null), files });
  };
  const reset = () => (setStaged(null), setJobId(null));
  return (
    <Stack>
      <Title order={2}>{t('county.importTitle')}</Title>
      <Text size="lg">{t('county.importHint')}</Text>
      <Box
        component="label"
        p="xl"
        style={{ border: `3px dashed ${dragging ? 'var(--mantine-color-blue-7)' : 'var(--mantine-color-gray-6)'}`, borderRadius: 12, textAlign: 'center', cursor: 'pointer' }}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => (e.preventDefault(), setDragging(false), void addFiles(e.dataTransfer.files))}
      >
        <Text size="xl" fw={700}>
          {t('county.drop')}
        </Text>
        <input type="file" multiple accept=".tcpkg" aria-label={t('county.drop')} style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }} onChange={(e) => void addFiles(e.currentTarget.files)} />
      </Box>
      <FolderField label={t('county.folder')} placeholder={t('county.folderPlaceholder')} value={folder} onChange={setFolder}>
        <Button onClick={() => stage.mutate({ batchId: null, folder })} disabled={!folder.trim()} loading={stage.isPending}>
          {t('county.preview')}
        </Button>
      </FolderField>
      {stage.isPending && <Text size="lg">{t('county.checking')}</Text>}
      {stage.error && (
        <Alert color="red.9" variant="outline">
          {stage.error.message}
        </Alert>
      )}
      {staged && !jobId && (
        <Stack>
          <Title order={3} size="h4">
            {t('county.previewTitle')}
          </Title>
          <Text>{t('county.previewNote')}</Text>
          <ResultTable items={staged.items} />
          <Group>
            <Button size="lg" onClick={() => apply.mutate({ batchId: staged.batchId })} loading={apply.isPending}>
              {t('county.apply', { n: staged.items.length })}
            </Button>
            <Button size="lg" variant="outline" onClick={reset}>
              {t('county.clear')}
            </Button>
          </Group>
        </Stack>
      )}
      {jobId && (
        <Stack>
          <Progress value={job?.percent ?? 0} size="xl" aria-label={t('county.applying', { percent: job?.percent ?? 0 })} />
          {!job?.done && <Text>{t('county.applying', { percent: job?.percent ?? 0 })}</Text>}
          {job?.error && (
            <Alert color="red.9" variant="outline">
              {job.error}
            </Alert>
          )}
          {job?.done && (
            <>
              <Title order={3} size="h4">
                {t('county.resultTitle')}
              </Title>
              <ResultTable items={job.reports} reportIds={job.reports.map((r) => r.reportId)} />
              <Group>
                <Button size="lg" variant="outline" onClick={reset}>
                  {t('county.clear')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
