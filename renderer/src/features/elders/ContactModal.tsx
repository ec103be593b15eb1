// 联系人登记: the village contact person who looks in on the elder — part of the register's entry, saved with the rest of
// the elder's details as they are on file.
import { Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ElderFile } from '@shared/api/elders';
import { inputOf, valuesOf } from './elder-form';
import { useEldersSave } from './queries';
import { ModalButtons } from '../../components/ModalButtons';

export function ContactModal({ file, onClose }: { file: ElderFile; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { contactName: file.contactName, contactRelation: file.contactRelation, contactPhone: file.contactPhone } });
  const save = useEldersSave({ successMessage: t('app.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <Modal opened onClose={onClose} title={t('elders.editContact')} size="lg">
      <form onSubmit={form.onSubmit((v) => save.mutate(inputOf({ ...valuesOf(file), ...v }, file.id)))} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('elders.contactName')} {...form.getInputProps('contactName')} />
            <TextInput label={t('elders.contactRelation')} placeholder={t('elders.contactRelationHint')} {...form.getInputProps('contactRelation')} />
            <TextInput label={t('elders.contactPhone')} inputMode="tel" {...form.getInputProps('contactPhone')} />
          </SimpleGrid>
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
