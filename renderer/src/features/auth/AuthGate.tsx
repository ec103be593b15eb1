// Nobody sees the centre's data without signing in: first run, sign-in, lock screen, forced password change.
// It also locks the screen after the configured idle time.
import { Text } from '@mantine/core';
import { useIdle } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../../../shared/api/auth';
import { call } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ScreenCard } from '../../components/ScreenCard';
import { ErrorState, LoadingState } from '../../components/States';
import { RecoveryScreen } from '../backup/RecoveryScreen';
import { ChangePasswordForm } from './ChangePassword';
import { FirstRunAdmin } from './FirstRunAdmin';
import { SignIn } from './SignIn';

const HEARTBEAT_MS = 60_000;

/** Locks the screen after the idle time; while someone is using it, tells the backend (at most once a minute). */
function IdleLock({ minutes }: { minutes: number }) {
  const idle = useIdle(minutes * 60_000, { initialState: false });
  const client = useQueryClient();
  const lastBeat = useRef(Date.now());
  useEffect(() => {
    if (idle) void call('auth.lock', {}).finally(() => client.invalidateQueries());
  }, [idle, client]);
  useEffect(() => {
    const onActivity = () => {
      if (Date.now() - lastBeat.current < HEARTBEAT_MS) return;
      lastBeat.current = Date.now();
      void call('auth.heartbeat', {}).catch(() => client.invalidateQueries({ queryKey: ['auth.status'] }));
    };
    const events = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, [client]);
  return null;
}

export function AuthGate({ children }: { children: (user: NonNullable<AuthStatus['user']>) => ReactNode }) {
  const { t } = useTranslation();
  const status = useApi('auth.status', {});
  if (status.isPending) return <LoadingState />;
  if (status.isError && status.error.code === 'RECOVERY_NEEDED') return <RecoveryScreen />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  const s = status.data;
  if (s.needsSetup) return <FirstRunAdmin />;
  if (!s.user || s.locked) return <SignIn key={s.locked ? 'locked' : 'signin'} status={s} />;
  if (s.user.mustChangePassword) {
    return (
      <ScreenCard title={t('auth.mustChangeTitle')} size="sm">
        <Text size="lg">{t('auth.mustChangeIntro')}</Text>
        <ChangePasswordForm />
      </ScreenCard>
    );
  }
  return (
    <>
      <IdleLock minutes={s.idleMinutes} />
      {children(s.user)}
    </>
  );
}
