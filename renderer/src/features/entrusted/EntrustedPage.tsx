// 分散供养特困 委托照料 (/entrusted): 本月检查 (the month's list, a check in a few taps), 委托照料协议 (searchable; new,
// end, replace the carer) and 设置 (default parties by province, default 档次 and subsidy per tier).
import { useTranslation } from 'react-i18next';
import { UrlTabs } from '../../components/UrlTabs';
import { AgreementsTab } from './AgreementsTab';
import { MonthTab } from './MonthTab';
import { SettingsTab } from './SettingsTab';

export function EntrustedPage() {
  const { t } = useTranslation();
  return (
    <UrlTabs
      title={t('entrusted.title')}
      tabs={[
        { key: 'month', label: t('entrusted.tabs.month'), panel: <MonthTab /> },
        { key: 'agreements', label: t('entrusted.tabs.agreements'), panel: <AgreementsTab /> },
        { key: 'settings', label: t('entrusted.tabs.settings'), panel: <SettingsTab /> },
      ]}
    />
  );
}
