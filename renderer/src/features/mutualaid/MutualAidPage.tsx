// 互助养老 (/mutualaid): 结对帮扶, 互助活动 (recording in a few taps), 时间银行 (balances, ledger, redeem, correct),
// 老年协会 (activities and who came), 设置 (the time bank's rules with their sources). The helpers themselves are
// kept on the 探访 page's 协助人员 tab (a 低龄老人 may be linked to the register there).
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { UrlTabs } from '../../components/UrlTabs';
import { useSystemInfo } from '../../shell/queries';
import { ActivitiesTab } from './ActivitiesTab';
import { AssociationTab } from './AssociationTab';
import { BankTab } from './BankTab';
import { PairsTab } from './PairsTab';
import { SettingsTab } from './SettingsTab';

export function MutualAidPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  return (
    <QueryView query={info}>
      {({ today }) => (
        <UrlTabs
          title={t('mutualaid.title')}
          tabs={[
            { key: 'pairs', label: t('mutualaid.tabs.pairs'), panel: <PairsTab today={today} /> },
            { key: 'activities', label: t('mutualaid.tabs.activities'), panel: <ActivitiesTab today={today} /> },
            { key: 'bank', label: t('mutualaid.tabs.bank'), panel: <BankTab today={today} /> },
            { key: 'association', label: t('mutualaid.tabs.association'), panel: <AssociationTab today={today} /> },
            { key: 'settings', label: t('mutualaid.tabs.settings'), panel: <SettingsTab /> },
          ]}
        />
      )}
    </QueryView>
  );
}
