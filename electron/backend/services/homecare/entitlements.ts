// Entitlements (享受额度): what an elder may receive per month of an item — minutes for an hourly item, times for a
// per-visit one — as a county document grants it, for its period. Only for elders on the register living at home; an
// elder has at most one entitlement of an item in force on any day. Ended with a reason (the last day it is in force),
// never deleted.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { EndEntitlementInput, EntitlementInput, EntitlementQuery, EntitlementRow } from '@shared/api/homecare-setup';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { elderAtHome, inForceOn, itemForUse, lastDayOf } from './setup-lookups';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

const inForce = (r: { validFrom: string; validTo: string | null; endedOn: string | null }, day: string) => {
  const last = lastDayOf(r.validTo, r.endedOn);
  return r.validFrom <= day && (last === null || last >= day);
};

export async function listEntitlements(db: Executor, query: z.output<typeof EntitlementQuery>, today: string): Promise<EntitlementRow[]> {
  const q = query.query.toLowerCase();
  const rows = await db
    .selectFrom('homeServiceEntitlements')
    .innerJoin('elders', 'elders.id', 'homeServiceEntitlements.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .innerJoin('homeServiceItems', 'homeServiceItems.id', 'homeServiceEntitlements.itemId')
    .selectAll('homeServiceEntitlements')
    .select(['elders.name as elder', 'elders.status as elderStatus', 'elders.nameInitials', 'elders.villageId', 'villages.name as village', 'homeServiceItems.name as item', 'homeServiceItems.unit'])
    .$if(query.elderId !== null, (w) => w.where('homeServiceEntitlements.elderId', '=', query.elderId as string))
    .$if(query.villageId !== null, (w) => w.where('elders.villageId', '=', query.villageId as string))
    .$if(query.activeOn !== null, (w) => w.where((eb) => inForceOn(eb, query.activeOn as string)))
    .$if(q !== '', (w) =>
      w.where((eb) =>
        eb.or([
          eb('elders.name', 'like', `%${q}%`),
          eb(sql<string>`lower(elders.name_initials)`, 'like', `%${q}%`),
          eb('homeServiceEntitlements.documentNo', 'like', `%${q}%`),
          eb('homeServiceItems.name', 'like', `%${q}%`),
        ]),
      ),
    )
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      elderId: r.elderId,
      elder: r.elder,
      villageId: r.villageId,
      village: r.village,
      elderStatus: r.elderStatus,
      itemId: r.itemId,
      item: r.item,
      unit: r.unit,
      monthlyQuota: r.monthlyQuota,
      documentNo: r.documentNo,
      grantedOn: r.grantedOn,
      validFrom: r.validFrom,
      validTo: r.validTo,
      endedOn: r.endedOn,
      endReason: r.endReason,
      note: r.note,
      active: inForce(r, today),
      by: r.updatedBy,
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.village, b.village) || collator.compare(a.elder, b.elder) || collator.compare(a.item, b.item) || b.validFrom.localeCompare(a.validFrom));
}

/**
 * An entitlement already used keeps what the months of its use counted on (the elder's month, the county's package):
 * its item, quota and start stay, and its end may not come before the last service it covered. Anything else is a
 * new entitlement — end this one with a reason and grant the new one from its date.
 */
/** The day of the last done, not voided visit the entitlement covered (its elder and item, from its start), or null. */
async function lastUseOf(trx: Executor, e: { elderId: string; itemId: string; validFrom: string }): Promise<string | null> {
  const lastUse = await trx
    .selectFrom('homeServiceVisitItems')
    .innerJoin('homeServiceVisits', 'homeServiceVisits.id', 'homeServiceVisitItems.visitId')
    .select((eb) => eb.fn.max('homeServiceVisits.serviceOn').as('on'))
    .where('homeServiceVisits.elderId', '=', e.elderId)
    .where('homeServiceVisitItems.itemId', '=', e.itemId)
    .where('homeServiceVisits.outcome', '=', 'done')
    .where('homeServiceVisits.voidedAt', 'is', null)
    .where('homeServiceVisits.serviceOn', '>=', e.validFrom)
    .executeTakeFirst();
  return lastUse?.on ?? null;
}

