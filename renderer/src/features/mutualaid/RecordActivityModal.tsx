// 登记互助活动 in a few taps: the helper (already chosen when opened from a pair), the elder — one of the helper's
// pairs, another elder on the register, or none — the kind, the day (today), the hours (a tap on 1 小时 …), and save.
// What the time bank credited is said after saving, with the sentence when a cap held some back.
import { Button, Chip, Group, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pointsText } from '@shared/api/mutualaid';
import { AID_ACTIVITY_KINDS, type AidActivityKind } from '@shared/domain/mutualaid/vocab';
import { notifySuccess } from '../../components/notify';
import { type ElderChoice, ElderPicker } from '../visits/marks';
import { HelperSelect } from './parts';
import { useAidPairs, useAidRecord } from './queries';

export interface ActivityPreset {
  helperId: string;
  pairId?: string;
}

const QUICK_HOURS = [0.5, 1, 1.5, 2, 3];
const NO_ELDER = 'none';
const OTHER_ELDER = 'other';

export function RecordActivityModal({ today, preset, onClose }: { today: string; preset?: ActivityPreset; onClose: () => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(() => crypto.randomUUID());
  const [helperId, setHelperId] = useState<string | null>(preset?.helperId ?? null);
  /** A pair's id, NO_ELDER or OTHER_ELDER. */
  const [whom, setWhom] = useState<string>(preset?.pairId ?? NO_ELDER);
  const [elder, setElder] = useState<ElderChoice | null>(null);
  const [kind, setKind] = useState<AidActivityKind>('company');
  const [doneOn, setDoneOn] = useState(today);
  const [hours, setHours] = useState<number | string>(1);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pairs = useAidPairs({ status: 'open' });
  const mine = (pairs.data ?? []).filter((p) => p.helperId === helperId);
  const record = useAidRecord({
    onFieldError: (f, m) => (setErrors({ [f]: m }), ['helperId', 'elderId', 'pairId', 'doneOn', 'minutes', 'note', 'kind'].includes(f)),
    onSuccess: (r) => {
      if (r.notice) notifications.show({ color: 'orange.9', title: t('mutualaid.activity.saved'), message: r.notice, autoClose: 15_000, closeButtonProps: { 'aria-label': '关闭提示' } });
      else notifySuccess(t('mutualaid.activity.savedPoints', { points: pointsText(r.creditedTenths) }));
      onClose();
    },
  });
  const submit = () => {
    const h = typeof hours === 'number' ? hours : Number.parseFloat(hours);
    const pair = mine.find((p) => p.id === whom);
    record.mutate({
      requestId,
      helperId: helperId ?? '',
      pairId: pair ? pair.id : null,
      elderId: pair ? pair.elderId : whom === OTHER_ELDER ? (elder?.id ?? null) : null,
      kind,
      doneOn,
      minutes: Number.isFinite(h) ? Math.round(h * 60) : 0,
      note,
    });
  };
  return (
    <Modal opened onClose={onClose} size="lg" title={t('mutualaid.activity.title')}>
      <Stack>
        <HelperSelect label={t('mutualaid.helper')} withAsterisk value={helperId} onChange={(h) => (setHelperId(h?.id ?? null), setWhom(NO_ELDER))} error={errors.helperId} {...(preset ? {} : { 'data-autofocus': true })} />
        {helperId && (
          <div role="group" aria-label={t('mutualaid.activity.whom')}>
            <Text fw={700} mb={4}>
              {t('mutualaid.activity.whom')}
            </Text>
            <Chip.Group value={whom} onChange={(v) => setWhom(v as string)}>
              <Group gap="xs">
                {mine.map((p) => (
                  <Chip key={p.id} value={p.id} size="lg">
                    {t('mutualaid.activity.pairChip', { elder: p.elder })}
                  </Chip>
                ))}
                <Chip value={OTHER_ELDER} size="lg">
                  {t('mutualaid.activity.otherElder')}
                </Chip>
                <Chip value={NO_ELDER} size="lg">
                  {t('mutualaid.activity.noElder')}
                </Chip>
              </Group>
            </Chip.Group>
          </div>
        )}
        {whom === OTHER_ELDER && <ElderPicker size="lg" label={t('mutualaid.elder')} value={elder} onChange={setElder} error={errors.elderId ?? errors.pairId} />}
        {whom !== OTHER_ELDER && (errors.elderId || errors.pairId) && <Text c="danger">{errors.elderId ?? errors.pairId}</Text>}
        <div role="group" aria-label={t('mutualaid.activity.kind')}>
          <Text fw={700} mb={4}>
            {t('mutualaid.activity.kind')}
          </Text>
          <SegmentedControl fullWidth size="lg" value={kind} onChange={(k) => setKind(k as AidActivityKind)} data={AID_ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`enums.aidActivityKind.${k}`) }))} />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput size="lg" label={t('mutualaid.activity.doneOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={doneOn} onChange={(v) => v && setDoneOn(v)} error={errors.doneOn} />
          <NumberInput size="lg" label={t('mutualaid.activity.hours')} withAsterisk decimalScale={2} min={0} step={0.5} value={hours} onChange={setHours} error={errors.minutes} />
        </SimpleGrid>
        <Group gap="xs" aria-label={t('mutualaid.activity.quickHours')}>
          {QUICK_HOURS.map((h) => (
            <Button key={h} size="md" variant={hours === h ? 'filled' : 'default'} onClick={() => setHours(h)}>
              {t('mutualaid.hoursUnit', { hours: h })}
            </Button>
          ))}
        </Group>
        <TextInput size="lg" label={t('mutualaid.activity.note')} placeholder={t('mutualaid.activity.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Button size="xl" loading={record.isPending} onClick={submit}>
          {t('app.save')}
        </Button>
      </Stack>
    </Modal>
  );
}
