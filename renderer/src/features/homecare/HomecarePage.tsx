// 居家服务: the services the government buys for elders at home. The day's schedule (record what was done or missed), the
// visits recorded, 回访 and complaints, the providers' monthly settlements, and — for those who keep them — the
// providers, the service items and prices, the elders' entitlements and the recurring plans. One tab each. A caregiver
// who goes out on home services sees the schedule, the visits and the complaints only: the rest is the keepers' work.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { UrlTabs } from '../../components/UrlTabs';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { ScheduleTab, VisitsTab } from './delivery';
import { ChecksTab, ComplaintsTab, SettlementTab } from './settlement';
import { EntitlementsTab, ItemsTab, PlansTab, ProvidersTab } from './setup';

export function HomecarePage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const keeper = useMayCall('homecare.savePlan');
  return (
    <QueryView query={info}>
      {({ today }) => (
        <UrlTabs
          title={t('homecare.title')}
          tabs={[
            { key: 'schedule', label: t('homecare.tabs.schedule'), panel: <ScheduleTab today={today} /> },
            { key: 'visits', label: t('homecare.tabs.visits'), panel: <VisitsTab today={today} /> },
            ...(keeper ? [{ key: 'checks', label: t('homecare.tabs.checks'), panel: <ChecksTab today={today} /> }] : []),
            { key: 'complaints', label: t('homecare.tabs.complaints'), panel: <ComplaintsTab today={today} /> },
            ...(keeper
              ? [
                  { key: 'settlement', label: t('homecare.tabs.settlement'), panel: <SettlementTab today={today} /> },
                  { key: 'plans', label: t('homecare.tabs.plans'), panel: <PlansTab today={today} /> },
                  { key: 'entitlements', label: t('homecare.tabs.entitlements'), panel: <EntitlementsTab today={today} /> },
                  { key: 'providers', label: t('homecare.tabs.providers'), panel: <ProvidersTab today={today} /> },
                  { key: 'items', label: t('homecare.tabs.items'), panel: <ItemsTab today={today} /> },
                ]
              : []),
          ]}
        />
      )}
    </QueryView>
  );
}
