// 登记体检: the resident, the day, who did it, the main results, anything abnormal and its follow-up, and the paper
// report as a photo (shrunk) or a PDF (at most 2 MB). A check-up is never changed afterwards: it is voided and
// recorded again.
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalButtons } from '../../../components/ModalButtons';
import { newRequestId } from '../../../components/time';
import { ResidentPicker } from '../../residents/ResidentPicker';
import { shrinkPhoto } from '../../residents/photo';
import { useHealthRecordCheckup } from './queries';

const PDF_MAX_BYTES = 2 * 1024 * 1024;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function CheckupModal({ today, residentId, onClose }: { today: string; residentId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      residentId: residentId ?? (null as string | null),
      checkedOn: today as string | null,
      institution: '',
      results: '',
      abnormal: '',
      followUp: '',
      attachment: null as string | null,
      attachmentName: '',
    },
  });
  const save = useHealthRecordCheckup({ successMessage: t('health.file.checkup.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const pick = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    if (file.type === 'application/pdf') {
      if (file.size > PDF_MAX_BYTES) return setFileError(t('health.file.checkup.pdfTooLarge'));
      form.setValues({ attachment: await readDataUrl(file), attachmentName: file.name });
    } else if (file.type.startsWith('image/')) {
      form.setValues({ attachment: await shrinkPhoto(file, 1600), attachmentName: file.name });
    } else setFileError(t('health.file.checkup.wrongFile'));
  };
  const v = form.values;
  return (
    <Modal opened onClose={onClose} size="xl" title={t('health.file.checkup.add')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => save.mutate({ ...values, requestId, residentId: values.residentId ?? '', checkedOn: values.checkedOn ?? '' }))}
      >
        <Stack>
          {residentId === undefined && <ResidentPicker label={t('health.file.resident')} value={v.residentId} onChange={(id) => form.setFieldValue('residentId', id)} error={form.errors.residentId as string | undefined} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput size="lg" label={t('health.file.checkup.checkedOn')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('checkedOn')} />
            <TextInput size="lg" label={t('health.file.checkup.institution')} withAsterisk placeholder={t('health.file.checkup.institutionHint')} {...form.getInputProps('institution')} />
          </SimpleGrid>
          <Textarea size="md" autosize minRows={3} label={t('health.file.checkup.results')} withAsterisk placeholder={t('health.file.checkup.resultsHint')} {...form.getInputProps('results')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea size="md" autosize minRows={2} label={t('health.file.checkup.abnormal')} placeholder={t('health.file.checkup.abnormalHint')} {...form.getInputProps('abnormal')} />
            <Textarea size="md" autosize minRows={2} label={t('health.file.checkup.followUp')} withAsterisk={v.abnormal.trim() !== ''} placeholder={t('health.file.checkup.followUpHint')} {...form.getInputProps('followUp')} />
          </SimpleGrid>
          <Group>
            <Button component="label" variant="outline" size="lg">
              {v.attachment ? t('health.file.checkup.attachmentChange') : t('health.file.checkup.attachmentAdd')}
              <input type="file" accept="image/*,application/pdf" hidden data-testid="checkup-file" onChange={(e) => void pick(e.currentTarget.files?.[0])} />
            </Button>
            {v.attachment && (
              <>
                <Text>{v.attachmentName}</Text>
                <Button variant="subtle" onClick={() => form.setValues({ attachment: null, attachmentName: '' })}>
                  {t('health.file.checkup.attachmentRemove')}
                </Button>
              </>
            )}
          </Group>
          {(fileError ?? form.errors.attachment) && <Text c="danger">{fileError ?? form.errors.attachment}</Text>}
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
