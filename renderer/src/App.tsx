// Providers, sign-in, routes by role, and the first-run gate (no centre yet → setup).
import { Alert, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { SignedInUser } from '../../shared/api/auth';
import { ApiCallError } from './api/client';
import { useApi } from './api/hooks';
import { ErrorState, LoadingState } from './components/States';
import { AssessmentDetailPage, NewAssessmentPage } from './features/assessment/AssessmentPage';
import { AuditPage } from './features/audit/AuditPage';
import { BackupPage } from './features/backup/BackupPage';
import { AccountPage } from './features/auth/AccountPage';
import { AuthGate } from './features/auth/AuthGate';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { BedMapPage } from './features/facility/BedMapPage';
import { FacilityPage } from './features/facility/FacilityPage';
import { AdmitPage } from './features/residents/AdmitPage';
import { ResidentDetailPage } from './features/residents/ResidentDetailPage';
import { ResidentsPage } from './features/residents/ResidentsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SetupPage } from './features/setup/SetupPage';
import { UsersPage } from './features/users/UsersPage';
import { CareReportsPage } from './features/care/CareReportsPage';
import { MyShiftPage } from './features/care/MyShiftPage';
import { ResidentShiftPage } from './features/care/ResidentShiftPage';
import { HandoverPage } from './features/handover/HandoverPage';
import { IncidentsPage } from './features/incidents/IncidentsPage';
import { RosterPage } from './features/roster/RosterPage';
import { StaffPage } from './features/staff/StaffPage';
import { FirePage } from './features/fire/FirePage';
import { MealAidPage } from './features/meals/MealAidPage';
import { MealsPage } from './features/meals/MealsPage';
import { SyncPage } from './features/sync/SyncPage';
import { CountyCentrePage } from './features/county/CountyCentrePage';
import { CountyCentresPage } from './features/county/CountyCentresPage';
import { CountyImportPage } from './features/county/CountyImportPage';
import { CountyIndicatorsPage } from './features/county/CountyIndicatorsPage';
import { CountyMatrixPage } from './features/county/CountyMatrixPage';
import { CountyReportsPage } from './features/county/CountyReportsPage';
import { AppLayout } from './shell/AppLayout';
import { CurrentUserContext } from './shell/current-user';
import { PAGES, mayCall } from './shell/navigation';
import { cssVariablesResolver, theme } from './theme';

/** Any call refused for the session (signed out, locked, password to change) brings the sign-in state up to date. */
const SESSION_CODES = new Set(['UNAUTHENTICATED', 'LOCKED', 'PASSWORD_CHANGE_REQUIRED']);
function onSessionError(error: unknown) {
  if (error instanceof ApiCallError && SESSION_CODES.has(error.code)) void queryClient.invalidateQueries({ queryKey: ['auth.status'] });
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
  queryCache: new QueryCache({ onError: onSessionError }),
  mutationCache: new MutationCache({ onError: onSessionError }),
});

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
  '/sync': <SyncPage />,
  '/county': <CountyMatrixPage />,
  '/county/import': <CountyImportPage />,
  '/county/indicators': <CountyIndicatorsPage />,
  '/county/centres': <CountyCentresPage />,
  '/county/reports': <CountyReportsPage />,
};

function Forbidden() {
  const { t } = useTranslation();
  return (
    <Alert color="orange.9" variant="outline" title={t('auth.forbidden')} m="md">
      {' '}
    </Alert>
  );
}

function SignedInApp({ user }: { user: SignedInUser }) {
  const info = useApi('system.info', {});
  if (info.isPending) return <LoadingState />;
  if (info.isError) return <ErrorState error={info.error} onRetry={() => info.refetch()} />;
  if (!info.data.hasFacility && user.role === 'admin') return <SetupPage />;
  // The home page is the caregiver's shift, and the county's submission matrix.
  const home = info.data.mode === 'county' ? '/county' : user.role === 'caregiver' ? '/shift' : null;
  const guard = (path: string, element: ReactElement) => {
    if (path === '/' && home) return <Navigate to={home} replace />;
    const page = PAGES.find((p) => p.path === path);
    return page && !mayCall(user.role, page.gate) ? <Forbidden /> : element;
  };
  return (
    <CurrentUserContext.Provider value={user}>
      <AppLayout info={info.data} user={user}>
        <Routes>
          {PAGES.map((p) => (
            <Route key={p.path} path={p.path} element={guard(p.path, ELEMENTS[p.path])} />
          ))}
          <Route path="/shift/:shiftId/:shiftDate/:residentId" element={guard('/shift', <ResidentShiftPage />)} />
          <Route path="/residents/:id" element={guard('/residents', <ResidentDetailPage />)} />
          <Route path="/residents/:id/assessment" element={mayCall(user.role, 'assessment.saveDraft') ? <NewAssessmentPage /> : <Forbidden />} />
          <Route path="/assessments/:id" element={guard('/residents', <AssessmentDetailPage />)} />
          <Route path="/county/centre/:code/:period" element={guard('/county/indicators', <CountyCentrePage />)} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </AppLayout>
    </CurrentUserContext.Provider>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <QueryClientProvider client={queryClient}>
          <ModalsProvider labels={{ confirm: '确认', cancel: '取消' }}>
            <Notifications position="top-center" />
            <HashRouter>
              <AuthGate>{(user) => <SignedInApp user={user} />}</AuthGate>
            </HashRouter>
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
