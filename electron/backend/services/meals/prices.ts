// Dated 助餐 prices and subsidies per category and meal, in fen. A new row applies from its date; a serving keeps the
// price it was served at. A price may not start before meals already served at the old price (that would silently
// rewrite a claimed month), so back-dating stops at the last serving.
import type { z } from 'zod';
import type { PriceInput } from '@shared/api/meals';
import { conflict, invalid } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { payableFen, priceOn } from '@shared/domain/meals/prices';
import { DINER_CATEGORIES, MEALS } from '@shared/domain/meals/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';

export async function loadPrices(db: Executor) {
  const rows = await db.selectFrom('mealAidPrices').selectAll().execute();
  const rank = (r: (typeof rows)[number]) => DINER_CATEGORIES.indexOf(r.category) * 10 + MEALS.indexOf(r.meal);
  return rows.sort((a, b) => rank(a) - rank(b) || b.effectiveFrom.localeCompare(a.effectiveFrom));
}

export async function listPrices(deps: BackendDeps, onDate: string) {
  const rows = await loadPrices(deps.db);
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    meal: r.meal,
    effectiveFrom: r.effectiveFrom,
    priceFen: r.priceFen,
    subsidyFen: r.subsidyFen,
    payableFen: payableFen(r),
    current: priceOn(rows, r.category, r.meal, onDate)?.id === r.id,
    by: r.updatedBy,
  }));
}

export function savePrice(deps: BackendDeps, caller: Caller, input: z.output<typeof PriceInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const what = `${enumLabel('dinerCategory', input.category)}${enumLabel('meal', input.meal)}`;
    if (input.subsidyFen > input.priceFen) throw invalid(`${what}的补贴（${input.subsidyFen / 100} 元）不能高于餐费（${input.priceFen / 100} 元）`, 'subsidyFen');
    const later = await ctx.trx
      .selectFrom('mealAidServings')
      .select(['date', (eb) => eb.fn.countAll<number>().as('n')])
      .where('category', '=', input.category)
      .where('meal', '=', input.meal)
      .where('date', '>=', input.effectiveFrom)
      .where('cancelledAt', 'is', null)
      .groupBy('date')
      .orderBy('date', 'desc')
      .execute();
    if (later.length > 0) {
      const n = later.reduce((sum, r) => sum + r.n, 0);
      throw conflict(`${input.effectiveFrom} 以后已按原价记了 ${n} 份${what}（最后一份在 ${later[0].date}），新价格最早从 ${addDays(later[0].date, 1)} 起执行`, 'effectiveFrom');
    }
    const before = await ctx.trx.selectFrom('mealAidPrices').selectAll().where('category', '=', input.category).where('meal', '=', input.meal).where('effectiveFrom', '=', input.effectiveFrom).executeTakeFirst();
    const after = { category: input.category, meal: input.meal, effectiveFrom: input.effectiveFrom, priceFen: input.priceFen, subsidyFen: input.subsidyFen };
    if (before) {
      await ctx.trx.updateTable('mealAidPrices').set({ priceFen: input.priceFen, subsidyFen: input.subsidyFen, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'mealAidPrices', entityId: before.id, before: { ...after, priceFen: before.priceFen, subsidyFen: before.subsidyFen }, after });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('mealAidPrices').values({ id, ...after, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'mealAidPrices', entityId: id, after });
    return { id };
  });
}

