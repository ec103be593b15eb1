// 与县民政局对接: the county's public-key file in, the centre's registration file out, both fingerprints on screen to
// compare by phone.
import { Alert, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/api/sync';
import { call } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { downloadText } from '../../components/download';
import { shortDateTime } from '../../components/time';

export function Fingerprint({ label, value }: { label: string; value: string }) {
  return (
    <Group gap="sm">
      <Text fw={700}>{label}</Text>
      <Text ff="monospace" size="xl" fw={700} data-testid="fingerprint">
        {value}
      </Text>
    </Group>
  );
}

export function CountyLink({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const importKey = useApiMutation('sync.importCountyKey', { successMessage: t('app.saved') });
  const saveRegistration = async () => {
    const file = await call('sync.registrationFile', {});
    downloadText(file.fileName, file.text, 'application/json');
  };
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('sync.linkTitle')}
      </Title>
      <Stack>
        {status.county ? (
          <Alert color="green.9" variant="outline" title={t('sync.countyKey')}>
            <Stack gap={4}>
              <Text>{t('sync.countyKeyOk', { name: status.county.name, code: status.county.code, at: shortDateTime(status.county.importedAt), by: status.county.importedBy })}</Text>
              <Fingerprint label={t('sync.countyFingerprint')} value={status.county.fingerprint} />
              <Text size="sm">{t('sync.fingerprintHint')}</Text>
            </Stack>
          </Alert>
        ) : (
          <Alert color="orange.9" variant="outline" title={t('sync.countyKey')}>
            {t('sync.countyKeyMissing')}
          </Alert>
        )}
        {importKey.error && (
          <Alert color="red.9" variant="outline">
            {importKey.error.message}
          </Alert>
        )}
        <Group>
          <FileButton accept=".json,application/json" onChange={(file) => void file?.text().then((text) => importKey.mutate({ text }))}>
            {(props) => (
              <Button size="md" variant={status.county ? 'outline' : 'filled'} loading={importKey.isPending} {...props}>
                {t('sync.importCountyKey')}
              </Button>
            )}
          </FileButton>
          <Button size="md" variant="outline" onClick={() => void saveRegistration()} disabled={!status.centre}>
            {t('sync.registration')}
          </Button>
        </Group>
        <Fingerprint label={t('sync.ourFingerprint')} value={status.fingerprint} />
        <Text size="sm">{t('sync.registrationHint')}</Text>
        {status.keyProtection === 'none' && <Text size="sm">{t('sync.keyPlain')}</Text>}
      </Stack>
    </Card>
  );
}
