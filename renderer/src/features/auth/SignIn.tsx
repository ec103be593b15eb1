// The sign-in and lock screen of the shared PC: tap your name (those on shift first), type your 6-digit PIN on the
// number pad or the keyboard. Or use login name and password.
import { Alert, Box, Button, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuthStatus, LoginInput } from '@shared/api/auth';
import { zodValidate } from '../../api/zod-form';
import { NumberPad } from './NumberPad';
import { settleSignIn } from './session-switch';
import { usePasswordLogin, usePinLogin } from './queries';
import { inkVar } from '../../theme';

type QuickUser = AuthStatus['quickUsers'][number];
const PIN_LENGTH = 6;

/** Whose screen is locked (their work stays under the lock), or null at a plain sign-in. */
const lockedFor = (status: AuthStatus) => (status.locked && status.user ? status.user.id : null);

function PinDots({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-label={t('people.padDigits', { n: count })}>
      {Array.from({ length: PIN_LENGTH }, (_, i) => (
        <Box
          key={i}
          w={36}
          h={44}
          style={{ border: `2px solid ${inkVar('teal')}`, borderRadius: 8, display: 'grid', placeItems: 'center', fontSize: 28, background: i < count ? '#e6f2ef' : 'white' }}
          aria-hidden
        >
          {i < count ? '●' : ''}
        </Box>
      ))}
    </Group>
  );
}

function PinEntry({ status, user, onBack }: { status: AuthStatus; user: QuickUser; onBack: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // The digits typed so far live in a ref (fast typing sends several keys before a render); the state shows them.
  const typed = useRef('');
  const [count, setCount] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const setTyped = (value: string) => ((typed.current = value), setCount(value.length));
  const login = usePinLogin(user.id, {
    onSuccess: (signedIn) => settleSignIn(client, lockedFor(status), signedIn),
    onError: (e) => (setError(e.message), setTyped('')),
  });
  const type = (digit: string) => {
    if (login.isPending || typed.current.length >= PIN_LENGTH) return;
    setError(null);
    setTyped(typed.current + digit);
    if (typed.current.length === PIN_LENGTH) login.mutate(typed.current);
  };
  const erase = () => setTyped(typed.current.slice(0, -1));
  // A keyboard works as well as the pad, wherever the focus is.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) type(e.key);
      else if (e.key === 'Backspace') erase();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <Stack align="center">
      <Text size="xl" fw={700}>
        {t('auth.enterPin', { name: user.name })}
      </Text>
      <PinDots count={count} />
      {error && (
        <Alert color="red.9" variant="outline" role="alert">
          {error}
        </Alert>
      )}
      <NumberPad onDigit={type} onDelete={erase} onClear={() => setTyped('')} disabled={login.isPending} />
      <Text>{t('people.forgotPin')}</Text>
      <Button variant="default" size="lg" onClick={onBack}>
        {t('auth.back')}
      </Button>
    </Stack>
  );
}

function PasswordLogin({ status }: { status: AuthStatus }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm({ initialValues: { username: '', password: '' }, validate: zodValidate(LoginInput) });
  const [error, setError] = useState<string | null>(null);
  const login = usePasswordLogin({
    onSuccess: (signedIn) => settleSignIn(client, lockedFor(status), signedIn),
    onError: (e) => (e.field ? form.setFieldError(e.field, e.message) : setError(e.message)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => (setError(null), login.mutate(v)))} noValidate>
      <Stack>
        <TextInput label={t('auth.username')} autoComplete="username" {...form.getInputProps('username')} />
        <PasswordInput label={t('auth.password')} size="md" autoComplete="current-password" {...form.getInputProps('password')} />
        {error && (
          <Alert color="red.9" variant="outline" role="alert">
            {error}
          </Alert>
        )}
        <Button type="submit" size="lg" loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Stack>
    </form>
  );
}

function NameButtons({ users, onPick }: { users: QuickUser[]; onPick: (u: QuickUser) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
      {users.map((u) => (
        <UnstyledButton key={u.id} onClick={() => onPick(u)} style={{ border: `2px solid ${inkVar('teal')}`, borderRadius: 12, padding: 16, minHeight: 88, textAlign: 'center' }}>
          <Text size="xl" fw={700}>
            {u.name}
          </Text>
          <Text size="md">{t(`enums.role.${u.role}`)}</Text>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
}

/** The sign-in content: on its own at a plain sign-in, or inside the lock overlay. */
export function SignInPanel({ status }: { status: AuthStatus }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<QuickUser | null>(null);
  const [withPassword, setWithPassword] = useState(status.quickUsers.length === 0);
  const onShift = status.quickUsers.filter((u) => u.onShift);
  const others = status.quickUsers.filter((u) => !u.onShift);
  return (
    <>
      {/* Signed out by the backend: the account was disabled or changed (perhaps on another PC), or data restored. */}
      {status.signedOutBecause && (
        <Alert color="orange.9" variant="outline" role="status">
          <Text size="lg">{status.signedOutBecause}</Text>
        </Alert>
      )}
      {status.locked && status.user && <Text size="lg">{t('auth.lockedBy', { name: status.user.name })}</Text>}
      <Text size="lg">{status.onShift.length ? t(status.onShiftFromRoster ? 'auth.onShift' : 'auth.signedInToday', { names: status.onShift.join('、') }) : t('auth.nobodyOnShift')}</Text>
      {picked ? (
        <PinEntry status={status} user={picked} onBack={() => setPicked(null)} />
      ) : withPassword ? (
        <>
          <PasswordLogin status={status} />
          {status.quickUsers.length > 0 && (
            <Button variant="subtle" onClick={() => setWithPassword(false)}>
              {t('auth.pickName')}
            </Button>
          )}
        </>
      ) : (
        <>
          <Text size="lg" fw={700}>
            {t('auth.pickName')}
          </Text>
          {onShift.length > 0 && (
            <Stack gap="xs">
              <Text fw={700}>{t(status.onShiftFromRoster ? 'people.onShiftNow' : 'people.signedInTodayTitle')}</Text>
              <NameButtons users={onShift} onPick={setPicked} />
            </Stack>
          )}
          {others.length > 0 && (
            <Stack gap="xs">
              {onShift.length > 0 && <Text fw={700}>{t('people.others')}</Text>}
              <NameButtons users={others} onPick={setPicked} />
            </Stack>
          )}
          <Text>{t('people.forgotPin')}</Text>
          <Group>
            <Button variant="subtle" onClick={() => setWithPassword(true)}>
              {t('auth.orPassword')}
            </Button>
          </Group>
        </>
      )}
    </>
  );
}
