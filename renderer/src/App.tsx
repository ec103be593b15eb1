// The signed-in app: the shell and the routes by role, and the first-run gate (no centre yet → setup). Root.tsx loads
// this file only after someone has signed in, so the sign-in screen does not wait for the shell and the API schemas.
import { Alert } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import type { SignedInUser } from '@shared/api/auth';
import { LoadingState } from './components/States';
import { QueryView } from './components/QueryView';
import { AppLayout } from './shell/AppLayout';
import { CurrentUserContext } from './shell/current-user';
import { PAGES, mayCall } from './shell/navigation';
import { lazyPage } from './lazy-page';
import { useSystemInfo } from './shell/queries';

// Every feature page is its own chunk, loaded when first opened (issue 13 §8: the first screen loads only the core).
const AssessmentDetailPage = lazyPage(() => import('./features/assessment/AssessmentPage'), 'AssessmentDetailPage');
const NewAssessmentPage = lazyPage(() => import('./features/assessment/AssessmentPage'), 'NewAssessmentPage');
const NewElderAssessmentPage = lazyPage(() => import('./features/assessment/AssessmentPage'), 'NewElderAssessmentPage');
const AuditPage = lazyPage(() => import('./features/audit/AuditPage'), 'AuditPage');
const BackupPage = lazyPage(() => import('./features/backup/BackupPage'), 'BackupPage');
const AccountPage = lazyPage(() => import('./features/auth/AccountPage'), 'AccountPage');
const DashboardPage = lazyPage(() => import('./features/dashboard/DashboardPage'), 'DashboardPage');
const BedMapPage = lazyPage(() => import('./features/facility/BedMapPage'), 'BedMapPage');
const FacilityPage = lazyPage(() => import('./features/facility/FacilityPage'), 'FacilityPage');
const AdmitPage = lazyPage(() => import('./features/residents/AdmitPage'), 'AdmitPage');
const ResidentDetailPage = lazyPage(() => import('./features/residents/ResidentDetailPage'), 'ResidentDetailPage');
const ResidentsPage = lazyPage(() => import('./features/residents/ResidentsPage'), 'ResidentsPage');
const SettingsPage = lazyPage(() => import('./features/settings/SettingsPage'), 'SettingsPage');
const SetupPage = lazyPage(() => import('./features/setup/SetupPage'), 'SetupPage');
const UsersPage = lazyPage(() => import('./features/users/UsersPage'), 'UsersPage');
const CareReportsPage = lazyPage(() => import('./features/care/CareReportsPage'), 'CareReportsPage');
const MyShiftPage = lazyPage(() => import('./features/care/MyShiftPage'), 'MyShiftPage');
const ResidentShiftPage = lazyPage(() => import('./features/care/ResidentShiftPage'), 'ResidentShiftPage');
const HandoverPage = lazyPage(() => import('./features/handover/HandoverPage'), 'HandoverPage');
const IncidentsPage = lazyPage(() => import('./features/incidents/IncidentsPage'), 'IncidentsPage');
const RosterPage = lazyPage(() => import('./features/roster/RosterPage'), 'RosterPage');
const StaffPage = lazyPage(() => import('./features/staff/StaffPage'), 'StaffPage');
const FirePage = lazyPage(() => import('./features/fire/FirePage'), 'FirePage');
const MealAidPage = lazyPage(() => import('./features/meals/MealAidPage'), 'MealAidPage');
const MealsPage = lazyPage(() => import('./features/meals/MealsPage'), 'MealsPage');
const VisitsPage = lazyPage(() => import('./features/visits/VisitsPage'), 'VisitsPage');
const RouteSheetPage = lazyPage(() => import('./features/visits/RouteSheetPage'), 'RouteSheetPage');
const SyncPage = lazyPage(() => import('./features/sync/SyncPage'), 'SyncPage');
const CountyCentrePage = lazyPage(() => import('./features/county/CountyCentrePage'), 'CountyCentrePage');
const CountyCentresPage = lazyPage(() => import('./features/county/CountyCentresPage'), 'CountyCentresPage');
const CountyImportPage = lazyPage(() => import('./features/county/CountyImportPage'), 'CountyImportPage');
const CountyIndicatorsPage = lazyPage(() => import('./features/county/CountyIndicatorsPage'), 'CountyIndicatorsPage');
const CountyMatrixPage = lazyPage(() => import('./features/county/CountyMatrixPage'), 'CountyMatrixPage');
const CountyReportsPage = lazyPage(() => import('./features/county/CountyReportsPage'), 'CountyReportsPage');
const CountyTierPage = lazyPage(() => import('./features/tier/CountyTierPage'), 'CountyTierPage');
const EldersPage = lazyPage(() => import('./features/elders/EldersPage'), 'EldersPage');
const ElderFilePage = lazyPage(() => import('./features/elders/ElderFilePage'), 'ElderFilePage');
const RegisterLedgerPage = lazyPage(() => import('./features/elders/ledgers/RegisterLedgerPage'), 'RegisterLedgerPage');
const AgreementLedgerPage = lazyPage(() => import('./features/elders/ledgers/AgreementLedgerPage'), 'AgreementLedgerPage');
const VisitLedgerPage = lazyPage(() => import('./features/visits/ledger/VisitLedgerPage'), 'VisitLedgerPage');
const HomecarePage = lazyPage(() => import('./features/homecare/HomecarePage'), 'HomecarePage');
const HomecareRecordSheetPage = lazyPage(() => import('./features/homecare/delivery/RecordSheetPage'), 'RecordSheetPage');
const HomecareSlipsPage = lazyPage(() => import('./features/homecare/delivery/SlipsPage'), 'SlipsPage');
const HomecareStatementPage = lazyPage(() => import('./features/homecare/settlement/StatementPage'), 'StatementPage');
const MedicationPage = lazyPage(() => import('./features/medication/MedicationPage'), 'MedicationPage');
const MarSheetPage = lazyPage(() => import('./features/medication/round/MarSheetPage'), 'MarSheetPage');
const StockSheetPage = lazyPage(() => import('./features/medication/stock/StockSheetPage'), 'StockSheetPage');
const HealthPage = lazyPage(() => import('./features/health/HealthPage'), 'HealthPage');
const HealthFileSheetPage = lazyPage(() => import('./features/health/file/HealthFileSheetPage'), 'HealthFileSheetPage');
const CheckupSheetPage = lazyPage(() => import('./features/health/file/CheckupSheetPage'), 'CheckupSheetPage');
const PressureSheetPage = lazyPage(() => import('./features/health/clinical/PressureSheetPage'), 'PressureSheetPage');
const EntrustedPage = lazyPage(() => import('./features/entrusted/EntrustedPage'), 'EntrustedPage');
const EntrustedCareSheetPage = lazyPage(() => import('./features/entrusted/CareSheetPage'), 'CareSheetPage');
const MutualAidPage = lazyPage(() => import('./features/mutualaid/MutualAidPage'), 'MutualAidPage');
const AidSheetPage = lazyPage(() => import('./features/mutualaid/AidSheetPage'), 'AidSheetPage');

