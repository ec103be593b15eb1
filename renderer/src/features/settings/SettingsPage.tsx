// 系统设置: idle lock, lockout, password length, retention, rounds, meal times and food-sample rules. Each has a default and the reason for it (README).
import { Button, Card, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Settings } from '../../../../shared/api/settings';
import { useApi, useApiMutation } from '../../api/hooks';
import { zodValidate } from '../../api/zod-form';
import { ErrorState, LoadingState } from '../../components/States';
import { GradesEditor } from '../grades/GradesEditor';

const FIELDS = ['idleMinutes', 'lockoutAttempts', 'lockoutMinutes', 'passwordMinLength', 'retentionYears', 'reassessMonths', 'roundIntervalMinutes', 'lateEntryMinutes', 'earlyHandoverMinutes', 'certWarnDays', 'sampleMinGrams', 'sampleMinHours'] as const;
const MEAL_TIMES = ['breakfastTime', 'lunchTime', 'dinnerTime', 'snackTime'] as const;

function SettingsForm({ values }: { values: Settings }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: values, validate: zodValidate(Settings) });
  const save = useApiMutation('settings.update', { successMessage: t('settings.saved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack maw={560}>
        {FIELDS.map((f) => (
          <NumberInput key={f} label={t(`settings.${f}`)} allowDecimal={false} {...form.getInputProps(f)} />
        ))}
        {MEAL_TIMES.map((f) => (
          <TextInput key={f} label={t(`settings.${f}`)} placeholder="07:00" inputMode="numeric" {...form.getInputProps(f)} />
        ))}
        <Button type="submit" loading={save.isPending}>
          {t('app.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useApi('settings.get', {});
  const info = useApi('system.info', {});
  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <Stack>
      <Card withBorder padding="lg">
        <Title order={2} mb="md">
          {t('settings.title')}
        </Title>
        <SettingsForm values={settings.data} />
      </Card>
      <GradesEditor today={info.data?.today ?? ''} />
    </Stack>
  );
}
