// The home page turns red when tonight's (or last night's) night patrols fall short, and says what else the morning
// must see: day patrols missed, overdue dangers, an inspection or drill due.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFireCompliance } from './queries';

export function FireAlerts({ today }: { today: string }) {
  const { t } = useTranslation();
  const c = useFireCompliance({ month: null });
  if (!c.data) return null;
  const d = c.data;
  const nights = [d.lastNight, d.today].filter((n) => n.nightMissed > 0);
  const lines = [
    ...nights.map((n) => t('fire.nightMissedLine', { date: n.date, n: n.nightMissed })),
    ...(d.lastNight.dayMissed ? [t('fire.yesterdayDayMissed', { date: d.lastNight.date })] : []),
    ...(d.today.dayMissed ? [t('fire.dayMissed')] : []),
    ...(d.overdueDangers ? [t('fire.openDangers', { n: d.openDangers, overdue: d.overdueDangers })] : []),
    ...(d.inspectionDue <= today ? [t('fire.inspectionDue', { date: d.inspectionDue, last: d.lastInspection ?? t('fire.never') })] : []),
    ...(d.drillDue <= today ? [t('fire.drillDue', { date: d.drillDue, last: d.lastDrill ?? t('fire.never') })] : []),
  ];
  if (lines.length === 0) return null;
  return (
    <Alert color="red.9" variant={d.overdueNow ? 'filled' : 'outline'} data-testid="fire-alerts">
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <Text fw={700} size="lg">
            {d.overdueNow ? t('fire.overdue') : t('fire.title')}
          </Text>
          {lines.map((l) => (
            <Text key={l} fw={700}>
              {l}
            </Text>
          ))}
        </Stack>
        <Button component={Link} to="/fire" variant={d.overdueNow ? 'white' : 'outline'} color={d.overdueNow ? 'red.9' : undefined}>
          {t('fire.title')}
        </Button>
      </Group>
    </Alert>
  );
}
