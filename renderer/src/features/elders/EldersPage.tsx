// 农村老人: the township's register of elders living at home in its villages (issue 17) — the register, the villages,
// and (for the manager) the 关爱等级 rules and visit plan. An elder's file is ElderFilePage.
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/States';
import { type UrlTab, UrlTabs } from '../../components/UrlTabs';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { RegisterTab } from './RegisterTab';
import { SettingsTab } from './SettingsTab';
import { VillagesTab } from './VillagesTab';

export function EldersPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const mayConfigure = useMayCall('elders.saveSettings');
  if (!info.data) return <LoadingState />;
  const tabs: UrlTab[] = [
    { key: 'register', label: t('elders.tabs.register'), panel: <RegisterTab today={info.data.today} /> },
    { key: 'villages', label: t('elders.tabs.villages'), panel: <VillagesTab /> },
  ];
  if (mayConfigure) tabs.push({ key: 'settings', label: t('elders.tabs.settings'), panel: <SettingsTab /> });
  return <UrlTabs title={t('elders.title')} tabs={tabs} />;
}
