// A service visit in the settlement part's lists (VisitLine: the day and time, the elder with village and phone to
// call back, the provider and worker, the items done; folds on a phone), and the frame of a wide table.
import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitBrief } from '@shared/api/homecare-settlement';

export const WRAP = { whiteSpace: 'normal', minWidth: '10em' } as const;

/**
 * A wide table that scrolls sideways on a narrow screen, focusable so the keyboard can scroll it even when its rows
 * hold nothing to focus (a list of records without buttons).
 */
export function WideTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div tabIndex={0} role="region" aria-label={label} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}

/** A visit as a line that folds on a phone: day and time, elder (village, phone), provider and worker, items; an action on the right. */
export function VisitLine({ v, action }: { v: VisitBrief; action?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-visit={v.visitId}>
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16em' }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="lg">
            {v.elder}
          </Text>
          <Text>{v.village}</Text>
          {v.phone && <Text>{t('homecare.settlement.checks.phone', { phone: v.phone })}</Text>}
        </Group>
        <Text>
          {v.serviceOn} {v.startTime}–{v.endTime ?? ''} · {v.provider}
          {v.worker ? ` ${v.worker}` : ''}
        </Text>
        <Text size="sm">{v.outcome === 'done' ? v.items : t('enums.serviceOutcome.missed')}</Text>
      </Stack>
      {action}
    </Group>
  );
}
