// 食品留样: a sample of every dish of every meal, weighed, timed, signed by the signed-in person, kept in a named
// fridge and thrown away no sooner than the rule allows. Warnings: dishes of a served meal with no sample, samples
// thrown away early, samples below the weight. The limits are settings (default 125 g, 48 h).
import type { z } from 'zod';
import type { DisposeInput, SampleInput, SampleWarning } from '@shared/api/meals';
import { conflict, invalid, notFound } from '@shared/api/errors';
import type { Settings } from '@shared/api/settings';
import { chinaInstant, chinaWallClock } from '@shared/domain/care/shifts';
import { addDays, chinaDate } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { type SampleRule, dishesWithoutSample, disposedEarly, keepUntil, tooSmall } from '@shared/domain/meals/samples';
import type { Meal } from '@shared/domain/meals/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { centreStartedAt } from '../facility/profile';
import { readSettings } from '../settings/settings';
import { mealTime, mealsInOrder } from './headcount';
import { menuEntries } from './menus';

const ruleOf = (s: Settings): SampleRule => ({ minGrams: s.sampleMinGrams, minHours: s.sampleMinHours });

type SampleDbRow = Awaited<ReturnType<typeof samplesBetween>>[number];
const samplesBetween = (db: Executor, from: string, to: string) =>
  db.selectFrom('foodSamples').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('sampledAt').execute();

function toRow(s: SampleDbRow, rule: SampleRule) {
  return {
    id: s.id,
    date: s.date,
    meal: s.meal,
    dish: s.dish,
    amountGrams: s.amountGrams,
    sampledAt: s.sampledAt,
    fridge: s.fridge,
    sampledBy: s.sampledBy,
    keepUntil: keepUntil(s.sampledAt, rule).toISOString(),
    disposedAt: s.disposedAt,
    disposedBy: s.disposedBy,
    earlyReason: s.earlyReason,
    underweight: tooSmall(s, rule),
    disposedEarly: disposedEarly(s, rule),
  };
}

/** Dishes on the menu of each meal of each day (all diet types together). */
async function dishesByMeal(db: Executor, from: string, to: string) {
  const byKey = new Map<string, string[]>();
  for (const e of await menuEntries(db, from, to)) {
    const key = `${e.date}|${e.meal}`;
    byKey.set(key, [...new Set([...(byKey.get(key) ?? []), ...e.dishes])]);
  }
  return byKey;
}

/** Warnings for a range of days; a meal counts as served when recorded so, or when its time has passed with a menu. */
export async function sampleWarnings(deps: BackendDeps, from: string, to: string): Promise<SampleWarning[]> {
  if (to < from) throw invalid('结束日期不能早于开始日期', 'to');
  if (addDays(from, 92) < to) throw invalid('一次最多查92天', 'to');
  const settings = await readSettings(deps.db);
  const rule = ruleOf(settings);
  const samples = await samplesBetween(deps.db, from, to);
  const dishes = await dishesByMeal(deps.db, from, to);
  const served = await deps.db.selectFrom('mealServices').select(['date', 'meal']).where('date', '>=', from).where('date', '<=', to).execute();
  const servedKeys = new Set(served.map((s) => `${s.date}|${s.meal}`));
  const now = deps.clock.now();
  const startedAt = await centreStartedAt(deps.db);
  const warnings: SampleWarning[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const meal of mealsInOrder(settings)) {
      const key = `${date}|${meal}`;
      // A meal before the centre started using the system (or while its profile is not yet saved) is no missed
      // sample, unless its serving was recorded.
      if (!servedKeys.has(key) && (!startedAt || chinaInstant(date, mealTime(settings, meal)) < startedAt)) continue;
      const menu = dishes.get(key) ?? [];
      const wasServed = servedKeys.has(key) || (menu.length > 0 && chinaInstant(date, mealTime(settings, meal)) <= now);
      if (!wasServed) continue;
      const kept = samples.filter((s) => s.date === date && s.meal === meal);
      const missing = dishesWithoutSample(menu, kept);
      if (missing.length > 0) warnings.push({ kind: 'missing', date, meal, text: `${date} ${enumLabel('meal', meal)}没有留样：${missing.join('、')}` });
      else if (menu.length === 0 && kept.length === 0) warnings.push({ kind: 'missing', date, meal, text: `${date} ${enumLabel('meal', meal)}已出餐，但没有菜单也没有留样记录` });
    }
  }
  for (const s of samples) {
    const what = `${s.date} ${enumLabel('meal', s.meal)}「${s.dish}」`;
    if (disposedEarly(s, rule)) warnings.push({ kind: 'early', date: s.date, meal: s.meal, text: `${what}留样不到${rule.minHours}小时就处理了（${s.disposedBy}，原因：${s.earlyReason ?? '未写'}）` });
    if (tooSmall(s, rule)) warnings.push({ kind: 'underweight', date: s.date, meal: s.meal, text: `${what}留样 ${s.amountGrams} 克，少于 ${rule.minGrams} 克` });
  }
  return warnings.sort((a, b) => a.date.localeCompare(b.date));
}

