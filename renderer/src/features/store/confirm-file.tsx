// The one question before going back to this PC's file (from the 数据备份 card or the start screen): the server's data
// stays there, and everyone signs in again.
import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { TFunction } from 'i18next';

export function confirmBackToFile(t: TFunction, where: string, onConfirm: () => void): void {
  modals.openConfirmModal({
    title: t('store.confirmFile.title'),
    size: 'lg',
    children: (
      <Stack>
        <Text size="lg" style={{ overflowWrap: 'anywhere' }}>{t('store.confirmFile.body', { where })}</Text>
        <Text size="lg" fw={700}>
          {t('store.confirmFile.then')}
        </Text>
      </Stack>
    ),
    labels: { confirm: t('store.confirmFile.confirm'), cancel: t('app.cancel') },
    confirmProps: { size: 'lg' },
    cancelProps: { size: 'lg' },
    onConfirm,
  });
}
