// The pressure-injury register (压疮登记): each injury with its site, where it arose (院内发生 / 入院带入 / 住院期间发生),
// the day found, the stage (A.5.1 Ⅰ–Ⅳ and 不可分期 of the assessment form; 深部组织损伤 from NPIAP 2016), its size, the
// risk scale and score, and the repositioning interval; reviews over time (stage, size, note); healed on a day; voided
// with a reason when recorded by mistake. The prevalence on a day — residents with an open injury among the residents
// of the centre, in-centre apart from brought-in, and the month's new in-centre injuries — is `pressurePrevalence`,
// which the county's figure calls too. Refused with a sentence and nothing written: a day in the future, a resident
// who was not the centre's that day, a score without its scale or out of the scale's range, only one of length and
// width, a second open injury on the same site, a review or healing of a healed or voided injury or dated before the
// injury was found or last reviewed, voiding twice.
import type { z } from 'zod';
import type { HealPressureInput, PressureQuery, PressureRow, PressureSheet, Prevalence, RecordPressureInput, ReviewPressureInput, VoidInput } from '@shared/api/health-clinical';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { daysBetween, lastDayOfMonth } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { PRESSURE_STAGES, type PressureRiskScale, type PressureStage } from '@shared/domain/health/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { matches, notFuture, residentBriefs, residentOnDay, residentsOnBooks } from './clinical-common';

/** The score range of each scale (Braden 6–23, Norton 5–20, Waterlow 0–64 as commonly printed; 'other' anything). */
export const RISK_SCORE_RANGES: Record<Exclude<PressureRiskScale, 'none'>, [number, number]> = {
  braden: [6, 23],
  norton: [5, 20],
  waterlow: [0, 64],
  other: [0, 100],
};

function checkSize(lengthCm: number | null, widthCm: number | null) {
  if ((lengthCm === null) !== (widthCm === null)) throw invalid('请同时填写长和宽（厘米），或都不填', lengthCm === null ? 'lengthCm' : 'widthCm');
}

const sizeWords = (l: number | null, w: number | null) => (l === null || w === null ? '' : `${l}×${w}厘米`);

export function recordPressureInjury(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordPressureInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('pressureInjuries').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    notFuture(input.foundOn, ctx.today, '发现日期', 'foundOn');
    if (input.riskScale === 'none' && input.riskScore !== null) throw invalid('填写了风险评分，请选择所用的评估量表', 'riskScale');
    if (input.riskScale !== 'none') {
      if (input.riskScore === null) throw invalid(`请填写${enumLabel('pressureRiskScale', input.riskScale)}评分`, 'riskScore');
      const [min, max] = RISK_SCORE_RANGES[input.riskScale];
      if (input.riskScore < min || input.riskScore > max) throw invalid(`${enumLabel('pressureRiskScale', input.riskScale)}评分应在${min}–${max}分之间`, 'riskScore');
    }
    checkSize(input.lengthCm, input.widthCm);
    const resident = await residentOnDay(db, input.residentId, input.foundOn, '压疮');
    const sameSite = await db
      .selectFrom('pressureInjuries')
      .select(['site', 'stage', 'foundOn'])
      .where('residentId', '=', resident.id)
      .where('healedOn', 'is', null)
      .where('voidedAt', 'is', null)
      .execute();
    const open = sameSite.find((s) => s.site.trim() === input.site.trim());
    if (open) throw conflict(`${resident.name}的“${open.site}”已有未愈合的压疮（${open.foundOn}发现，${enumLabel('pressureStage', open.stage)}），请在那条记录上登记复查`, 'site');
    const id = newId();
    const row = {
      id,
      residentId: resident.id,
      site: input.site,
      origin: input.origin,
      foundOn: input.foundOn,
      stage: input.stage,
      lengthCm: input.lengthCm,
      widthCm: input.widthCm,
      riskScale: input.riskScale,
      riskScore: input.riskScore,
      repositionHours: input.repositionHours,
      note: input.note,
    };
    await db.insertInto('pressureInjuries').values({ ...row, healedOn: null, requestId: input.requestId, createdAt: ctx.at, createdById: caller.userId, createdBy: caller.name }).execute();
    await ctx.audit({
      action: 'record',
      entity: 'pressureInjuries',
      entityId: id,
      after: { ...row, residentId: resident.name, origin: enumLabel('pressureOrigin', row.origin), stage: enumLabel('pressureStage', row.stage) },
    });
    return { id };
  });
}

