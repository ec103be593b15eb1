// Providers, routes, and the first-run gate (no centre yet → setup).
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useApi } from './api/hooks';
import { LoadingState, ErrorState } from './components/States';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { BedMapPage } from './features/facility/BedMapPage';
import { FacilityPage } from './features/facility/FacilityPage';
import { AdmitPage } from './features/residents/AdmitPage';
import { ResidentDetailPage } from './features/residents/ResidentDetailPage';
import { ResidentsPage } from './features/residents/ResidentsPage';
import { SetupPage } from './features/setup/SetupPage';
import { AppLayout } from './shell/AppLayout';
import { cssVariablesResolver, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

function Gate() {
  const info = useApi('system.info', {});
  if (info.isPending) return <LoadingState />;
  if (info.isError) return <ErrorState error={info.error} onRetry={() => info.refetch()} />;
  if (!info.data.hasFacility) return <SetupPage />;
  return (
    <AppLayout info={info.data}>
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/beds" element={<BedMapPage />} />
        <Route path="/residents" element={<ResidentsPage />} />
        <Route path="/residents/:id" element={<ResidentDetailPage />} />
        <Route path="/admit" element={<AdmitPage />} />
        <Route path="/facility" element={<FacilityPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </AppLayout>
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
              <Gate />
            </HashRouter>
          </ModalsProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
