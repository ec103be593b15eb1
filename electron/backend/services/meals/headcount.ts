// Headcounts per day, meal and diet type from the stay history (who is here at the meal's time), plus the kitchen's
// adjustments with their reasons; serving a meal freezes its counts (the monthly report reads the frozen counts).
import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { AdjustInput, Headcount, ServeInput } from '@shared/api/meals';
import { conflict, invalid } from '@shared/api/errors';
import type { Settings } from '@shared/api/settings';
import { chinaInstant } from '@shared/domain/care/shifts';
import { enumLabel } from '@shared/domain/enum-labels';
import { DIET_TYPES, type DietType } from '@shared/domain/enums';
import { type Eater, type StayRecord, countByDiet, presentAt, staySpans } from '@shared/domain/meals/headcount';
import { MEALS, type Meal } from '@shared/domain/meals/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';
import { latestRiskGrade } from '../assessment/risk';
import { bedLabels } from '../facility/places';
import type { Executor } from '../../db/executor';
import { readSettings } from '../settings/settings';
import { loadDietTypes } from './diets';
import { menuEntries } from './menus';
import { Counts, parseJsonColumn } from '../../db/json';

/** How early a meal may be marked served (the kitchen plates up before the bell). */
const SERVE_EARLY_MINUTES = 120;

export function mealTime(settings: Settings, meal: Meal): string {
  return { breakfast: settings.breakfastTime, lunch: settings.lunchTime, dinner: settings.dinnerTime, snack: settings.snackTime }[meal];
}

/** Meals in the order of the day (加餐 sits between lunch and dinner by default; its time decides). */
export function mealsInOrder(settings: Settings): Meal[] {
  return [...MEALS].sort((a, b) => mealTime(settings, a).localeCompare(mealTime(settings, b)));
}

interface EaterRow extends Eater {
  name: string;
  bedId: string | null;
  avoidances: string;
  allergies: string;
}

/** Residents who may eat here on a date (current ones, and those who left on or after it), with their stay spans. */
export async function eatersOn(db: Executor, date: string): Promise<EaterRow[]> {
  const mayEat = (eb: ExpressionBuilder<DB, 'residents'>) => eb.and([eb('admittedOn', 'is not', null), eb.or([eb('status', '!=', 'discharged'), eb('dischargedOn', '>=', date)])]);
  const residents = await db.selectFrom('residents').select(['id', 'name', 'dietType', 'bedId', 'avoidances', 'allergies']).where(mayEat).execute();
  if (residents.length === 0) return [];
  // Only what can decide the date: arrivals and departures, and absences overlapping it (most leave is long over).
  const events = await db
    .selectFrom('stayEvents')
    .select(['residentId', 'type', 'date', 'endDate', 'expectedReturn', 'createdAt', 'updatedAt'])
    .where('residentId', 'in', (eb) => eb.selectFrom('residents').select('id').where(mayEat))
    .where((eb) =>
      eb.or([
        eb('type', 'in', ['admission', 'discharge']),
        eb.and([eb('type', 'in', ['leave', 'hospital']), eb('date', '<=', date), eb.or([eb('endDate', 'is', null), eb('endDate', '>=', date)])]),
      ]),
    )
    .execute();
  const byResident = new Map<string, StayRecord[]>();
  for (const e of events) byResident.set(e.residentId, [...(byResident.get(e.residentId) ?? []), e]);
  return residents.map((r) => ({
    id: r.id,
    name: r.name,
    bedId: r.bedId,
    avoidances: r.avoidances,
    allergies: r.allergies,
    dietType: (DIET_TYPES as readonly string[]).includes(r.dietType) ? r.dietType : 'other',
    spans: staySpans(byResident.get(r.id) ?? []),
  }));
}

async function adjustmentsOn(db: Executor, date: string) {
  return db.selectFrom('mealAdjustments').selectAll().where('date', '=', date).orderBy('createdAt').execute();
}

export async function headcount(deps: BackendDeps, date: string): Promise<Headcount> {
  const settings = await readSettings(deps.db);
  const eaters = await eatersOn(deps.db, date);
  const adjustments = await adjustmentsOn(deps.db, date);
  const served = await deps.db.selectFrom('mealServices').selectAll().where('date', '=', date).execute();
  const aid = await deps.db
    .selectFrom('mealAidServings')
    .select(['meal', (eb) => eb.fn.countAll<number>().as('n')])
    .where('date', '=', date)
    .where('cancelledAt', 'is', null)
    .groupBy('meal')
    .execute();
  const dietTypes = await loadDietTypes(deps.db);
  const menu = await menuEntries(deps.db, date, date);
  const meals = mealsInOrder(settings).map((meal) => {
    const time = mealTime(settings, meal);
    const at = chinaInstant(date, time);
    const present = countByDiet(eaters, at);
    const mine = adjustments.filter((a) => a.meal === meal);
    const frozen = served.find((s) => s.meal === meal);
    const frozenCounts = frozen ? parseJsonColumn(Counts, frozen.counts, 'meal_services.counts') : null;
    const diets = dietTypes
      .filter((d) => d.inUse || present.has(d.code) || mine.some((a) => a.dietType === d.code))
      .map((d) => {
        const computed = present.get(d.code)?.length ?? 0;
        const adjustment = mine.filter((a) => a.dietType === d.code).reduce((sum, a) => sum + a.delta, 0);
        const dishes = menu.find((e) => e.meal === meal && e.dietType === d.code)?.dishes ?? [];
        return { dietType: d.code, computed, adjustment, total: frozenCounts ? (frozenCounts[d.code] ?? 0) : Math.max(0, computed + adjustment), dishes };
      });
    return {
      meal,
      time,
      diets,
      residentTotal: diets.reduce((sum, d) => sum + d.total, 0),
      away: eaters.filter((e) => e.spans.residence.some((s) => s.from <= at && (s.to === null || at < s.to)) && !presentAt(e.spans, at)).map((e) => e.name),
      adjustments: mine.map((a) => ({ id: a.id, dietType: a.dietType as DietType, delta: a.delta, reason: a.reason, by: a.createdBy, at: a.createdAt })),
      served: frozen ? { at: frozen.servedAt, by: frozen.servedBy } : null,
      dinersServed: aid.find((x) => x.meal === meal)?.n ?? 0,
    };
  });
  const facility = await deps.db.selectFrom('facility').select('name').executeTakeFirst();
  return { date, meals, specialNeeds: await specialNeeds(deps.db, eaters, date, settings), facilityName: facility?.name ?? '' };
}