const ELEMENTS: Record<string, ReactElement> = {
  '/': <DashboardPage />,
  '/beds': <BedMapPage />,
  '/residents': <ResidentsPage />,
  '/admit': <AdmitPage />,
  '/facility': <FacilityPage />,
  '/users': <UsersPage />,
  '/audit': <AuditPage />,
  '/backup': <BackupPage />,
  '/settings': <SettingsPage />,
  '/account': <AccountPage />,
  '/shift': <MyShiftPage />,
  '/handover': <HandoverPage />,
  '/incidents': <IncidentsPage />,
  '/care': <CareReportsPage />,
  '/staff': <StaffPage />,
  '/roster': <RosterPage />,
  '/meals': <MealsPage />,
  '/meal-aid': <MealAidPage />,
  '/fire': <FirePage />,
  '/visits': <VisitsPage />,
  '/sync': <SyncPage />,
  '/county': <CountyMatrixPage />,
  '/county/import': <CountyImportPage />,
  '/county/indicators': <CountyIndicatorsPage />,
  '/county/centres': <CountyCentresPage />,
  '/county/reports': <CountyReportsPage />,
  '/county/tier': <CountyTierPage />,
  '/elders': <EldersPage />,
  '/homecare': <HomecarePage />,
  '/medication': <MedicationPage />,
  '/health': <HealthPage />,
  '/entrusted': <EntrustedPage />,
  '/mutualaid': <MutualAidPage />,
};

