// Dated prices and subsidy of each service item per price class, in fen (an hourly item's price is per hour). A row
// applies from its date until the next row of the same item and class. Visits keep no price: the month's settlement
// prices them, so a new price may start in any month not yet settled, and is refused when it would reprice a settled
// one (a month with a non-voided settlement that ends on or after its date).
import type { z } from 'zod';
import type { PriceInput, PriceRow } from '@shared/api/homecare-setup';
import { conflict, invalid } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { PRICE_CLASSES, type PriceClass } from '@shared/domain/homecare/vocab';
import { lastDayOfMonth, addDays } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { itemForUse } from './setup-lookups';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
const yuan = (fen: number) => (fen / 100).toFixed(2);

interface Dated {
  itemId: string;
  priceClass: string;
  effectiveFrom: string;
}

/** The row in force on a day for an item and class, or null when none has started yet. */
export function homePriceOn<T extends Dated>(rows: readonly T[], itemId: string, priceClass: PriceClass, day: string): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (r.itemId !== itemId || r.priceClass !== priceClass || r.effectiveFrom > day) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

export async function listPrices(db: Executor, onDate: string): Promise<PriceRow[]> {
  const rows = await db
    .selectFrom('homeServicePrices')
    .innerJoin('homeServiceItems', 'homeServiceItems.id', 'homeServicePrices.itemId')
    .selectAll('homeServicePrices')
    .select(['homeServiceItems.name as item', 'homeServiceItems.unit'])
    .execute();
  rows.sort(
    (a, b) =>
      collator.compare(a.item, b.item) ||
      PRICE_CLASSES.indexOf(a.priceClass) - PRICE_CLASSES.indexOf(b.priceClass) ||
      b.effectiveFrom.localeCompare(a.effectiveFrom),
  );
  return rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    item: r.item,
    unit: r.unit,
    priceClass: r.priceClass,
    effectiveFrom: r.effectiveFrom,
    priceFen: r.priceFen,
    subsidyFen: r.subsidyFen,
    personalFen: r.priceFen - r.subsidyFen,
    current: homePriceOn(rows, r.itemId, r.priceClass, onDate)?.id === r.id,
    by: r.updatedBy,
  }));
}

/** The latest month settled (a non-voided settlement of any provider) that ends on or after the day, or null. */
export async function settledMonthFrom(db: Executor, day: string) {
  return db
    .selectFrom('homeServiceSettlements')
    .innerJoin('homeServiceProviders', 'homeServiceProviders.id', 'homeServiceSettlements.providerId')
    .select(['homeServiceSettlements.month', 'homeServiceProviders.name as provider'])
    .where('homeServiceSettlements.voidedAt', 'is', null)
    .where('homeServiceSettlements.month', '>=', day.slice(0, 7))
    .orderBy('homeServiceSettlements.month', 'desc')
    .executeTakeFirst();
}

export function savePrice(deps: BackendDeps, caller: Caller, input: z.output<typeof PriceInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const item = await itemForUse(ctx.trx, input.itemId);
    const what = `「${item.name}」${enumLabel('priceClass', input.priceClass)}`;
    if (input.subsidyFen > input.priceFen) throw invalid(`${what}的补贴（${yuan(input.subsidyFen)} 元）不能高于价格（${yuan(input.priceFen)} 元）`, 'subsidyFen');
    const settled = await settledMonthFrom(ctx.trx, input.effectiveFrom);
    if (settled) {
      const [y, m] = settled.month.split('-');
      throw conflict(
        `${y}年${Number(m)}月已结算（${settled.provider}），从 ${input.effectiveFrom} 起改价会改动已结算的月份；新价格最早从 ${addDays(lastDayOfMonth(settled.month), 1)} 起执行`,
        'effectiveFrom',
      );
    }
    const before = await ctx.trx
      .selectFrom('homeServicePrices')
      .selectAll()
      .where('itemId', '=', input.itemId)
      .where('priceClass', '=', input.priceClass)
      .where('effectiveFrom', '=', input.effectiveFrom)
      .executeTakeFirst();
    const after = { itemId: input.itemId, priceClass: input.priceClass, effectiveFrom: input.effectiveFrom, priceFen: input.priceFen, subsidyFen: input.subsidyFen };
    if (before) {
      await ctx.trx.updateTable('homeServicePrices').set({ priceFen: input.priceFen, subsidyFen: input.subsidyFen, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'homeServicePrices', entityId: before.id, before: { ...after, priceFen: before.priceFen, subsidyFen: before.subsidyFen }, after });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('homeServicePrices').values({ id, ...after, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'homeServicePrices', entityId: id, after });
    return { id };
  });
}
