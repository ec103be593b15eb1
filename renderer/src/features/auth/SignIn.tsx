// The sign-in and lock screen of the shared PC: tap your name, type your 6-digit PIN. Or use name and password.
import { Alert, Button, Group, PasswordInput, PinInput, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuthStatus, LoginInput } from '../../../../shared/api/auth';
import { useApiMutation } from '../../api/hooks';
import { ScreenCard } from '../../components/ScreenCard';
import { zodValidate } from '../../api/zod-form';

function PinEntry({ user, onBack }: { user: AuthStatus['quickUsers'][number]; onBack: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A new key after a wrong PIN remounts the boxes empty with the cursor in the first one, ready to type again.
  const [attempt, setAttempt] = useState(0);
  const login = useApiMutation('auth.pinLogin', { inlineErrors: true });
  const submit = (value: string) => {
    setError(null);
    login.mutate({ userId: user.id, pin: value }, { onError: (e) => (setError(e.message), setPin(''), setAttempt((n) => n + 1)) });
  };
  return (
    <Stack align="center">
      <Text size="xl" fw={700}>
        {t('auth.enterPin', { name: user.name })}
      </Text>
      <PinInput
        key={attempt}
        length={6}
        type="number"
        mask
        size="xl"
        oneTimeCode
        autoFocus
        value={pin}
        onChange={setPin}
        onComplete={submit}
        aria-label={t('auth.pinLabel')}
        error={error !== null}
        disabled={login.isPending}
      />
      {error && (
        <Alert color="red.9" variant="outline" role="alert">
          {error}
        </Alert>
      )}
      <Button variant="default" size="lg" onClick={onBack}>
        {t('auth.back')}
      </Button>
    </Stack>
  );
}

function PasswordLogin() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { username: '', password: '' }, validate: zodValidate(LoginInput) });
  const [error, setError] = useState<string | null>(null);
  const login = useApiMutation('auth.login', { inlineErrors: true, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => (setError(null), login.mutate(v, { onError: (e) => !e.field && setError(e.message) })))} noValidate>
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

export function SignIn({ status }: { status: AuthStatus }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<AuthStatus['quickUsers'][number] | null>(null);
  const [withPassword, setWithPassword] = useState(status.quickUsers.length === 0);
  const title = status.locked ? t('auth.lockedTitle') : t('auth.loginTitle');
  return (
    <ScreenCard title={title}>
      {status.locked && status.user && <Text size="lg">{t('auth.lockedBy', { name: status.user.name })}</Text>}
      <Text size="lg">{status.onShift.length ? t(status.onShiftFromRoster ? 'auth.onShift' : 'auth.signedInToday', { names: status.onShift.join('、') }) : t('auth.nobodyOnShift')}</Text>
      {picked ? (
        <PinEntry user={picked} onBack={() => setPicked(null)} />
      ) : withPassword ? (
        <>
          <PasswordLogin />
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
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {status.quickUsers.map((u) => (
              <UnstyledButton
                key={u.id}
                onClick={() => setPicked(u)}
                style={{ border: '2px solid #0b5e4f', borderRadius: 12, padding: 16, minHeight: 88, textAlign: 'center' }}
              >
                <Text size="xl" fw={700}>
                  {u.name}
                </Text>
                <Text size="md">{t(`enums.role.${u.role}`)}</Text>
              </UnstyledButton>
            ))}
          </SimpleGrid>
          <Group>
            <Button variant="subtle" onClick={() => setWithPassword(true)}>
              {t('auth.orPassword')}
            </Button>
          </Group>
        </>
      )}
    </ScreenCard>
  );
}
