// Shown instead of a crash when the database fails its start-up check: restore the newest good backup.
import { Alert, Button, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../api/client';
import { LoadingState } from '../../components/States';
import { ScreenCard } from '../../components/ScreenCard';
import { formatTime } from './backup-labels';
import { BackupTable } from './BackupTable';
import { restoreForRecovery, retryAfterRoom, useBackupRecoveryStatus } from './queries';
import { StoreUnreachable } from '../store/StoreUnreachable';
import { useStoreStatus } from '../store/queries';

export function RecoveryScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useBackupRecoveryStatus();
  const store = useStoreStatus(); // a PostgreSQL store that cannot be reached: its own screen (no file backup applies)
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (status.isPending || store.isPending) return <LoadingState />;
  if (store.data?.kind === 'postgres' && store.data.problem) return <StoreUnreachable status={store.data} />;
  const backups = status.data?.backups ?? [];
  /** One step of the start screen (a restore, or 再试 after making room): busy while it runs, its error said. */
  const step = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await client.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiCallError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  // The file is fine, its disk is full: room, then 再试 — a restore would need room too and bring back an older copy.
  const retry = () => step(retryAfterRoom);
  if (status.data?.diskFull) {
    return (
      <ScreenCard title={t('backup.diskFullTitle')}>
        <Alert color="red.9" variant="outline" role="alert">
          {status.data.problem}
        </Alert>
        <Text size="lg">{t('backup.diskFullHint')}</Text>
        {error && (
          <Alert color="red.9" variant="outline" role="alert">
            {error}
          </Alert>
        )}
        <div>
          <Button size="lg" loading={busy} onClick={() => void retry()}>
            {t('backup.diskFullRetry')}
          </Button>
        </div>
      </ScreenCard>
    );
  }
  const restore = (name: string) => step(() => restoreForRecovery(name));
  return (
    <ScreenCard title={t('backup.recoveryTitle')}>
      <Alert color="red.9" variant="outline">
        {status.data?.problem}
      </Alert>
      <Text size="lg">{t('backup.recoveryHint')}</Text>
      {error && (
        <Alert color="red.9" variant="outline" role="alert">
          {error}
        </Alert>
      )}
      {backups.length === 0 ? (
        <Text size="lg">{t('backup.recoveryNone')}</Text>
      ) : (
        <>
          <Button size="lg" loading={busy} onClick={() => void restore(backups[0].name)}>
            {t('backup.restoreNewest', { time: formatTime(backups[0].modifiedAt) })}
          </Button>
          <BackupTable backups={backups} disabled={busy} onRestore={(b) => void restore(b.name)} />
        </>
      )}
    </ScreenCard>
  );
}
