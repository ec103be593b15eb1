// 本班服药 on a resident's page of 本班任务: that resident's doses this shift, recordable from there as on the round.
import { Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMayCall } from '../../../shell/current-user';
import { DoseList } from './DoseList';
import { useDoseFlow } from './DoseFlow';
import { useResidentDoses } from './queries';

export function ResidentDosesCard({ residentId, shiftId, shiftDate }: { residentId: string; shiftId: string; shiftDate: string }) {
  const { t } = useTranslation();
  const giver = useMayCall('medication.residentDoses');
  const doses = useResidentDoses({ residentId, shiftId, shiftDate }, giver);
  const { actions, modals } = useDoseFlow();
  const v = doses.data;
  if (!giver || !v) return null;
  if (v.resident.doses.length === 0 && v.resident.prn.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="resident-doses">
      {modals}
      <Stack gap="sm">
        <Text fz={22} fw={700}>
          {t('medication.round.residentTitle')}
        </Text>
        <DoseList resident={v.resident} actions={actions} open={v.shift.open} />
      </Stack>
    </Card>
  );
}
