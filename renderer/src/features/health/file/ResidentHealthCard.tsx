// 健康档案 on the resident's page: the last check-up (red when due), the family doctor, open pressure injuries, whether
// this month's health entry is in, and 打印健康档案 (the whole file on A4).
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryView } from '../../../components/QueryView';
import { STATE_COLOURS } from './FamilyDoctorTab';
import { useHealthResidentCard } from './queries';

export function ResidentHealthCard({ residentId, today, active }: { residentId: string; today: string; active: boolean }) {
  const { t } = useTranslation();
  const card = useHealthResidentCard({ residentId });
  return (
    <Card withBorder padding="lg" data-testid="resident-health-card">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('health.file.card.title')}</Title>
        <Group gap="xs">
          {active && (
            <Button size="md" variant="default" component={Link} to="/health?tab=checkups">
              {t('health.file.card.open')}
            </Button>
          )}
          <Button size="md" variant="outline" component={Link} to={`/health/file?resident=${residentId}`}>
            {t('health.file.card.print')}
          </Button>
        </Group>
      </Group>
      <QueryView query={card}>
        {(c) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Text fw={700}>{t('health.file.card.checkup')}</Text>
              {c.lastCheckup ? (
                <Text>
                  {c.lastCheckup.checkedOn} {c.lastCheckup.institution}
                  {c.lastCheckup.abnormal ? `；${t('health.file.card.abnormal', { text: c.lastCheckup.abnormal })}` : ''}
                </Text>
              ) : (
                <Text>{t('health.file.coverage.never')}</Text>
              )}
              {active && c.checkupDue && (
                <Badge color="danger" size="lg">
                  {t('health.file.card.due', { date: today })}
                </Badge>
              )}
            </Stack>
            <Stack gap={4}>
              <Text fw={700}>{t('health.file.card.doctor')}</Text>
              {c.familyDoctor ? (
                <Group gap="xs">
                  <Text>
                    {c.familyDoctor.doctor} {c.familyDoctor.institution} {c.familyDoctor.phone}（{t('health.file.card.until', { date: c.familyDoctor.validTo })}）
                  </Text>
                  {c.familyDoctor.state === 'expiring' && (
                    <Badge color={STATE_COLOURS.expiring} variant="light">
                      {t('health.file.doctor.states.expiring')}
                    </Badge>
                  )}
                </Group>
              ) : (
                <Text>{t('health.file.card.noDoctor')}</Text>
              )}
            </Stack>
            <Stack gap={4}>
              <Text fw={700}>{t('health.file.card.pressure')}</Text>
              <Text c={c.openPressureInjuries > 0 ? 'danger' : undefined}>{c.openPressureInjuries > 0 ? t('health.file.card.pressureOpen', { n: c.openPressureInjuries }) : t('health.file.card.pressureNone')}</Text>
            </Stack>
            <Stack gap={4}>
              <Text fw={700}>{t('health.file.card.monthly')}</Text>
              <Text>{c.monthlyThisMonth ? t('health.file.card.monthlyDone') : t('health.file.card.monthlyMissing')}</Text>
            </Stack>
          </SimpleGrid>
        )}
      </QueryView>
    </Card>
  );
}