async function injuryForChange(db: Executor, id: string) {
  const injury = await db
    .selectFrom('pressureInjuries as p')
    .innerJoin('residents as r', 'r.id', 'p.residentId')
    .select(['p.id', 'p.site', 'p.foundOn', 'p.healedOn', 'p.voidedAt', 'p.voidedBy', 'p.voidReason', 'p.stage', 'r.name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!injury) throw notFound('压疮记录');
  if (injury.voidedAt !== null) throw conflict(`这条压疮记录已由${injury.voidedBy ?? ''}作废（${injury.voidReason ?? ''}）`);
  const last = await db.selectFrom('pressureInjuryReviews').select(['reviewedOn', 'stage']).where('injuryId', '=', id).orderBy('reviewedOn', 'desc').orderBy('createdAt', 'desc').executeTakeFirst();
  return { ...injury, lastReviewedOn: last?.reviewedOn ?? null };
}

export function reviewPressureInjury(deps: BackendDeps, caller: Caller, input: z.output<typeof ReviewPressureInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('pressureInjuryReviews').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const injury = await injuryForChange(db, input.injuryId);
    if (injury.healedOn !== null) throw conflict(`${injury.name}的“${injury.site}”压疮已于${injury.healedOn}愈合，不能再登记复查；如又发生，请登记新的压疮`);
    notFuture(input.reviewedOn, ctx.today, '复查日期', 'reviewedOn');
    if (input.reviewedOn < injury.foundOn) throw invalid(`复查日期（${input.reviewedOn}）早于发现日期（${injury.foundOn}）`, 'reviewedOn');
    if (injury.lastReviewedOn !== null && input.reviewedOn < injury.lastReviewedOn) throw invalid(`复查日期（${input.reviewedOn}）早于上次复查（${injury.lastReviewedOn}）`, 'reviewedOn');
    checkSize(input.lengthCm, input.widthCm);
    const id = newId();
    const row = { id, injuryId: injury.id, reviewedOn: input.reviewedOn, stage: input.stage, lengthCm: input.lengthCm, widthCm: input.widthCm, note: input.note };
    await db.insertInto('pressureInjuryReviews').values({ ...row, requestId: input.requestId, createdAt: ctx.at, createdById: caller.userId, createdBy: caller.name }).execute();
    await ctx.audit({
      action: 'follow_up',
      entity: 'pressureInjuryReviews',
      entityId: id,
      after: { resident: injury.name, site: injury.site, reviewedOn: row.reviewedOn, stage: enumLabel('pressureStage', row.stage), size: sizeWords(row.lengthCm, row.widthCm), note: row.note },
    });
    return { id };
  });
}

export function healPressureInjury(deps: BackendDeps, caller: Caller, input: z.output<typeof HealPressureInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const injury = await injuryForChange(db, input.id);
    if (injury.healedOn !== null) throw conflict(`${injury.name}的“${injury.site}”压疮已于${injury.healedOn}登记愈合`);
    notFuture(input.healedOn, ctx.today, '愈合日期', 'healedOn');
    if (input.healedOn < injury.foundOn) throw invalid(`愈合日期（${input.healedOn}）早于发现日期（${injury.foundOn}）`, 'healedOn');
    if (injury.lastReviewedOn !== null && input.healedOn < injury.lastReviewedOn) throw invalid(`愈合日期（${input.healedOn}）早于最后一次复查（${injury.lastReviewedOn}）`, 'healedOn');
    await db.updateTable('pressureInjuries').set({ healedOn: input.healedOn }).where('id', '=', injury.id).execute();
    await ctx.audit({ action: 'close', entity: 'pressureInjuries', entityId: injury.id, before: { resident: injury.name, site: injury.site, healedOn: null }, after: { healedOn: input.healedOn } });
    return { id: injury.id };
  });
}

