// 系统设置: idle lock, lockout, password length, retention, rounds, meal times, food-sample rules and the assessment and
// 特困 rules whose source is not yet confirmed ([R]): those show their source under the field. Each has a default and the
// reason for it (README).
import { Alert, Button, Card, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Settings } from '@shared/api/settings';
import { zodValidate } from '../../api/zod-form';
import { QueryView } from '../../components/QueryView';
import { GradesEditor } from '../grades/GradesEditor';
import { useSettingsGet, useSettingsReplaced, useSettingsUpdate } from './queries';
import { useSystemInfo } from '../../shell/queries';

const FIELDS = [
  'idleMinutes',
  'lockoutAttempts',
  'lockoutMinutes',
  'passwordMinLength',
  'retentionYears',
  'reassessMonths',
  'riskReassessMonths',
  'tierAnswerWorkingDays',
  'roundIntervalMinutes',
  'lateEntryMinutes',
  'earlyHandoverMinutes',
  'certWarnDays',
  'sampleMinGrams',
  'sampleMinHours',
  'diskWarnMegabytes',
] as const;
/** Fields whose rule is unconfirmed [R]: the source is shown under them. */
const SOURCES = {
  reassessMonths: 'reassessMonthsSource',
  riskReassessMonths: 'riskReassessMonthsSource',
  tierAnswerWorkingDays: 'tierAnswerWorkingDaysSource',
  roundIntervalMinutes: 'roundIntervalMinutesSource',
  sampleMinGrams: 'sampleFloorHint',
  sampleMinHours: 'sampleFloorHint',
  diskWarnMegabytes: 'diskWarnMegabytesHint',
} as const;
const sourceOf = (f: (typeof FIELDS)[number]) => (f in SOURCES ? SOURCES[f as keyof typeof SOURCES] : null);
const MEAL_TIMES = ['breakfastTime', 'lunchTime', 'dinnerTime', 'snackTime'] as const;

function SettingsForm({ values }: { values: Settings }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: values, validate: zodValidate(Settings) });
  const save = useSettingsUpdate({ successMessage: t('settings.saved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack maw={560}>
        {FIELDS.map((f) => (
          <NumberInput key={f} label={t(`settings.${f}`)} description={sourceOf(f) ? t(`settings.${sourceOf(f)!}`) : undefined} allowDecimal={false} {...form.getInputProps(f)} />
        ))}
        <Select
          label={t('settings.comaLevel')}
          description={t('settings.comaLevelSource')}
          data={[
            { value: '4', label: t('settings.comaLevel4') },
            { value: '3', label: t('settings.comaLevel3') },
          ]}
          allowDeselect={false}
          value={String(form.values.comaLevel)}
          onChange={(v) => v && form.setFieldValue('comaLevel', Number(v) as 3 | 4)}
          error={form.errors.comaLevel}
        />
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
  const settings = useSettingsGet();
  const replaced = useSettingsReplaced();
  const info = useSystemInfo();
  return (
    <QueryView query={settings}>
      {(settingsData) => {
      return (
        <Stack>
          <Card withBorder padding="lg">
            <Title order={2} mb="md">
              {t('settings.title')}
            </Title>
            {replaced.data && replaced.data.length > 0 && (
              <Alert color="yellow" title={t('settings.replacedTitle')} mb="md">
                {t('settings.replacedBody', { names: replaced.data.map((k) => t(`settings.${k}`, { defaultValue: k })).join('；') })}
              </Alert>
            )}
            <SettingsForm values={settingsData} />
          </Card>
          <GradesEditor today={info.data?.today ?? ''} />
        </Stack>
      );
      }}
    </QueryView>
  );
}
