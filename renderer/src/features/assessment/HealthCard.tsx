// A.5 健康相关问题: recorded on the form with the standard's own options (one or several per item), not scored. The BMI
// from A.2 身高/体重 is shown with the A.5.9 answer it suggests.
import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BasicInfo, LOW_BMI, bmi, suggestedMalnutrition } from '@shared/domain/assessment/basic-info';
import { HEALTH_ITEMS, type HealthAnswers } from '@shared/domain/assessment/health';

export const JOINT_AFFECTED = '是，影响日常生活功能';

/** One item's answer as read on the page and on paper. */
export function healthText(health: HealthAnswers, code: string, body?: Pick<BasicInfo, 'heightCm' | 'weightKg'>): string {
  const chosen = health.choices[code] ?? [];
  const text = chosen.join('；');
  const value = body ? bmi(body) : null;
  if (code === 'A.5.9' && value !== null) return `${text || '未填写'}（BMI ${value}）`;
  return code === 'A.5.2' && chosen.includes(JOINT_AFFECTED) && health.jointSites ? `${text}（部位：${health.jointSites}）` : text;
}

/** The BMI and the A.5.9 answer it suggests, with a button to take it. */
function BmiLine({ body, value, onApply, readOnly }: { body: Pick<BasicInfo, 'heightCm' | 'weightKg'>; value: HealthAnswers; onApply: (v: '有' | '无') => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const current = bmi(body);
  const suggested = suggestedMalnutrition(body);
  if (current === null || suggested === null) return <Text mb="xs">{t('ability.bmiMissing')}</Text>;
  const text = t(suggested === '有' ? 'ability.bmiLow' : 'ability.bmiNormal', { value: current, cut: LOW_BMI });
  return (
    <Group mb="xs" gap="sm" data-testid="bmi">
      <Text fw={suggested === '有' ? 700 : 400}>{text}</Text>
      {!readOnly && value.choices['A.5.9']?.[0] !== suggested && (
        <Button size="xs" variant="outline" onClick={() => onApply(suggested)}>
          {t('ability.bmiApply')}
        </Button>
      )}
    </Group>
  );
}

export function HealthCard({ value, onChange, readOnly, body }: { value: HealthAnswers; onChange: (v: HealthAnswers) => void; readOnly: boolean; body: Pick<BasicInfo, 'heightCm' | 'weightKg'> }) {
  const { t } = useTranslation();
  const choose = (code: string, chosen: string[]) => onChange({ ...value, choices: { ...value.choices, [code]: chosen } });
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('pickers.health')}
      </Title>
      <BmiLine body={body} value={value} readOnly={readOnly} onApply={(v) => choose('A.5.9', [v])} />
      {readOnly ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          {HEALTH_ITEMS.map((item) => (
            <Text key={item.code}>
              {item.code} {item.name}：{healthText(value, item.code, body) || t('pickers.notRecorded')}
            </Text>
          ))}
          <Text>
            {t('pickers.healthOther')}：{value.other || t('pickers.notRecorded')}
          </Text>
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {HEALTH_ITEMS.map((item) =>
            item.multiple ? (
              <MultiSelect key={item.code} label={`${item.code} ${item.name}（可多选）`} placeholder={t('pickers.healthPick')} data={[...item.options]} value={value.choices[item.code] ?? []} onChange={(v) => choose(item.code, v)} />
            ) : (
              <Select key={item.code} label={`${item.code} ${item.name}`} placeholder={t('pickers.healthPick')} clearable data={[...item.options]} value={value.choices[item.code]?.[0] ?? null} onChange={(v) => choose(item.code, v ? [v] : [])} />
            ),
          )}
          {value.choices['A.5.2']?.includes(JOINT_AFFECTED) && <TextInput label={t('pickers.jointSites')} value={value.jointSites} onChange={(e) => onChange({ ...value, jointSites: e.currentTarget.value })} />}
          <Textarea label={t('pickers.healthOther')} autosize minRows={1} value={value.other} onChange={(e) => onChange({ ...value, other: e.currentTarget.value })} />
        </SimpleGrid>
      )}
    </Card>
  );
}
