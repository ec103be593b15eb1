// A person of the centre chosen from the staff register (never typed): a searchable list of the people working here
// now, each shown with their post. The value is the staff id; the name travels with it for display.
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStaffNames } from '../features/staff/queries';

export interface StaffPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable'> {
  value: string | null;
  onChange: (staffId: string | null, name: string) => void;
}

export function StaffPicker({ value, onChange, ...rest }: StaffPickerProps) {
  const { t } = useTranslation();
  const staff = useStaffNames();
  const data = (staff.data ?? []).map((p) => ({ value: p.id, label: t('pickers.staffOption', { name: p.name, role: t(`enums.staffRole.${p.role}`) }) }));
  return (
    <Select
      searchable
      placeholder={t('pickers.staffSearch')}
      nothingFoundMessage={staff.isPending ? t('app.loading') : t('pickers.staffNone')}
      data={data}
      value={value}
      onChange={(id) => onChange(id, staff.data?.find((p) => p.id === id)?.name ?? '')}
      {...rest}
    />
  );
}
