// 登记老人 and 修改基本情况: one form for the person on the register. Sex and age come from the ID number; 高龄 is shown as
// derived, never ticked. When editing, the ID number on file stays unless a new one is typed. Every refusal of the
// backend shows on its field.
import { Checkbox, Divider, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type ElderFile, ElderInput } from '@shared/api/elders';
import { ageOn } from '@shared/domain/dates';
import { CARERS, ELDER_CATEGORIES, HOUSEHOLDS, INCOME_SOURCES, OVER_80_AGE } from '@shared/domain/elders/vocab';
import { parseIdNumber } from '@shared/domain/id-number';
import { zodValidate } from '../../api/zod-form';
import { type ElderFormValues, emptyValues, inputOf, valuesOf } from './elder-form';
import { useEldersSave, useEldersVillages } from './queries';
import { ModalButtons } from '../../components/ModalButtons';

export function ElderModal({ file, today, onClose, onSaved }: { file: ElderFile | null; today: string; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const villages = useEldersVillages({});
  const form = useForm<ElderFormValues>({
    initialValues: file ? valuesOf(file) : emptyValues(today),
    validate: (v) => {
      const errors = zodValidate(ElderInput)(inputOf(v, file?.id));
      if (!v.villageId) errors.villageId = t('elders.chooseVillage');
      return errors;
    },
  });
  const save = useEldersSave({
    successMessage: t('app.saved'),
    onSuccess: (done) => (onSaved?.(done.id), onClose()),
    onFieldError: (f, m) => (form.setFieldError(f, m), true),
  });
  const v = form.values;
  const parsed = v.idNumber.trim() ? parseIdNumber(v.idNumber.trim(), today) : null;
  const age = parsed?.ok ? ageOn(parsed.info.birthDate, today) : !parsed && file ? file.age : null;
  const idDescription = parsed?.ok
    ? t('elders.idDerived', { sex: t(`enums.sex.${parsed.info.sex}`), birth: parsed.info.birthDate, age: ageOn(parsed.info.birthDate, today) })
    : file
      ? t('elders.idNumberKeep', { masked: file.idNumberMasked })
      : t('elders.idHint');
  // A retired village stays selectable only for the elder already in it.
  const villageOptions = (villages.data ?? []).map((x) => ({ value: x.id, label: x.name }));
  if (file && !villageOptions.some((o) => o.value === file.villageId)) villageOptions.push({ value: file.villageId, label: file.village });
  return (
    <Modal opened onClose={onClose} title={file ? t('elders.editTitle', { name: file.name }) : t('elders.addTitle')} size="xl">
      <form onSubmit={form.onSubmit((values) => save.mutate(inputOf(values, file?.id)))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('elders.name')} withAsterisk {...form.getInputProps('name')} />
            <TextInput
              label={t('elders.idNumber')}
              withAsterisk={!file}
              maxLength={18}
              placeholder={file?.idNumberMasked}
              description={idDescription}
              {...form.getInputProps('idNumber')}
            />
            <Select label={t('elders.villageOf')} withAsterisk allowDeselect={false} nothingFoundMessage={t('elders.noVillages')} data={villageOptions} {...form.getInputProps('villageId')} />
            <TextInput label={t('elders.address')} {...form.getInputProps('address')} />
            <TextInput label={t('elders.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <Select
              label={t('elders.household')}
              clearable
              placeholder={t('elders.householdUnknown')}
              data={HOUSEHOLDS.map((h) => ({ value: h, label: t(`enums.household.${h}`) }))}
              {...form.getInputProps('household')}
            />
          </SimpleGrid>
          <Checkbox.Group label={t('elders.categories')} description={age !== null && age >= OVER_80_AGE ? t('elders.over80Yes', { age }) : t('elders.over80')} {...form.getInputProps('categories')}>
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} mt="xs" spacing="xs">
              {ELDER_CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`enums.elderGroup.${c}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Checkbox.Group label={t('elders.incomeSources')} {...form.getInputProps('incomeSources')}>
            <SimpleGrid cols={{ base: 2, sm: 3 }} mt="xs" spacing="xs">
              {INCOME_SOURCES.map((c) => (
                <Checkbox key={c} value={c} label={t(`enums.incomeSource.${c}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('elders.chronicDiseases')} placeholder={t('elders.chronicHint')} {...form.getInputProps('chronicDiseases')} />
            <TextInput label={t('elders.disability')} placeholder={t('elders.disabilityHint')} {...form.getInputProps('disability')} />
            <Select label={t('elders.carer')} clearable placeholder={t('elders.carerUnknown')} data={CARERS.map((c) => ({ value: c, label: t(`enums.carer.${c}`) }))} {...form.getInputProps('carer')} />
            <Checkbox mt={{ sm: 'xl' }} label={t('elders.criticalIllness')} {...form.getInputProps('criticalIllness', { type: 'checkbox' })} />
          </SimpleGrid>
          <Divider />
          <Title order={3} size="h5">
            {t('elders.contact')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('elders.contactName')} {...form.getInputProps('contactName')} />
            <TextInput label={t('elders.contactRelation')} placeholder={t('elders.contactRelationHint')} {...form.getInputProps('contactRelation')} />
            <TextInput label={t('elders.contactPhone')} inputMode="tel" {...form.getInputProps('contactPhone')} />
          </SimpleGrid>
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput label={t('elders.registeredOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('registeredOn')} />
          </SimpleGrid>
          <Textarea label={t('elders.note')} autosize minRows={2} {...form.getInputProps('note')} />
          {Object.keys(form.errors).length > 0 && (
            <Text c="red.9" role="alert">
              {Object.values(form.errors)[0]}
            </Text>
          )}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
