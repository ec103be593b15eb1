// 老年助餐: meals for village elders — record who ate (or had a meal delivered), the diners' register, prices and
// subsidies by date, and the delivery list; the month's subsidy claim is in 膳食 → 月报.
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { LoadingState } from '../../components/States';
import { DeliveryTab } from './DeliveryTab';
import { DinersTab } from './DinersTab';
import { PricesTab } from './PricesTab';
import { ServeDinersTab } from './ServeDinersTab';

const TABS = ['serve', 'diners', 'prices', 'delivery'] as const;

export function MealAidPage() {
  const { t } = useTranslation();
  const info = useApi('system.info', {});
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'serve';
  if (!info.data) return <LoadingState />;
  const today = info.data.today;
  return (
    <Stack>
      <Title order={2} className="screen-only">
        {t('meals.aid.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List className="screen-only">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="lg">
              {t(`meals.aid.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="serve" pt="md">
          <ServeDinersTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="diners" pt="md">
          <DinersTab />
        </Tabs.Panel>
        <Tabs.Panel value="prices" pt="md">
          <PricesTab today={today} />
        </Tabs.Panel>
        <Tabs.Panel value="delivery" pt="md">
          <DeliveryTab today={today} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
