// The home page's 代管药品提醒: how many kept drugs have an expired batch left, one expiring soon, and too few days of
// supply (none left included), the worst few by name, and a link to the stock tab showing only those.
import { Button, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StockAlert } from '@shared/api/medication-stock';
import { ListCard } from '../../../components/ListCard';
import { QueryView } from '../../../components/QueryView';
import { useStockAlerts } from './queries';

function line(t: TFunction, a: StockAlert): string {
  const names = { resident: a.resident, drug: a.strength ? `${a.drugName} ${a.strength}` : a.drugName };
  switch (a.warning) {
    case 'expired':
      return t('medication.stock.cardItemExpired', { ...names, on: a.expiresOn ?? '' });
    case 'expiring':
      return t('medication.stock.cardItemExpiring', { ...names, on: a.expiresOn ?? '' });
    case 'none_left':
      return t('medication.stock.cardItemNone', names);
    default:
      return t('medication.stock.cardItemDays', { ...names, days: a.daysOfSupply ?? 0 });
  }
}

export function StockAlertsCard(_props: Record<string, never>) {
  const { t } = useTranslation();
  const alerts = useStockAlerts();
  return (
    <QueryView query={alerts}>
      {(a) => (
        <ListCard
          title={t('medication.stock.cardTitle')}
          rows={a.items}
          empty={t('medication.stock.cardEmpty')}
          plainEmpty
          data-testid="stock-alerts"
          actions={
            <Button size="md" variant="light" component={Link} to="/medication?tab=stock&warnings=1">
              {t('medication.stock.cardOpen')}
            </Button>
          }
        >
          <Stack gap={4}>
            <Text fw={700} c={a.expired > 0 ? 'danger' : 'warning'}>
              {t('medication.stock.cardCounts', { expired: a.expired, expiring: a.expiring, low: a.low })}
            </Text>
            {a.items.map((item, i) => (
              <Group key={i} gap="xs">
                <Text c={item.warning === 'expired' || item.warning === 'none_left' ? 'danger' : undefined}>{line(t, item)}</Text>
              </Group>
            ))}
          </Stack>
        </ListCard>
      )}
    </QueryView>
  );
}
