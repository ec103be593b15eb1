// The quick-record editors of a resident's shift: big buttons, few words, no typing for routine entries. The same
// editors serve a new record and a correction (onSave decides which).
import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryData, EntryDataInput } from '@shared/api/care';
import { INTAKE_AMOUNTS, MEALS, MOOD_STATES, NOT_DONE_REASONS, ROUND_STATES, SKIN_STATES, SLEEP_STATES, STOOL_STATES, URINE_STATES } from '@shared/domain/care/vocab';
import { VITALS, type VitalCode, unusualVitals } from '@shared/domain/care/vitals';
import type { EnumGroup } from '@shared/domain/enum-labels';
import { inkVar } from '../../theme';

export interface EditorProps<K extends EntryData['kind']> {
  initial?: Extract<EntryData, { kind: K }>;
  onSave: (data: EntryDataInput) => void;
  pending: boolean;
  /** A message from the server about a field (e.g. confirmedUnusual). */
  fieldError?: { field: string; message: string } | null;
}

/** A row of big toggle buttons for one of a fixed set of codes. */
export function Choices<T extends string>({ group, options, value, onChange, label }: { group: EnumGroup; options: readonly T[]; value: T | null; onChange: (v: T | null) => void; label: string }) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={label}>
      <Text fw={700} mb={4}>
        {label}
      </Text>
      <Group gap="xs">
        {options.map((o) => (
          <Button key={o} size="lg" variant={value === o ? 'filled' : 'outline'} onClick={() => onChange(value === o ? null : o)} aria-pressed={value === o}>
            {t(`enums.${group}.${o}` as never)}
          </Button>
        ))}
      </Group>
    </div>
  );
}

const VITAL_FIELDS: VitalCode[] = ['temperature', 'systolic', 'diastolic', 'pulse', 'glucose', 'weight'];

export function VitalsEditor({ initial, onSave, pending, fieldError }: EditorProps<'vitals'>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<VitalCode, number | string>>(
    Object.fromEntries(VITAL_FIELDS.map((f) => [f, initial?.[f] ?? ''])) as Record<VitalCode, number | string>,
  );
  const [confirmed, setConfirmed] = useState(false);
  const numbers = Object.fromEntries(VITAL_FIELDS.map((f) => [f, values[f] === '' ? null : Number(values[f])])) as Record<VitalCode, number | null>;
  const unusual = unusualVitals(numbers);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {VITAL_FIELDS.map((f) => (
          <NumberInput
            key={f}
            size="lg"
            label={`${VITALS[f].label}（${VITALS[f].unit}）`}
            decimalScale={VITALS[f].decimals}
            allowNegative={false}
            hideControls
            value={values[f]}
            onChange={(v) => setValues({ ...values, [f]: v })}
          />
        ))}
      </SimpleGrid>
      {(unusual.length > 0 || fieldError?.field === 'confirmedUnusual') && (
        <Stack gap={4} p="sm" style={{ border: `2px solid ${inkVar('danger')}`, borderRadius: 8 }}>
          {fieldError?.field === 'confirmedUnusual' ? (
            <Text c="red.9" fw={700} role="alert">
              {fieldError.message}
            </Text>
          ) : (
            unusual.map((u) => (
              <Text key={u} c="red.9" fw={700}>
                {u}
              </Text>
            ))
          )}
          <Checkbox size="lg" label={t('care.confirmUnusual')} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
        </Stack>
      )}
      {fieldError && fieldError.field !== 'confirmedUnusual' && <Text c="red.9">{fieldError.message}</Text>}
      <Button size="lg" loading={pending} onClick={() => onSave({ kind: 'vitals', ...numbers, confirmedUnusual: confirmed })}>
        {t('care.saveVitals')}
      </Button>
    </Stack>
  );
}

const WATER_STEPS = [100, 200, 300];

export function IntakeEditor({ initial, onSave, pending }: EditorProps<'intake'>) {
  const { t } = useTranslation();
  const [meal, setMeal] = useState<(typeof MEALS)[number] | null>(initial?.meal ?? null);
  const [amount, setAmount] = useState<(typeof INTAKE_AMOUNTS)[number] | null>(initial?.amount ?? null);
  const [water, setWater] = useState<number | string>(initial?.waterMl ?? '');
  return (
    <Stack>
      <Choices group="meal" options={MEALS} value={meal} onChange={setMeal} label={t('care.meal')} />
      <Choices group="intakeAmount" options={INTAKE_AMOUNTS} value={amount} onChange={setAmount} label={t('care.amount')} />
      <Group align="end">
        <NumberInput size="lg" w={160} label={t('care.water')} allowNegative={false} allowDecimal={false} hideControls value={water} onChange={setWater} />
        {WATER_STEPS.map((ml) => (
          <Button key={ml} size="lg" variant="outline" onClick={() => setWater(ml)}>
            {ml}
          </Button>
        ))}
      </Group>
      <Button size="lg" loading={pending} onClick={() => onSave({ kind: 'intake', meal, amount, waterMl: water === '' ? null : Number(water) })}>
        {t('care.saveIntake')}
      </Button>
    </Stack>
  );
}

