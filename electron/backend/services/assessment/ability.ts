// GB/T 42195 ability assessments: drafts that can be saved half-done, and finalisation that computes and freezes
// the scores, levels and reasons. A finalised assessment is read-only (a database trigger guarantees it). The subject is
// a resident (in the centre) or an elder on the village register (at home: home.ts), never both.
import type { z } from 'zod';
import { type AssessmentDraftInput, type AssessmentView, Answers, BasicInfoInput, type DisputeInput, HealthInput, RiskEvents } from '@shared/api/assessment';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { type BasicInfo, EMPTY_BASIC_INFO, basicInfoProblems } from '@shared/domain/assessment/basic-info';
import { comaProblems, consciousnessAnswerProblem } from '@shared/domain/assessment/coma';
import { EMPTY_HEALTH, healthProblems } from '@shared/domain/assessment/health';
import { ITEMS } from '@shared/domain/assessment/items';
import { readRiskEvents, riskEventTotal } from '@shared/domain/assessment/risk-events';
import { DEFAULT_LEVEL_RULES, type Level, answerProblems, dimensionScores, finalLevel, missingItems, totalScore } from '@shared/domain/assessment/scoring';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Selectable } from 'kysely';
import { StringList, parseJsonColumn } from '../../db/json';
import type { AssessmentsTable } from '../../db/schema';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { assertNotBeforeBirth, assertNotFuture } from '../residents/rules';
import { readSettings } from '../settings/settings';
import { assessorColumns, assessorFromColumns, resolveAssessors } from './assessors';
import { assertAtHomeOn, assertMayAssess, assertMayRead, loadElder } from './home';

type Draft = z.output<typeof AssessmentDraftInput>;

/** The level a coma sets, from the centre's setting (GB/T 42195 sources disagree: domain.md §1.1). */
async function comaLevelSetting(db: Executor): Promise<Level> {
  return (await readSettings(db)).comaLevel;
}

export function toView(row: Selectable<AssessmentsTable>, personName: string, comaLevel: Level): AssessmentView {
  const answers = parseJsonColumn(Answers, row.answers, 'assessments.answers');
  const riskEvents = readRiskEvents(parseJsonColumn(RiskEvents.partial(), row.riskEvents, 'assessments.risk_events'));
  const total = totalScore(answers);
  const computed = finalLevel(
    total,
    { coma: row.coma === 1, dementia: row.dementia === 1, mentalDisorderByPsychiatrist: row.mentalDisorder === 1, riskEventsLast30Days: riskEventTotal(riskEvents) },
    { ...DEFAULT_LEVEL_RULES, comaLevel },
  );
  const final = row.status === 'final';
  return {
    id: row.id,
    residentId: row.residentId,
    elderId: row.elderId,
    personName,
    place: row.place,
    reason: row.reason,
    assessedOn: row.assessedOn,
    answers: Object.fromEntries(ITEMS.map((i) => [i.code, answers[i.code] ?? null])),
    riskEvents,
    coma: row.coma === 1,
    consciousness: row.consciousness,
    basicInfo: { ...EMPTY_BASIC_INFO, ...parseJsonColumn(BasicInfoInput.partial(), row.basicInfo, 'assessments.basic_info') },
    dementia: row.dementia === 1,
    mentalDisorder: row.mentalDisorder === 1,
    assessor1: assessorFromColumns(row.assessor1, row.assessor1StaffId, row.assessor1Org),
    assessor2: assessorFromColumns(row.assessor2, row.assessor2StaffId, row.assessor2Org),
    health: { ...EMPTY_HEALTH, ...parseJsonColumn(HealthInput.partial(), row.health, 'assessments.health') },
    status: row.status,
    dimensionScores: dimensionScores(answers),
    // A final assessment shows what was frozen at finalisation; a draft shows the live calculation.
    total: final ? row.total! : total,
    missing: missingItems(answers),
    preliminaryLevel: final ? row.preliminaryLevel! : computed.preliminary,
    finalLevel: final ? row.finalLevel! : computed.final,
    levelReasons: final ? parseJsonColumn(StringList, row.levelReasons, 'assessments.level_reasons') : computed.reasons,
    finalizedAt: row.finalizedAt,
    finalizedBy: row.finalizedBy,
    createdBy: row.createdBy,
  };
}

