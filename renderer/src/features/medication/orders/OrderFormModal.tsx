// Writing down a doctor's order (开医嘱) for a resident, or changing one (调整医嘱: the old order stops the day the new
// one starts, in one step). Opened from the orders tab, and from a doctor's visit (the health part's 巡诊) with the
// doctor, institution and day filled in. 每日一次…四次 and 睡前 show the centre's times they will take; 指定时间 takes
// the doctor's own; 按需 asks for its daily maximum and when to give it.
import { ActionIcon, Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '@shared/api/medication-orders';
import { FREQUENCIES, type Frequency, MEAL_RELATIONS, type MealRelation, PRESCRIBER_KINDS, type PrescriberKind, ROUTES, type Route, SUPPLIES, type Supply } from '@shared/domain/medication/vocab';
import { centiText } from '@shared/domain/medication/quantity';
import { ModalButtons } from '../../../components/ModalButtons';
import { newRequestId } from '../../../components/time';
import { useSystemInfo } from '../../../shell/queries';
import { drugText } from './format';
import { useMedicationChangeOrder, useMedicationDrugs, useMedicationSettings, useMedicationStartOrder } from './queries';

export interface OrderFormModalProps {
  residentId: string;
  opened: boolean;
  onClose(): void;
  /** The doctor's visit the order is given at (巡诊): its doctor, institution and day are filled in. */
  doctorVisit?: { id: string; doctor: string; institution: string; visitedOn: string };
  /** The order being changed: the form starts from it, and saving stops it the day the new one starts. */
  replaces?: OrderView;
  /** The resident's name, for the title. */
  residentName?: string;
}

const FIELDS = ['drugId', 'prescriber', 'prescriberKind', 'institution', 'prescribedOn', 'dose', 'route', 'frequency', 'times', 'mealRelation', 'prnMaxPerDay', 'prnIndication', 'supply', 'startsOn', 'endsOn', 'note', 'reason'];

export function OrderFormModal(props: OrderFormModalProps) {
  const { t } = useTranslation();
  const title = props.replaces
    ? t('medication.orders.changeTitle', { drug: drugText(props.replaces) })
    : props.residentName
      ? t('medication.orders.newTitleFor', { name: props.residentName })
      : t('medication.orders.newTitle');
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="xl" title={title}>
      {props.opened && <OrderForm {...props} />}
    </Modal>
  );
}

