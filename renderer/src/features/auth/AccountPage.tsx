// 我的账号: change one's own PIN (proved with the password, or the PIN one has now) and, for those who have a
// password, change it. People who only use a PIN see no password form.
import { Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SetPinInput } from '@shared/api/auth';
import { zodValidate } from '../../api/zod-form';
import { useCurrentUser } from '../../shell/current-user';
import { ChangePasswordForm } from './ChangePassword';
import { useAuthSetPin } from './queries';

function SetPinForm({ hasPassword }: { hasPassword: boolean }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { current: '', pin: '' }, validate: zodValidate(SetPinInput) });
  const save = useAuthSetPin({
    successMessage: t('auth.pinSaved'),
    onSuccess: () => form.reset(),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack maw={420}>
        <Text>{t('auth.pinHint')}</Text>
        <PasswordInput size="md" label={hasPassword ? t('people.currentSecret') : t('people.currentPin')} {...form.getInputProps('current')} />
        <TextInput label={t('people.newPin')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
        <Button type="submit" loading={save.isPending}>
          {t('auth.setPin')}
        </Button>
      </Stack>
    </form>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack>
      <Title order={2}>{t('auth.account')}</Title>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="md">
          {user.hasPin ? t('people.changePinTitle') : t('auth.setPin')}
        </Title>
        <SetPinForm hasPassword={user.hasPassword} />
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="md">
          {t('auth.changePassword')}
        </Title>
        {user.hasPassword ? <ChangePasswordForm /> : <Text>{t('people.noPasswordYet')}</Text>}
      </Card>
    </Stack>
  );
}
