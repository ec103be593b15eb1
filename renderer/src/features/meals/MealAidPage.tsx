// 老年助餐: meals for village elders — record who ate (or had a meal delivered), the diners' register, prices and
// subsidies by date, and the delivery list; the month's subsidy claim is in 膳食 → 月报.
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/States';
import { UrlTabs } from '../../components/UrlTabs';
import { DeliveryTab } from './DeliveryTab';
import { DinersTab } from './DinersTab';
import { PricesTab } from './PricesTab';
import { ServeDinersTab } from './ServeDinersTab';
import { useSystemInfo } from '../../shell/queries';

export function MealAidPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  if (!info.data) return <LoadingState />;
  const today = info.data.today;
  return (
    <UrlTabs
      title={t('meals.aid.title')}
      tabs={[
        { key: 'serve', label: t('meals.aid.tabs.serve'), panel: <ServeDinersTab today={today} /> },
        { key: 'diners', label: t('meals.aid.tabs.diners'), panel: <DinersTab /> },
        { key: 'prices', label: t('meals.aid.tabs.prices'), panel: <PricesTab today={today} /> },
        { key: 'delivery', label: t('meals.aid.tabs.delivery'), panel: <DeliveryTab today={today} /> },
      ]}
    />
  );
}
