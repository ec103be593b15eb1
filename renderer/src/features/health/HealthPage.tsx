// 健康档案: the residents' health file. Yearly check-ups, the monthly health entry, family doctors, doctors' visits to
// the centre, hospital referrals and the pressure-injury register, one tab each; a resident's whole file is printed
// from the resident's page.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/QueryView';
import { UrlTabs } from '../../components/UrlTabs';
import { useSystemInfo } from '../../shell/queries';
import { DoctorVisitsTab, PressureTab, ReferralsTab } from './clinical';
import { CheckupsTab, FamilyDoctorTab, MonthlyTab } from './file';

export function HealthPage() {
  const { t } = useTranslation();
  const info = useSystemInfo();
  return (
    <QueryView query={info}>
      {({ today }) => (
        <UrlTabs
          title={t('health.title')}
          tabs={[
            { key: 'checkups', label: t('health.tabs.checkups'), panel: <CheckupsTab today={today} /> },
            { key: 'monthly', label: t('health.tabs.monthly'), panel: <MonthlyTab today={today} /> },
            { key: 'pressure', label: t('health.tabs.pressure'), panel: <PressureTab today={today} /> },
            { key: 'visits', label: t('health.tabs.visits'), panel: <DoctorVisitsTab today={today} /> },
            { key: 'referrals', label: t('health.tabs.referrals'), panel: <ReferralsTab today={today} /> },
            { key: 'doctors', label: t('health.tabs.doctors'), panel: <FamilyDoctorTab today={today} /> },
          ]}
        />
      )}
    </QueryView>
  );
}
