// 数据存放位置 on the 数据备份 page of a county PC (its administrator's): the file on this PC or the PostgreSQL server
// (address, user, encryption), with 改为存放到数据库服务器… (the connection form, its check, then a confirmation saying
// what will happen) and, on a server, 改回本机文件… (the server's data stays there). After either, this PC signs in again.
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '@shared/api/store';
import { QueryView } from '../../components/QueryView';
import { notifyError } from '../../components/notify';
import { useSystemInfo } from '../../shell/queries';
import { ConnectionFacts, whereOf } from './ConnectionFacts';
import { PostgresForm } from './PostgresForm';
import { useStoreFile, useStoreStatus } from './queries';
import { saySwitched } from './switched';
import { confirmBackToFile } from './confirm-file';

function Current({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const onServer = status.kind === 'postgres';
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{t('store.card.now')}</Text>
        <Badge size="xl" tt="none" color={onServer ? 'info' : 'ok'} variant="filled" data-testid="store-kind">
          {onServer ? t('store.card.postgresNow') : t('store.card.fileNow')}
        </Badge>
      </Group>
      {status.connection && <ConnectionFacts connection={status.connection} labels={{ server: t('store.card.server'), user: t('store.card.user') }} />}
      <Text size="md">{onServer ? t('store.card.postgresNowHint') : t('store.card.fileNowHint')}</Text>
    </Stack>
  );
}

/** Shown on a county PC only: a centre's data always stays in its file. */
export function StoreCard() {
  const county = useSystemInfo().data?.mode === 'county';
  return county ? <StoreCardBody /> : null;
}

function StoreCardBody() {
  const { t } = useTranslation();
  const status = useStoreStatus();
  const [editing, setEditing] = useState(false);
  const useFile = useStoreFile(() => saySwitched(t('store.switched.file')));
  const confirmFile = (where: string) => confirmBackToFile(t, where, () => useFile.mutate({}, { onError: (e) => notifyError(e.message) }));
  return (
    <Card withBorder padding="lg" data-testid="store-card">
      <Title order={3} size="h4" mb="xs">
        {t('store.title')}
      </Title>
      <QueryView query={status}>
        {(s) => (
          <Stack>
            <Current status={s} />
            {s.problem && (
              <Alert color="danger" variant="outline" role="alert">
                <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{s.problem}</Text>
              </Alert>
            )}
            {editing ? (
              <Card withBorder padding="md" bg="gray.0">
                <Title order={4} size="h5" mb="sm">
                  {s.kind === 'postgres' ? t('store.card.changeTitle') : t('store.card.formTitle')}
                </Title>
                <Text size="md" mb="sm">
                  {t('store.card.signOutNote')}
                </Text>
                <PostgresForm
                  purpose="change"
                  initial={s.connection}
                  onCancel={() => setEditing(false)}
                  onConnected={(connected) => connected.connection && saySwitched(t('store.switched.postgres', { where: whereOf(connected.connection) }))}
                />
              </Card>
            ) : (
              <Group>
                <Button size="lg" variant={s.kind === 'postgres' ? 'outline' : 'filled'} onClick={() => setEditing(true)}>
                  {s.kind === 'postgres' ? t('store.card.changePostgres') : t('store.card.toPostgres')}
                </Button>
                {s.kind === 'postgres' && s.connection && (
                  <Button size="lg" variant="outline" color="warning" loading={useFile.isPending} onClick={() => confirmFile(whereOf(s.connection!))}>
                    {t('store.card.toFile')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
