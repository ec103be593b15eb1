// What the mutual-aid screens share: hours and points as people say them (1.5 小时, 2 分), the village filter, a
// reason dialog (end a pair, void an activity, cancel a 老年协会 activity), and the helper picker (active helpers, searchable).
import { Button, Modal, Select, type SelectProps, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsText } from '@shared/api/mutualaid';
import type { HelperRow } from '@shared/api/visits';
import { useEldersVillages } from '../elders/queries';
import { useAidHelpers } from './queries';

/** Minutes as hours: 90 → 1.5. */
export const hoursText = (minutes: number) => (minutes / 60).toFixed(2).replace(/\.?0+$/, '');
export { pointsText };

export function VillageFilter({ value, onChange, label }: { value: string | null; onChange: (id: string | null) => void; label?: string }) {
  const { t } = useTranslation();
  const villages = useEldersVillages({});
  return (
    <Select
      size="lg"
      label={label ?? t('mutualaid.village')}
      allowDeselect={false}
      value={value ?? ''}
      onChange={(v) => onChange(v ? v : null)}
      data={[{ value: '', label: t('mutualaid.allVillages') }, ...(villages.data ?? []).map((v) => ({ value: v.id, label: v.name }))]}
      w={{ base: '100%', xs: 200 }}
    />
  );
}

export function HelperSelect({ value, onChange, ...rest }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string | null; onChange: (h: HelperRow | null) => void }) {
  const { t } = useTranslation();
  const helpers = useAidHelpers();
  const rows = helpers.data ?? [];
  return (
    <Select
      searchable
      clearable
      size="lg"
      placeholder={t('mutualaid.helperSearch')}
      nothingFoundMessage={t('mutualaid.helperNone')}
      data={rows.map((h) => ({ value: h.id, label: `${h.name}（${t(`enums.helperKind.${h.kind}`)}${h.village ? `，${h.village}` : ''}）` }))}
      value={value}
      onChange={(id) => onChange(rows.find((h) => h.id === id) ?? null)}
      {...rest}
    />
  );
}

/** A dialog asking for a reason (and a day, when `withDate`): the action is refused without one. */
export function ReasonModal(p: {
  title: string;
  reasonLabel: string;
  confirm: string;
  pending: boolean;
  withDate?: { label: string; today: string; min?: string };
  error?: string;
  onSubmit: (reason: string, on: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const [on, setOn] = useState(p.withDate?.today ?? '');
  return (
    <Modal opened onClose={p.onClose} title={p.title} size="md">
      <Stack>
        {p.withDate && <DateInput size="lg" label={p.withDate.label} valueFormat="YYYY-MM-DD" minDate={p.withDate.min} maxDate={p.withDate.today} value={on} onChange={(v) => v && setOn(v)} />}
        <Textarea size="lg" autosize minRows={2} label={p.reasonLabel} withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={p.error} data-autofocus />
        <Button size="xl" color="danger" loading={p.pending} onClick={() => p.onSubmit(reason, on)}>
          {p.confirm}
        </Button>
      </Stack>
    </Modal>
  );
}
