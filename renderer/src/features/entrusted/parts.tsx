// What the entrusted screens share: money in 元 with two decimals, the tier and 档次 badges, a check in one line, the
// red 未检查 mark, and the dialog that voids a check (and its visit) with a reason.
import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckRow } from '@shared/api/entrusted';
import type { Tier } from '@shared/domain/assessment/tekun-tier';
import { useEntrustedVoidCheck } from './queries';

export const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

export function TierMarks({ tier, careTier }: { tier: Tier; careTier: 1 | 2 | 3 | null }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="lg" variant="light" color={tier === 'fully_lost' ? 'danger' : tier === 'partly_lost' ? 'warning' : 'muted'}>
        {t(`entrusted.tierShort.${tier}`)}
      </Badge>
      {careTier !== null && (
        <Badge size="lg" variant="outline" color="muted">
          {t(`entrusted.careTier.c${careTier}`)}
        </Badge>
      )}
    </Group>
  );
}

export function UncheckedMark() {
  const { t } = useTranslation();
  return (
    <Badge size="lg" color="danger" variant="filled" data-testid="unchecked">
      {t('entrusted.unchecked')}
    </Badge>
  );
}

export function CheckLine({ c, onVoid }: { c: CheckRow; onVoid?: () => void }) {
  const { t } = useTranslation();
  const bad = c.delivered !== 'yes' || c.carerRating === 'poor';
  return (
    <Group gap="xs" wrap="wrap" justify="space-between" data-testid="check-line">
      <Stack gap={0} style={{ flex: '1 1 14rem', minWidth: 0 }}>
        <Text c={bad ? 'danger' : undefined} td={c.voided ? 'line-through' : undefined}>
          {t('entrusted.checkLine', {
            on: c.checkedOn,
            kind: t(`entrusted.kindShort.${c.kind}`),
            delivered: t(`enums.careDelivered.${c.delivered}`),
            rating: t(`enums.carerRating.${c.carerRating}`),
            checker: c.checker,
          })}
        </Text>
        {c.findings && <Text size="sm">{c.findings}</Text>}
        {c.voided && <Text size="sm">{t('visits.voidedLine', { at: c.voided.at.slice(0, 10), by: c.voided.by, reason: c.voided.reason })}</Text>}
      </Stack>
      {onVoid && !c.voided && (
        <Button variant="subtle" color="danger" onClick={onVoid} aria-label={`${t('entrusted.voidCheck')} ${c.checkedOn}`}>
          {t('entrusted.voidCheck')}
        </Button>
      )}
    </Group>
  );
}

export function VoidCheckModal({ check, onClose }: { check: CheckRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const voidIt = useEntrustedVoidCheck({ successMessage: t('entrusted.checkVoided'), onSuccess: onClose, onFieldError: (f, m) => (setError(m), f === 'reason') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('entrusted.voidCheckTitle', { on: check.checkedOn })}>
      <Stack>
        <Text>{t('entrusted.voidCheckIntro')}</Text>
        <Textarea size="lg" autosize minRows={2} label={t('entrusted.voidReason')} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} data-autofocus />
        <Button size="xl" color="danger" loading={voidIt.isPending} onClick={() => voidIt.mutate({ id: check.id, reason })}>
          {t('entrusted.voidCheck')}
        </Button>
      </Stack>
    </Modal>
  );
}
