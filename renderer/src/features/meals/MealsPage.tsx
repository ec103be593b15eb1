// 膳食: the kitchen's page — today's portions and serving, the week's menu, residents' diets, food samples and the
// month's report, one tab each (the tab is in the address, so a reload keeps it).
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { LoadingState } from '../../components/States';
import { useMayCall } from '../../shell/current-user';
import { DietsTab } from './DietsTab';
import { HeadcountTab } from './HeadcountTab';
import { MealReportTab } from './MealReportTab';
import { MenuTab } from './MenuTab';
import { SamplesTab } from './SamplesTab';

export function MealsPage() {
  const { t } = useTranslation();
  const info = useApi('system.info', {});
  const [params, setParams] = useSearchParams();
  const mayReport = useMayCall('meals.monthReport');
  const tab = params.get('tab') ?? 'today';
  if (!info.data) return <LoadingState />;
  const tabs: ('today' | 'menu' | 'diets' | 'samples' | 'report')[] = ['today', 'menu', 'diets', 'samples'];
  if (mayReport) tabs.push('report');
  return (
    <Stack>
      <Title order={2} className="screen-only">
        {t('meals.title')}
      </Title>
      <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List className="screen-only">
          {tabs.map((k) => (
            <Tabs.Tab key={k} value={k} fz="lg">
              {t(`meals.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="today" pt="md">
          <HeadcountTab today={info.data.today} onSamples={() => setParams({ tab: 'samples' })} />
        </Tabs.Panel>
        <Tabs.Panel value="menu" pt="md">
          <MenuTab today={info.data.today} />
        </Tabs.Panel>
        <Tabs.Panel value="diets" pt="md">
          <DietsTab />
        </Tabs.Panel>
        <Tabs.Panel value="samples" pt="md">
          <SamplesTab today={info.data.today} now={info.data.now} />
        </Tabs.Panel>
        {mayReport && (
          <Tabs.Panel value="report" pt="md">
            <MealReportTab today={info.data.today} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
