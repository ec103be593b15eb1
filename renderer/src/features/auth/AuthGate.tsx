// Nobody sees the centre's data without signing in: first run, sign-in, lock screen, forced password change.
// The idle lock covers the app, it does not reset it: the app stays mounted, inert, under an opaque overlay, so the
// same person finds every form as they left it. Another person gets a fresh app (keyed by the person): the previous
// person's unsaved input is discarded, never shown, and one line says so.
import { Text } from '@mantine/core';
import { useIdle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AuthStatus } from '@shared/api/auth';
import { ScreenCard } from '../../components/ScreenCard';
import { ErrorState, LoadingState } from '../../components/States';
import { RecoveryScreen } from '../backup/RecoveryScreen';
import { ChangePasswordForm } from './ChangePassword';
import { FirstRunAdmin } from './FirstRunAdmin';
import { LockOverlay } from './LockOverlay';
import { keepReadsThroughLock } from './session-switch';
import { SignInPanel } from './SignIn';
import { heartbeat, lockSession, useAuthStatus } from './queries';

const HEARTBEAT_MS = 60_000;

/** Locks the screen after the idle time; while someone is using it, tells the backend (at most once a minute). */
function IdleLock({ minutes }: { minutes: number }) {
  const idle = useIdle(minutes * 60_000, { initialState: false });
  const client = useQueryClient();
  const lastBeat = useRef(Date.now());
  useEffect(() => {
    // Only the sign-in state is read again: the pages under the lock keep what they show and what was typed.
    if (idle) void lockSession().finally(() => client.invalidateQueries({ queryKey: ['auth.status'] }));
  }, [idle, client]);
  useEffect(() => {
    const onActivity = () => {
      if (Date.now() - lastBeat.current < HEARTBEAT_MS) return;
      lastBeat.current = Date.now();
      void heartbeat().catch(() => client.invalidateQueries({ queryKey: ['auth.status'] }));
    };
    const events = ['mousemove', 'mousedown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, [client]);
  return null;
}

type Person = { id: string; name: string };

/** Says once that the previous person's unsaved input was discarded, and starts the new person on their home page. */
function usePersonSwitch(active: Person | null) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mounted, setMounted] = useState<Person | null>(null);
  const [previous, setPrevious] = useState<Person | null>(null);
  // Adjusted while rendering (React's pattern for state derived from props): who the app is mounted for.
  if (active && mounted?.id !== active.id) {
    setPrevious(mounted);
    setMounted(active);
  }
  // Once per switch (navigate changes with every address, which must not send the new person home again).
  const handled = useRef<Person | null>(null);
  useEffect(() => {
    if (!previous || !mounted || handled.current === mounted) return;
    handled.current = mounted;
    navigate('/', { replace: true });
    notifications.show({ id: 'previous-cleared', message: t('people.previousCleared', { name: previous.name }), color: 'blue', autoClose: 15_000 });
  }, [previous, mounted, navigate, t]);
  return { mounted, forget: () => mounted && (setMounted(null), setPrevious(null)) };
}

export function AuthGate({ children }: { children: (user: NonNullable<AuthStatus['user']>) => ReactNode }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  useState(() => keepReadsThroughLock(client));
  const status = useAuthStatus();
  const s = status.data;
  const active = s?.user && !s.locked && !s.user.mustChangePassword ? s.user : null;
  const { mounted, forget } = usePersonSwitch(active ? { id: active.id, name: active.name } : null);
  if (s && !s.user && mounted) forget(); // signed out: nothing is kept for anyone

  if (status.isPending) return <LoadingState />;
  if (status.isError && status.error.code === 'RECOVERY_NEEDED') return <RecoveryScreen />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  if (!s) return <LoadingState />;
  if (s.needsSetup) return <FirstRunAdmin />;
  // Locked over the same person's app: the app keeps its place in the tree (so React keeps every form), inert.
  const coversApp = s.user !== null && s.locked && mounted?.id === s.user.id;
  if (!s.user || (s.locked && !coversApp)) {
    return (
      <ScreenCard title={s.locked ? t('auth.lockedTitle') : t('auth.loginTitle')}>
        <SignInPanel key={s.locked ? 'locked' : 'signin'} status={s} />
      </ScreenCard>
    );
  }
  if (s.user.mustChangePassword && !coversApp) {
    return (
      <ScreenCard title={t('auth.mustChangeTitle')} size="sm">
        <Text size="lg">{t('auth.mustChangeIntro')}</Text>
        <ChangePasswordForm />
      </ScreenCard>
    );
  }
  return (
    <>
      {!coversApp && <IdleLock minutes={s.idleMinutes} />}
      <div inert={coversApp} aria-hidden={coversApp || undefined} data-testid="app-root">
        <Fragment key={s.user.id}>{children(s.user)}</Fragment>
      </div>
      {coversApp && <LockOverlay status={s} />}
    </>
  );
}