async function keepUsedMonths(
  trx: Executor,
  before: { elderId: string; itemId: string; monthlyQuota: number; validFrom: string },
  input: { itemId: string; monthlyQuota: number; validFrom: string; validTo: string | null },
  itemName: string,
) {
  const used = await lastUseOf(trx, before);
  if (used === null) return;
  const changed = [input.itemId !== before.itemId && '服务项目', input.monthlyQuota !== before.monthlyQuota && '每月额度', input.validFrom !== before.validFrom && '开始日期'].filter(Boolean);
  if (changed.length > 0)
    throw conflict(`这份「${itemName}」额度已经用过（最近一次服务在 ${used}），改${changed.join('、')}会改动以前月份的数字；请终止这份额度并写明原因，再从新的日期起另登记一份`, input.monthlyQuota !== before.monthlyQuota ? 'monthlyQuota' : input.itemId !== before.itemId ? 'itemId' : 'validFrom');
  if (input.validTo !== null && input.validTo < used) throw conflict(`这份额度在 ${used} 还用过，有效期不能在那天之前结束`, 'validTo');
}

export function saveEntitlement(deps: BackendDeps, caller: Caller, input: z.output<typeof EntitlementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('homeServiceEntitlements').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('享受额度');
    if (before?.endedOn) throw conflict(`这条享受额度已于 ${before.endedOn} 终止，不能再修改；如需继续享受，请新增一条`);
    if (before && before.elderId !== input.elderId) throw invalid('享受额度不能改到另一位老人名下，请为那位老人新增一条', 'elderId');
    const elder = await elderAtHome(ctx.trx, input.elderId, '登记居家服务享受额度');
    const item = await itemForUse(ctx.trx, input.itemId);
    if (input.validTo !== null && input.validTo < input.validFrom) throw invalid('有效期结束日期不能早于开始日期', 'validTo');
    if (before) await keepUsedMonths(ctx.trx, before, input, item.name);
    const others = await ctx.trx
      .selectFrom('homeServiceEntitlements')
      .select(['id', 'documentNo', 'validFrom', 'validTo', 'endedOn'])
      .where('elderId', '=', input.elderId)
      .where('itemId', '=', input.itemId)
      .$if(before !== undefined, (w) => w.where('id', '!=', before!.id))
      .execute();
    for (const o of others) {
      const last = lastDayOf(o.validTo, o.endedOn);
      if (last !== null && last < o.validFrom) continue; // ended before it started: never in force
      const overlaps = (input.validTo === null || o.validFrom <= input.validTo) && (last === null || input.validFrom <= last);
      if (overlaps) {
        throw conflict(
          `${elder.name}已有「${item.name}」的享受额度（${o.documentNo}，${o.validFrom} 至 ${last ?? '长期'}），与 ${input.validFrom} 至 ${input.validTo ?? '长期'} 重叠；请先终止原额度或调整有效期`,
          'validFrom',
        );
      }
    }
    const values = {
      elderId: input.elderId,
      itemId: input.itemId,
      monthlyQuota: input.monthlyQuota,
      documentNo: input.documentNo,
      grantedOn: input.grantedOn,
      validFrom: input.validFrom,
      validTo: input.validTo,
      note: input.note,
    };
    if (before) {
      await ctx.trx.updateTable('homeServiceEntitlements').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      const { elderId, itemId, monthlyQuota, documentNo, grantedOn, validFrom, validTo, note } = before;
      await ctx.audit({ action: 'update', entity: 'homeServiceEntitlements', entityId: before.id, before: { elderId, itemId, monthlyQuota, documentNo, grantedOn, validFrom, validTo, note }, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('homeServiceEntitlements').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'homeServiceEntitlements', entityId: id, after: values });
    return { id };
  });
}

export function endEntitlement(deps: BackendDeps, caller: Caller, input: z.output<typeof EndEntitlementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('homeServiceEntitlements').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw notFound('享受额度');
    if (before.endedOn) throw conflict(`这条享受额度已于 ${before.endedOn} 终止`);
    if (input.endedOn < before.validFrom) throw invalid(`终止日期不能早于有效期开始日期 ${before.validFrom}`, 'endedOn');
    // Ended before its last use, the months of that use would lose their quota (their visits turn into over-quota ones).
    const used = await lastUseOf(ctx.trx, before);
    if (used !== null && input.endedOn < used) throw conflict(`这份额度在 ${used} 还用过，终止日期（${input.endedOn}）不能在那天之前`, 'endedOn');
    const after = { endedOn: input.endedOn, endReason: input.reason };
    await ctx.trx.updateTable('homeServiceEntitlements').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'close', entity: 'homeServiceEntitlements', entityId: before.id, before: { endedOn: null, endReason: null }, after });
    return { id: before.id };
  });
}
