// Adding residents to a list one by one (the residents a doctor saw): type a name, pinyin initials or a room, pick one,
// and the picker clears for the next. Hands back the id and the name with the bed as shown.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useResidentsSearchAsYouType } from '../../residents/queries';

export function AddResidentPicker({ label, error, onPick }: { label: string; error?: string; onPick: (id: string, label: string) => void }) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const found = useResidentsSearchAsYouType({ query, scope: 'current', pageSize: 50 });
  const options = (found.data?.rows ?? []).map((r) => ({ value: r.id, label: `${r.name}${r.bedLabel ? ` ${r.bedLabel}` : ''}` }));
  return (
    <Select
      size="lg"
      label={label}
      searchable
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={null}
      onChange={(id, option) => {
        if (!id || !option) return;
        onPick(id, option.label);
        setSearch('');
      }}
      error={error}
      nothingFoundMessage="没有找到，请换个写法（姓名、拼音首字母、房间号）"
      data-testid="add-resident"
    />
  );
}
