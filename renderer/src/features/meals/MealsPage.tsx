// 膳食: the kitchen's page — today's portions and serving, the week's menu, residents' diets, food samples and the
// month's report, one tab each.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadingState } from '../../components/States';
import { type UrlTab, UrlTabs } from '../../components/UrlTabs';
import { useMayCall } from '../../shell/current-user';
import { DietsTab } from './DietsTab';
import { HeadcountTab } from './HeadcountTab';
import { MealReportTab } from './MealReportTab';
import { MenuTab } from './MenuTab';
import { SamplesTab } from './SamplesTab';
import { useSystemInfo } from '../../shell/queries';

export function MealsPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const [, setParams] = useSearchParams();
  const mayReport = useMayCall('meals.monthReport');
  if (!info.data) return <LoadingState />;
  const { today, now } = info.data;
  const tabs: UrlTab[] = [
    { key: 'today', label: t('meals.tabs.today'), panel: <HeadcountTab today={today} onSamples={() => setParams({ tab: 'samples' })} /> },
    { key: 'menu', label: t('meals.tabs.menu'), panel: <MenuTab today={today} /> },
    { key: 'diets', label: t('meals.tabs.diets'), panel: <DietsTab /> },
    { key: 'samples', label: t('meals.tabs.samples'), panel: <SamplesTab today={today} now={now} /> },
  ];
  if (mayReport) tabs.push({ key: 'report', label: t('meals.tabs.report'), panel: <MealReportTab today={today} /> });
  return <UrlTabs title={t('meals.title')} tabs={tabs} />;
}