export function ToiletingEditor({ initial, onSave, pending }: EditorProps<'toileting'>) {
  const { t } = useTranslation();
  const [urine, setUrine] = useState<(typeof URINE_STATES)[number] | null>(initial?.urine ?? null);
  const [stool, setStool] = useState<(typeof STOOL_STATES)[number] | null>(initial?.stool ?? null);
  return (
    <Stack>
      <Choices group="urine" options={URINE_STATES} value={urine} onChange={setUrine} label="小便" />
      <Choices group="stool" options={STOOL_STATES} value={stool} onChange={setStool} label="大便" />
      <Button size="lg" loading={pending} onClick={() => onSave({ kind: 'toileting', urine, stool })}>
        {t('app.save')}
      </Button>
    </Stack>
  );
}

/** One tap records: sleep, mood. */
export function OneTapEditor({ kind, onSave, pending }: { kind: 'sleep' | 'mood'; onSave: EditorProps<'sleep'>['onSave']; pending: boolean }) {
  const { t } = useTranslation();
  const options = kind === 'sleep' ? SLEEP_STATES : MOOD_STATES;
  return (
    <div role="group" aria-label={t(`care.${kind}`)}>
      <Group gap="xs">
        {options.map((o) => (
          <Button key={o} size="lg" variant="outline" disabled={pending} onClick={() => onSave(kind === 'sleep' ? { kind, quality: o as (typeof SLEEP_STATES)[number] } : { kind, mood: o as (typeof MOOD_STATES)[number] })}>
            {t(`enums.${kind}.${o}` as never)}
          </Button>
        ))}
      </Group>
    </div>
  );
}

export function SkinEditor({ initial, onSave, pending }: EditorProps<'skin'>) {
  const { t } = useTranslation();
  const [state, setState] = useState<(typeof SKIN_STATES)[number] | null>(initial?.state ?? null);
  const [site, setSite] = useState(initial?.site ?? '');
  return (
    <Stack>
      <Choices group="skin" options={SKIN_STATES} value={state} onChange={setState} label={t('care.skin')} />
      {state && state !== 'intact' && <TextInput size="lg" label={t('care.skinSite')} value={site} onChange={(e) => setSite(e.currentTarget.value)} />}
      <Button size="lg" loading={pending} disabled={!state} onClick={() => state && onSave({ kind: 'skin', state, site })}>
        {t('care.saveSkin')}
      </Button>
    </Stack>
  );
}

export function NoteEditor({ initial, onSave, pending }: EditorProps<'note'>) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial?.text ?? '');
  return (
    <Stack>
      <Textarea size="lg" autosize minRows={2} label={t('care.note')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <Button size="lg" loading={pending} onClick={() => onSave({ kind: 'note', text })}>
        {t('care.saveNote')}
      </Button>
    </Stack>
  );
}

/** 做了 / 没做 with a reason from a short list. */
export function TaskEditor({ initial, onSave, pending }: EditorProps<'task'> & { initial: Extract<EntryData, { kind: 'task' }> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <Stack gap="xs">
        <Text fw={700}>{t('care.whyNot')}</Text>
        <Group gap="xs">
          {NOT_DONE_REASONS.map((r) => (
            <Button key={r} size="lg" variant="outline" color="warning" disabled={pending} onClick={() => onSave({ ...initial, status: 'not_done', reason: r })}>
              {t(`enums.notDoneReason.${r}`)}
            </Button>
          ))}
          <Button size="lg" variant="subtle" onClick={() => setAsking(false)}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group gap="xs">
      <Button size="lg" color="done" disabled={pending} onClick={() => onSave({ ...initial, status: 'done', reason: null })}>
        {t('care.done')}
      </Button>
      <Button size="lg" variant="outline" color="warning" disabled={pending} onClick={() => setAsking(true)}>
        {t('care.notDone')}
      </Button>
    </Group>
  );
}

export function RoundStateEditor({ initial, onSave, pending }: EditorProps<'round'>) {
  const { t } = useTranslation();
  const [state, setState] = useState<(typeof ROUND_STATES)[number] | null>(initial?.state ?? null);
  const [note, setNote] = useState(initial?.note ?? '');
  return (
    <Stack>
      <Choices group="roundState" options={ROUND_STATES} value={state} onChange={setState} label={t('care.roundTitle')} />
      <TextInput size="lg" label="情况说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Button size="lg" loading={pending} disabled={!state} onClick={() => state && onSave({ kind: 'round', state, note })}>
        {t('app.save')}
      </Button>
    </Stack>
  );
}