export async function sampleDay(deps: BackendDeps, date: string) {
  const settings = await readSettings(deps.db);
  const rule = ruleOf(settings);
  const dishes = await dishesByMeal(deps.db, date, date);
  const due = await deps.db.selectFrom('foodSamples').select(['sampledAt']).where('disposedAt', 'is', null).execute();
  const now = deps.clock.now();
  return {
    date,
    samples: (await samplesBetween(deps.db, date, date)).map((s) => toRow(s, rule)),
    menuDishes: mealsInOrder(settings).map((meal) => ({ meal, dishes: dishes.get(`${date}|${meal}`) ?? [] })),
    warnings: await sampleWarnings(deps, date, date),
    dueForDisposal: due.filter((s) => keepUntil(s.sampledAt, rule) <= now).length,
    rule,
  };
}

export function recordSample(deps: BackendDeps, caller: Caller, input: z.output<typeof SampleInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('foodSamples').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const rule = ruleOf(await readSettings(ctx.trx));
    const sampledAt = new Date(input.sampledAt);
    if (sampledAt > new Date(ctx.at)) throw invalid(`留样时间（${chinaWallClock(sampledAt)}）在将来`, 'sampledAt');
    if (chinaDate(sampledAt) !== input.date) throw invalid(`留样时间（${chinaWallClock(sampledAt)}）不在 ${input.date} 这一天`, 'sampledAt');
    const dish = input.dish.trim();
    const twice = await ctx.trx.selectFrom('foodSamples').select('sampledBy').where('date', '=', input.date).where('meal', '=', input.meal).where('dish', '=', dish).executeTakeFirst();
    if (twice) throw conflict(`${input.date} ${enumLabel('meal', input.meal)}「${dish}」已由${twice.sampledBy}留样`, 'dish');
    if (input.amountGrams < rule.minGrams && !input.confirmUnderweight) {
      throw invalid(`留样量 ${input.amountGrams} 克少于规定的 ${rule.minGrams} 克。请补足；确实只留了这么多就勾选“按实际重量登记”`, 'amountGrams');
    }
    const row = {
      id: newId(),
      date: input.date,
      meal: input.meal as Meal,
      dish,
      amountGrams: input.amountGrams,
      sampledAt: sampledAt.toISOString(),
      fridge: input.fridge,
      sampledById: caller.userId,
      sampledBy: caller.name,
      requestId: input.requestId,
      createdAt: ctx.at,
    };
    await ctx.trx.insertInto('foodSamples').values(row).execute();
    await ctx.audit({ action: 'record', entity: 'foodSamples', entityId: row.id, after: { date: row.date, meal: row.meal, dish, amountGrams: row.amountGrams, sampledAt: row.sampledAt, fridge: row.fridge } });
    return { id: row.id, repeated: false };
  });
}

export function disposeSample(deps: BackendDeps, caller: Caller, input: z.output<typeof DisposeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const s = await ctx.trx.selectFrom('foodSamples').selectAll().where('id', '=', input.sampleId).executeTakeFirst();
    if (!s) throw notFound('留样记录');
    if (s.disposedAt) throw conflict(`「${s.dish}」的留样已由${s.disposedBy}处理`);
    const rule = ruleOf(await readSettings(ctx.trx));
    const until = keepUntil(s.sampledAt, rule);
    const early = new Date(ctx.at) < until;
    if (early && !input.earlyReason) {
      throw invalid(`「${s.dish}」的留样要保存到 ${chinaWallClock(until)}（满${rule.minHours}小时），现在处理属于提前处理，请写明原因`, 'earlyReason');
    }
    const after = { disposedAt: ctx.at, disposedBy: caller.name, earlyReason: early ? input.earlyReason : null };
    await ctx.trx.updateTable('foodSamples').set(after).where('id', '=', s.id).execute();
    await ctx.audit({ action: 'update', entity: 'foodSamples', entityId: s.id, before: { disposedAt: null }, after });
    return { id: s.id };
  });
}

/** The morning job: every sample kept its full time is thrown away in one action, signed by the person doing it. */
export function disposeDue(deps: BackendDeps, caller: Caller) {
  return writeAction(deps, caller, async (ctx) => {
    const rule = ruleOf(await readSettings(ctx.trx));
    const open = await ctx.trx.selectFrom('foodSamples').select(['id', 'sampledAt', 'dish', 'date', 'meal']).where('disposedAt', 'is', null).execute();
    const due = open.filter((s) => keepUntil(s.sampledAt, rule) <= new Date(ctx.at));
    if (due.length === 0) throw invalid(`没有已满${rule.minHours}小时、可以处理的留样`);
    await ctx.trx.updateTable('foodSamples').set({ disposedAt: ctx.at, disposedBy: caller.name, earlyReason: null }).where('id', 'in', due.map((s) => s.id)).execute();
    for (const s of due) await ctx.audit({ action: 'update', entity: 'foodSamples', entityId: s.id, before: { disposedAt: null }, after: { disposedAt: ctx.at, disposedBy: caller.name } });
    return { disposed: due.length };
  });
}
