// What the visit screens share: the 关爱等级 badge (高 red, 中 orange, 低 grey — the word on it, never colour alone),
// the red 逾期 mark, and the elder picker (search by name, initials or ID tail among the elders living at home).
import { Badge, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElderRow } from '@shared/api/elders';
import type { RiskLevel } from '@shared/domain/elders/vocab';
import type { ThemeColour } from '../../theme';
import { useVisitsElderSearch } from './queries';

export const RISK_COLOUR: Record<RiskLevel, ThemeColour> = { high: 'danger', medium: 'warning', low: 'muted' };

export function RiskMark({ level, size = 'lg' }: { level: RiskLevel; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={RISK_COLOUR[level]} variant="filled" style={{ flexShrink: 0 }}>
      {t('visits.riskMark', { level: t(`enums.riskLevel.${level}`) })}
    </Badge>
  );
}

export function OverdueMark() {
  const { t } = useTranslation();
  return (
    <Badge size="lg" color="danger" variant="filled" style={{ flexShrink: 0 }} data-testid="overdue">
      {t('visits.overdue')}
    </Badge>
  );
}

/** The elder a form is about, as much as the form needs of them. */
export interface ElderChoice {
  id: string;
  name: string;
  village: string;
}

export interface ElderPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'searchValue' | 'onSearchChange' | 'filter'> {
  value: ElderChoice | null;
  onChange: (elder: ElderChoice | null) => void;
}

export function ElderPicker({ value, onChange, ...rest }: ElderPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 200);
  const label = (e: Pick<ElderRow, 'name' | 'village' | 'age'>) => t('visits.elderOption', e);
  const [picked, setPicked] = useState<ElderRow | null>(null);
  // Once chosen, the box shows the chosen line: that text is not a new search.
  const query = picked && typed === label(picked) ? '' : typed.slice(0, 30);
  const found = useVisitsElderSearch({ query }, query !== '');
  const rows = [...(picked && picked.id === value?.id ? [picked] : []), ...(found.data ?? []).filter((r) => r.id !== value?.id)];
  return (
    <Select
      searchable
      clearable
      placeholder={t('visits.elderSearch')}
      nothingFoundMessage={query === '' ? undefined : found.isFetching ? t('app.loading') : t('visits.elderNone')}
      filter={({ options }) => options}
      data={rows.map((r) => ({ value: r.id, label: label(r) }))}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => {
        const row = rows.find((r) => r.id === id) ?? null;
        setPicked(row);
        onChange(row && { id: row.id, name: row.name, village: row.village });
      }}
      {...rest}
    />
  );
}