export function voidPressureInjury(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const injury = await injuryForChange(db, input.id);
    await db.updateTable('pressureInjuries').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', injury.id).execute();
    await ctx.audit({
      action: 'void',
      entity: 'pressureInjuries',
      entityId: injury.id,
      before: { resident: injury.name, site: injury.site, foundOn: injury.foundOn, voidedAt: null },
      after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
    });
    return { id: injury.id };
  });
}

interface InjuryFilter {
  residentId?: string | null;
  status?: 'open' | 'healed' | 'all';
  includeVoided?: boolean;
  /** Only injuries open on some day of [from, to]. */
  openFrom?: string;
  openTo?: string;
}

/** The injuries with their reviews, as every list, the sheet and the health file read them. */
export async function injuryRows(db: Executor, filter: InjuryFilter, today: string): Promise<PressureRow[]> {
  let query = db.selectFrom('pressureInjuries').selectAll();
  if (filter.residentId) query = query.where('residentId', '=', filter.residentId);
  if (filter.status === 'open') query = query.where('healedOn', 'is', null);
  if (filter.status === 'healed') query = query.where('healedOn', 'is not', null);
  if (filter.includeVoided !== true) query = query.where('voidedAt', 'is', null);
  if (filter.openTo !== undefined) query = query.where('foundOn', '<=', filter.openTo);
  if (filter.openFrom !== undefined) {
    const from = filter.openFrom;
    query = query.where((eb) => eb.or([eb('healedOn', 'is', null), eb('healedOn', '>=', from)]));
  }
  const rows = await query.orderBy('foundOn', 'desc').orderBy('createdAt', 'desc').limit(5000).execute();
  if (rows.length === 0) return [];
  const reviews = await db
    .selectFrom('pressureInjuryReviews')
    .selectAll()
    .where('injuryId', 'in', rows.map((r) => r.id))
    .orderBy('reviewedOn')
    .orderBy('createdAt')
    .execute();
  const briefs = await residentBriefs(db, rows.map((r) => r.residentId));
  return rows.map((r): PressureRow => {
    const own = reviews.filter((v) => v.injuryId === r.id);
    const last = own.at(-1);
    const b = briefs.get(r.residentId);
    return {
      id: r.id,
      residentId: r.residentId,
      name: b?.name ?? '',
      bedLabel: b?.bedLabel ?? null,
      residentStatus: b?.status ?? 'discharged',
      site: r.site,
      origin: r.origin,
      foundOn: r.foundOn,
      stage: r.stage,
      lengthCm: r.lengthCm,
      widthCm: r.widthCm,
      riskScale: r.riskScale,
      riskScore: r.riskScore,
      repositionHours: r.repositionHours,
      note: r.note,
      currentStage: last?.stage ?? r.stage,
      currentLengthCm: last ? last.lengthCm : r.lengthCm,
      currentWidthCm: last ? last.widthCm : r.widthCm,
      lastReviewedOn: last?.reviewedOn ?? null,
      reviews: own.map((v) => ({ id: v.id, reviewedOn: v.reviewedOn, stage: v.stage, lengthCm: v.lengthCm, widthCm: v.widthCm, note: v.note, recordedBy: v.createdBy })),
      healedOn: r.healedOn,
      days: Math.max(0, daysBetween(r.foundOn, r.healedOn ?? today)),
      recordedBy: r.createdBy,
      voided: r.voidedAt === null ? null : { at: r.voidedAt, by: r.voidedBy ?? '', reason: r.voidReason ?? '' },
    };
  });
}

