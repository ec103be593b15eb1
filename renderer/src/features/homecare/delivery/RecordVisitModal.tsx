// Recording a visit done, made for the day's routine: opened from a planned visit, everything is prefilled from the plan
// (provider, worker, date, times, items with their quantities, and the number of the paper 服务确认单 printed for it),
// so a visit done as planned is: 登记服务 → (check the slip number) → 保存. Opened from an elder's file or the list, the
// elder (or nothing) is given and the rest is chosen. Each item shows what is left of the month's entitlement; going
// beyond it asks for the reason. The elder's confirmation: signed on the screen, a paper slip's number, or a family member.
import { PhotoPicker } from '../../../components/PhotoPicker';
import { Badge, Button, Card, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '@shared/api/contract';
import type { PlannedVisit, QuotaLine } from '@shared/api/homecare-delivery';
import type { ConfirmationKind, ServiceUnit } from '@shared/domain/homecare/vocab';
import { newRequestId } from '../../../components/time';
import { type ElderChoice, ElderPicker } from '../../visits/marks';
import { useHomecareElderMonth, useHomecareRecordChoices, useHomecareRecordVisit } from './queries';
import { SignaturePad } from './SignaturePad';

const SHOWN_FIELDS = /^(elderId|providerId|workerId|serviceOn|startTime|endTime|items(\.\d+\.quantity)?|overQuotaReason|confirmation(\.\w+)?|notes|photo)$/;

export function minutesOf(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return eh * 60 + em - (sh * 60 + sm);
}

/** A quantity in the item's unit: 90 → 1.5小时, 2 → 2次. */
export function quantityText(unit: ServiceUnit, q: number): string {
  if (unit === 'visit') return `${q}次`;
  const h = Math.round((q / 60) * 10) / 10;
  return `${h}小时`;
}

interface Draft {
  on: boolean;
  /** Typed by hand: no longer follows the times. */
  quantity: number | null;
}

export interface RecordVisitModalProps {
  today: string;
  /** From the day's schedule: all prefilled from the plan. */
  planned?: PlannedVisit;
  /** From an elder's file: the elder given, and an open plan of theirs to prefill from (optional; the visit is not tied to it). */
  elder?: ElderChoice;
  plan?: { providerId: string; workerId: string | null; startTime: string; minutes: number; itemIds: string[] };
  onClose: () => void;
}

export function RecordVisitModal({ today, planned, elder: givenElder, plan, onClose }: RecordVisitModalProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const choices = useHomecareRecordChoices();
  const [requestId] = useState(newRequestId);
  const given = planned ? { id: planned.elderId, name: planned.elder, village: planned.village } : givenElder;
  const [elder, setElder] = useState<ElderChoice | null>(given ?? null);
  const [providerId, setProvider] = useState<string | null>(planned?.providerId ?? plan?.providerId ?? null);
  const [workerId, setWorker] = useState<string | null>(planned?.workerId ?? plan?.workerId ?? null);
  const [serviceOn, setServiceOn] = useState<string>(planned?.on ?? today);
  const planStart = planned?.startTime ?? plan?.startTime ?? '09:00';
  const planMinutes = planned?.minutes ?? plan?.minutes ?? 60;
  const [startTime, setStart] = useState(planStart);
  const [endTime, setEnd] = useState(() => {
    const total = Math.min(minutesOfDay(planStart) + planMinutes, 23 * 60 + 59);
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  });
  const initialItems = planned?.items.map((i) => i.itemId) ?? plan?.itemIds ?? [];
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(initialItems.map((id) => [id, { on: true, quantity: null }])));
  const [kind, setKind] = useState<ConfirmationKind>(planned ? 'paper_slip' : 'signature');
  const [slipNo, setSlipNo] = useState(planned?.slipNo ?? '');
  const [signature, setSignature] = useState<string | null>(null);
  const [confirmedBy, setConfirmedBy] = useState('');
  const [overQuotaReason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const month = serviceOn.slice(0, 7);
  const elderMonth = useHomecareElderMonth({ elderId: elder?.id ?? '', month }, elder !== null);
  const quota = new Map<string, QuotaLine>((elderMonth.data?.quota ?? []).map((q) => [q.itemId, q]));

  const record = useHomecareRecordVisit({
    successMessage: elder ? t('homecare.delivery.saved', { name: elder.name }) : undefined,
    onSuccess: onClose,
    onFieldError: (field, message) => {
      if (!SHOWN_FIELDS.test(field)) return false;
      setErrors({ [field.startsWith('items') ? 'items' : field.startsWith('confirmation') ? 'confirmation' : field]: message });
      return true;
    },
  });

  const items = choices.data?.items ?? [];
  // One provider (or one worker of it): chosen already.
  const onlyProvider = choices.data?.providers.length === 1 ? choices.data.providers[0] : undefined;
  if (providerId === null && onlyProvider) setProvider(onlyProvider.id);
  const provider = choices.data?.providers.find((p) => p.id === providerId);
  if (workerId === null && provider?.workers.length === 1) setWorker(provider.workers[0].id);
  const duration = Math.max(0, minutesOf(startTime, endTime));
  const chosen = items.filter((i) => drafts[i.id]?.on);
  const hourly = chosen.filter((i) => i.unit === 'hour' && drafts[i.id].quantity === null);
  const typedHourly = chosen.filter((i) => i.unit === 'hour' && drafts[i.id].quantity !== null).reduce((sum, i) => sum + (drafts[i.id].quantity ?? 0), 0);
  const share = hourly.length > 0 ? Math.max(0, Math.floor((duration - typedHourly) / hourly.length)) : 0;
  const quantityOf = (id: string, unit: ServiceUnit): number => {
    const d = drafts[id];
    if (d?.quantity !== null && d?.quantity !== undefined) return d.quantity;
    if (unit === 'visit') return 1;
    const first = hourly[0]?.id === id;
    return share + (first ? Math.max(0, duration - typedHourly - share * hourly.length) : 0);
  };
  const beyond = chosen.filter((i) => {
    const q = quota.get(i.id);
    return (q?.left ?? 0) < quantityOf(i.id, i.unit);
  });
  const workerOptions = useMemo(() => (provider?.workers ?? []).map((w) => ({ value: w.id, label: w.phone ? `${w.name}（${w.phone}）` : w.name })), [provider]);

  const submit = () => {
    if (!elder) return setErrors({ elderId: t('homecare.delivery.pickElder') });
    if (!providerId) return setErrors({ providerId: t('homecare.delivery.pickProvider') });
    if (!workerId) return setErrors({ workerId: t('homecare.delivery.pickWorker') });
    if (chosen.length === 0) return setErrors({ items: t('homecare.delivery.pickItems') });
    setErrors({});
    const confirmation: In<'homecare.recordVisit'>['confirmation'] =
      kind === 'signature' ? { kind, signature: signature ?? '' } : kind === 'paper_slip' ? { kind, slipNo } : { kind, confirmedBy };
    record.mutate({
      requestId,
      elderId: elder.id,
      providerId,
      workerId,
      planId: planned?.planId ?? null,
      serviceOn,
      startTime,
      endTime,
      items: chosen.map((i) => ({ itemId: i.id, quantity: quantityOf(i.id, i.unit) })),
      confirmation,
      overQuotaReason,
      notes,
      photo,
    });
  };

  const title = elder && given ? t('homecare.delivery.recordTitle', { name: `${elder.name}（${elder.village}）` }) : t('homecare.delivery.record');
  return (
    <Modal opened onClose={onClose} size="xl" fullScreen={phone} title={title}>
      <Stack>
        {planned && (
          <Text size="lg" c="dimmed">
            {t('homecare.delivery.fromPlan', { on: planned.on, time: `${planned.startTime}–${planned.endTime}`, worker: planned.worker ?? '—' })}
          </Text>
        )}
        {!given && <ElderPicker size="lg" label={t('homecare.delivery.elder')} withAsterisk value={elder} onChange={setElder} error={errors.elderId} data-autofocus />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            size="lg"
            label={t('homecare.delivery.provider')}
            withAsterisk
            allowDeselect={false}
            data={(choices.data?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={providerId}
            onChange={(v) => {
              setProvider(v);
              setWorker(null);
            }}
            error={errors.providerId}
          />
          <Select
            size="lg"
            label={t('homecare.delivery.worker')}
            withAsterisk
            searchable
            allowDeselect={false}
            data={workerOptions}
            value={workerId}
            onChange={setWorker}
            nothingFoundMessage={t('homecare.delivery.noWorkers')}
            error={errors.workerId}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput size="lg" label={t('homecare.delivery.serviceOn')} valueFormat="YYYY-MM-DD" maxDate={today} value={serviceOn} onChange={(v) => v && setServiceOn(v)} error={errors.serviceOn} />
          <TimeInput size="lg" label={t('homecare.delivery.start')} value={startTime} onChange={(e) => setStart(e.currentTarget.value)} error={errors.startTime} />
          <TimeInput size="lg" label={t('homecare.delivery.end')} value={endTime} onChange={(e) => setEnd(e.currentTarget.value)} error={errors.endTime} description={duration > 0 ? t('homecare.delivery.duration', { n: duration }) : undefined} />
        </SimpleGrid>

        <Card withBorder padding="sm">
          <Title order={4}>{t('homecare.delivery.items')}</Title>
          <Text size="sm" mb="xs">
            {t('homecare.delivery.itemsHint')}
          </Text>
          {items.length === 0 && <Text>{t('homecare.delivery.noItems')}</Text>}
          <Stack gap="xs">
            {items
              .filter((i) => drafts[i.id]?.on || quota.has(i.id) || !planned)
              .map((i) => {
                const on = drafts[i.id]?.on ?? false;
                const q = quota.get(i.id);
                const over = on && beyond.some((b) => b.id === i.id);
                return (
                  <Group key={i.id} justify="space-between" wrap="wrap" gap="xs">
                    <Checkbox
                      size="lg"
                      label={`${i.name}（${t(`enums.serviceUnit.${i.unit}`)}）`}
                      checked={on}
                      onChange={(e) => {
                        const checked = e.currentTarget.checked;
                        setDrafts((all) => ({ ...all, [i.id]: { on: checked, quantity: null } }));
                      }}
                      style={{ flex: '1 1 12rem' }}
                    />
                    {q && (
                      <Badge size="lg" variant="light" color={over ? 'danger' : q.left > 0 ? 'teal' : 'gray'}>
                        {t('homecare.delivery.left', { left: quantityText(i.unit, Math.max(0, q.left)), quota: quantityText(i.unit, q.quota) })}
                      </Badge>
                    )}
                    {!q && on && (
                      <Badge size="lg" variant="light" color="danger">
                        {t('homecare.delivery.notEntitled')}
                      </Badge>
                    )}
                    {on && (
                      <NumberInput
                        size="md"
                        w={150}
                        min={1}
                        max={720}
                        aria-label={t('homecare.delivery.quantityOf', { name: i.name })}
                        suffix={i.unit === 'hour' ? ' 分钟' : ' 次'}
                        value={quantityOf(i.id, i.unit)}
                        onChange={(v) => setDrafts((all) => ({ ...all, [i.id]: { on: true, quantity: typeof v === 'number' ? v : null } }))}
                      />
                    )}
                  </Group>
                );
              })}
          </Stack>
          {errors.items && (
            <Text c="danger" mt="xs">
              {errors.items}
            </Text>
          )}
        </Card>
        {(beyond.length > 0 || errors.overQuotaReason) && (
          <Textarea
            size="lg"
            autosize
            minRows={2}
            withAsterisk
            label={t('homecare.delivery.overQuotaReason')}
            description={t('homecare.delivery.overQuotaHint', { items: beyond.map((b) => b.name).join('、') })}
            value={overQuotaReason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.overQuotaReason}
          />
        )}

        <Card withBorder padding="sm">
          <Title order={4} mb="xs">
            {t('homecare.delivery.confirmation')}
          </Title>
          <SegmentedControl
            fullWidth
            size="lg"
            value={kind}
            onChange={(v) => setKind(v as ConfirmationKind)}
            data={(['signature', 'paper_slip', 'family'] as const).map((k) => ({ value: k, label: t(`homecare.delivery.confirm.${k}`) }))}
            mb="sm"
          />
          {kind === 'signature' && <SignaturePad value={signature} onChange={setSignature} error={errors.confirmation} />}
          {kind === 'paper_slip' && (
            <TextInput size="lg" label={t('homecare.delivery.slipNo')} description={t('homecare.delivery.slipNoHint')} withAsterisk value={slipNo} onChange={(e) => setSlipNo(e.currentTarget.value)} error={errors.confirmation} />
          )}
          {kind === 'family' && (
            <TextInput size="lg" label={t('homecare.delivery.confirmedBy')} description={t('homecare.delivery.confirmedByHint')} withAsterisk value={confirmedBy} onChange={(e) => setConfirmedBy(e.currentTarget.value)} error={errors.confirmation} />
          )}
        </Card>
        <Textarea size="lg" autosize minRows={2} label={t('homecare.delivery.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} />
        <PhotoPicker photo={photo} onChange={setPhoto} maxSide={640} words={{ add: t('homecare.delivery.addPhoto'), added: t('homecare.delivery.photoAdded'), remove: t('homecare.delivery.removePhoto') }} error={errors.photo} />
        <Group justify="flex-end">
          <Button size="lg" variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button size="lg" onClick={submit} loading={record.isPending}>
            {t('homecare.delivery.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}