async function loadResident(db: Executor, id: string) {
  const r = await db.selectFrom('residents').select(['id', 'name', 'birthDate']).where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('老人档案');
  return r;
}

/** The assessed person: a resident, or an elder on the register (assessed at home). */
async function loadSubject(db: Executor, row: { residentId?: string | null; elderId?: string | null }) {
  if (row.elderId) return { kind: 'elder' as const, ...(await loadElder(db, row.elderId)) };
  return { kind: 'resident' as const, ...(await loadResident(db, row.residentId!)) };
}

function checkDraft(ctx: WriteContext, input: Draft, birthDate: string) {
  assertNotFuture(input.assessedOn, ctx.today, '评估日期', 'assessedOn');
  assertNotBeforeBirth(input.assessedOn, birthDate, '评估日期', 'assessedOn');
  const unknown = Object.keys(input.answers).filter((code) => !ITEMS.some((i) => i.code === code));
  if (unknown.length) throw invalid(`没有这个评估项目：${unknown.join('、')}`, 'answers');
  const [problem] = answerProblems(input.answers);
  if (problem) throw invalid(problem.message, `answers.${problem.code}`);
  const [health] = healthProblems(input.health);
  if (health) throw invalid(health.message, `health.${health.code}`);
  const [basic] = basicInfoProblems(input.basicInfo as BasicInfo);
  if (basic) throw invalid(basic.message, `basicInfo.${basic.field}`);
  const consciousness = consciousnessAnswerProblem(input);
  if (consciousness) throw invalid(consciousness.message, consciousness.field);
}

export function saveDraft(deps: BackendDeps, caller: Caller, input: Draft) {
  return writeAction(deps, caller, async (ctx) => {
    const subject = await loadSubject(ctx.trx, input);
    assertMayAssess(caller, subject.kind);
    checkDraft(ctx, input, subject.birthDate);
    if (subject.kind === 'elder') assertAtHomeOn(subject, input.assessedOn);
    const { assessor1, assessor2 } = await resolveAssessors(ctx.trx, input.assessor1, input.assessor2, input.assessedOn);
    const values = {
      // A resident's row is written as before (place defaults to 'centre'); an elder's says it was done at home.
      ...(subject.kind === 'elder' ? { elderId: subject.id, place: 'home' as const } : { residentId: subject.id }),
      reason: input.reason,
      assessedOn: input.assessedOn,
      answers: JSON.stringify(input.answers),
      riskEvents: JSON.stringify(input.riskEvents),
      coma: input.coma ? 1 : 0,
      dementia: input.dementia ? 1 : 0,
      mentalDisorder: input.mentalDisorder ? 1 : 0,
      ...assessorColumns(assessor1, assessor2),
      health: JSON.stringify(input.health),
      consciousness: input.consciousness,
      basicInfo: JSON.stringify(input.basicInfo),
    };
    if (input.id) {
      const before = await ctx.trx.selectFrom('assessments').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound('评估');
      if (before.status === 'final') throw conflict('这份评估已经定稿，不能修改；如需更正请新建一次评估');
      if (before.residentId !== (input.residentId ?? null) || before.elderId !== (input.elderId ?? null)) throw invalid('评估与老人不一致', input.elderId ? 'elderId' : 'residentId');
      await ctx.trx.updateTable('assessments').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
      await ctx.audit({ action: 'update', entity: 'assessments', entityId: input.id, before, after: values });
      return { id: input.id };
    }
    const id = newId();
    const row = { id, ...values, status: 'draft' as const, total: null, preliminaryLevel: null, finalLevel: null, levelReasons: '[]', finalizedAt: null, finalizedBy: null };
    await ctx.trx.insertInto('assessments').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'assessments', entityId: id, after: values });
    return { id };
  });
}

