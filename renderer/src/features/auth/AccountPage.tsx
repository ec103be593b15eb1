// 我的账号: change one's own password and set the PIN used to switch in at the shared PC.
import { Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SetPinInput } from '../../../../shared/api/auth';
import { useApiMutation } from '../../api/hooks';
import { zodValidate } from '../../api/zod-form';
import { ChangePasswordForm } from './ChangePassword';

function SetPinForm() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { password: '', pin: '' }, validate: zodValidate(SetPinInput) });
  const save = useApiMutation('auth.setPin', {
    successMessage: t('auth.pinSaved'),
    onSuccess: () => form.reset(),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack maw={420}>
        <Text>{t('auth.pinHint')}</Text>
        <PasswordInput size="md" label={t('auth.currentPassword')} {...form.getInputProps('password')} />
        <TextInput label={t('auth.pinLabel')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
        <Button type="submit" loading={save.isPending}>
          {t('auth.setPin')}
        </Button>
      </Stack>
    </form>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('auth.account')}</Title>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="md">
          {t('auth.changePassword')}
        </Title>
        <ChangePasswordForm />
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} size="h4" mb="md">
          {t('auth.setPin')}
        </Title>
        <SetPinForm />
      </Card>
    </Stack>
  );
}
