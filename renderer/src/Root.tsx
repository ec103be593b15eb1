// Providers and the sign-in gate: all the first screen needs. The signed-in app (shell, routes, API schemas) is its
// own chunk, fetched once someone has signed in; each feature page is a further chunk (see App.tsx).
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { HashRouter } from 'react-router';
import { ApiCallError } from './api/client';
import { LoadingState } from './components/States';
import { AuthGate } from './features/auth/AuthGate';
import { lazyPage } from './lazy-page';
import { cssVariablesResolver, theme } from './theme';

const SignedInApp = lazyPage(() => import('./App'), 'SignedInApp');

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

export function Root() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <ModalsProvider labels={{ confirm: '确认', cancel: '取消' }}>
          <Notifications position="top-center" />
          <HashRouter>
            <AuthGate>
              {(user) => (
                <Suspense fallback={<LoadingState />}>
                  <SignedInApp user={user} />
                </Suspense>
              )}
            </AuthGate>
          </HashRouter>
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
