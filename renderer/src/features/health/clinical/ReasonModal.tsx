// Voiding a record with a reason (a doctor's visit, a pressure injury): the record stays, struck through, with the reason.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVoidDoctorVisit, useVoidPressure } from './queries';

interface VoidProps {
  title: string;
  id: string;
  done: string;
  onClose: () => void;
}

function VoidForm({ title, onClose, onVoid, pending, error }: { title: string; onClose: () => void; onVoid: (reason: string) => void; pending: boolean; error?: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} size="lg" title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onVoid(reason);
        }}
      >
        <Stack>
          <Text>{t('health.clinical.voidHint')}</Text>
          <TextInput size="lg" label={t('health.clinical.voidReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group>
            <Button type="submit" size="lg" color="danger" loading={pending}>
              {t('health.clinical.void')}
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

function reasonError(set: (message: string) => void) {
  return (field: string, message: string) => {
    if (field !== 'reason') return false;
    set(message);
    return true;
  };
}

export function VoidVisitModal({ title, id, done, onClose }: VoidProps) {
  const [error, setError] = useState<string | undefined>();
  const voiding = useVoidDoctorVisit({ successMessage: done, onSuccess: onClose, onFieldError: reasonError(setError) });
  return <VoidForm title={title} onClose={onClose} onVoid={(reason) => voiding.mutate({ id, reason })} pending={voiding.isPending} error={error} />;
}

export function VoidPressureModal({ title, id, done, onClose }: VoidProps) {
  const [error, setError] = useState<string | undefined>();
  const voiding = useVoidPressure({ successMessage: done, onSuccess: onClose, onFieldError: reasonError(setError) });
  return <VoidForm title={title} onClose={onClose} onVoid={(reason) => voiding.mutate({ id, reason })} pending={voiding.isPending} error={error} />;
}