export async function pressureInjuries(db: Executor, q: z.output<typeof PressureQuery>, today: string): Promise<PressureRow[]> {
  const rows = await injuryRows(db, q, today);
  if (q.search.trim() === '') return rows;
  const briefs = await residentBriefs(db, rows.map((r) => r.residentId));
  return rows.filter((r) => matches(q.search, [r.name, r.site, r.note, r.bedLabel ?? ''], [briefs.get(r.residentId)?.initials ?? '']));
}

/**
 * Pressure-injury prevalence on a day: among the residents of the centre that day (residentsOnBooks: admitted, not
 * discharged, those away included), how many have an open injury (found by that day, not healed by it, not voided), an
 * in-centre one, a brought-in one; the stages of the open injuries (their latest review by that day); and the in-centre
 * injuries first found in `month` (the month of onDate unless given). The county's figure uses this same function.
 */
export async function pressurePrevalence(db: Executor, onDate: string, month: string = onDate.slice(0, 7)): Promise<Prevalence> {
  const residents = await residentsOnBooks(db, onDate);
  const open = await db
    .selectFrom('pressureInjuries')
    .select(['id', 'residentId', 'origin', 'stage'])
    .where('voidedAt', 'is', null)
    .where('foundOn', '<=', onDate)
    .where((eb) => eb.or([eb('healedOn', 'is', null), eb('healedOn', '>', onDate)]))
    .execute();
  const counted = open.filter((o) => residents.has(o.residentId));
  const reviews = counted.length
    ? await db
        .selectFrom('pressureInjuryReviews')
        .select(['injuryId', 'stage'])
        .where('injuryId', 'in', counted.map((o) => o.id))
        .where('reviewedOn', '<=', onDate)
        .orderBy('reviewedOn')
        .orderBy('createdAt')
        .execute()
    : [];
  const stageNow = new Map<string, PressureStage>();
  for (const r of reviews) stageNow.set(r.injuryId, r.stage);
  const byStage = Object.fromEntries(PRESSURE_STAGES.map((s) => [s, 0])) as Record<PressureStage, number>;
  for (const o of counted) byStage[stageNow.get(o.id) ?? o.stage] += 1;
  const withOpen = new Set(counted.map((o) => o.residentId));
  const withInCentre = new Set(counted.filter((o) => o.origin === 'in_centre').map((o) => o.residentId));
  const withBroughtIn = new Set(counted.filter((o) => o.origin !== 'in_centre').map((o) => o.residentId));
  const fresh = await db
    .selectFrom('pressureInjuries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('voidedAt', 'is', null)
    .where('origin', '=', 'in_centre')
    .where('foundOn', '>=', `${month}-01`)
    .where('foundOn', '<=', lastDayOfMonth(month))
    .executeTakeFirstOrThrow();
  const percent = (n: number) => (residents.size === 0 ? 0 : Math.round((n / residents.size) * 1000) / 10);
  return {
    onDate,
    residents: residents.size,
    withOpen: withOpen.size,
    withInCentre: withInCentre.size,
    withBroughtIn: withBroughtIn.size,
    ratePercent: percent(withOpen.size),
    inCentreRatePercent: percent(withInCentre.size),
    month,
    newInCentre: Number(fresh.n),
    byStage,
  };
}

/** The printed 压疮登记表 of a month: the injuries open on some day of it, and the prevalence at its end. */
export async function pressureSheet(db: Executor, month: string, today: string): Promise<PressureSheet> {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const facility = await db.selectFrom('facility').select('name').executeTakeFirst();
  const rows = (await injuryRows(db, { openFrom: first, openTo: last }, today < last ? today : last)).sort((a, b) => a.foundOn.localeCompare(b.foundOn));
  const onDate = today < last ? (today < first ? first : today) : last;
  return { month, centre: facility?.name ?? '', rows, prevalence: await pressurePrevalence(db, onDate, month) };
}