export function finalize(deps: BackendDeps, caller: Caller, id: string) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('评估');
    if (row.status === 'final') throw conflict('这份评估已经定稿');
    const subject = await loadSubject(ctx.trx, row);
    assertMayAssess(caller, subject.kind);
    // The register may have changed since the draft (a death recorded with an earlier date).
    if (subject.kind === 'elder') assertAtHomeOn(subject, row.assessedOn);
    const answers = parseJsonColumn(Answers, row.answers, 'assessments.answers');
    const missing = missingItems(answers);
    if (missing.length) {
      const names = missing.slice(0, 3).map((code) => `${code} ${ITEMS.find((i) => i.code === code)!.name}`);
      throw invalid(`还有 ${missing.length} 项未评分（${names.join('、')}${missing.length > 3 ? '…' : ''}），评完才能定稿`, `answers.${missing[0]}`);
    }
    if (!row.assessor1 || !row.assessor2) throw invalid('定稿需要两位评估员：请选好评估员1和评估员2', row.assessor1 ? 'assessor2' : 'assessor1');
    const health = { ...EMPTY_HEALTH, ...parseJsonColumn(HealthInput.partial(), row.health, 'assessments.health') };
    const [coma] = comaProblems({ coma: row.coma === 1, answers, consciousness: row.consciousness, a511: health.choices['A.5.11'] ?? [] });
    if (coma) throw invalid(coma.message, coma.field);
    const view = toView(row, '', await comaLevelSetting(ctx.trx));
    const frozen = {
      status: 'final' as const,
      total: view.total,
      preliminaryLevel: view.preliminaryLevel,
      finalLevel: view.finalLevel,
      levelReasons: JSON.stringify(view.levelReasons),
      finalizedAt: ctx.at,
      finalizedBy: caller.name,
    };
    await ctx.trx.updateTable('assessments').set({ ...frozen, ...ctx.stampUpdate() }).where('id', '=', id).execute();
    await ctx.audit({ action: 'update', entity: 'assessments', entityId: id, before: { status: 'draft' }, after: frozen });
    return { id };
  });
}

/** An objection to a final assessment: kept beside it, and the resident is prompted for a review assessment. */
export function recordDispute(deps: BackendDeps, caller: Caller, input: z.output<typeof DisputeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('assessments').select(['status', 'assessedOn', 'elderId']).where('id', '=', input.assessmentId).executeTakeFirst();
    if (!row) throw notFound('评估');
    // An elder's assessment at home only by those who read the register (medical accounts do not).
    if (row.elderId) assertMayRead(caller.role, 'elder');
    if (row.status !== 'final') throw conflict('草稿还没有结果，不能提出异议；请直接修改草稿');
    assertNotFuture(input.raisedOn, ctx.today, '提出日期', 'raisedOn');
    if (input.raisedOn < row.assessedOn) throw invalid('提出日期不能早于评估日期', 'raisedOn');
    const dispute = { id: newId(), ...input };
    await ctx.trx.insertInto('assessmentDisputes').values({ ...dispute, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'assessmentDisputes', entityId: dispute.id, after: dispute });
    return { id: dispute.id };
  });
}

export async function listAssessments(deps: BackendDeps, residentId: string): Promise<AssessmentView[]> {
  const resident = await loadResident(deps.db, residentId);
  const rows = await deps.db.selectFrom('assessments').selectAll().where('residentId', '=', residentId).orderBy('assessedOn', 'desc').orderBy('createdAt', 'desc').execute();
  const comaLevel = await comaLevelSetting(deps.db);
  return rows.map((r) => toView(r, resident.name, comaLevel));
}

/** An elder's assessments at home, newest first. */
export async function listElderAssessments(deps: BackendDeps, elderId: string): Promise<AssessmentView[]> {
  const elder = await loadElder(deps.db, elderId);
  const rows = await deps.db.selectFrom('assessments').selectAll().where('elderId', '=', elderId).orderBy('assessedOn', 'desc').orderBy('createdAt', 'desc').execute();
  const comaLevel = await comaLevelSetting(deps.db);
  return rows.map((r) => toView(r, elder.name, comaLevel));
}

export async function getAssessment(deps: BackendDeps, caller: Caller, id: string): Promise<AssessmentView> {
  const row = await deps.db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('评估');
  const subject = await loadSubject(deps.db, row);
  assertMayRead(caller.role, subject.kind);
  return toView(row, subject.name, await comaLevelSetting(deps.db));
}
