// Ending an entitlement or a plan: the last day it is in force and the reason, both required.
import { Modal, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalButtons } from '../../../components/ModalButtons';

export interface EndModalProps {
  what: string;
  today: string;
  pending: boolean;
  errors: Record<string, string>;
  onSubmit: (value: { endedOn: string; reason: string }) => void;
  onClose: () => void;
}

export function EndModal({ what, today, pending, errors, onSubmit, onClose }: EndModalProps) {
  const { t } = useTranslation();
  const [endedOn, setEndedOn] = useState<string | null>(today);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} size="lg" title={t('homecare.setup.endTitle', { what })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit({ endedOn: endedOn ?? '', reason });
        }}
      >
        <Stack>
          <DateInput size="lg" label={t('homecare.setup.endedOn')} description={t('homecare.setup.endedOnHint')} withAsterisk valueFormat="YYYY-MM-DD" value={endedOn} onChange={setEndedOn} error={errors.endedOn} />
          <TextInput size="lg" label={t('homecare.setup.endReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-autofocus />
          <ModalButtons pending={pending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
