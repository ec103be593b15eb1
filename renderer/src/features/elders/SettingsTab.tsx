// 设置 (the manager's): the 关爱等级 rules, how often each level is visited and how, the longest gap for a 特殊困难 elder
// and whether calls count toward the monthly rate. Every default is [R]: its source is shown under it, marked 待核实.
import { Badge, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_ELDER_SETTINGS, ElderSettings } from '@shared/api/elders';
import { RISK_CONDITIONS } from '@shared/domain/elders/risk';
import { RISK_LEVELS, VISIT_KINDS } from '@shared/domain/elders/vocab';
import { zodValidate } from '../../api/zod-form';
import { ListCard } from '../../components/ListCard';
import { QueryView } from '../../components/QueryView';
import { RISK_INK } from './ElderBadges';
import { useEldersSaveSettings, useEldersSettings } from './queries';

function Source({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="setting-source">
      {children}{' '}
      <Badge size="sm" variant="outline" color="warning" radius="sm">
        {t('elders.sourcePending')}
      </Badge>
    </Text>
  );
}

/** The form holds numbers as NumberInput gives them (a string while being typed). */
const toSettings = (v: ElderSettings): ElderSettings => ({
  ...v,
  hardshipMaxDays: Number(v.hardshipMaxDays),
  visitPlan: {
    high: { ...v.visitPlan.high, everyDays: Number(v.visitPlan.high.everyDays) },
    medium: { ...v.visitPlan.medium, everyDays: Number(v.visitPlan.medium.everyDays) },
    low: { ...v.visitPlan.low, everyDays: Number(v.visitPlan.low.everyDays) },
  },
});

function SettingsForm({ settings }: { settings: ElderSettings }) {
  const { t } = useTranslation();
  const form = useForm<ElderSettings>({ initialValues: settings, validate: (v) => zodValidate(ElderSettings)(toSettings(v)) });
  const save = useEldersSaveSettings({ successMessage: t('elders.settingsSaved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const rules = form.values.riskRules;
  const [openRules, setOpenRules] = useState<Set<number>>(new Set());
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(toSettings(v)))} noValidate>
      <Stack>
        <ListCard
          title={t('elders.rulesTitle')}
          actions={
            <Button variant="outline" onClick={() => (form.insertListItem('riskRules', { level: 'high', all: [] }), setOpenRules(new Set(openRules).add(rules.length)))} disabled={rules.length >= 30}>
              {t('elders.addRule')}
            </Button>
          }
          intro={
            <Stack gap={4} mb="sm">
              <Text>{t('elders.rulesIntro')}</Text>
              <Source>{t('elders.rulesSource')}</Source>
            </Stack>
          }
          data-testid="risk-rules"
        >
          <Stack gap="xs">
            {rules.map((rule, i) => {
              // A rule reads as one line; its boxes open to change it (a new rule, or one with an error, is open).
              const open = openRules.has(i) || Object.keys(form.errors).some((k) => k.startsWith(`riskRules.${i}.`));
              return (
                <Card key={i} withBorder padding="sm" style={{ borderLeft: `6px solid var(--mantine-color-${RISK_INK[rule.level]}-filled)` }} data-testid="risk-rule">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs" style={{ minWidth: 0 }}>
                      <Badge color={RISK_INK[rule.level]} variant="filled" size="lg">
                        {t(`enums.riskLevel.${rule.level}`)}
                      </Badge>
                      <Text>{rule.all.length > 0 ? rule.all.map((c) => t(`enums.elderGroup.${c}`)).join(' ＋ ') : t('elders.ruleNoCondition')}</Text>
                    </Group>
                    <Group gap={4} wrap="nowrap">
                      {!open && (
                        <Button variant="subtle" onClick={() => setOpenRules(new Set(openRules).add(i))} aria-label={t('elders.editRule', { n: i + 1 })}>
                          {t('app.edit')}
                        </Button>
                      )}
                      <Button variant="subtle" color="red.9" onClick={() => (form.removeListItem('riskRules', i), setOpenRules(new Set()))} aria-label={t('elders.removeRule', { n: i + 1 })}>
                        {t('elders.remove')}
                      </Button>
                    </Group>
                  </Group>
                  {open && (
                    <Stack gap="xs" mt="sm">
                      <Select
                        w={200}
                        label={t('elders.ruleLevel', { n: i + 1 })}
                        allowDeselect={false}
                        data={(['high', 'medium'] as const).map((l) => ({ value: l, label: t(`enums.riskLevel.${l}`) }))}
                        {...form.getInputProps(`riskRules.${i}.level`)}
                      />
                      <Checkbox.Group label={t('elders.ruleConditions', { n: i + 1 })} {...form.getInputProps(`riskRules.${i}.all`)}>
                        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
                          {RISK_CONDITIONS.map((c) => (
                            <Checkbox key={c} value={c} label={t(`enums.elderGroup.${c}`)} />
                          ))}
                        </SimpleGrid>
                      </Checkbox.Group>
                    </Stack>
                  )}
                </Card>
              );
            })}
            {typeof form.errors.riskRules === 'string' && (
              <Text c="red.9" role="alert">
                {form.errors.riskRules}
              </Text>
            )}
          </Stack>
        </ListCard>

        <Card withBorder>
          <Title order={3} mb="sm">
            {t('elders.planTitle')}
          </Title>
          <Stack gap="sm">
            {RISK_LEVELS.map((level) => (
              <SimpleGrid key={level} cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
                <Text fw={700} size="lg">
                  {t('elders.planLevel', { level: t(`enums.riskLevel.${level}`) })}
                </Text>
                <NumberInput label={t('elders.everyDaysOf', { level: t(`enums.riskLevel.${level}`) })} min={1} max={180} allowDecimal={false} {...form.getInputProps(`visitPlan.${level}.everyDays`)} />
                <Select
                  label={t('elders.kindOf', { level: t(`enums.riskLevel.${level}`) })}
                  allowDeselect={false}
                  data={VISIT_KINDS.map((k) => ({ value: k, label: t(`enums.visitKind.${k}`) }))}
                  {...form.getInputProps(`visitPlan.${level}.kind`)}
                />
              </SimpleGrid>
            ))}
            <Source>{t('elders.planSource')}</Source>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="sm">
            <NumberInput maw={420} label={t('elders.hardshipMaxDays')} min={1} max={31} allowDecimal={false} {...form.getInputProps('hardshipMaxDays')} />
            <Source>{t('elders.hardshipSource')}</Source>
            <Checkbox label={t('elders.callsCountForRate')} {...form.getInputProps('callsCountForRate', { type: 'checkbox' })} />
            <Source>{t('elders.callsSource')}</Source>
          </Stack>
        </Card>

        <Group>
          <Button type="submit" size="lg" loading={save.isPending}>
            {t('elders.saveSettings')}
          </Button>
          <Button variant="default" size="lg" onClick={() => (form.setValues(DEFAULT_ELDER_SETTINGS), setOpenRules(new Set()))}>
            {t('elders.resetDefaults')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SettingsTab() {
  const settings = useEldersSettings();
  return <QueryView query={settings}>{(data) => <SettingsForm settings={data} />}</QueryView>;
}
