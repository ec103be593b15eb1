// Changing one's own password: forced after an administrator's reset, and from "我的账号" any time.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAuthChangePassword } from './queries';

export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { current: '', next: '', repeat: '' },
    validate: {
      current: (v) => (v ? null : '请填写当前密码'),
      next: (v) => (v ? null : '请填写新密码'),
      repeat: (v, values) => (v === values.next ? null : t('auth.passwordMismatch')),
    },
  });
  const change = useAuthChangePassword({
    successMessage: t('auth.passwordChanged'),
    onSuccess: () => (form.reset(), onDone?.()),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  return (
    <form onSubmit={form.onSubmit((v) => change.mutate({ current: v.current, next: v.next }))} noValidate>
      <Stack maw={420}>
        <PasswordInput size="md" label={t('auth.currentPassword')} autoComplete="current-password" {...form.getInputProps('current')} />
        <PasswordInput size="md" label={t('auth.newPassword')} autoComplete="new-password" {...form.getInputProps('next')} />
        <PasswordInput size="md" label={t('auth.passwordRepeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
        <Button type="submit" loading={change.isPending}>
          {t('auth.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
