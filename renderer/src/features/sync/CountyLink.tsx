// 与县民政局对接: the county's public-key file in, the centre's registration file out, both fingerprints on screen to
// compare by phone. The county's key is used only after the manager typed the fingerprint the county read out and it
// matched; until the first export it can be removed again (a wrong file).
import { Alert, Button, Card, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '@shared/api/sync';
import { downloadText } from '../../components/download';
import { shortDateTime } from '../../components/time';
import { FingerprintConfirm } from './FingerprintConfirm';
import { fetchRegistrationFile, useSyncConfirmCountyKey, useSyncImportCountyKey, useSyncUndoCountyKey } from './queries';

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
  const importKey = useSyncImportCountyKey({ inlineErrors: true });
  const confirmKey = useSyncConfirmCountyKey({ successMessage: t('sync.countyKeyConfirmed'), inlineErrors: true });
  const undoKey = useSyncUndoCountyKey({ successMessage: t('sync.countyKeyUndone'), inlineErrors: true });
  const saveRegistration = async () => {
    const file = await fetchRegistrationFile();
    downloadText(file.fileName, file.text, 'application/json');
  };
  const askUndo = () =>
    modals.openConfirmModal({
      title: t('sync.undoTitle'),
      children: <Text>{t('sync.undoWarning')}</Text>,
      labels: { confirm: t('sync.undoCountyKey'), cancel: t('app.cancel') },
      confirmProps: { color: 'red.9' },
      onConfirm: () => undoKey.mutate({}),
    });
  const county = status.county;
  const error = importKey.error ?? undoKey.error;
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('sync.linkTitle')}
      </Title>
      <Stack>
        {!county && (
          <Alert color="orange.9" variant="outline" title={t('sync.countyKey')}>
            {t('sync.countyKeyMissing')}
          </Alert>
        )}
        {county?.state === 'pending' && (
          <Alert color="orange.9" variant="outline" title={t('sync.countyKeyPending', { name: county.name, code: county.code })}>
            <FingerprintConfirm
              fingerprint={county.fingerprint}
              fingerprintLabel={t('sync.countyFingerprintInFile')}
              heardLabel={t('sync.heardFromCounty')}
              heardHint={t('sync.heardFromCountyHint')}
              confirmLabel={t('sync.confirmFingerprint')}
              undoLabel={t('sync.undoCountyKey')}
              busy={confirmKey.isPending || undoKey.isPending}
              error={confirmKey.error?.message ?? null}
              onConfirm={(fingerprint) => confirmKey.mutate({ fingerprint })}
              onUndo={askUndo}
            />
          </Alert>
        )}
        {county?.state === 'confirmed' && (
          <Alert color="green.9" variant="outline" title={t('sync.countyKey')}>
            <Stack gap={4}>
              <Text>{t('sync.countyKeyOk', { name: county.name, code: county.code, at: shortDateTime(county.importedAt), by: county.importedBy })}</Text>
              {county.confirmedAt && <Text>{t('sync.countyKeyConfirmedBy', { at: shortDateTime(county.confirmedAt), by: county.confirmedBy })}</Text>}
              <Fingerprint label={t('sync.countyFingerprint')} value={county.fingerprint} />
              {county.canUndo ? (
                <Group>
                  <Button variant="outline" color="red.9" onClick={askUndo} loading={undoKey.isPending}>
                    {t('sync.undoCountyKey')}
                  </Button>
                </Group>
              ) : (
                <Text size="sm">{t('sync.undoClosed')}</Text>
              )}
            </Stack>
          </Alert>
        )}
        {error && (
          <Alert color="red.9" variant="outline">
            {error.message}
          </Alert>
        )}
        <Group>
          {county?.state !== 'pending' && (
            <FileButton accept=".json,application/json" onChange={(file) => void file?.text().then((text) => importKey.mutate({ text }))}>
              {(props) => (
                <Button size="md" variant={county ? 'outline' : 'filled'} loading={importKey.isPending} {...props}>
                  {t('sync.importCountyKey')}
                </Button>
              )}
            </FileButton>
          )}
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
