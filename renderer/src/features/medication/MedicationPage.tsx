// 服药: residents' medicines. The round of the caller's shift (what a caregiver opens), the monthly administration
// record, and — for those who keep them — the doctors' orders, the medicines kept for residents and their counts, the
// drug list, the 服药管理协议 and the settings. One tab each. A caregiver sees the round and the record only.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { UrlTabs } from '../../components/UrlTabs';
import { useMayCall } from '../../shell/current-user';
import { useSystemInfo } from '../../shell/queries';
import { AgreementsTab, DrugsTab, OrdersTab, SettingsTab } from './orders';
import { MarTab, RoundTab } from './round';
import { CountsTab, StockTab } from './stock';

export function MedicationPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const giver = useMayCall('medication.shiftDoses');
  const keeper = useMayCall('medication.saveSettings');
  return (
    <QueryView query={info}>
      {({ today }) => (
        <UrlTabs
          title={t('medication.title')}
          tabs={[
            ...(giver ? [{ key: 'round', label: t('medication.tabs.round'), panel: <RoundTab today={today} /> }] : []),
            { key: 'record', label: t('medication.tabs.record'), panel: <MarTab today={today} /> },
            { key: 'orders', label: t('medication.tabs.orders'), panel: <OrdersTab today={today} /> },
            { key: 'stock', label: t('medication.tabs.stock'), panel: <StockTab today={today} /> },
            ...(keeper
              ? [
                  { key: 'counts', label: t('medication.tabs.counts'), panel: <CountsTab today={today} /> },
                  { key: 'agreements', label: t('medication.tabs.agreements'), panel: <AgreementsTab today={today} /> },
                  { key: 'drugs', label: t('medication.tabs.drugs'), panel: <DrugsTab today={today} /> },
                  { key: 'settings', label: t('medication.tabs.settings'), panel: <SettingsTab today={today} /> },
                ]
              : []),
          ]}
        />
      )}
    </QueryView>
  );
}
