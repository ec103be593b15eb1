// Choosing a resident by typing: the name, pinyin initials, the last digits of the ID number or the room.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useResidentsSearchAsYouType } from './queries';

export function ResidentPicker({
  label,
  value,
  onChange,
  error,
  scope = 'current',
  initial = null,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  scope?: 'current' | 'all';
  /** A resident chosen before the picker opened (e.g. from the resident's file). */
  initial?: { value: string; label: string } | null;
}) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const found = useResidentsSearchAsYouType({ query, scope, pageSize: 50 });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(initial);
  const options = (found.data?.rows ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.bedLabel ? ` ${r.bedLabel}` : ''}` }));
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Select
      size="lg"
      label={label}
      withAsterisk
      searchable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value}
      onChange={(id, option) => {
        setPicked(option ?? null);
        onChange(id);
      }}
      error={error}
      nothingFoundMessage="没有找到，请换个写法（姓名、拼音首字母、房间号）"
    />
  );
}
