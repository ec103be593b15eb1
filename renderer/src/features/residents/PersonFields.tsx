// The person part of a resident's file: identity (sex and birth date read from the ID number), category, contacts, care notes.
import { Button, Card, Checkbox, FileButton, Group, Image, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { HUKOU_TYPES, type PersonInput } from '@shared/api/residents';
import { ageOn } from '@shared/domain/dates';
import { DIET_TYPES, RESIDENT_CATEGORIES, RESIDENT_TAGS } from '@shared/domain/enums';
import { ETHNICITIES } from '@shared/domain/ethnicities';
import { ID_NUMBER_MESSAGES, computeCheckChar, parseIdNumber } from '@shared/domain/id-number';
import { shrinkPhoto } from './photo';

export type PersonValues = Required<Omit<PersonInput, 'contacts'>> & { contacts: Required<NonNullable<PersonInput['contacts']>[number]>[] };

export function emptyPerson(): PersonValues {
  return {
    name: '',
    idNumber: '',
    ethnicity: '汉族',
    householdAddress: '',
    village: '',
    primaryCategory: 'tekun_concentrated',
    tags: [],
    tekunCertNo: '',
    hukou: null,
    contacts: [{ name: '', relation: '', phone: '', isGuardian: true, isEmergency: true }],
    allergies: '',
    chronicConditions: '',
    dietType: 'regular',
    photo: null,
    note: '',
  };
}

// The form holds { person: PersonValues, … }; field paths match the API's ('person.idNumber').
type FormWithPerson = UseFormReturnType<{ person: PersonValues } & Record<string, unknown>>;

/**
 * What is wrong with an ID number, said while typing as soon as all 18 characters are in (not only on saving): a wrong
 * check digit is named together with the digit that would be right. Null while shorter, or when the number is good.
 */
function liveIdProblem(raw: string, today: string, checkDigitMessage: (expected: string) => string): string | null {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return null;
  const parsed = parseIdNumber(value, today);
  if (parsed.ok) return null;
  return parsed.problem === 'checkDigit' ? checkDigitMessage(computeCheckChar(value.slice(0, 17))) : ID_NUMBER_MESSAGES[parsed.problem];
}

export function PersonFields({ form, today }: { form: FormWithPerson; today: string }) {
  const { t } = useTranslation();
  const person = form.values.person;
  const parsed = parseIdNumber(person.idNumber, today);
  const idInput = form.getInputProps('person.idNumber');
  const idProblem = liveIdProblem(person.idNumber, today, (expected) => t('pickers.idCheckDigit', { expected }));
  const contacts = person.contacts;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={t('residents.name')} withAsterisk {...form.getInputProps('person.name')} />
        <TextInput
          label={t('residents.idNumber')}
          withAsterisk
          description={parsed.ok ? t('admit.derived', { sex: t(`enums.sex.${parsed.info.sex}`), birth: parsed.info.birthDate, age: ageOn(parsed.info.birthDate, today) }) : t('admit.idHint')}
          maxLength={18}
          {...idInput}
          error={idInput.error ?? idProblem}
        />
        <Select label={t('file.ethnicity')} searchable allowDeselect={false} data={[...ETHNICITIES]} {...form.getInputProps('person.ethnicity')} />
        <Select
          label={t('residents.category')}
          withAsterisk
          allowDeselect={false}
          data={RESIDENT_CATEGORIES.map((v) => ({ value: v, label: t(`enums.category.${v}`) }))}
          {...form.getInputProps('person.primaryCategory')}
        />
        <MultiSelect
          label={t('file.tags')}
          data={RESIDENT_TAGS.map((v) => ({ value: v, label: t(`enums.tag.${v}`) }))}
          {...form.getInputProps('person.tags')}
        />
        <TextInput label={t('file.tekunCertNo')} {...form.getInputProps('person.tekunCertNo')} />
        <Select
          label={t('file.hukou')}
          placeholder={t('file.hukouUnknown')}
          clearable
          data={HUKOU_TYPES.map((v) => ({ value: v, label: t(`enums.hukou.${v}`) }))}
          {...form.getInputProps('person.hukou')}
        />
        <TextInput label={t('file.householdAddress')} {...form.getInputProps('person.householdAddress')} />
        <TextInput label={t('file.village')} {...form.getInputProps('person.village')} />
        <Select
          label={t('file.dietType')}
          allowDeselect={false}
          data={DIET_TYPES.map((v) => ({ value: v, label: t(`enums.diet.${v}`) }))}
          {...form.getInputProps('person.dietType')}
        />
        <TextInput label={t('file.allergies')} placeholder="如：青霉素；无则不填" {...form.getInputProps('person.allergies')} />
        <TextInput label={t('file.chronicConditions')} placeholder="如：高血压、糖尿病" {...form.getInputProps('person.chronicConditions')} />
        <Group align="end">
          {person.photo && <Image src={person.photo} alt={t('file.photo')} w={64} h={64} radius="sm" />}
          <FileButton accept="image/png,image/jpeg" onChange={(file) => file && void shrinkPhoto(file).then((url) => form.setFieldValue('person.photo', url))}>
            {(props) => (
              <Button variant="outline" {...props}>
                {t('file.photoPick')}
              </Button>
            )}
          </FileButton>
          {person.photo && (
            <Button variant="subtle" color="red.9" onClick={() => form.setFieldValue('person.photo', null)}>
              {t('file.photoRemove')}
            </Button>
          )}
        </Group>
      </SimpleGrid>
      <Textarea label={t('file.note')} autosize minRows={1} {...form.getInputProps('person.note')} />
      <Card withBorder padding="sm">
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            {t('file.contacts')}
          </Title>
          <Button
            variant="outline"
            onClick={() => form.insertListItem('person.contacts', { name: '', relation: '', phone: '', isGuardian: false, isEmergency: true })}
          >
            {t('file.addContact')}
          </Button>
        </Group>
        {contacts.length === 0 && <Text c="dark.6">{t('file.contactsEmpty')}</Text>}
        <Stack gap="xs">
          {contacts.map((_, i) => (
            <Group key={i} align="end" wrap="wrap">
              <TextInput label={t('file.contactName')} {...form.getInputProps(`person.contacts.${i}.name`)} />
              <TextInput label={t('file.relation')} w={120} placeholder="如：儿子" {...form.getInputProps(`person.contacts.${i}.relation`)} />
              <TextInput label={t('file.phone')} w={170} inputMode="tel" {...form.getInputProps(`person.contacts.${i}.phone`)} />
              <Checkbox label={t('file.isGuardian')} {...form.getInputProps(`person.contacts.${i}.isGuardian`, { type: 'checkbox' })} />
              <Checkbox label={t('file.isEmergency')} {...form.getInputProps(`person.contacts.${i}.isEmergency`, { type: 'checkbox' })} />
              <Button variant="subtle" color="red.9" onClick={() => form.removeListItem('person.contacts', i)}>
                {t('file.removeContact')}
              </Button>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
