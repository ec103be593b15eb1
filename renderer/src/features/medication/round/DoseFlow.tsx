// Recording doses on the shared touch screen: 已服 is one tap; 拒服 / 暂缓 / 缺药 ask for a reason (a tap on a usual
// one will do; 暂缓 must have one); a 按需 dose asks why now; a 高警示 dose asks a colleague to tap their name and type
// their PIN on the number pad. Corrections and a 按需 dose's effect have their own small forms. One hook holds the
// open form, so the round and the resident's card record the same way.
import { Alert, Button, Chip, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { In } from '@shared/api/contract';
import type { DoseRecord, PrnOrder, ScheduledDose } from '@shared/api/medication-round';
import { DOSE_OUTCOMES, type DoseOutcome } from '@shared/domain/medication/vocab';
import { clockTime, newRequestId } from '../../../components/time';
import { inkVar } from '../../../theme';
import { NumberPad } from '../../auth/NumberPad';
import { IncidentModal } from '../../incidents/IncidentForm';
import { useAmendDose, useCheckers, usePrnEffect, useRecordDose } from './queries';
import { drugLine } from './words';

type RecordInput = In<'medication.recordDose'>;
type AmendInput = In<'medication.amendDose'>;
type Checked = { kind: 'record'; input: RecordInput } | { kind: 'amend'; input: AmendInput };
type Drug = Pick<ScheduledDose, 'drugName' | 'strength' | 'needsSecondCheck'>;

type Open =
  | { kind: 'reason'; resident: string; dose: ScheduledDose; outcome: Exclude<DoseOutcome, 'given'> }
  | { kind: 'prn'; resident: string; prn: PrnOrder }
  | { kind: 'check'; drug: Drug; send: Checked }
  | { kind: 'fix'; drug: Drug; time: string; record: DoseRecord }
  | { kind: 'effect'; drug: Drug; record: DoseRecord }
  | { kind: 'error'; residentId: string; resident: string; doseId: string; text: string };

const PIN_LENGTH = 6;

export function useDoseFlow() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  const saved = (drug: Drug, outcome: DoseOutcome) => t('medication.round.saved', { drug: drug.drugName, outcome: t(`enums.doseOutcome.${outcome}`) });
  const [lastSaved, setLastSaved] = useState('');
  const record = useRecordDose({ successMessage: lastSaved || undefined, onSuccess: close });
  const send = (drug: Drug, input: RecordInput) => {
    setLastSaved(saved(drug, input.outcome));
    if (drug.needsSecondCheck && input.outcome === 'given') setOpen({ kind: 'check', drug, send: { kind: 'record', input } });
    else record.mutate(input);
  };
  const base = (d: ScheduledDose, outcome: DoseOutcome, reason = ''): RecordInput => ({ requestId: newRequestId(), orderId: d.orderId, dueAt: d.dueAt, outcome, reason, checker: null });
  const actions = {
    busy: record.isPending,
    give: (d: ScheduledDose) => send(d, base(d, 'given')),
    other: (resident: string, dose: ScheduledDose, outcome: Exclude<DoseOutcome, 'given'>) => setOpen({ kind: 'reason', resident, dose, outcome }),
    prn: (resident: string, prn: PrnOrder) => setOpen({ kind: 'prn', resident, prn }),
    fix: (drug: Drug, time: string, rec: DoseRecord) => setOpen({ kind: 'fix', drug, time, record: rec }),
    effect: (drug: Drug, rec: DoseRecord) => setOpen({ kind: 'effect', drug, record: rec }),
    reportError: (residentId: string, resident: string, drug: Drug, time: string, rec: DoseRecord) =>
      setOpen({ kind: 'error', residentId, resident, doseId: rec.doseId, text: `${time} ${drugLine(drug)} ${t(`enums.doseOutcome.${rec.outcome}`)}（${rec.recordedBy}）` }),
  };
  const modals = (
    <>
      {open?.kind === 'reason' && (
        <ReasonModal
          title={t('medication.round.reasonTitle', { name: open.resident, drug: drugLine(open.dose), outcome: t(`enums.doseOutcome.${open.outcome}`) })}
          outcome={open.outcome}
          busy={record.isPending}
          onClose={close}
          onSave={(reason) => send(open.dose, base(open.dose, open.outcome, reason))}
        />
      )}
      {open?.kind === 'prn' && (
        <PrnModal
          resident={open.resident}
          prn={open.prn}
          busy={record.isPending}
          onClose={close}
          onSave={(reason) => send(open.prn, { requestId: newRequestId(), orderId: open.prn.orderId, dueAt: null, outcome: 'given', reason, checker: null })}
        />
      )}
      {open?.kind === 'check' && <CheckModal drug={open.drug} onClose={close} send={open.send} successMessage={open.send.kind === 'record' ? lastSaved : t('medication.round.fixSaved')} />}
      {open?.kind === 'fix' && <FixModal drug={open.drug} time={open.time} record={open.record} onClose={close} onCheck={(input) => setOpen({ kind: 'check', drug: open.drug, send: { kind: 'amend', input } })} />}
      {open?.kind === 'effect' && <EffectModal drug={open.drug} record={open.record} onClose={close} />}
      {open?.kind === 'error' && (
        <IncidentModal residents={[{ value: open.residentId, label: open.resident }]} medicationDose={{ residentId: open.residentId, doseId: open.doseId, text: open.text }} onClose={close} />
      )}
    </>
  );
  return { actions, modals };
}
export type DoseActions = ReturnType<typeof useDoseFlow>['actions'];

