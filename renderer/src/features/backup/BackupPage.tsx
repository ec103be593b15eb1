// 数据备份: copy everything to a USB stick with a progress bar; see the automatic backups; restore one (after a check,
// keeping a safety copy of today's data). On a county store on a PostgreSQL server the same, with pg_dump archives of
// the server's county data (.dump) instead of copies of the file, as the hints say.
import { Alert, Button, Card, Group, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderField } from '../../components/FolderField';
import { EmptyState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { usePolledJob } from '../../components/usePolledJob';
import { KIND_LABELS, formatTime } from './backup-labels';
import { BackupTable } from './BackupTable';
import { pollBackupJob, useBackupList, useBackupRestore, useBackupToFolder } from './queries';
import { StoreCard } from '../store/StoreCard';
import { useStoreStatus } from '../store/queries';

/** The server as a clerk reads it (host:port/database), when the store is PostgreSQL; null on the file. */
function useServer(): string | null {
  const status = useStoreStatus().data;
  return status?.kind === 'postgres' && status.connection ? `${status.connection.host}:${status.connection.port}/${status.connection.database}` : null;
}

function BackupToFolder({ server }: { server: string | null }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = usePolledJob(jobId, pollBackupJob);
  const start = useBackupToFolder({
    onSuccess: (v) => setJobId(v.jobId),
    onFieldError: (_f, m) => (setError(m), true),
  });
  const running = jobId !== null && !(job?.done ?? false);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('backup.toFolderTitle')}
      </Title>
      {/* The server's address is one long word: it breaks anywhere rather than run out of a phone's card. */}
      {server && (
        <Text mb="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('backup.postgresHint', { server })}
        </Text>
      )}
      <Text mb="md">{t('backup.toFolderHint')}</Text>
      <FolderField label={t('backup.folder')} placeholder={t('backup.folderPlaceholder')} value={folder} onChange={(f) => (setFolder(f), setError(null))} error={error}>
        <Button onClick={() => (setJobId(null), start.mutate({ folder }))} loading={start.isPending} disabled={running}>
          {t('backup.start')}
        </Button>
      </FolderField>
      {jobId && (
        <Stack mt="md" gap="xs">
          <Progress value={job?.percent ?? 0} size="xl" aria-label={t('backup.progress')} />
          <Text>{job?.done ? '' : t('backup.running', { percent: job?.percent ?? 0 })}</Text>
          {job?.done && !job.error && (
            <Alert color="green.9" variant="outline" title={t('backup.done')}>
              {job.file}
            </Alert>
          )}
          {job?.error && (
            <Alert color="red.9" variant="outline" title={t('backup.failed')}>
              {job.error}
            </Alert>
          )}
        </Stack>
      )}
    </Card>
  );
}

export function useRestore(server: string | null = null) {
  const { t } = useTranslation();
  const restore = useBackupRestore({ successMessage: server ? t('backup.restoredPostgres') : t('backup.restored') });
  const confirmRestore = (source: string, label: string) =>
    modals.openConfirmModal({
      title: t('backup.restoreTitle'),
      children: <Text>{server ? t('backup.restoreWarningPostgres', { label, server }) : t('backup.restoreWarning', { label })}</Text>,
      labels: { confirm: t('backup.restore'), cancel: t('app.cancel') },
      confirmProps: { color: 'red.9' },
      onConfirm: () => restore.mutate({ source }),
    });
  return { confirmRestore, restore };
}

export function BackupPage() {
  const { t } = useTranslation();
  // A PostgreSQL store (StoreCard shows which server) is backed up with pg_dump: the same page, other words.
  const server = useServer();
  const list = useBackupList();
  const { confirmRestore, restore } = useRestore(server);
  const [file, setFile] = useState('');
  return (
    <Stack>
      <Title order={2}>{t('backup.title')}</Title>
      <StoreCard />
      <BackupToFolder server={server} />
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('backup.automaticTitle')}
        </Title>
        <QueryView query={list}>
          {(data) => (
            <>
              <Text mb="sm">{server ? t('backup.automaticHintPostgres', { folder: data.folder }) : t('backup.automaticHint', { folder: data.folder })}</Text>
              {data.backups.length === 0 ? (
                <EmptyState>{t('backup.none')}</EmptyState>
              ) : (
                <BackupTable backups={data.backups} onRestore={(b) => confirmRestore(b.name, `${KIND_LABELS[b.kind]}（${formatTime(b.modifiedAt)}）`)} />
              )}
            </>
          )}
        </QueryView>
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="sm">
          {t('backup.fromFileTitle')}
        </Title>
        <Group align="end">
          <TextInput label={t('backup.filePath')} placeholder={server ? t('backup.filePlaceholderPostgres') : t('backup.filePlaceholder')} value={file} onChange={(e) => setFile(e.currentTarget.value)} w={480} />
          <Button color="red.9" variant="outline" disabled={!file.trim()} loading={restore.isPending} onClick={() => confirmRestore(file.trim(), file.trim())}>
            {t('backup.restore')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
