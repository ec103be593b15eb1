// The centre's profile form, used at first run and on the settings page.
import { Button, Group, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type FacilityProfile, FacilityProfileInput } from '@shared/api/facility';
import { FACILITY_TYPES } from '@shared/domain/enums';
import { zodValidate } from '../../api/zod-form';
import { useFacilitySave } from './queries';

export function ProfileForm({ profile, onSaved }: { profile: FacilityProfile | null; onSaved?: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: profile?.name ?? '',
      creditCode: profile?.creditCode ?? '',
      areaCode: profile?.areaCode ?? '',
      county: profile?.county ?? '',
      township: profile?.township ?? '',
      type: profile?.type ?? 'township_home',
      licensedBeds: profile?.licensedBeds ?? 50,
      phone: profile?.phone ?? '',
      address: profile?.address ?? '',
    },
    validate: zodValidate(FacilityProfileInput),
  });
  const save = useFacilitySave({
    successMessage: t('facility.savedProfile'),
    onSuccess: () => onSaved?.(),
    onFieldError: (field, message) => (form.setFieldError(field, message), true),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={t('facility.name')} withAsterisk {...form.getInputProps('name')} />
        <Select
          label={t('facility.type')}
          withAsterisk
          allowDeselect={false}
          data={FACILITY_TYPES.map((v) => ({ value: v, label: t(`enums.facilityType.${v}`) }))}
          {...form.getInputProps('type')}
        />
        <TextInput label={t('facility.creditCode')} withAsterisk {...form.getInputProps('creditCode')} />
        <TextInput label={t('facility.areaCode')} withAsterisk inputMode="numeric" {...form.getInputProps('areaCode')} />
        <TextInput label={t('facility.county')} withAsterisk {...form.getInputProps('county')} />
        <TextInput label={t('facility.township')} withAsterisk {...form.getInputProps('township')} />
        <NumberInput label={t('facility.licensedBeds')} withAsterisk min={1} max={5000} allowDecimal={false} {...form.getInputProps('licensedBeds')} />
        <TextInput label={t('facility.phone')} {...form.getInputProps('phone')} />
        <TextInput label={t('facility.address')} {...form.getInputProps('address')} />
      </SimpleGrid>
      <Group mt="lg">
        <Button type="submit" loading={save.isPending} size="lg">
          {t('app.save')}
        </Button>
      </Group>
    </form>
  );
}
