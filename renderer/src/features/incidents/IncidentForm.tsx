// 登记意外事件: who, what, when, where, how bad, what was done; serious ones need the family told (who, when).
// The time starts at the server's clock (a tablet's own clock may be off) and the place at the resident's room.
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReportIncidentInput } from '@shared/api/incidents';
import { INCIDENT_TYPES, SEVERITIES, SEVERITIES_NEEDING_FAMILY } from '@shared/domain/care/vocab';
import { MEDICATION_ERROR_KINDS } from '@shared/domain/medication/vocab';
import { zodValidate } from '../../api/zod-form';
import { DATE_TIME_FORMAT, fromPickerValue, newRequestId, toPickerValue } from '../../components/time';
import { ResidentPicker } from '../residents/ResidentPicker';
import { Choices } from '../care/editors';
import { useIncidentsReport } from './queries';
import { fetchSystemInfo } from '../../shell/queries';

interface Values {
  residentId: string | null;
  type: (typeof INCIDENT_TYPES)[number] | null;
  occurredAt: string;
  place: string;
  severity: (typeof SEVERITIES)[number] | null;
  description: string;
  actionTaken: string;
  familyNotified: boolean;
  notifiedWho: string;
  notifiedAt: string;
  hospitalTransfer: boolean;
  hospital: string;
  medicationError: (typeof MEDICATION_ERROR_KINDS)[number] | null;
  doseId: string | null;
}

const toInput = (v: Values, requestId: string) => ({
  ...v,
  requestId,
  occurredAt: v.occurredAt ? fromPickerValue(v.occurredAt) : '',
  notifiedAt: v.familyNotified && v.notifiedAt ? fromPickerValue(v.notifiedAt) : null,
  medicationError: v.type === 'medication_error' ? v.medicationError : null,
  doseId: v.type === 'medication_error' ? v.doseId : null,
});

/** Mantine's picker wants 'YYYY-MM-DD HH:mm:ss'. */
const pickerProps = { size: 'lg' as const, valueFormat: DATE_TIME_FORMAT, withSeconds: false, timePickerProps: { format: '24h' as const } };

/**
 * `residents` limits the choice (the caregiver's area) and knows each one's room; without it any current resident can be
 * picked. `medicationDose` starts a 用药差错 from a dose of the round (resident, type and the dose filled in).
 */
export function IncidentModal({ residents, onClose, medicationDose }: { residents?: { value: string; label: string; place?: string }[]; onClose: () => void; medicationDose?: { residentId: string; doseId: string; text: string } }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const form = useForm<Values>({
    initialValues: {
      residentId: medicationDose?.residentId ?? null,
      type: medicationDose ? 'medication_error' : null,
      occurredAt: '',
      place: '',
      severity: null,
      description: '',
      actionTaken: '',
      familyNotified: false,
      notifiedWho: '',
      notifiedAt: '',
      hospitalTransfer: false,
      hospital: '',
      medicationError: null,
      doseId: medicationDose?.doseId ?? null,
    },
    validate: (v) => zodValidate(ReportIncidentInput)(toInput(v, requestId)),
  });
  // "Now" is the server's: asked once when the form opens. It fills only a time still empty when the answer comes (a
  // time typed meanwhile is kept); if the server cannot be asked, the field says so instead of staying silently empty.
  useEffect(() => {
    fetchSystemInfo()
      .then((info) => {
        const now = toPickerValue(info.now);
        const current = form.getValues();
        if (!current.occurredAt) form.setFieldValue('occurredAt', now);
        if (!current.notifiedAt) form.setFieldValue('notifiedAt', now);
      })
      .catch(() => {
        if (!form.getValues().occurredAt) form.setFieldError('occurredAt', t('incidents.nowUnknown'));
      });
    // Once, on opening.
  }, []);
  const chooseResident = (id: string | null) => {
    form.setFieldValue('residentId', id);
    const place = residents?.find((r) => r.value === id)?.place;
    // The room is a starting point: a place the caregiver already typed is kept.
    if (place && !form.values.place) form.setFieldValue('place', place);
  };
  const report = useIncidentsReport({ successMessage: t('incidents.saved'), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const v = form.values;
  const serious = v.severity !== null && SEVERITIES_NEEDING_FAMILY.includes(v.severity);
  return (
    <Modal opened onClose={onClose} title={t('incidents.report')} size="xl">
      <form onSubmit={form.onSubmit((values) => report.mutate(toInput(values, requestId) as Parameters<typeof report.mutate>[0]))} noValidate>
        <Stack>
          {residents ? (
            <Select size="lg" label={t('incidents.resident')} withAsterisk searchable data={residents} {...form.getInputProps('residentId')} onChange={chooseResident} />
          ) : (
            <ResidentPicker label={t('incidents.resident')} value={v.residentId} onChange={(id) => form.setFieldValue('residentId', id)} error={form.errors.residentId as string | undefined} />
          )}
          <Choices group="incidentType" options={INCIDENT_TYPES} value={v.type} onChange={(x) => form.setFieldValue('type', x)} label={t('incidents.type')} />
          {form.errors.type && <Text c="red.9">{form.errors.type}</Text>}
          {v.type === 'medication_error' && (
            <>
              <Choices group="medicationError" options={MEDICATION_ERROR_KINDS} value={v.medicationError} onChange={(x) => form.setFieldValue('medicationError', x)} label={t('medication.round.errorKind')} />
              {form.errors.medicationError && <Text c="red.9">{form.errors.medicationError}</Text>}
              {medicationDose && v.doseId && <Text>{t('medication.round.errorDose', { text: medicationDose.text })}</Text>}
            </>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimePicker {...pickerProps} label={t('incidents.occurredAt')} description={t('night.serverTimeHint')} withAsterisk {...form.getInputProps('occurredAt')} data-testid="incident-time" />
            <TextInput size="lg" label={t('incidents.place')} withAsterisk placeholder="如：101室床边、走廊、餐厅" {...form.getInputProps('place')} />
          </SimpleGrid>
          <Choices group="severity" options={SEVERITIES} value={v.severity} onChange={(x) => form.setFieldValue('severity', x)} label={t('incidents.severity')} />
          {form.errors.severity && <Text c="red.9">{form.errors.severity}</Text>}
          <Textarea size="lg" autosize minRows={2} label={t('incidents.description')} withAsterisk {...form.getInputProps('description')} />
          <Textarea size="lg" autosize minRows={2} label={t('incidents.actionTaken')} withAsterisk {...form.getInputProps('actionTaken')} />
          <Checkbox size="lg" label={t('incidents.familyNotified')} description={serious ? t('incidents.familyRequired') : undefined} {...form.getInputProps('familyNotified', { type: 'checkbox' })} />
          {v.familyNotified && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput size="lg" label={t('incidents.notifiedWho')} withAsterisk placeholder="如：侄子张小明" {...form.getInputProps('notifiedWho')} />
              <DateTimePicker {...pickerProps} label={t('incidents.notifiedAt')} withAsterisk {...form.getInputProps('notifiedAt')} />
            </SimpleGrid>
          )}
          <Checkbox size="lg" label={t('incidents.hospitalTransfer')} {...form.getInputProps('hospitalTransfer', { type: 'checkbox' })} />
          {v.hospitalTransfer && <TextInput size="lg" label={t('incidents.hospital')} withAsterisk {...form.getInputProps('hospital')} />}
          <Group>
            <Button type="submit" size="xl" color="red.9" loading={report.isPending}>
              {t('incidents.save')}
            </Button>
            <Button size="xl" variant="subtle" onClick={onClose}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
