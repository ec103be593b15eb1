// A service visit in the settlement part's lists: the day and time, the elder (village, phone to call back), the
// provider and worker, the items done.
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VisitBrief } from '@shared/api/homecare-settlement';

export const WRAP = { whiteSpace: 'normal', minWidth: '10em' } as const;

export function VisitCells({ v, withPhone = false }: { v: VisitBrief; withPhone?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text>{v.serviceOn}</Text>
        <Text size="sm">
          {v.startTime}–{v.endTime ?? ''}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text fw={700}>{v.elder}</Text>
        <Text size="sm">{v.village}</Text>
        {withPhone && v.phone && <Text size="sm">{t('homecare.settlement.checks.phone', { phone: v.phone })}</Text>}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text>{v.provider}</Text>
        {v.worker && <Text size="sm">{v.worker}</Text>}
      </Table.Td>
      <Table.Td style={WRAP}>{v.items}</Table.Td>
    </>
  );
}
