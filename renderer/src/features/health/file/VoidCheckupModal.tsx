// 作废体检记录: a check-up is never changed; a wrong one is voided with its reason (kept on the record, shown struck
// through) and recorded again.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckupRow } from '@shared/api/health-file';
import { useHealthVoidCheckup } from './queries';

export function VoidCheckupModal({ row, onClose }: { row: CheckupRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const voiding = useHealthVoidCheckup({ successMessage: t('health.file.voided'), onSuccess: onClose, onFieldError: (f, m) => (f === 'reason' ? (setError(m), true) : false) });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('health.file.checkup.voidTitle', { name: row.resident, on: row.checkedOn })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          voiding.mutate({ id: row.id, reason });
        }}
      >
        <Stack>
          <Text>{t('health.file.checkup.voidHint')}</Text>
          <TextInput size="lg" label={t('health.file.voidReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group>
            <Button type="submit" size="lg" color="danger" loading={voiding.isPending}>
              {t('health.file.void')}
            </Button>
            <Button variant="default" size="lg" onClick={onClose}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