function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert color="orange.9" variant="outline" title={t('auth.forbidden')} m="md">
      {' '}
    </Alert>
  );
}

export function SignedInApp({ user }: { user: SignedInUser }) {
  return (
    // Only pages pick dates, so the date pickers' settings live here, not on the sign-in screen.
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
      <SignedInPages user={user} />
    </DatesProvider>
  );
}

function SignedInPages({ user }: { user: SignedInUser }) {
  const info = useSystemInfo();
  return (
    <QueryView query={info}>
      {(infoData) => {
      if (!infoData.hasFacility && user.role === 'admin') {
        return (
          <Suspense fallback={<LoadingState />}>
            <SetupPage />
          </Suspense>
        );
      }
      // The home page is the caregiver's shift, and the county's submission matrix.
      const home = infoData.mode === 'county' ? '/county' : user.role === 'caregiver' ? '/shift' : null;
      const guard = (path: string, element: ReactElement) => {
        if (path === '/' && home) return <Navigate to={home} replace />;
        const page = PAGES.find((p) => p.path === path);
        return page && !mayCall(user.role, page.gate) ? <Forbidden /> : element;
      };
      return (
        <CurrentUserContext.Provider value={user}>
          <AppLayout info={infoData} user={user}>
            {/* The shell stays while a page's chunk loads on its first visit. */}
            <Suspense fallback={<LoadingState />}>
              <Routes>
                {PAGES.map((p) => (
                  <Route key={p.path} path={p.path} element={guard(p.path, ELEMENTS[p.path])} />
                ))}
                <Route path="/shift/:shiftId/:shiftDate/:residentId" element={guard('/shift', <ResidentShiftPage />)} />
                <Route path="/visits/sheet" element={guard('/visits', <RouteSheetPage />)} />
                <Route path="/residents/:id" element={guard('/residents', <ResidentDetailPage />)} />
                <Route path="/residents/:id/assessment" element={mayCall(user.role, 'assessment.saveDraft') && mayCall(user.role, 'residents.get') ? <NewAssessmentPage /> : <Forbidden />} />
                <Route path="/assessments/:id" element={guard('/residents', <AssessmentDetailPage />)} />
                <Route path="/elders/ledger" element={guard('/elders', <RegisterLedgerPage />)} />
                <Route path="/elders/agreements" element={guard('/elders', <AgreementLedgerPage />)} />
                <Route path="/visits/ledger" element={guard('/visits', <VisitLedgerPage />)} />
                <Route path="/homecare/record-sheet" element={guard('/homecare', <HomecareRecordSheetPage />)} />
                <Route path="/homecare/slips" element={guard('/homecare', <HomecareSlipsPage />)} />
                <Route path="/homecare/statement" element={guard('/homecare', <HomecareStatementPage />)} />
                <Route path="/medication/mar" element={guard('/medication', <MarSheetPage />)} />
                <Route path="/medication/stock-sheet" element={guard('/medication', <StockSheetPage />)} />
                <Route path="/health/file" element={guard('/health', <HealthFileSheetPage />)} />
                <Route path="/health/checkup-sheet" element={guard('/health', <CheckupSheetPage />)} />
                <Route path="/health/pressure-sheet" element={guard('/health', <PressureSheetPage />)} />
                <Route path="/entrusted/sheet" element={guard('/entrusted', <EntrustedCareSheetPage />)} />
                <Route path="/mutualaid/sheet" element={guard('/mutualaid', <AidSheetPage />)} />
                <Route path="/elders/:id" element={guard('/elders', <ElderFilePage />)} />
                <Route path="/elders/:id/assessment" element={mayCall(user.role, 'assessment.saveDraft') && mayCall(user.role, 'elders.get') ? <NewElderAssessmentPage /> : <Forbidden />} />
                <Route path="/elders/:id/assessment/:assessmentId" element={guard('/elders', <AssessmentDetailPage />)} />
                <Route path="/county/centre/:code/:period" element={guard('/county/indicators', <CountyCentrePage />)} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Routes>
            </Suspense>
          </AppLayout>
        </CurrentUserContext.Provider>
      );
      }}
    </QueryView>
  );
}
