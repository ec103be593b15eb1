// 服药设置: the centre's dose times that 每日一次…四次 and 睡前 map to (copied onto an order when it is written — a later
// change never moves an order), how late a dose may be before it is flagged and how early it may be given, which 高警示
// classes need a second person's PIN, the stock warnings, and whether a 服药管理协议 is needed before medicines are
// kept. None has a national figure for 养老 centres: each shows where its default comes from.
import { Alert, Button, Card, Checkbox, Group, NumberInput, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MedicationSettings } from '@shared/api/medication-settings';
import { ALERT_CLASSES } from '@shared/domain/medication/vocab';
import { QueryView } from '../../../components/QueryView';
import { useMayCall } from '../../../shell/current-user';
import { useMedicationSaveSettings, useMedicationSettings } from './queries';

type TimesKey = 'qdTimes' | 'bidTimes' | 'tidTimes' | 'qidTimes' | 'qnTimes';
const TIMES: { key: TimesKey; frequency: 'qd' | 'bid' | 'tid' | 'qid' | 'qn' }[] = [
  { key: 'qdTimes', frequency: 'qd' },
  { key: 'bidTimes', frequency: 'bid' },
  { key: 'tidTimes', frequency: 'tid' },
  { key: 'qidTimes', frequency: 'qid' },
  { key: 'qnTimes', frequency: 'qn' },
];

function Section({ title, source, children }: { title: string; source: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {children}
      <Text size="sm" c="dark.6" mt="sm">
        {t('medication.orders.source', { source })}
      </Text>
    </Card>
  );
}

function SettingsForm({ initial, sources, mayEdit }: { initial: MedicationSettings; sources: Record<'times' | 'lateMinutes' | 'secondCheck' | 'stock' | 'agreement', string>; mayEdit: boolean }) {
  const { t } = useTranslation();
  const [v, setV] = useState<MedicationSettings>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMedicationSaveSettings({ successMessage: t('app.saved'), onFieldError: (f, m) => (setErrors({ [f.split('.')[0]]: m }), true) });
  const num = (x: number | string) => (x === '' ? Number.NaN : Number(x));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate(v);
      }}
    >
      <Stack>
        <Section title={t('medication.orders.timesTitle')} source={sources.times}>
          <Text mb="sm">{t('medication.orders.timesIntro')}</Text>
          <Stack gap="sm">
            {TIMES.map(({ key, frequency }) => (
              <div key={key} role="group" aria-label={t(`enums.frequency.${frequency}`)}>
                <Text fw={700}>{t(`enums.frequency.${frequency}`)}</Text>
                <Group gap="xs">
                  {v[key].map((time, i) => (
                    <TimeInput key={i} size="lg" disabled={!mayEdit} aria-label={`${t(`enums.frequency.${frequency}`)} ${t('medication.orders.timeN', { n: i + 1 })}`} value={time} onChange={(e) => setV({ ...v, [key]: v[key].map((x, j) => (j === i ? e.currentTarget.value : x)) })} />
                  ))}
                </Group>
                {errors[key] && <Text c="red.9">{errors[key]}</Text>}
              </div>
            ))}
          </Stack>
        </Section>
        <Section title={t('medication.orders.lateTitle')} source={sources.lateMinutes}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput size="lg" disabled={!mayEdit} label={t('medication.orders.lateMinutes')} min={15} max={240} allowDecimal={false} value={v.lateMinutes} onChange={(x) => setV({ ...v, lateMinutes: num(x) })} error={errors.lateMinutes} />
            <NumberInput size="lg" disabled={!mayEdit} label={t('medication.orders.earlyMinutes')} min={0} max={180} allowDecimal={false} value={v.earlyMinutes} onChange={(x) => setV({ ...v, earlyMinutes: num(x) })} error={errors.earlyMinutes} />
          </SimpleGrid>
        </Section>
        <Section title={t('medication.orders.secondCheckTitle')} source={sources.secondCheck}>
          <Checkbox.Group value={v.secondCheckClasses} onChange={(list) => setV({ ...v, secondCheckClasses: list as MedicationSettings['secondCheckClasses'] })} error={errors.secondCheckClasses}>
            <Group gap="lg">
              {ALERT_CLASSES.map((c) => (
                <Checkbox key={c} size="md" disabled={!mayEdit} value={c} label={t(`enums.highAlert.${c}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Section>
        <Section title={t('medication.orders.stockTitle')} source={sources.stock}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput size="lg" disabled={!mayEdit} label={t('medication.orders.expiryWarnDays')} min={1} max={365} allowDecimal={false} value={v.expiryWarnDays} onChange={(x) => setV({ ...v, expiryWarnDays: num(x) })} error={errors.expiryWarnDays} />
            <NumberInput size="lg" disabled={!mayEdit} label={t('medication.orders.supplyWarnDays')} min={1} max={60} allowDecimal={false} value={v.supplyWarnDays} onChange={(x) => setV({ ...v, supplyWarnDays: num(x) })} error={errors.supplyWarnDays} />
          </SimpleGrid>
        </Section>
        <Section title={t('medication.orders.agreementTitle')} source={sources.agreement}>
          <Switch size="lg" disabled={!mayEdit} label={t('medication.orders.agreementRequired')} checked={v.agreementRequired} onChange={(e) => setV({ ...v, agreementRequired: e.currentTarget.checked })} />
        </Section>
        {mayEdit && (
          <Group>
            <Button type="submit" size="lg" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function SettingsTab({ today }: { today: string }) {
  void today;
  const { t } = useTranslation();
  const data = useMedicationSettings();
  const mayEdit = useMayCall('medication.saveSettings');
  return (
    <Stack>
      <Alert color="blue">{t('medication.orders.settingsIntro')}</Alert>
      <QueryView query={data}>{({ settings, sources }) => <SettingsForm initial={settings} sources={sources} mayEdit={mayEdit} />}</QueryView>
    </Stack>
  );
}
