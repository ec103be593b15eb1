// 本班服药 on the caregiver's 本班任务 page: how far the round is ("已发 3 / 12，下一次 08:00") with a big button to it.
// Nothing when the person does not give medicines or nothing is due this shift.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMayCall } from '../../../shell/current-user';
import { inkVar } from '../../../theme';
import { useShiftDoses } from './queries';

export function ShiftMedicationCard(_props: Record<string, never>) {
  const { t } = useTranslation();
  const giver = useMayCall('medication.shiftDoses');
  const round = useShiftDoses(giver);
  const s = round.data;
  if (!giver || !s?.shift) return null;
  const prn = s.residents.some((r) => r.prn.length > 0);
  if (s.totals.due === 0 && !prn) return null;
  const done = s.totals.due > 0 && s.totals.recorded === s.totals.due;
  const border = s.totals.overdue > 0 ? inkVar('danger') : done ? inkVar('leaf') : inkVar('gray.5');
  return (
    <Card withBorder padding="md" style={{ borderWidth: 2, borderColor: border }} data-testid="shift-medication">
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text fz={24} fw={700}>
            {t('medication.round.cardTitle')}
          </Text>
          <Text size="lg">
            {t('medication.round.cardProgress', { done: s.totals.recorded, due: s.totals.due })}
            {s.next ? `，${t('medication.round.cardNext', { time: s.next })}` : done ? `，${t('medication.round.cardAllDone')}` : ''}
          </Text>
          {s.totals.overdue > 0 && (
            <Text size="lg" c="danger" fw={700}>
              {t('medication.round.overdueCount', { n: s.totals.overdue })}
            </Text>
          )}
        </Stack>
        <Button size="xl" component={Link} to="/medication?tab=round">
          {t('medication.round.cardOpen')}
        </Button>
      </Group>
    </Card>
  );
}
