// First run: the administrator creates their own account. There is no default password anywhere.
import { Button, Card, Container, Input, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SetupAdminInput } from '@shared/api/auth';
import { zodValidate } from '../../api/zod-form';
import { useAuthSetupAdmin } from './queries';
import { FirstRunStore } from '../store/FirstRunStore';

interface Values {
  username: string;
  displayName: string;
  password: string;
  pin: string;
  mode: 'centre' | 'county';
  countyCode: string;
  countyName: string;
}
const toInput = (v: Values) => ({
  username: v.username,
  displayName: v.displayName,
  password: v.password,
  pin: v.pin || null,
  mode: v.mode,
  countyCode: v.mode === 'county' ? v.countyCode : null,
  countyName: v.mode === 'county' ? v.countyName : null,
});

export function FirstRunAdmin() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { username: '', displayName: '', password: '', repeat: '', pin: '', mode: 'centre' as 'centre' | 'county', countyCode: '', countyName: '' },
    validate: (values) => {
      const errors = zodValidate(SetupAdminInput)(toInput(values));
      if (values.repeat !== values.password) errors.repeat = t('auth.passwordMismatch');
      return errors;
    },
  });
  const setup = useAuthSetupAdmin({ onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Container size="sm" py="xl">
      <Card withBorder padding="xl">
        <form onSubmit={form.onSubmit((v) => setup.mutate(toInput(v)))} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('auth.firstRunTitle')}
            </Title>
            <Text size="lg">{form.values.mode === 'county' ? t('county.firstRunIntro') : t('auth.firstRunIntro')}</Text>
            <Input.Wrapper label={t('auth.modeLabel')} description={t('auth.modeHint')} size="md">
              <SegmentedControl
                fullWidth
                size="lg"
                mt={6}
                data={[
                  { value: 'centre', label: t('auth.modeCentre') },
                  { value: 'county', label: t('auth.modeCounty') },
                ]}
                {...form.getInputProps('mode')}
              />
            </Input.Wrapper>
            <FirstRunStore mode={form.values.mode} onCountyOnly={() => form.setFieldValue('mode', 'county')}>
            {form.values.mode === 'county' && (
              <>
                <TextInput label={t('auth.countyCode')} description={t('auth.countyCodeHint')} inputMode="numeric" maxLength={6} withAsterisk {...form.getInputProps('countyCode')} />
                <TextInput label={t('auth.countyName')} withAsterisk {...form.getInputProps('countyName')} />
              </>
            )}
            <TextInput label={t('auth.displayName')} withAsterisk {...form.getInputProps('displayName')} />
            <TextInput label={t('auth.username')} description={form.values.mode === 'county' ? t('county.usernameHint') : t('auth.usernameHint')} withAsterisk {...form.getInputProps('username')} />
            <PasswordInput label={t('auth.password')} description={t('auth.passwordHint', { n: 8 })} withAsterisk size="md" {...form.getInputProps('password')} />
            <PasswordInput label={t('auth.passwordRepeat')} withAsterisk size="md" {...form.getInputProps('repeat')} />
            <TextInput label={t('auth.pin')} description={t('auth.pinHint')} inputMode="numeric" maxLength={6} {...form.getInputProps('pin')} />
            <Button type="submit" size="lg" loading={setup.isPending}>
              {t('auth.createAdmin')}
            </Button>
            </FirstRunStore>
          </Stack>
        </form>
      </Card>
    </Container>
  );
}
