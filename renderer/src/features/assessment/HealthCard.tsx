// A.5 健康相关问题: recorded on the form with the standard's own options (one or several per item), not scored.
import { Card, MultiSelect, Select, SimpleGrid, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HEALTH_ITEMS, type HealthAnswers } from '../../../../shared/domain/assessment/health';

export const JOINT_AFFECTED = '是，影响日常生活功能';

/** One item's answer as read on the page and on paper. */
export function healthText(health: HealthAnswers, code: string): string {
  const chosen = health.choices[code] ?? [];
  const text = chosen.join('；');
  return code === 'A.5.2' && chosen.includes(JOINT_AFFECTED) && health.jointSites ? `${text}（部位：${health.jointSites}）` : text;
}

export function HealthCard({ value, onChange, readOnly }: { value: HealthAnswers; onChange: (v: HealthAnswers) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const choose = (code: string, chosen: string[]) => onChange({ ...value, choices: { ...value.choices, [code]: chosen } });
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h4" mb="sm">
        {t('pickers.health')}
      </Title>
      {readOnly ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          {HEALTH_ITEMS.map((item) => (
            <Text key={item.code}>
              {item.code} {item.name}：{healthText(value, item.code) || t('pickers.notRecorded')}
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
