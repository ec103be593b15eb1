// The start screen when this PC keeps its data on a PostgreSQL server that could not be reached at start (or whose
// settings cannot be read): what is wrong, which server, and what to do — 重试, 修改连接 (the form), 改用本机文件.
// No backup is offered: the data is on the server, not in a file here.
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '@shared/api/store';
import { ScreenCard } from '../../components/ScreenCard';
import { dateTimeSeconds } from '../../components/time';
import { ConnectionFacts, whereOf } from './ConnectionFacts';
import { PostgresForm } from './PostgresForm';
import { retryStore, useStoreFile } from './queries';
import { saySwitched } from './switched';
import { confirmBackToFile } from './confirm-file';

export function StoreUnreachable({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const [stillDownAt, setStillDownAt] = useState<string | null>(null);
  const useFile = useStoreFile(() => saySwitched(t('store.switched.file')));
  const where = status.connection ? whereOf(status.connection) : t('store.unreachable.unknownServer');
  const retry = async () => {
    setRetrying(true);
    try {
      const now = await retryStore(client);
      if (now.problem) setStillDownAt(dateTimeSeconds(new Date().toISOString()).slice(11));
    } finally {
      setRetrying(false);
    }
  };
  const confirmFile = () => confirmBackToFile(t, where, () => useFile.mutate({}));
  return (
    <ScreenCard title={t('store.unreachable.title')}>
      <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{t('store.unreachable.intro')}</Text>
      <Alert color="danger" variant="outline" title={t('store.unreachable.problem')} role="alert" data-testid="store-problem">
        <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{status.problem}</Text>
      </Alert>
      {status.connection && <ConnectionFacts connection={status.connection} labels={{ server: t('store.unreachable.server'), user: t('store.unreachable.user') }} />}
      {editing ? (
        <>
          <Title order={2} size="h3">
            {t('store.unreachable.editTitle')}
          </Title>
          <PostgresForm
            purpose="recovery"
            initial={status.connection}
            onCancel={() => setEditing(false)}
            onConnected={(connected) => connected.connection && saySwitched(t('store.switched.postgres', { where: whereOf(connected.connection) }))}
          />
        </>
      ) : (
        <>
          <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{t('store.unreachable.whatToDo')}</Text>
          {stillDownAt && (
            <Text size="lg" fw={700} c="danger" role="status">
              {t('store.unreachable.stillDown', { time: stillDownAt })}
            </Text>
          )}
          {useFile.error && (
            <Alert color="danger" variant="outline" role="alert">
              <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{useFile.error.message}</Text>
            </Alert>
          )}
          <Group>
            <Button size="lg" onClick={() => void retry()} loading={retrying}>
              {t('store.unreachable.retry')}
            </Button>
            <Button size="lg" variant="outline" onClick={() => setEditing(true)}>
              {t('store.unreachable.edit')}
            </Button>
          </Group>
          <Stack gap={4}>
            <Button size="lg" variant="outline" color="warning" onClick={confirmFile} loading={useFile.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('store.unreachable.useFile')}
            </Button>
            <Text size="md" c="dimmed">
              {t('store.unreachable.useFileHint')}
            </Text>
          </Stack>
        </>
      )}
    </ScreenCard>
  );
}
