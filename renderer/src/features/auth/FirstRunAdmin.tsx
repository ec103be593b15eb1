// First run: the administrator creates their own account. There is no default password anywhere.
import { Button, Card, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SetupAdminInput } from '../../../../shared/api/auth';
import { useApiMutation } from '../../api/hooks';
import { zodValidate } from '../../api/zod-form';

export function FirstRunAdmin() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { username: '', displayName: '', password: '', repeat: '', pin: '' },
    validate: (values) => {
      const errors = zodValidate(SetupAdminInput)({ ...values, pin: values.pin || null });
      if (values.repeat !== values.password) errors.repeat = t('auth.passwordMismatch');
      return errors;
    },
  });
  const setup = useApiMutation('auth.setupAdmin', { onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Container size="sm" py="xl">
      <Card withBorder padding="xl">
        <form onSubmit={form.onSubmit((v) => setup.mutate({ username: v.username, displayName: v.displayName, password: v.password, pin: v.pin || null }))} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.firstRunTitle')}
            </Title>
            <Text size="lg">{t('auth.firstRunIntro')}</Text>
            <TextInput label={t('auth.displayName')} withAsterisk {...form.getInputProps('displayName')} />
            <TextInput label={t('auth.username')} description={t('auth.usernameHint')} withAsterisk {...form.getInputProps('username')} />
            <PasswordInput label={t('auth.password')} description={t('auth.passwordHint', { n: 8 })} withAsterisk size="md" {...form.getInputProps('password')} />
            <PasswordInput label={t('auth.passwordRepeat')} withAsterisk size="md" {...form.getInputProps('repeat')} />
            <TextInput label={t('auth.pin')} description={t('auth.pinHint')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
            <Button type="submit" size="lg" loading={setup.isPending}>
              {t('auth.createAdmin')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Container>
  );
}
