// First run: the administrator creates their own account. There is no default password anywhere.
import { Button, Card, Container, Input, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
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
  // The area the typed code names (6 digits a county, 4 a prefecture, 2 a province); null until it is one of them.
  const code = form.values.countyCode.trim();
  // (Not areaLevelOf from @shared/api/county: that module would weigh on the first screen's bundle.)
  const level = /^\d{6}$/.test(code) ? 'county' : /^\d{4}$/.test(code) ? 'prefecture' : /^\d{2}$/.test(code) ? 'province' : null;
  const narrow = useMediaQuery('(max-width: 36em)');
  const setup = useAuthSetupAdmin({ onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Container size="sm" py="xl">
      <Card withBorder padding={narrow ? 'md' : 'xl'}>
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
                // Side by side the two choices do not fit a phone's width (the second was cut off): one above the other.
                orientation={narrow ? 'vertical' : 'horizontal'}
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
                <TextInput
                  label={t('county.area.firstRunCode')}
                  description={t('county.area.firstRunCodeHint')}
                  inputMode="numeric"
                  maxLength={6}
                  withAsterisk
                  {...form.getInputProps('countyCode')}
                />
                {level && (
                  <Text size="lg" fw={700} c="blue.9" mt={-8} data-testid="first-run-area-level" aria-live="polite">
                    {t(`county.area.firstRunLevel.${level}`)}
                  </Text>
                )}
                <TextInput label={level ? t(`county.area.firstRunName.${level}`) : t('county.area.firstRunNameUnknown')} withAsterisk {...form.getInputProps('countyName')} />
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
