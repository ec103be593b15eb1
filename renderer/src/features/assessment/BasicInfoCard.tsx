// A.2 基本信息 (GB/T 42195-2022) recorded with the assessment: the standard's options; 民族 comes from the file (at home,
// where the register does not record it, it is asked).
import { Card, MultiSelect, NumberInput, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BasicInfo, EDUCATIONS, INCOME_SOURCES, LIVING, MARITAL, MEDICAL_PAYMENT, RELIGIONS } from '@shared/domain/assessment/basic-info';

/** The A.2 answers as one line each, for the read-only card and the printed report. */
export function basicInfoLines(b: BasicInfo): [string, string][] {
  const list = (v: string[]) => v.join('、');
  return [
    ['民族', b.ethnicity],
    ['宗教信仰', b.religion === '有' && b.religionName ? `有（${b.religionName}）` : (b.religion ?? '')],
    ['文化程度', b.education ?? ''],
    ['居住情况', list(b.living)],
    ['婚姻状况', b.marital ?? ''],
    ['医疗费用支付方式', list(b.medicalPayment)],
    ['经济来源', list(b.incomeSource)],
    ['身高 / 体重', b.heightCm && b.weightKg ? `${b.heightCm} 厘米 / ${b.weightKg} 千克` : [b.heightCm && `${b.heightCm} 厘米`, b.weightKg && `${b.weightKg} 千克`].filter(Boolean).join(' / ')],
  ];
}

export function BasicInfoCard({ value, onChange, readOnly, error, home = false }: { value: BasicInfo; onChange: (v: BasicInfo) => void; readOnly: boolean; error: { field: string; message: string } | null; home?: boolean }) {
  const { t } = useTranslation();
  // 宗教信仰 other than 有 takes away the religion's name (the backend refuses the two together).
  const set = <K extends keyof BasicInfo>(key: K, v: BasicInfo[K]) => onChange({ ...value, [key]: v, ...(key === 'religion' && v !== '有' ? { religionName: '' } : {}) });
  const err = (key: keyof BasicInfo) => (error?.field === `basicInfo.${key}` ? error.message : null);
  const one = (key: 'religion' | 'education' | 'marital', label: string, options: readonly string[]) => (
    <Select label={label} placeholder={t('ability.pick')} clearable data={[...options]} value={value[key]} error={err(key)} onChange={(v) => set(key, v as BasicInfo[typeof key])} />
  );
  const many = (key: 'living' | 'medicalPayment' | 'incomeSource', label: string, options: readonly string[]) => (
    <MultiSelect label={label} placeholder={t('ability.pick')} data={[...options]} value={value[key]} error={err(key)} onChange={(v) => set(key, v)} />
  );
  const number = (v: string | number) => (typeof v === 'number' ? v : null);
  return (
    <Card withBorder padding="md" data-testid="basic-info">
      <Title order={3} size="h4" mb="sm">
        {home ? t('ability.basicTitleHome') : t('ability.basicTitle')}
      </Title>
      {readOnly ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
          {basicInfoLines(value).map(([label, text]) => (
            <Text key={label}>
              {label}：{text || t('pickers.notRecorded')}
            </Text>
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {home ? (
            <TextInput label={t('ability.ethnicity')} value={value.ethnicity} error={err('ethnicity')} onChange={(e) => set('ethnicity', e.currentTarget.value)} />
          ) : (
            <TextInput label={t('ability.ethnicityFromFile')} readOnly value={value.ethnicity} />
          )}
          {one('religion', t('ability.religion'), RELIGIONS)}
          {value.religion === '有' && <TextInput label={t('ability.religionName')} value={value.religionName} error={err('religionName')} onChange={(e) => set('religionName', e.currentTarget.value)} />}
          {one('education', t('ability.education'), EDUCATIONS)}
          {one('marital', t('ability.marital'), MARITAL)}
          {many('living', t('ability.living'), LIVING)}
          {many('medicalPayment', t('ability.medicalPayment'), MEDICAL_PAYMENT)}
          {many('incomeSource', t('ability.incomeSource'), INCOME_SOURCES)}
          <NumberInput label={t('ability.height')} min={0} max={250} decimalScale={1} value={value.heightCm ?? ''} error={err('heightCm')} onChange={(v) => set('heightCm', number(v))} />
          <NumberInput label={t('ability.weight')} min={0} max={250} decimalScale={1} value={value.weightKg ?? ''} error={err('weightKg')} onChange={(v) => set('weightKg', number(v))} />
        </SimpleGrid>
      )}
    </Card>
  );
}
