// 助餐 servings: one meal for one diner on one day, dine-in or delivered, at the price and subsidy in force that day
// (copied onto the serving, so a later price change never rewrites it). A mistaken serving is cancelled with a reason.
import type { z } from 'zod';
import type { CancelServingInput, ServeDinerInput } from '@shared/api/meals';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { payableFen, priceOn } from '@shared/domain/meals/prices';
import type { Meal } from '@shared/domain/meals/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { assertNotResident, dinerActiveOn, selectDiners } from './diners';
import { loadPrices } from './prices';

export async function servingDay(deps: BackendDeps, date: string, meal: Meal, query: string) {
  const diners = await selectDiners(deps.db).execute();
  const servings = await deps.db.selectFrom('mealAidServings').selectAll().where('date', '=', date).where('meal', '=', meal).where('cancelledAt', 'is', null).execute();
  const prices = await loadPrices(deps.db);
  const servedIds = new Set(servings.map((s) => s.dinerId));
  const text = query.trim();
  const lines = diners
    .filter((d) => dinerActiveOn(d, date) || servedIds.has(d.id))
    .filter((d) => !text || d.name.includes(text) || d.nameInitials.startsWith(text.toLowerCase()) || d.village.includes(text) || d.route.includes(text))
    .map((d) => {
      const price = priceOn(prices, d.category, meal, date);
      const s = servings.find((x) => x.dinerId === d.id);
      return {
        dinerId: d.id,
        name: d.name,
        village: d.village,
        category: d.category,
        defaultMode: d.defaultMode,
        route: d.route,
        price: price ? { priceFen: price.priceFen, subsidyFen: price.subsidyFen, payableFen: payableFen(price) } : null,
        serving: s ? { id: s.id, mode: s.mode, priceFen: s.priceFen, subsidyFen: s.subsidyFen, by: s.createdBy, at: s.createdAt } : null,
      };
    });
  return {
    date,
    meal,
    lines,
    served: servings.length,
    dineIn: servings.filter((s) => s.mode === 'dine_in').length,
    delivered: servings.filter((s) => s.mode === 'delivery').length,
  };
}

export function serveDiner(deps: BackendDeps, caller: Caller, input: z.output<typeof ServeDinerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('mealAidServings').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const diner = await selectDiners(ctx.trx).where('mealAidDiners.id', '=', input.dinerId).executeTakeFirst();
    if (!diner) throw notFound('助餐对象');
    const what = `${input.date} ${enumLabel('meal', input.meal)}`;
    if (input.date > ctx.today) throw invalid(`不能给将来的日期（${input.date}）记助餐`, 'date');
    if (!dinerActiveOn(diner, input.date)) throw invalid(`${diner.name}已于 ${diner.leftOn} 停止助餐`);
    await assertNotResident(ctx.trx, diner.idNumber, diner.name);
    const twice = await ctx.trx.selectFrom('mealAidServings').select(['createdBy', 'mode']).where('dinerId', '=', diner.id).where('date', '=', input.date).where('meal', '=', input.meal).where('cancelledAt', 'is', null).executeTakeFirst();
    if (twice) throw conflict(`${diner.name} ${what}已由${twice.createdBy}记过（${enumLabel('servingMode', twice.mode)}），同一餐不能记两次`);
    const price = priceOn(await loadPrices(ctx.trx), diner.category, input.meal, input.date);
    if (!price) throw invalid(`还没有设定${enumLabel('dinerCategory', diner.category)}${enumLabel('meal', input.meal)}在 ${input.date} 的餐费，请院长先在“价格与补贴”里设定`);
    const row = {
      id: newId(),
      dinerId: diner.id,
      date: input.date,
      meal: input.meal,
      mode: input.mode,
      category: diner.category,
      priceFen: price.priceFen,
      subsidyFen: price.subsidyFen,
      requestId: input.requestId,
      createdAt: ctx.at,
      createdBy: caller.name,
    };
    await ctx.trx.insertInto('mealAidServings').values(row).execute();
    await ctx.audit({ action: 'record', entity: 'mealAidServings', entityId: row.id, after: { diner: diner.name, date: row.date, meal: row.meal, mode: row.mode, priceFen: row.priceFen, subsidyFen: row.subsidyFen } });
    return { id: row.id, repeated: false };
  });
}

export function cancelServing(deps: BackendDeps, caller: Caller, input: z.output<typeof CancelServingInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const s = await ctx.trx.selectFrom('mealAidServings').selectAll().where('id', '=', input.servingId).executeTakeFirst();
    if (!s) throw notFound('助餐记录');
    if (s.cancelledAt) throw conflict(`这条记录已由${s.cancelledBy}取消`);
    await ctx.trx.updateTable('mealAidServings').set({ cancelledAt: ctx.at, cancelledBy: caller.name, cancelReason: input.reason }).where('id', '=', s.id).execute();
    await ctx.audit({ action: 'update', entity: 'mealAidServings', entityId: s.id, before: { cancelledAt: null }, after: { cancelledAt: ctx.at, cancelReason: input.reason } });
    return { id: s.id };
  });
}

/** Who gets a meal brought home, by route: diners who take delivery, and anyone already served by delivery. */
export async function deliveryList(deps: BackendDeps, date: string, meal: Meal) {
  const day = await servingDay(deps, date, meal, '');
  const diners = await selectDiners(deps.db).execute();
  const contact = new Map(diners.map((d) => [d.id, d]));
  const stops = day.lines.filter((l) => (l.serving ? l.serving.mode === 'delivery' : l.defaultMode === 'delivery'));
  const routes = [...new Set(stops.map((s) => s.route || '未分路线'))].sort();
  const facility = await deps.db.selectFrom('facility').select('name').executeTakeFirst();
  return {
    date,
    meal,
    facilityName: facility?.name ?? '',
    routes: routes.map((route) => ({
      route,
      stops: stops
        .filter((s) => (s.route || '未分路线') === route)
        .map((s) => ({ name: s.name, village: s.village, address: contact.get(s.dinerId)?.address ?? '', phone: contact.get(s.dinerId)?.phone ?? '', served: s.serving !== null })),
    })),
  };
}
