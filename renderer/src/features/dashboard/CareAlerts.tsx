// What the manager must not miss from the care log: handovers nobody accepted, incidents still open.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHandoverList } from '../handover/queries';
import { useIncidentsList } from '../incidents/queries';
import { addDays } from '@shared/domain/dates';

export function CareAlerts({ today }: { today: string }) {
  const { t } = useTranslation();
  const handovers = useHandoverList({ from: addDays(today, -2), to: today });
  const incidents = useIncidentsList({ status: 'open' });
  const flagged = (handovers.data ?? []).filter((h) => h.flagged);
  const open = incidents.data ?? [];
  if (flagged.length === 0 && open.length === 0) return null;
  return (
    <Alert color="red.9" variant="outline" data-testid="care-alerts">
      <Stack gap="xs">
        {flagged.length > 0 && (
          <Group>
            <Text fw={700}>{t('handover.unaccepted', { n: flagged.length })}：{flagged.map((h) => `${h.shiftDate} ${h.shiftName} ${h.fromName}`).join('、')}</Text>
            <Button component={Link} to="/handover" variant="outline" size="sm">
              {t('nav.handover')}
            </Button>
          </Group>
        )}
        {open.length > 0 && (
          <Group>
            <Text fw={700}>
              {open.length} 件意外事件处理中：{open.slice(0, 5).map((i) => `${i.residentName} ${t(`enums.incidentType.${i.type}`)}`).join('、')}
            </Text>
            <Button component={Link} to="/incidents" variant="outline" size="sm">
              {t('nav.incidents')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
