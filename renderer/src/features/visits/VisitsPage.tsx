// 探访: the week's visit plan by village (and recording a visit from it), the follow-ups (转介) until closed, the
// special-situation reports, and — for the register's keepers — the helpers list. One tab each.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { UrlTabs } from '../../components/UrlTabs';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { FollowupsTab } from './FollowupsTab';
import { HelpersTab } from './HelpersTab';
import { PlanTab } from './PlanTab';
import { SpecialTab } from './SpecialTab';

export function VisitsPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const mayKeepHelpers = useMayCall('visits.saveHelper');
  return (
    <QueryView query={info}>
      {({ today }) => (
        <UrlTabs
          title={t('visits.title')}
          tabs={[
            { key: 'plan', label: t('visits.tabs.plan'), panel: <PlanTab today={today} /> },
            { key: 'followups', label: t('visits.tabs.followups'), panel: <FollowupsTab today={today} /> },
            { key: 'special', label: t('visits.tabs.special'), panel: <SpecialTab /> },
            ...(mayKeepHelpers ? [{ key: 'helpers', label: t('visits.tabs.helpers'), panel: <HelpersTab /> }] : []),
          ]}
        />
      )}
    </QueryView>
  );
}