function OrderForm({ residentId, onClose, doctorVisit, replaces }: OrderFormModalProps) {
  const { t } = useTranslation();
  const info = useSystemInfo();
  const today = info.data?.today ?? '';
  const drugs = useMedicationDrugs({});
  const settings = useMedicationSettings();
  const [requestId] = useState(newRequestId);
  const start = doctorVisit && doctorVisit.visitedOn > today ? doctorVisit.visitedOn : today;
  const [v, setV] = useState({
    drugId: replaces?.drugId ?? (null as string | null),
    prescriber: doctorVisit?.doctor ?? replaces?.prescriber ?? '',
    prescriberKind: (replaces?.prescriberKind ?? 'township_hospital') as PrescriberKind,
    institution: doctorVisit?.institution ?? replaces?.institution ?? '',
    prescribedOn: (doctorVisit?.visitedOn ?? today) as string | null,
    dose: (replaces ? Number(centiText(replaces.doseCenti)) : '') as number | string,
    route: (replaces?.route ?? 'oral') as Route,
    frequency: (replaces?.frequency ?? 'qd') as Frequency,
    times: replaces?.frequency === 'times' ? replaces.times : ['08:00'],
    mealRelation: (replaces?.mealRelation ?? 'any') as MealRelation,
    prnMaxPerDay: (replaces?.prnMaxPerDay ?? '') as number | string,
    prnIndication: replaces?.prnIndication ?? '',
    supply: (replaces?.supply ?? 'kept') as Supply,
    startsOn: start as string | null,
    endsOn: null as string | null,
    note: '',
    reason: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onFieldError = (f: string, m: string) => (setErrors({ [f]: m }), FIELDS.includes(f));
  const startOrder = useMedicationStartOrder({ successMessage: t('medication.orders.started'), onSuccess: onClose, onFieldError });
  const changeOrder = useMedicationChangeOrder({ successMessage: t('medication.orders.changed'), onSuccess: onClose, onFieldError });
  const live = (drugs.data ?? []).filter((d) => !d.retired);
  const drug = live.find((d) => d.id === v.drugId);
  const centreTimes = settings.data ? { qd: settings.data.settings.qdTimes, bid: settings.data.settings.bidTimes, tid: settings.data.settings.tidTimes, qid: settings.data.settings.qidTimes, qn: settings.data.settings.qnTimes } : null;
  const mapped = centreTimes && v.frequency in centreTimes ? centreTimes[v.frequency as keyof typeof centreTimes] : null;
  const set = <K extends keyof typeof v>(key: K, value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  const submit = () => {
    setErrors({});
    if (replaces && v.reason.trim() === '') {
      setErrors({ reason: t('medication.orders.reasonMissing') });
      return;
    }
    const fields = {
      drugId: v.drugId ?? '',
      prescriber: v.prescriber,
      prescriberKind: v.prescriberKind,
      institution: v.institution,
      prescribedOn: v.prescribedOn ?? '',
      dose: v.dose === '' ? Number.NaN : Number(v.dose),
      route: v.route,
      frequency: v.frequency,
      times: v.frequency === 'times' ? v.times.filter((x) => x !== '') : [],
      mealRelation: v.mealRelation,
      prnMaxPerDay: v.frequency === 'prn' && v.prnMaxPerDay !== '' ? Number(v.prnMaxPerDay) : null,
      prnIndication: v.frequency === 'prn' ? v.prnIndication : '',
      supply: v.supply,
      startsOn: v.startsOn ?? '',
      endsOn: v.endsOn,
      note: v.note,
      doctorVisitId: doctorVisit?.id ?? null,
    };
    if (replaces) changeOrder.mutate({ requestId, replacesId: replaces.id, reason: v.reason, order: fields });
    else startOrder.mutate({ requestId, residentId, ...fields });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack>
        {doctorVisit && <Alert color="blue">{t('medication.orders.fromVisit', { doctor: doctorVisit.doctor, on: doctorVisit.visitedOn })}</Alert>}
        {replaces && <Alert color="blue">{t('medication.orders.changeIntro')}</Alert>}
        {replaces && <TextInput size="lg" label={t('medication.orders.changeReason')} withAsterisk placeholder={t('medication.orders.changeReasonHint')} value={v.reason} onChange={(e) => set('reason', e.currentTarget.value)} error={errors.reason} data-autofocus />}
        <Select
          size="lg"
          label={t('medication.orders.drug')}
          withAsterisk
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('medication.orders.noDrugFound')}
          data={live.map((d) => ({ value: d.id, label: `${drugText({ drugName: d.name, strength: d.strength })}（${t(`enums.drugForm.${d.form}`)}）${d.highAlert !== 'none' ? ` ⚠${t(`enums.highAlert.${d.highAlert}`)}` : ''}` }))}
          value={v.drugId}
          onChange={(id) => set('drugId', id)}
          error={errors.drugId}
          description={live.length === 0 && drugs.isSuccess ? t('medication.orders.noDrugs') : undefined}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            size="lg"
            label={t('medication.orders.dose')}
            withAsterisk
            min={0}
            decimalScale={3}
            rightSection={drug ? <Text pr="md">{t(`enums.doseUnit.${drug.unit}`)}</Text> : undefined}
            rightSectionWidth={80}
            value={v.dose}
            onChange={(x) => set('dose', x)}
            error={errors.dose}
            description={t('medication.orders.doseHint')}
          />
          <Select size="lg" label={t('medication.orders.route')} withAsterisk allowDeselect={false} data={ROUTES.map((r) => ({ value: r, label: t(`enums.route.${r}`) }))} value={v.route} onChange={(r) => r && set('route', r as Route)} error={errors.route} />
        </SimpleGrid>
        <Select
          size="lg"
          label={t('medication.orders.frequency')}
          withAsterisk
          allowDeselect={false}
          data={FREQUENCIES.map((f) => ({ value: f, label: t(`enums.frequency.${f}`) }))}
          value={v.frequency}
          onChange={(f) => f && set('frequency', f as Frequency)}
          error={errors.frequency}
          description={mapped ? t('medication.orders.centreTimes', { times: mapped.join('、') }) : undefined}
        />
        {v.frequency === 'times' && (
          <Stack gap="xs" role="group" aria-label={t('medication.orders.times')}>
            <Text fw={700}>{t('medication.orders.times')}</Text>
            <Group>
              {v.times.map((time, i) => (
                <Group key={i} gap={4} wrap="nowrap">
                  <TimeInput size="lg" aria-label={t('medication.orders.timeN', { n: i + 1 })} value={time} onChange={(e) => set('times', v.times.map((x, j) => (j === i ? e.currentTarget.value : x)))} />
                  {v.times.length > 1 && (
                    <ActionIcon size="lg" variant="subtle" color="red" aria-label={t('medication.orders.removeTime', { n: i + 1 })} onClick={() => set('times', v.times.filter((_, j) => j !== i))}>
                      ×
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {v.times.length < 8 && (
                <Button variant="outline" size="md" onClick={() => set('times', [...v.times, ''])}>
                  {t('medication.orders.addTime')}
                </Button>
              )}
            </Group>
            {errors.times && <Text c="red.9">{errors.times}</Text>}
          </Stack>
        )}
        {v.frequency === 'prn' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput size="lg" label={t('medication.orders.prnMax')} withAsterisk min={1} max={24} allowDecimal={false} value={v.prnMaxPerDay} onChange={(x) => set('prnMaxPerDay', x)} error={errors.prnMaxPerDay} />
            <TextInput size="lg" label={t('medication.orders.prnIndication')} withAsterisk placeholder={t('medication.orders.prnIndicationHint')} value={v.prnIndication} onChange={(e) => set('prnIndication', e.currentTarget.value)} error={errors.prnIndication} />
          </SimpleGrid>
        )}
        <div role="group" aria-label={t('medication.orders.meal')}>
          <Text fw={700} mb={4}>
            {t('medication.orders.meal')}
          </Text>
          <SegmentedControl fullWidth size="md" value={v.mealRelation} onChange={(m) => set('mealRelation', m as MealRelation)} data={MEAL_RELATIONS.map((m) => ({ value: m, label: t(`enums.mealRelation.${m}`) }))} />
        </div>
        <div role="group" aria-label={t('medication.orders.supply')}>
          <Text fw={700} mb={4}>
            {t('medication.orders.supply')}
          </Text>
          <SegmentedControl fullWidth size="md" value={v.supply} onChange={(s) => set('supply', s as Supply)} data={SUPPLIES.map((s) => ({ value: s, label: t(`enums.supply.${s}`) }))} />
          <Text size="sm" c="dark.6" mt={4}>
            {t('medication.orders.supplyHint')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput size="lg" label={t('medication.orders.prescriber')} withAsterisk value={v.prescriber} onChange={(e) => set('prescriber', e.currentTarget.value)} error={errors.prescriber} />
          <Select size="lg" label={t('medication.orders.prescriberKind')} withAsterisk allowDeselect={false} data={PRESCRIBER_KINDS.map((k) => ({ value: k, label: t(`enums.prescriberKind.${k}`) }))} value={v.prescriberKind} onChange={(k) => k && set('prescriberKind', k as PrescriberKind)} error={errors.prescriberKind} />
          <TextInput size="lg" label={t('medication.orders.institution')} placeholder={t('medication.orders.institutionHint')} value={v.institution} onChange={(e) => set('institution', e.currentTarget.value)} error={errors.institution} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput size="lg" label={t('medication.orders.prescribedOn')} withAsterisk valueFormat="YYYY-MM-DD" value={v.prescribedOn} onChange={(d) => set('prescribedOn', d)} error={errors.prescribedOn} />
          <DateInput size="lg" label={t('medication.orders.startsOn')} withAsterisk valueFormat="YYYY-MM-DD" value={v.startsOn} onChange={(d) => set('startsOn', d)} error={errors.startsOn} description={replaces ? t('medication.orders.startsOnChangeHint') : undefined} />
          <DateInput size="lg" label={t('medication.orders.endsOn')} clearable valueFormat="YYYY-MM-DD" value={v.endsOn} onChange={(d) => set('endsOn', d)} error={errors.endsOn} description={t('medication.orders.endsOnHint')} />
        </SimpleGrid>
        <TextInput size="lg" label={t('medication.orders.note')} value={v.note} onChange={(e) => set('note', e.currentTarget.value)} error={errors.note} />
        <ModalButtons pending={startOrder.isPending || changeOrder.isPending} onClose={onClose} />
      </Stack>
    </form>
  );
}
