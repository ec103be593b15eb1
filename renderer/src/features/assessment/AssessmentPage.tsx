// 能力评估 (GB/T 42195-2022): the 26 items by dimension with the wording of each score, live scores and level with the
// reasons, two assessors. A draft can be saved any time; only a complete form can be finalised; a final one is
// read-only and printable. The subject is a resident (in the centre: /residents/:id/assessment, /assessments/:id) or an
// elder on the village register (at home: /elders/:id/assessment, /elders/:id/assessment/:assessmentId) — the same form,
// rules and report; at home the risk events are asked (no incident register) and the report says 评估地点：居家.
import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ASSESSMENT_REASON_NAMES, ASSESSMENT_REASONS, type AssessmentView } from '@shared/api/assessment';
import { prefillBasicInfo } from '@shared/domain/assessment/basic-info';
import { CONSCIOUSNESS_ZERO, type ConsciousnessZero, comaLevelNote, setComa, setConsciousness, setConsciousnessScore } from '@shared/domain/assessment/coma';
import { EMPTY_HEALTH } from '@shared/domain/assessment/health';
import { NO_RISK_EVENTS, riskEventTotal } from '@shared/domain/assessment/risk-events';
import { DIMENSIONS, type DimensionCode, ITEMS } from '@shared/domain/assessment/items';
import { DEFAULT_LEVEL_RULES, LEVELS, type Level, dimensionScores, finalLevel, missingItems, totalScore } from '@shared/domain/assessment/scoring';
import { notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/States';
import { QueryView } from '../../components/QueryView';
import { useMayCall } from '../../shell/current-user';
import { AssessmentReport, type ReportPerson } from './AssessmentReport';
import { AssessorField } from './AssessorField';
import { BasicInfoCard } from './BasicInfoCard';
import { HealthCard } from './HealthCard';
import { RiskEventsCard } from './RiskEventsCard';
import { dateTime } from '../../components/time';
import { useAssessmentDispute, useAssessmentFinalize, useAssessmentGet, useAssessmentList, useAssessmentListForElder, useAssessmentSaveDraft } from './queries';
import { type AssessmentSubject, assessmentPath, homeBasicInfo, subjectFilePath, subjectIds, subjectOf } from './subject';
import { useFacilityGet } from '../facility/queries';
import { useIncidentsRiskEvents } from '../incidents/queries';
import { useEldersGet } from '../elders/queries';
import { useResidentsGet } from '../residents/queries';
import { useSettingsGet } from '../settings/queries';
import { useSystemInfo } from '../../shell/queries';
import { inkVar } from '../../theme';

type Form = Omit<AssessmentView, 'id' | 'residentId' | 'elderId' | 'personName' | 'place' | 'status' | 'dimensionScores' | 'total' | 'missing' | 'preliminaryLevel' | 'finalLevel' | 'levelReasons' | 'finalizedAt' | 'finalizedBy' | 'createdBy'>;

function ScoreButtons({ levels, label, max, value, disabled, onChange }: { levels: Readonly<Record<number, string>>; label: string; max: number; value: number | null; disabled: boolean; onChange: (v: number) => void }) {
  const scores = Array.from({ length: max + 1 }, (_, i) => max - i);
  return (
    <Group gap={6} role="radiogroup" aria-label={label}>
      {scores.map((s) => {
        const selected = value === s;
        return (
          <UnstyledButton
            key={s}
            role="radio"
            aria-checked={selected}
            disabled={disabled}
            onClick={() => onChange(s)}
            style={{
              border: `2px solid ${selected ? inkVar('teal') : inkVar('gray.5')}`,
              background: selected ? inkVar('teal') : '#fff',
              color: selected ? '#fff' : inkVar('gray.9'),
              borderRadius: 8,
              padding: '6px 10px',
              minWidth: 56,
              maxWidth: 200,
            }}
          >
            <Text fw={700} size="md" c="inherit">
              {s}分
            </Text>
            {levels[s] && (
              <Text size="xs" c="inherit" lh={1.3}>
                {levels[s]}
              </Text>
            )}
          </UnstyledButton>
        );
      })}
    </Group>
  );
}

/** A final assessment's levels as they were fixed when it was finalised (the printed report shows the same). */
type FrozenLevels = { preliminary: number; final: number; reasons: string[] };

function Summary({ form, comaLevel, frozen }: { form: Form; comaLevel: Level; frozen: FrozenLevels | null }) {
  const { t } = useTranslation();
  const answers = form.answers;
  const total = totalScore(answers);
  const dims = dimensionScores(answers);
  const events = riskEventTotal(form.riskEvents);
  // A draft follows today's rules; a final one keeps the levels it was finalised with, even if a setting changed since.
  const level = frozen ?? finalLevel(total, { coma: form.coma, dementia: form.dementia, mentalDisorderByPsychiatrist: form.mentalDisorder, riskEventsLast30Days: events }, { ...DEFAULT_LEVEL_RULES, comaLevel });
  const missing = missingItems(answers).length;
  // No level until all 26 items are scored: a level from a half-done form misleads.
  const pending = t('pickers.levelPending', { n: missing });
  return (
    // Stays in view at the bottom while the long form scrolls: the total and level are always visible. On a phone it
    // keeps to total and levels (the dimension scores and notes would cover half the screen).
    <Card withBorder padding="sm" data-testid="assessment-summary" style={{ position: 'sticky', bottom: 0, zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.15)' }}>
      <SimpleGrid cols={4} visibleFrom="sm">
        {(Object.keys(DIMENSIONS) as DimensionCode[]).map((d) => (
          <div key={d}>
            <Text size="sm">{DIMENSIONS[d].name}</Text>
            <Text fw={700}>
              {dims[d]} / {DIMENSIONS[d].max}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group mt={{ base: 0, sm: 'sm' }} gap="md" style={{ rowGap: 2 }}>
        <Text fz={{ base: 'md', sm: 'lg' }}>
          {t('assessment.total')}：<b data-testid="total">{total}</b> / 90
        </Text>
        <Text fz={{ base: 'md', sm: 'lg' }}>
          {t('assessment.preliminary')}：<b data-testid="preliminary-level">{missing ? pending : LEVELS[level.preliminary].name}</b>
        </Text>
        <Text fz={{ base: 'md', sm: 'lg' }}>
          {t('assessment.final')}：<b data-testid="final-level">{missing ? pending : LEVELS[level.final].name}</b>
        </Text>
        {missing > 0 && (
          <Badge color="warning" variant="filled" size="lg" visibleFrom="sm">
            {t('assessment.missing', { n: missing })}
          </Badge>
        )}
      </Group>
      {missing > 0 && (
        <Text mt={4} visibleFrom="sm">
          {t('pickers.levelPendingNote')}
        </Text>
      )}
      {missing === 0 && level.reasons.map((r) => (
        <Text key={r} mt={4}>
          {t('assessment.reasonsPrefix')}
          {r}
        </Text>
      ))}
    </Card>
  );
}

function AssessmentForm({ subject, initial, existing }: { subject: AssessmentSubject; initial: Form; existing: AssessmentView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(initial);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const readOnly = existing?.status === 'final';
  const mayAssess = useMayCall('assessment.dispute');
  const today = useSystemInfo().data?.today ?? form.assessedOn;
  const comaLevel: Level = useSettingsGet().data?.comaLevel ?? DEFAULT_LEVEL_RULES.comaLevel;
  // 昏迷, B.3.9, the 昏迷/昏睡 answer and A.5.11 move together (shared/domain/assessment/coma.ts).
  const keepComa = (change: (f: Form) => Form) => (setForm(change), setError(null));
  const setHealth = (health: Form['health']) => {
    const a511 = health.choices['A.5.11']?.[0];
    if (a511 !== form.health.choices['A.5.11']?.[0] && (a511 === '有') !== form.coma) keepComa((f) => setComa({ ...f, health }, a511 === '有'));
    else set('health', health);
  };
  // Changing the field a refusal named takes its message away.
  const set = <K extends keyof Form>(key: K, value: Form[K]) => (setForm((f) => ({ ...f, [key]: value })), setError((e) => (e?.field === key ? null : e)));
  const onFieldError = (field: string, message: string) => (setError({ field, message }), true);
  // The same person twice is named at once, before saving (the backend refuses it too).
  const sameAssessor = !readOnly && !!form.assessor1?.staffId && form.assessor1.staffId === form.assessor2?.staffId;
  const assessorError = (slot: 'assessor1' | 'assessor2') => (sameAssessor && slot === 'assessor2' ? t('pickers.sameAssessor') : error?.field === slot ? error.message : null);
  // A new form becomes a draft on its first save; later saves update that same draft (never a second one).
  const [draftId, setDraftId] = useState<string | null>(existing?.id ?? null);
  const save = useAssessmentSaveDraft({ onFieldError, onSuccess: (v) => setDraftId(v.id) });
  const finalize = useAssessmentFinalize({ successMessage: t('assessment.finalized'), onFieldError });
  // The form may carry the view's own fields (an existing draft): the subject is set here, once.
  const payload = { ...form, residentId: undefined, elderId: undefined, ...subjectIds(subject), ...(draftId ? { id: draftId } : {}) };
  const saveDraft = () => (setError(null), save.mutate(payload, { onSuccess: () => notifySuccess(t('assessment.saved')) }));
  const saveThenFinalize = () => {
    setError(null);
    save.mutate(payload, { onSuccess: (v) => finalize.mutate({ id: v.id }, { onSuccess: () => navigate(assessmentPath(subject, v.id), { replace: true }) }) });
  };

  return (
    <Stack>
      {error && (
        <Alert color="red.9" variant="outline" role="alert" onClose={() => setError(null)} withCloseButton closeButtonLabel="关闭">
          {error.message}
        </Alert>
      )}
      <Card withBorder padding="md">
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <Select
            label={t('assessment.reason')}
            allowDeselect={false}
            readOnly={readOnly}
            data={ASSESSMENT_REASONS.map((r) => ({ value: r, label: ASSESSMENT_REASON_NAMES[r] }))}
            value={form.reason}
            onChange={(v) => v && set('reason', v as Form['reason'])}
          />
          <DateInput label={t('assessment.date')} valueFormat="YYYY-MM-DD" readOnly={readOnly} value={form.assessedOn} onChange={(v) => v && set('assessedOn', v)} />
          <AssessorField label={t('assessment.assessor1')} readOnly={readOnly} value={form.assessor1} error={assessorError('assessor1')} onChange={(v) => set('assessor1', v)} />
          <AssessorField label={t('assessment.assessor2')} readOnly={readOnly} value={form.assessor2} error={assessorError('assessor2')} onChange={(v) => set('assessor2', v)} />
        </SimpleGrid>
      </Card>
      <BasicInfoCard value={form.basicInfo} readOnly={readOnly} error={error} home={subject.kind === 'elder'} onChange={(v) => set('basicInfo', v)} />
      <Card withBorder padding="md">
        <RiskEventsCard residentId={subject.kind === 'resident' ? subject.id : null} onDate={form.assessedOn} value={form.riskEvents} readOnly={readOnly} onChange={(v) => set('riskEvents', v)} />
        <Title order={3} size="h4" mt="md" mb="sm">
          {t('assessment.diagnoses')}
        </Title>
        <Stack gap="xs">
          <Checkbox
            label={t('assessment.coma')}
            description={`${t('ability.comaHint')}${comaLevelNote(comaLevel)}`}
            readOnly={readOnly}
            aria-readonly={readOnly}
            checked={form.coma}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              if (!readOnly) keepComa((f) => setComa(f, on));
            }}
          />
          <Checkbox label={t('assessment.dementia')} readOnly={readOnly} aria-readonly={readOnly} checked={form.dementia} onChange={(e) => !readOnly && set('dementia', e.currentTarget.checked)} />
          <Checkbox label={t('assessment.mentalDisorder')} readOnly={readOnly} aria-readonly={readOnly} checked={form.mentalDisorder} onChange={(e) => !readOnly && set('mentalDisorder', e.currentTarget.checked)} />
        </Stack>
      </Card>
      {(Object.keys(DIMENSIONS) as DimensionCode[]).map((d) => (
        <Card key={d} withBorder padding="md">
          <Title order={3} size="h4" mb="sm">
            {d.replace('B', 'B.')} {DIMENSIONS[d].name}
          </Title>
          <Stack gap="sm">
            {ITEMS.filter((i) => i.dimension === d).map((item) => (
              <div key={item.code}>
                <Text fw={700}>
                  {item.code} {item.name}
                </Text>
                {item.definition && (
                  <Text size="sm" mb={4}>
                    {item.definition}
                  </Text>
                )}
                <ScoreButtons
                  levels={item.levels}
                  label={`${item.code} ${item.name}`}
                  max={item.max}
                  disabled={readOnly}
                  value={form.answers[item.code] ?? null}
                  onChange={(v) => (item.code === 'B.3.9' ? keepComa((f) => setConsciousnessScore(f, v)) : set('answers', { ...form.answers, [item.code]: v }))}
                />
                {item.code === 'B.3.9' && form.answers['B.3.9'] === 0 && (
                  <Radio.Group mt="xs" label={t('ability.zeroQuestion')} value={form.consciousness ?? ''} onChange={(v) => !readOnly && keepComa((f) => setConsciousness(f, v as ConsciousnessZero))} error={error?.field === 'consciousness' ? error.message : null}>
                    <Group mt={4}>
                      {CONSCIOUSNESS_ZERO.map((c) => (
                        <Radio key={c} value={c} disabled={readOnly} label={t(c === 'coma' ? 'ability.zeroComa' : 'ability.zeroStupor')} />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
              </div>
            ))}
          </Stack>
        </Card>
      ))}
      <HealthCard value={form.health} readOnly={readOnly} body={form.basicInfo} onChange={setHealth} />
      <Summary form={form} comaLevel={comaLevel} frozen={readOnly && existing ? { preliminary: existing.preliminaryLevel, final: existing.finalLevel, reasons: existing.levelReasons } : null} />
      <Group>
        {!readOnly && (
          <>
            <Button size="lg" variant="outline" loading={save.isPending} onClick={saveDraft}>
              {t('assessment.saveDraft')}
            </Button>
            <Button size="lg" loading={finalize.isPending} onClick={saveThenFinalize}>
              {t('assessment.finalize')}
            </Button>
          </>
        )}
        {readOnly && (
          <>
            <Button size="lg" variant="outline" onClick={() => window.print()}>
              {t('assessment.print')}
            </Button>
            {mayAssess && existing && subject.kind === 'resident' && <DisputeButton assessmentId={existing.id} today={form.assessedOn > today ? form.assessedOn : today} />}
          </>
        )}
        <Button size="lg" variant="default" onClick={() => navigate(subjectFilePath(subject))}>
          {subject.kind === 'elder' ? t('ability.backToElder') : t('assessment.backToFile')}
        </Button>
      </Group>
    </Stack>
  );
}

/** An objection by the resident or their family: recorded beside the final result, prompting a review. */
function DisputeButton({ assessmentId, today }: { assessmentId: string; today: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [raisedBy, setRaisedBy] = useState('');
  const [relation, setRelation] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useAssessmentDispute({ successMessage: t('assessment.disputeSaved'), onSuccess: () => setOpen(false), onFieldError: (_f, m) => (setError(m), true) });
  return (
    <>
      <Button size="lg" variant="outline" color="red.9" onClick={() => setOpen(true)}>
        {t('assessment.dispute')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('assessment.dispute')}>
        <Stack>
          <Text>{t('assessment.disputeHint')}</Text>
          <TextInput label={t('assessment.raisedBy')} value={raisedBy} onChange={(e) => setRaisedBy(e.currentTarget.value)} />
          <TextInput label={t('grades.consentRelation')} value={relation} onChange={(e) => setRelation(e.currentTarget.value)} />
          <TextInput label={t('assessment.disputeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error} />
          <Button loading={save.isPending} onClick={() => (setError(null), save.mutate({ assessmentId, raisedBy, relation, note, raisedOn: today }))}>
            {t('app.save')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}

export function NewAssessmentPage() {
  const { t } = useTranslation();
  const { id: residentId = '' } = useParams();
  const file = useResidentsGet({ id: residentId });
  const info = useSystemInfo();
  const history = useAssessmentList({ residentId });
  // Incidents of the last 30 days fill the risk-event boxes (the assessor can still correct them).
  const events = useIncidentsRiskEvents({ residentId, onDate: info.data?.today ?? '' }, info.data !== undefined);
  // A.2 starts from the latest assessment's answers (final first) and the file's ethnicity.
  const previous = history.data?.find((a) => a.status === 'final') ?? history.data?.[0] ?? null;
  if (file.isPending || info.isPending || history.isPending || events.isPending) return <LoadingState />;
  if (file.isError) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  const initial: Form = {
    reason: (history.data?.some((a) => a.status === 'final') ? 'routine' : 'first') as Form['reason'],
    assessedOn: info.data?.today ?? '',
    answers: {},
    riskEvents: events.data?.counts ?? NO_RISK_EVENTS,
    coma: false,
    consciousness: null,
    basicInfo: prefillBasicInfo(previous?.basicInfo ?? null, file.data.ethnicity),
    dementia: /痴呆/.test(file.data.chronicConditions),
    mentalDisorder: false,
    assessor1: null,
    assessor2: null,
    health: EMPTY_HEALTH,
  };
  return (
    <Stack>
      <Title order={2}>{t('assessment.newTitle', { name: file.data.name })}</Title>
      <Text>{t('assessment.basics', { sex: t(`enums.sex.${file.data.sex}`), age: file.data.age, id: file.data.idNumberMasked })}</Text>
      {events.data && riskEventTotal(events.data.counts) > 0 && <Text fw={700}>{t('ability.eventsNote')}</Text>}
      <AssessmentForm subject={{ kind: 'resident', id: residentId }} initial={initial} existing={null} />
    </Stack>
  );
}

/** A new assessment at home of an elder on the village register (/elders/:id/assessment). */
export function NewElderAssessmentPage() {
  const { t } = useTranslation();
  const { id: elderId = '' } = useParams();
  const file = useEldersGet({ id: elderId });
  const info = useSystemInfo();
  const history = useAssessmentListForElder({ elderId });
  const previous = history.data?.find((a) => a.status === 'final') ?? history.data?.[0] ?? null;
  if (file.isPending || info.isPending || history.isPending) return <LoadingState />;
  if (file.isError) return <ErrorState error={file.error} onRetry={() => file.refetch()} />;
  const elder = file.data;
  const initial: Form = {
    reason: (history.data?.some((a) => a.status === 'final') ? 'routine' : 'first') as Form['reason'],
    assessedOn: info.data?.today ?? '',
    answers: {},
    riskEvents: NO_RISK_EVENTS,
    coma: false,
    consciousness: null,
    basicInfo: homeBasicInfo(previous?.basicInfo ?? null, elder.household),
    dementia: /痴呆/.test(elder.chronicDiseases),
    mentalDisorder: false,
    assessor1: null,
    assessor2: null,
    health: EMPTY_HEALTH,
  };
  return (
    <Stack>
      <Group>
        <Title order={2}>{t('ability.homeNewTitle', { name: elder.name })}</Title>
        <Badge size="xl" variant="light">
          {t('ability.homePlace')}
        </Badge>
      </Group>
      <Text>{t('ability.homeBasics', { sex: t(`enums.sex.${elder.sex}`), age: elder.age, id: elder.idNumberMasked, village: elder.village })}</Text>
      {elder.status !== 'at_home' && (
        <Alert color="orange.9" variant="outline" role="alert">
          {t('ability.homeNotAtHome', { status: t(`enums.elderStatus.${elder.status}`) })}
        </Alert>
      )}
      <Text fw={700}>{t('ability.homeEvents')}</Text>
      <AssessmentForm subject={{ kind: 'elder', id: elderId }} initial={initial} existing={null} />
    </Stack>
  );
}

/** The village and the address on the register, the village once (addresses often start with it). */
const homeAddress = (village: string, address: string) => (address.startsWith(village) ? address : [village, address].filter(Boolean).join(' '));

/** One assessment: /assessments/:id (a resident's, as always) or /elders/:id/assessment/:assessmentId (an elder's at home). */
export function AssessmentDetailPage() {
  const { t } = useTranslation();
  const { id = '', assessmentId } = useParams();
  const assessment = useAssessmentGet({ id: assessmentId ?? id });
  const facility = useFacilityGet();
  const residentId = assessment.data?.residentId ?? '';
  const elderId = assessment.data?.elderId ?? '';
  // Sex, age, masked ID and bed come from the resident's file for the printed report; at home, from the register.
  const file = useResidentsGet({ id: residentId }, residentId !== '');
  const elder = useEldersGet({ id: elderId }, elderId !== '');
  const person: ReportPerson | null = file.data
    ? { ...file.data, sex: t(`enums.sex.${file.data.sex}`) }
    : elder.data
      ? { sex: t(`enums.sex.${elder.data.sex}`), age: elder.data.age, idNumberMasked: elder.data.idNumberMasked, bedLabel: null, address: homeAddress(elder.data.village, elder.data.address) }
      : null;
  return (
    <QueryView query={assessment}>
      {(assessmentData) => {
      const a = assessmentData;
      return (
        <>
        {a.status === 'final' && <AssessmentReport a={a} centre={facility.data?.name ?? ''} person={person} />}
        <Stack className="screen-only">
          <Group>
            <Title order={2}>{t('assessment.title', { name: a.personName, date: a.assessedOn })}</Title>
            {a.place === 'home' && (
              <Badge size="xl" variant="light">
                {t('ability.homePlace')}
              </Badge>
            )}
            <Badge size="xl" color={a.status === 'final' ? 'ok' : 'warning'} variant="filled" data-testid="assessment-status">
              {a.status === 'final' ? t('assessment.statusFinal') : t('assessment.statusDraft')}
            </Badge>
          </Group>
          {a.status === 'final' && (
            <Text>
              {t('assessment.finalizedBy', { by: a.finalizedBy ?? '', at: dateTime(a.finalizedAt!) })}
            </Text>
          )}
          <AssessmentForm key={`${a.id}-${a.status}`} subject={subjectOf(a)} initial={a} existing={a} />
        </Stack>
        </>
      );
      }}
    </QueryView>
  );
}