/** The kitchen sheet: residents here that day whose diet, avoidances, allergies or choking risk need care. */
async function specialNeeds(db: Executor, eaters: EaterRow[], date: string, settings: Settings) {
  const order = mealsInOrder(settings);
  const instants = order.map((m) => chinaInstant(date, mealTime(settings, m)));
  const here = eaters.filter((e) => instants.some((at) => presentAt(e.spans, at)));
  const choking = await latestRiskGrade(db, here.map((e) => e.id), 'choking');
  const risky = (id: string) => {
    const grade = choking.get(id);
    return grade === 'high' || grade === 'medium' ? grade : null;
  };
  const needy = here.filter((e) => e.dietType !== 'regular' || e.avoidances || e.allergies || risky(e.id));
  const beds = await bedLabels(db, needy.flatMap((e) => (e.bedId ? [e.bedId] : [])));
  return needy
    .map((e) => ({
      residentId: e.id,
      name: e.name,
      bedLabel: e.bedId ? (beds.get(e.bedId) ?? null) : null,
      dietType: e.dietType as DietType,
      avoidances: e.avoidances,
      allergies: e.allergies,
      chokingRisk: risky(e.id),
      awayFor: order.filter((_, i) => !presentAt(e.spans, instants[i])),
    }))
    .sort((a, b) => (a.chokingRisk === 'high' ? 0 : 1) - (b.chokingRisk === 'high' ? 0 : 1) || (a.bedLabel ?? '').localeCompare(b.bedLabel ?? ''));
}

export function adjustCount(deps: BackendDeps, caller: Caller, input: z.output<typeof AdjustInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const served = await ctx.trx.selectFrom('mealServices').select('servedBy').where('date', '=', input.date).where('meal', '=', input.meal).executeTakeFirst();
    if (served) throw conflict(`${input.date} ${enumLabel('meal', input.meal)}已由${served.servedBy}登记出餐，份数不能再调整`);
    const current = (await headcount({ ...deps, db: ctx.trx }, input.date)).meals.find((m) => m.meal === input.meal)!;
    const diet = current.diets.find((d) => d.dietType === input.dietType);
    const before = diet ? diet.computed + diet.adjustment : 0;
    if (before + input.delta < 0) {
      throw invalid(`${enumLabel('diet', input.dietType)}现在是 ${Math.max(0, before)} 份，减 ${-input.delta} 份后会小于0`, 'delta');
    }
    const row = { id: newId(), date: input.date, meal: input.meal, dietType: input.dietType, delta: input.delta, reason: input.reason, createdAt: ctx.at, createdBy: caller.name };
    await ctx.trx.insertInto('mealAdjustments').values(row).execute();
    await ctx.audit({ action: 'create', entity: 'mealAdjustments', entityId: row.id, after: { ...row, before, after: before + input.delta } });
    return { id: row.id };
  });
}

export function serveMeal(deps: BackendDeps, caller: Caller, input: z.output<typeof ServeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('mealServices').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const already = await ctx.trx.selectFrom('mealServices').select(['servedBy', 'servedAt']).where('date', '=', input.date).where('meal', '=', input.meal).executeTakeFirst();
    if (already) throw conflict(`${input.date} ${enumLabel('meal', input.meal)}已由${already.servedBy}登记出餐`);
    const settings = await readSettings(ctx.trx);
    const at = chinaInstant(input.date, mealTime(settings, input.meal));
    if (at.getTime() - new Date(ctx.at).getTime() > SERVE_EARLY_MINUTES * 60_000) {
      throw invalid(`${input.date} ${enumLabel('meal', input.meal)}（${mealTime(settings, input.meal)}）还没到开餐时间，最早提前${SERVE_EARLY_MINUTES / 60}小时登记出餐`, 'date');
    }
    const meal = (await headcount({ ...deps, db: ctx.trx }, input.date)).meals.find((m) => m.meal === input.meal)!;
    const counts = Object.fromEntries(meal.diets.filter((d) => d.total > 0).map((d) => [d.dietType, d.total]));
    const row = {
      id: newId(),
      date: input.date,
      meal: input.meal,
      counts: JSON.stringify(counts),
      residentTotal: meal.residentTotal,
      servedAt: ctx.at,
      servedById: caller.userId,
      servedBy: caller.name,
      requestId: input.requestId,
    };
    await ctx.trx.insertInto('mealServices').values(row).execute();
    await ctx.audit({ action: 'record', entity: 'mealServices', entityId: row.id, after: { date: row.date, meal: row.meal, counts, residentTotal: row.residentTotal } });
    return { id: row.id, repeated: false };
  });
}
