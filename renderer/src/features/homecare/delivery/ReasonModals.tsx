// Two short forms that need a reason: a planned visit missed (老人住院, 老人外出, 服务人员请假 … one tap, or typed), and
// voiding a recorded visit (a keeper, with the reason kept on it).
import { Button, Chip, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlannedVisit, VisitRow } from '@shared/api/homecare-delivery';
import { ModalButtons } from '../../../components/ModalButtons';
import { newRequestId } from '../../../components/time';
import { useHomecareRecordMissed, useHomecareVoidVisit } from './queries';

export const MISSED_REASONS = ['老人住院', '老人外出', '老人拒绝服务', '服务人员请假', '天气原因'] as const;

export function MissedModal({ planned, onClose }: { planned: PlannedVisit; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const missed = useHomecareRecordMissed({
    successMessage: t('homecare.delivery.missedSaved', { name: planned.elder }),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (field !== 'reason') return false;
      setError(message);
      return true;
    },
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('homecare.delivery.missedTitle', { name: planned.elder, on: planned.on })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          missed.mutate({ requestId, planId: planned.planId, serviceOn: planned.on, reason });
        }}
      >
        <Stack>
          <Text>{t('homecare.delivery.missedHint')}</Text>
          <Chip.Group value={reason} onChange={(v) => setReason(typeof v === 'string' ? v : '')}>
            <Group gap="xs">
              {MISSED_REASONS.map((r) => (
                <Chip key={r} value={r} size="lg">
                  {r}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <TextInput size="lg" label={t('homecare.delivery.missedReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} />
          <ModalButtons pending={missed.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function VoidModal({ visit, onClose }: { visit: VisitRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const voiding = useHomecareVoidVisit({
    successMessage: t('homecare.delivery.voided'),
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (field !== 'reason') return false;
      setError(message);
      return true;
    },
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('homecare.delivery.voidTitle', { name: visit.elder, on: visit.serviceOn })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          voiding.mutate({ id: visit.id, reason });
        }}
      >
        <Stack>
          <Text>{t('homecare.delivery.voidHint')}</Text>
          <TextInput size="lg" label={t('homecare.delivery.voidReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
          <Group>
            <Button type="submit" size="lg" color="danger" loading={voiding.isPending}>
              {t('homecare.delivery.void')}
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
