// The first run of a county PC: where its data will be kept — on this PC (the default), or on a PostgreSQL server that
// several PCs share. With the server chosen, the administrator's form waits until the server is connected: an empty
// one then takes the usual setup (made on the server); one with accounts goes straight to the sign-in screen.
import { Alert, Button, Radio, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceCard } from './ChoiceCard';
import { whereOf } from './ConnectionFacts';
import { PostgresForm } from './PostgresForm';
import { useStoreFile, useStoreStatus } from './queries';
import { saySwitched } from './switched';

export interface FirstRunStoreProps {
  mode: 'centre' | 'county';
  /** A PostgreSQL store holds a county only: the form is put (back) to county mode. */
  onCountyOnly: () => void;
  /** The administrator's fields and button, shown once the store is settled. */
  children: ReactNode;
}

export function FirstRunStore({ mode, onCountyOnly, children }: FirstRunStoreProps) {
  const { t } = useTranslation();
  const status = useStoreStatus();
  const onServer = status.data?.kind === 'postgres';
  const [choice, setChoice] = useState<'file' | 'postgres'>('file');
  const useFile = useStoreFile(() => setChoice('file'));
  const toCounty = useRef(onCountyOnly);
  useEffect(() => {
    toCounty.current = onCountyOnly;
  });
  useEffect(() => {
    if (onServer && mode !== 'county') toCounty.current();
  }, [onServer, mode]);

  if (mode !== 'county' && !onServer) return children;
  if (onServer && status.data?.connection) {
    return (
      <>
        <Alert color="ok" variant="outline" title={t('store.firstRun.connectedTitle')} data-testid="store-first-run-connected">
          <Stack gap="sm">
            <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{t('store.firstRun.connected', { where: whereOf(status.data.connection) })}</Text>
            <Text size="md">{t('store.firstRun.countyOnly')}</Text>
            <Button
              type="button"
              variant="outline"
              size="md"
              h="auto"
              py={8}
              loading={useFile.isPending}
              onClick={() => useFile.mutate({})}
              style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
              // Wraps at the comma, never leaving one character on a line of its own (a phone's width).
              styles={{ label: { whiteSpace: 'normal', wordBreak: 'keep-all' } }}
            >
              {t('store.firstRun.useFile')}
            </Button>
            {useFile.error && (
              <Text size="lg" c="danger" role="alert">
                {useFile.error.message}
              </Text>
            )}
          </Stack>
        </Alert>
        {children}
      </>
    );
  }
  return (
    <>
      <Radio.Group label={t('store.whereLabel')} size="lg" value={choice} onChange={(v) => setChoice(v as 'file' | 'postgres')}>
        <Stack gap="sm" mt="xs">
          <ChoiceCard value="file" label={t('store.file')} hint={t('store.fileHint')} />
          <ChoiceCard value="postgres" label={t('store.postgres')} hint={t('store.postgresHint')} />
        </Stack>
      </Radio.Group>
      {choice === 'postgres' ? (
        <>
          <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{t('store.firstRun.postgresFirst')}</Text>
          <PostgresForm
            purpose="firstRun"
            onConnected={(connected, check) => check?.state === 'county' && connected.connection && saySwitched(t('store.firstRun.signInThere', { where: whereOf(connected.connection) }))}
          />
        </>
      ) : (
        children
      )}
    </>
  );
}
