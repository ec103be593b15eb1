// 消防安全: patrols and inspections, hidden dangers, equipment, drills and training, the duty log, ledgers and
// settings, one tab each.
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../components/States';
import { UrlTabs } from '../../components/UrlTabs';
import { DangersTab } from './DangersTab';
import { DrillsTab } from './DrillsTab';
import { DutyTab } from './DutyTab';
import { EquipmentTab } from './EquipmentTab';
import { FireLedgerTab } from './FireLedgerTab';
import { FireSettingsTab } from './FireSettingsTab';
import { FireTodayTab } from './FireTodayTab';
import { useSystemInfo } from '../../shell/queries';

export function FirePage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  if (!info.data) return <LoadingState />;
  const today = info.data.today;
  return (
    <UrlTabs
      title={t('fire.title')}
      tabs={[
        { key: 'today', label: t('fire.tabs.today'), panel: <FireTodayTab today={today} /> },
        { key: 'dangers', label: t('fire.tabs.dangers'), panel: <DangersTab today={today} /> },
        { key: 'equipment', label: t('fire.tabs.equipment'), panel: <EquipmentTab /> },
        { key: 'drills', label: t('fire.tabs.drills'), panel: <DrillsTab today={today} /> },
        { key: 'duty', label: t('fire.tabs.duty'), panel: <DutyTab today={today} /> },
        { key: 'ledgers', label: t('fire.tabs.ledgers'), panel: <FireLedgerTab today={today} /> },
        { key: 'settings', label: t('fire.tabs.settings'), panel: <FireSettingsTab /> },
      ]}
    />
  );
}
