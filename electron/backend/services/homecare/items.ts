// The service catalogue (居家服务项目): each item's name, its GB/T 43153 category and its unit (次 or 小时). Items are
// retired, never deleted (visits and settlements keep naming them). An item's unit says how its quota and quantities
// are counted (minutes for an hourly item, times for a per-visit one), so it cannot change once the item is in use.
import type { z } from 'zod';
import type { ItemInput, ItemRow } from '@shared/api/homecare-setup';
import { conflict, notFound } from '@shared/api/errors';
import { PRICE_CLASSES } from '@shared/domain/homecare/vocab';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { inForceOn, openPlansUsing } from './setup-lookups';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

export async function listItems(deps: BackendDeps, includeRetired: boolean, today: string): Promise<ItemRow[]> {
  const rows = await deps.db
    .selectFrom('homeServiceItems')
    .selectAll()
    .$if(!includeRetired, (q) => q.where('retiredAt', 'is', null))
    .execute();
  const entitled = await deps.db
    .selectFrom('homeServiceEntitlements')
    .select(['itemId', (eb) => eb.fn.count<number>('elderId').distinct().as('n')])
    .where((eb) => inForceOn(eb, today))
    .groupBy('itemId')
    .execute();
  const prices = await deps.db.selectFrom('homeServicePrices').select(['itemId', 'priceClass']).where('effectiveFrom', '<=', today).execute();
  const priced = new Map<string, Set<string>>();
  for (const p of prices) priced.set(p.itemId, (priced.get(p.itemId) ?? new Set()).add(p.priceClass));
  const byItem = new Map(entitled.map((e) => [e.itemId, Number(e.n)]));
  const order = (r: (typeof rows)[number]) => (r.retiredAt ? 1 : 0);
  return rows
    .sort((a, b) => order(a) - order(b) || a.category.localeCompare(b.category) || collator.compare(a.name, b.name))
    .map((r) => ({
      id: r.id,
      name: r.name,
      category: r.category,
      unit: r.unit,
      retired: r.retiredAt !== null,
      entitled: byItem.get(r.id) ?? 0,
      pricedClasses: PRICE_CLASSES.filter((c) => priced.get(r.id)?.has(c)).length,
    }));
}

export function saveItem(deps: BackendDeps, caller: Caller, input: z.output<typeof ItemInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('homeServiceItems').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('服务项目');
    const same = await ctx.trx.selectFrom('homeServiceItems').select(['id', 'retiredAt']).where('name', '=', input.name).executeTakeFirst();
    if (same && same.id !== before?.id) throw conflict(`已有名为「${input.name}」的服务项目${same.retiredAt ? '（已停用，可重新启用）' : ''}`, 'name');
    if (before && before.unit !== input.unit) {
      const used = await itemUse(ctx.trx, before.id);
      if (used) throw conflict(`「${before.name}」已有${used}，不能把计量单位从「${enumLabel('serviceUnit', before.unit)}」改为「${enumLabel('serviceUnit', input.unit)}」；请另建一个项目`, 'unit');
    }
    if (before && input.retired && before.retiredAt === null) {
      const plans = await openPlansUsing(ctx.trx, { itemId: before.id }, ctx.today);
      if (plans > 0) throw conflict(`还有 ${plans} 个服务计划包含「${before.name}」，请先终止或修改这些计划再停用`, 'retired');
      const entitled = await ctx.trx
        .selectFrom('homeServiceEntitlements')
        .select((eb) => eb.fn.count<number>('elderId').distinct().as('n'))
        .where('itemId', '=', before.id)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', ctx.today)]))
        .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', ctx.today)]))
        .executeTakeFirstOrThrow();
      if (Number(entitled.n) > 0) throw conflict(`还有 ${Number(entitled.n)} 位老人享有「${before.name}」的有效额度，请先终止这些享受额度再停用`, 'retired');
    }
    const values = { name: input.name, category: input.category, unit: input.unit, retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null };
    if (before) {
      await ctx.trx.updateTable('homeServiceItems').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      const { name, category, unit, retiredAt } = before;
      await ctx.audit({ action: input.retired && !before.retiredAt ? 'retire' : 'update', entity: 'homeServiceItems', entityId: before.id, before: { name, category, unit, retiredAt }, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('homeServiceItems').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'homeServiceItems', entityId: id, after: values });
    return { id };
  });
}

/** What already counts in an item's unit: its prices, entitlements, plans or recorded visits (null: none). */
async function itemUse(db: Executor, itemId: string): Promise<string | null> {
  const count = async (table: 'homeServicePrices' | 'homeServiceEntitlements' | 'homeServiceVisitItems') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('itemId', '=', itemId).executeTakeFirstOrThrow()).n);
  const prices = await count('homeServicePrices');
  if (prices > 0) return `${prices} 条价格`;
  const entitlements = await count('homeServiceEntitlements');
  if (entitlements > 0) return `${entitlements} 条享受额度`;
  const visits = await count('homeServiceVisitItems');
  if (visits > 0) return `${visits} 次服务记录`;
  const plans = await openPlansUsing(db, { itemId }, null);
  if (plans > 0) return `${plans} 个服务计划`;
  return null;
}
