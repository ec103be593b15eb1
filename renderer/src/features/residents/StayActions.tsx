// The stay actions on a resident's file: transfer, leave, hospital, return, discharge. Each is one small form.
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DischargeInput, EndLeaveInput, StartLeaveInput, TransferInput } from '@shared/api/residents';
import { DISCHARGE_REASONS } from '@shared/domain/enums';
import { zodValidate } from '../../api/zod-form';
import { useFreeBeds } from './useFreeBeds';
import { useResidentsDischarge, useResidentsEndLeave, useResidentsStartLeave, useResidentsTransfer } from './queries';

export type StayAction = 'transfer' | 'leave' | 'hospital' | 'return' | 'discharge';

interface Props {
  action: StayAction;
  residentId: string;
  today: string;
  onClose: () => void;
}

function Buttons({ onClose, pending, label }: { onClose: () => void; pending: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="end" mt="md">
      <Button variant="default" onClick={onClose}>
        {t('app.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {label}
      </Button>
    </Group>
  );
}

function TransferForm({ residentId, today, onClose }: Omit<Props, 'action'>) {
  const { t } = useTranslation();
  const beds = useFreeBeds();
  const form = useForm({ initialValues: { residentId, date: today, toBedId: '', note: '' }, validate: zodValidate(TransferInput) });
  const save = useResidentsTransfer({ onSuccess: onClose, successMessage: t('stays.done'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Select label={t('stays.toBed')} withAsterisk searchable data={beds.options} nothingFoundMessage={t('admit.noFreeBeds')} {...form.getInputProps('toBedId')} />
        <DateInput label={t('stays.date')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('date')} />
        <Textarea label={t('stays.note')} {...form.getInputProps('note')} />
        <Buttons onClose={onClose} pending={save.isPending} label={t('file.actions.transfer')} />
      </Stack>
    </form>
  );
}

function LeaveForm({ residentId, today, onClose, kind }: Omit<Props, 'action'> & { kind: 'leave' | 'hospital' }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { residentId, kind, startDate: today, expectedReturn: null as string | null, note: '' },
    validate: zodValidate(StartLeaveInput),
  });
  const save = useResidentsStartLeave({ onSuccess: onClose, successMessage: t('stays.done'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <DateInput label={kind === 'leave' ? t('stays.leaveStart') : t('stays.hospitalStart')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('startDate')} />
        <DateInput label={t('stays.expectedReturn')} withAsterisk={kind === 'leave'} clearable valueFormat="YYYY-MM-DD" {...form.getInputProps('expectedReturn')} />
        <Textarea label={t('stays.destination')} placeholder={kind === 'leave' ? '如：回家过节' : '如：县人民医院'} {...form.getInputProps('note')} />
        <Buttons onClose={onClose} pending={save.isPending} label={kind === 'leave' ? t('file.actions.leave') : t('file.actions.hospital')} />
      </Stack>
    </form>
  );
}

function ReturnForm({ residentId, today, onClose }: Omit<Props, 'action'>) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { residentId, returnDate: today }, validate: zodValidate(EndLeaveInput) });
  const save = useResidentsEndLeave({ onSuccess: onClose, successMessage: t('stays.done'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <DateInput label={t('stays.returnDate')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('returnDate')} />
        <Buttons onClose={onClose} pending={save.isPending} label={t('file.actions.return')} />
      </Stack>
    </form>
  );
}

function DischargeForm({ residentId, today, onClose }: Omit<Props, 'action'>) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { residentId, date: today, reason: '' as (typeof DISCHARGE_REASONS)[number], note: '' },
    validate: zodValidate(DischargeInput),
  });
  const save = useResidentsDischarge({ onSuccess: onClose, successMessage: t('stays.done'), onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Alert color="orange">{t('stays.dischargeWarning')}</Alert>
        <DateInput label={t('stays.dischargeDate')} withAsterisk valueFormat="YYYY-MM-DD" maxDate={today} {...form.getInputProps('date')} />
        <Select
          label={t('stays.reason')}
          withAsterisk
          data={DISCHARGE_REASONS.map((v) => ({ value: v, label: t(`enums.dischargeReason.${v}`) }))}
          {...form.getInputProps('reason')}
        />
        <Textarea label={t('stays.note')} {...form.getInputProps('note')} />
        <Buttons onClose={onClose} pending={save.isPending} label={t('file.actions.discharge')} />
      </Stack>
    </form>
  );
}

const TITLES: Record<StayAction, 'stays.transferTitle' | 'stays.leaveTitle' | 'stays.hospitalTitle' | 'stays.returnTitle' | 'stays.dischargeTitle'> = {
  transfer: 'stays.transferTitle',
  leave: 'stays.leaveTitle',
  hospital: 'stays.hospitalTitle',
  return: 'stays.returnTitle',
  discharge: 'stays.dischargeTitle',
};

export function StayActionModal({ action, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={t(TITLES[action])} size="lg">
      {action === 'transfer' && <TransferForm {...props} />}
      {(action === 'leave' || action === 'hospital') && <LeaveForm {...props} kind={action} />}
      {action === 'return' && <ReturnForm {...props} />}
      {action === 'discharge' && <DischargeForm {...props} />}
    </Modal>
  );
}