function ReasonModal({ title, outcome, busy, onClose, onSave }: { title: string; outcome: Exclude<DoseOutcome, 'given'>; busy: boolean; onClose: () => void; onSave: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const quick = t(`medication.round.quickReasons.${outcome}`).split('|');
  const save = () => {
    if (outcome === 'held' && reason.trim() === '') return setError(t('medication.round.reasonRequired'));
    onSave(reason.trim());
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack>
        <Group gap="sm">
          {quick.map((q) => (
            <Chip key={q} size="lg" checked={reason === q} onChange={() => (setReason(q), setError(null))}>
              {q}
            </Chip>
          ))}
        </Group>
        <Textarea
          size="lg"
          autosize
          minRows={2}
          label={t('medication.round.reasonLabel')}
          description={outcome === 'held' ? t('medication.round.reasonRequired') : t('medication.round.reasonOptional')}
          withAsterisk={outcome === 'held'}
          value={reason}
          error={error}
          onChange={(e) => (setReason(e.currentTarget.value), setError(null))}
        />
        <Group>
          <Button size="xl" onClick={save} loading={busy}>
            {t('medication.round.save')}
          </Button>
          <Button size="xl" variant="subtle" onClick={onClose}>
            {t('medication.round.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PrnModal({ resident, prn, busy, onClose, onSave }: { resident: string; prn: PrnOrder; busy: boolean; onClose: () => void; onSave: (reason: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={`${resident}　${t('medication.round.prnReasonTitle', { drug: drugLine(prn) })}`} size="lg">
      <Stack>
        <Text size="lg">{t('medication.round.prnLine', { indication: prn.indication, max: prn.maxPerDay, n: prn.givenToday })}</Text>
        <Textarea
          size="lg"
          autosize
          minRows={2}
          label={t('medication.round.prnReasonLabel')}
          placeholder={t('medication.round.prnReasonPlaceholder')}
          withAsterisk
          value={reason}
          error={error}
          data-autofocus
          onChange={(e) => (setReason(e.currentTarget.value), setError(null))}
        />
        <Group>
          <Button size="xl" loading={busy} onClick={() => (reason.trim() ? onSave(reason.trim()) : setError(t('medication.round.prnReasonPlaceholder')))}>
            {t('medication.round.give')}
          </Button>
          <Button size="xl" variant="subtle" onClick={onClose}>
            {t('medication.round.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A colleague taps their name, then types their PIN: the dose is sent with the check on the sixth digit. */
function CheckModal({ drug, send, onClose, successMessage }: { drug: Drug; send: Checked; onClose: () => void; successMessage: string }) {
  const { t } = useTranslation();
  const list = useCheckers();
  const [who, setWho] = useState<{ userId: string; name: string } | null>(null);
  const typed = useRef('');
  const [count, setCount] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const setTyped = (v: string) => ((typed.current = v), setCount(v.length));
  const options = { successMessage, onSuccess: onClose, onFieldError: (_f: string, m: string) => (setError(m), setTyped(''), true) };
  const record = useRecordDose(options);
  const amend = useAmendDose(options);
  const pending = record.isPending || amend.isPending;
  const type = (digit: string) => {
    if (!who || pending || typed.current.length >= PIN_LENGTH) return;
    setError(null);
    setTyped(typed.current + digit);
    if (typed.current.length !== PIN_LENGTH) return;
    const checker = { userId: who.userId, pin: typed.current };
    if (send.kind === 'record') record.mutate({ ...send.input, checker });
    else amend.mutate({ ...send.input, checker });
  };
  const erase = () => setTyped(typed.current.slice(0, -1));
  useEffect(() => {
    if (!who) return;
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key)) type(e.key);
      else if (e.key === 'Backspace') erase();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const people = list.data ?? [];
  const onShift = people.filter((p) => p.onShift);
  const others = people.filter((p) => !p.onShift);
  const names = (group: typeof people) => (
    <SimpleGrid cols={{ base: 2, sm: 3 }}>
      {group.map((p) => (
        <UnstyledButton key={p.userId} onClick={() => (setWho(p), setError(null))} style={{ border: `2px solid ${inkVar('teal')}`, borderRadius: 12, padding: 14, minHeight: 72, textAlign: 'center' }}>
          <Text size="xl" fw={700}>
            {p.name}
          </Text>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  );
  return (
    <Modal opened onClose={onClose} title={t('medication.round.checkTitle', { drug: drugLine(drug) })} size="lg">
      <Stack>
        <Text size="lg">{t('medication.round.checkHint')}</Text>
        {error && (
          <Alert color="red.9" variant="outline" role="alert">
            {error}
          </Alert>
        )}
        {!who ? (
          <>
            <Text size="lg" fw={700}>
              {t('medication.round.checkPick')}
            </Text>
            {list.isSuccess && people.length === 0 && <Text>{t('medication.round.checkNone')}</Text>}
            {onShift.length > 0 && (
              <>
                <Text c="dimmed">{t('medication.round.checkOnShift')}</Text>
                {names(onShift)}
              </>
            )}
            {others.length > 0 && (
              <>
                <Text c="dimmed">{t('medication.round.checkOthers')}</Text>
                {names(others)}
              </>
            )}
          </>
        ) : (
          <Stack align="center">
            <Text size="xl" fw={700}>
              {t('medication.round.checkPin', { name: who.name })}
            </Text>
            <Group gap={6} role="status" aria-label={`${count}/${PIN_LENGTH}`}>
              {Array.from({ length: PIN_LENGTH }, (_, i) => (
                <div key={i} style={{ width: 36, height: 44, border: `2px solid ${inkVar('teal')}`, borderRadius: 8, display: 'grid', placeItems: 'center', fontSize: 28 }} aria-hidden>
                  {i < count ? '●' : ''}
                </div>
              ))}
            </Group>
            <NumberPad onDigit={type} onDelete={erase} onClear={() => setTyped('')} disabled={pending} />
            <Button size="lg" variant="default" onClick={() => (setWho(null), setTyped(''))}>
              {t('medication.round.checkBack')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function FixModal({ drug, time, record, onClose, onCheck }: { drug: Drug; time: string; record: DoseRecord; onClose: () => void; onCheck: (input: AmendInput) => void }) {
  const { t } = useTranslation();
  const [requestId] = useState(newRequestId);
  const [outcome, setOutcome] = useState<DoseOutcome>(record.outcome === 'given' ? 'refused' : 'given');
  const [reason, setReason] = useState('');
  const [amendReason, setAmendReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const amend = useAmendDose({ successMessage: t('medication.round.fixSaved'), onSuccess: onClose, onFieldError: (f, m) => (setErrors({ [f]: m }), true) });
  const needsCheck = drug.needsSecondCheck && outcome === 'given' && record.outcome !== 'given';
  const input: AmendInput = { requestId, doseId: record.doseId, outcome, reason: outcome === 'given' ? '' : reason.trim(), amendReason: amendReason.trim(), checker: null };
  return (
    <Modal opened onClose={onClose} title={t('medication.round.fixTitle', { drug: drugLine(drug), time })} size="lg">
      <Stack>
        <Text size="lg">{t('medication.round.fixWas', { outcome: t(`enums.doseOutcome.${record.outcome}`), name: record.recordedBy })}</Text>
        <Text fw={700}>{t('medication.round.fixOutcome')}</Text>
        <SegmentedControl size="lg" fullWidth value={outcome} onChange={(v) => setOutcome(v as DoseOutcome)} data={DOSE_OUTCOMES.map((o) => ({ value: o, label: t(`enums.doseOutcome.${o}`) }))} />
        {outcome !== 'given' && <Textarea size="lg" autosize label={t('medication.round.reasonLabel')} withAsterisk={outcome === 'held'} value={reason} error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />}
        <Textarea
          size="lg"
          autosize
          label={t('medication.round.fixReason')}
          placeholder={t('medication.round.fixReasonPlaceholder')}
          withAsterisk
          value={amendReason}
          error={errors.amendReason ?? errors.outcome ?? errors.doseId}
          onChange={(e) => setAmendReason(e.currentTarget.value)}
        />
        {errors.checker && <Alert color="red.9">{errors.checker}</Alert>}
        <Group>
          <Button size="xl" loading={amend.isPending} onClick={() => (needsCheck && input.amendReason ? onCheck(input) : amend.mutate(input))}>
            {t('medication.round.save')}
          </Button>
          <Button size="xl" variant="subtle" onClick={onClose}>
            {t('medication.round.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function EffectModal({ drug, record, onClose }: { drug: Drug; record: DoseRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const [effect, setEffect] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = usePrnEffect({ successMessage: t('medication.round.prnEffectSaved'), onSuccess: onClose, onFieldError: (_f, m) => (setError(m), true) });
  return (
    <Modal opened onClose={onClose} title={t('medication.round.prnEffectTitle', { drug: drugLine(drug) })} size="lg">
      <Stack>
        <Text>
          {clockTime(record.givenAt)} {record.reason}
        </Text>
        <Textarea
          size="lg"
          autosize
          minRows={2}
          label={t('medication.round.prnEffectLabel')}
          placeholder={t('medication.round.prnEffectPlaceholder')}
          withAsterisk
          value={effect}
          error={error}
          onChange={(e) => (setEffect(e.currentTarget.value), setError(null))}
        />
        <Group>
          <Button size="xl" loading={save.isPending} onClick={() => (effect.trim() ? save.mutate({ doseId: record.doseId, effect: effect.trim() }) : setError(t('medication.round.prnEffectPlaceholder')))}>
            {t('medication.round.save')}
          </Button>
          <Button size="xl" variant="subtle" onClick={onClose}>
            {t('medication.round.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
