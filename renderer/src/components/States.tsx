// The three states every page shows plainly: loading, failed (with a retry), and empty (with what to do next).
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack align="center">
        <Loader size="lg" />
        <Text>{t('app.loading')}</Text>
      </Stack>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red.9" title={t('app.loadFailed', { message: error.message })} m="md">
      <Button mt="sm" onClick={onRetry}>
        {t('app.retry')}
      </Button>
    </Alert>
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" p="xl" gap="md">
      <Text size="lg" c="dark.6" ta="center">
        {children}
      </Text>
      {action}
    </Stack>
  );
}
