// 月度健康 of one resident and month: weight and blood pressure (started from the month's latest readings in the care
// log, said where they come from), skin, appetite, mood and a note. Saving again updates the month's entry.
import { Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { MonthlyList } from '@shared/api/health-file';
import { MOOD_STATES, SKIN_STATES } from '@shared/domain/care/vocab';
import { enumLabel } from '@shared/domain/enum-labels';
import { APPETITES } from '@shared/domain/health/vocab';
import { ModalButtons } from '../../../components/ModalButtons';
import { dateTime } from '../../../components/time';
import { useHealthSaveMonthly } from './queries';

type Row = MonthlyList['rows'][number];
const num = (v: number | string) => (v === '' ? null : Number(v));

export function MonthlyModal({ month, row, onClose }: { month: string; row: Row; onClose: () => void }) {
  const { t } = useTranslation();
  const e = row.entry;
  const form = useForm({
    initialValues: {
      weightKg: (e?.weightKg ?? row.vitals.weightKg ?? '') as number | string,
      systolic: (e?.systolic ?? row.vitals.systolic ?? '') as number | string,
      diastolic: (e?.diastolic ?? row.vitals.diastolic ?? '') as number | string,
      skin: e?.skin ?? 'intact',
      appetite: e?.appetite ?? 'good',
      mood: e?.mood ?? 'calm',
      note: e?.note ?? '',
    },
  });
  const save = useHealthSaveMonthly({ successMessage: t('health.file.monthly.saved', { name: row.name }), onSuccess: onClose, onFieldError: (f, m) => (form.setFieldError(f, m), true) });
  const fromVitals = e === null && (row.vitals.weightAt !== null || row.vitals.bpAt !== null);
  return (
    <Modal opened onClose={onClose} size="xl" title={t('health.file.monthly.formTitle', { name: row.name, month })}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => save.mutate({ ...v, residentId: row.residentId, month, weightKg: num(v.weightKg), systolic: num(v.systolic), diastolic: num(v.diastolic) }))}
      >
        <Stack>
          {fromVitals && (
            <Text c="dimmed" data-testid="monthly-prefill">
              {t('health.file.monthly.prefilled', {
                weight: row.vitals.weightAt ? dateTime(row.vitals.weightAt) : '—',
                bp: row.vitals.bpAt ? dateTime(row.vitals.bpAt) : '—',
              })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput size="lg" label={t('health.file.monthly.weight')} decimalScale={1} min={10} max={250} {...form.getInputProps('weightKg')} />
            <NumberInput size="lg" label={t('health.file.monthly.systolic')} allowDecimal={false} min={50} max={260} {...form.getInputProps('systolic')} />
            <NumberInput size="lg" label={t('health.file.monthly.diastolic')} allowDecimal={false} min={30} max={160} {...form.getInputProps('diastolic')} />
          </SimpleGrid>
          {(
            [
              ['skin', SKIN_STATES],
              ['appetite', APPETITES],
              ['mood', MOOD_STATES],
            ] as const
          ).map(([field, values]) => (
            <Group key={field} align="center">
              <Text fw={700} w={60}>
                {t(`health.file.monthly.${field}`)}
              </Text>
              <SegmentedControl size="md" data={values.map((v) => ({ value: v, label: enumLabel(field, v) }))} {...form.getInputProps(field)} />
            </Group>
          ))}
          <Textarea size="md" autosize minRows={2} label={t('health.file.monthly.note')} {...form.getInputProps('note')} />
          <ModalButtons pending={save.isPending} onClose={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
