// Editing a resident's file (person, contacts, photo): the form in a modal, the ID number shown in full to those who edit.
import { Button, Group, Modal } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { type ResidentFile, UpdatePersonInput } from '@shared/api/residents';
import { zodValidate } from '../../api/zod-form';
import { PersonFields, type PersonValues } from './PersonFields';
import { useResidentsUpdate } from './queries';

export function EditModal({ file, idNumber, today, onClose }: { file: ResidentFile; idNumber: string; today: string; onClose: () => void }) {
  const { t } = useTranslation();
  const person: PersonValues = {
    name: file.name,
    idNumber,
    ethnicity: file.ethnicity,
    householdAddress: file.householdAddress,
    village: file.village,
    primaryCategory: file.primaryCategory,
    tags: file.tags,
    tekunCertNo: file.tekunCertNo,
    hukou: file.hukou,
    // Only editors open this form, and they get the numbers in full; the view's phoneHidden flag is not sent back.
    contacts: file.contacts.map((c) => ({ name: c.name, relation: c.relation, phone: c.phone, isGuardian: c.isGuardian, isEmergency: c.isEmergency })),
    allergies: file.allergies,
    chronicConditions: file.chronicConditions,
    dietType: file.dietType,
    photo: file.photo,
    note: file.note,
  };
  const form = useForm({ initialValues: { id: file.id, person }, validate: zodValidate(UpdatePersonInput) });
  const save = useResidentsUpdate({ onSuccess: onClose, successMessage: t('app.saved'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} title={t('file.actions.edit')} size="90%">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <PersonFields form={form as never} today={today} />
        <Group justify="end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
