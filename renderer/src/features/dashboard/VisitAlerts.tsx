// 农村老人探访 on the home page: overdue visits per village in red (with a link to that village's plan), the open
// follow-ups, and every special-situation report until it is closed. Nothing at all while the register is empty.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { percent } from '../../components/status';
import { dateTime } from '../../components/time';
import { useVisitsOverview } from '../visits/queries';

export function VisitAlerts() {
  const { t } = useTranslation();
  const overview = useVisitsOverview({});
  return (
    <QueryView query={overview} loading={null}>
      {(o) => {
        if (o.month.eldersAtHome === 0 && o.overdue === 0 && o.openSpecialReports.length === 0 && o.openFollowups === 0) return null;
        const late = o.overdueByVillage.filter((v) => v.overdue > 0);
        return (
          <ListCard
            title={t('visits.home.title')}
            data-testid="visit-alerts"
            actions={
              <Button component={Link} to="/visits" variant="outline" size="sm">
                {t('visits.home.openPlan')}
              </Button>
            }
          >
            <Stack gap="xs">
              {late.length === 0 ? (
                <Text>{t('visits.home.overdueEmpty')}</Text>
              ) : (
                late.map((v) => (
                  <Group key={v.villageId} gap="xs" data-testid="overdue-village">
                    <Anchor component={Link} to={`/visits?tab=plan&village=${v.villageId}`} c="danger" fw={700} size="lg">
                      {t('visits.home.overdueLine', { village: v.village, n: v.overdue })}
                    </Anchor>
                    <Text>{t('visits.home.overdueOf', { atHome: v.atHome })}</Text>
                  </Group>
                ))
              )}
              <Group gap="xs">
                {o.openFollowups > 0 ? (
                  <Anchor component={Link} to="/visits?tab=followups" size="lg">
                    {t('visits.home.followups', { n: o.openFollowups })}
                  </Anchor>
                ) : (
                  <Text>{t('visits.home.followupsNone')}</Text>
                )}
              </Group>
              {o.openSpecialReports.length > 0 && (
                <Stack gap={4} data-testid="open-special">
                  <Anchor component={Link} to="/visits?tab=special" c="danger" fw={700} size="lg">
                    {t('visits.home.special', { n: o.openSpecialReports.length })}
                  </Anchor>
                  {o.openSpecialReports.map((r) => (
                    <Text key={r.id} c="danger">
                      {dateTime(r.foundAt)} {r.elder}（{r.village}）：{r.situation}
                    </Text>
                  ))}
                </Stack>
              )}
              {o.month.rate !== null && (
                <Text size="sm">
                  {t('visits.home.rate', { rate: percent(o.month.rate), visited: o.month.visited, atHome: o.month.eldersAtHome, homeRate: percent(o.month.rateHomeOnly ?? 0) })}
                </Text>
              )}
            </Stack>
          </ListCard>
        );
      }}
    </QueryView>
  );
}
