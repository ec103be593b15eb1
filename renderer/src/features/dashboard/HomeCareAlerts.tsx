// 居家服务 on the home page: today's planned visits (to do, done, missed), complaints still unanswered (red past the time
// limit), and the 分散供养特困 elders not yet checked this month. Nothing at all while there are no plans, complaints or
// agreements (a township that buys no services sees no empty card).
import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListCard } from '../../components/ListCard';
import { useMayCall } from '../../shell/current-user';
import { useEntrustedMonth } from '../entrusted/queries';
import { useHomecarePlanned } from '../homecare/delivery/queries';
import { useComplaints } from '../homecare/settlement/queries';

export function HomeCareAlerts({ today }: { today: string }) {
  const { t } = useTranslation();
  const mayReadEntrusted = useMayCall('entrusted.month');
  const planned = useHomecarePlanned({ date: today, span: 'day' });
  const complaints = useComplaints({ status: 'open', query: '' });
  const entrusted = useEntrustedMonth({ month: today.slice(0, 7) }, mayReadEntrusted);
  const day = planned.data?.totals;
  const open = complaints.data?.rows ?? [];
  const overdue = open.filter((c) => c.overdue).length;
  const unchecked = entrusted.data?.totals.unchecked ?? 0;
  const people = entrusted.data?.totals.people ?? 0;
  if (!day || (day.planned === 0 && open.length === 0 && people === 0)) return null;
  return (
    <ListCard
      title={t('homecare.home.title')}
      data-testid="homecare-alerts"
      actions={
        <Button component={Link} to="/homecare" variant="outline" size="sm">
          {t('homecare.home.open')}
        </Button>
      }
    >
      <Stack gap="xs">
        <Anchor component={Link} to="/homecare?tab=schedule" size="lg" data-testid="homecare-today">
          {day.planned === 0 ? t('homecare.home.noneToday') : t('homecare.home.today', day)}
        </Anchor>
        {open.length > 0 && (
          <Group gap="xs">
            <Anchor component={Link} to="/homecare?tab=complaints" size="lg" c={overdue > 0 ? 'danger' : undefined} fw={overdue > 0 ? 700 : undefined}>
              {overdue > 0 ? t('homecare.home.complaintsOverdue', { n: open.length, overdue }) : t('homecare.home.complaints', { n: open.length })}
            </Anchor>
          </Group>
        )}
        {people > 0 && (
          <Anchor component={Link} to="/entrusted" size="lg" c={unchecked > 0 ? 'danger' : undefined} fw={unchecked > 0 ? 700 : undefined} data-testid="entrusted-unchecked">
            {unchecked > 0 ? t('homecare.home.unchecked', { n: unchecked, people }) : t('homecare.home.allChecked', { people })}
          </Anchor>
        )}
      </Stack>
    </ListCard>
  );
}
