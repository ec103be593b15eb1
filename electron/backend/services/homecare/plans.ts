// Recurring plans (服务计划): an elder is served by a provider (and one of its workers) on some weekdays every 1, 2 or
// 4 weeks at a time of day, for so many minutes, with some items, from a day to a day (or open). The planned visits of
// a day follow from the plans (the delivery part derives them, nothing is stored per visit). A plan may name an item the
// elder has no entitlement for (the list marks it); it may not name a retired provider, worker or item, a worker of
// another provider, or an elder who no longer lives at home. Ended with a reason (its last day), never deleted.
import { sql } from 'kysely';
import { z } from 'zod';
import type { EndPlanInput, PlanInput, PlanQuery, PlanRow } from '@shared/api/homecare-setup';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { SERVICE_UNITS } from '@shared/domain/homecare/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';
import { newId } from '../../ids';
import { elderAtHome, itemForUse, lastDayOf, providerForUse } from './setup-lookups';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');
export const PlanItemIds = z.array(z.string());
export const PlanWeekdays = z.array(z.number().int().min(1).max(7));

export async function listPlans(db: Executor, query: z.output<typeof PlanQuery>, today: string): Promise<PlanRow[]> {
  const q = query.query.toLowerCase();
  const rows = await db
    .selectFrom('homeServicePlans')
    .innerJoin('elders', 'elders.id', 'homeServicePlans.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .innerJoin('homeServiceProviders', 'homeServiceProviders.id', 'homeServicePlans.providerId')
    .leftJoin('homeServiceWorkers', 'homeServiceWorkers.id', 'homeServicePlans.workerId')
    .selectAll('homeServicePlans')
    .select(['elders.name as elder', 'elders.status as elderStatus', 'villages.name as village', 'homeServiceProviders.name as provider', 'homeServiceWorkers.name as worker'])
    .$if(query.elderId !== null, (w) => w.where('homeServicePlans.elderId', '=', query.elderId!))
    .$if(query.providerId !== null, (w) => w.where('homeServicePlans.providerId', '=', query.providerId!))
    .$if(!query.includeEnded, (w) =>
      w.where((eb) =>
        eb.and([
          eb.or([eb('homeServicePlans.endedOn', 'is', null), eb('homeServicePlans.endedOn', '>=', today)]),
          eb.or([eb('homeServicePlans.toOn', 'is', null), eb('homeServicePlans.toOn', '>=', today)]),
        ]),
      ),
    )
    .$if(q !== '', (w) =>
      w.where((eb) =>
        eb.or([
          eb('elders.name', 'like', `%${q}%`),
          eb(sql<string>`lower(elders.name_initials)`, 'like', `%${q}%`),
          eb('homeServiceProviders.name', 'like', `%${q}%`),
          eb('homeServiceWorkers.name', 'like', `%${q}%`),
          eb('villages.name', 'like', `%${q}%`),
        ]),
      ),
    )
    .execute();
  const items = new Map((await db.selectFrom('homeServiceItems').select(['id', 'name', 'unit']).execute()).map((i) => [i.id, i]));
  const elderIds = [...new Set(rows.map((r) => r.elderId))];
  const entitlements =
    elderIds.length === 0
      ? []
      : await db.selectFrom('homeServiceEntitlements').select(['elderId', 'itemId', 'validFrom', 'validTo', 'endedOn']).where('elderId', 'in', elderIds).execute();
  const entitled = (elderId: string, itemId: string, day: string) =>
    entitlements.some((e) => {
      if (e.elderId !== elderId || e.itemId !== itemId || e.validFrom > day) return false;
      const last = lastDayOf(e.validTo, e.endedOn);
      return last === null || last >= day;
    });
  return rows
    .map((r) => {
      const last = lastDayOf(r.toOn, r.endedOn);
      const day = r.fromOn > today ? r.fromOn : today;
      const ids = parseJsonColumn(PlanItemIds, r.itemIds, 'home_service_plans.item_ids');
      return {
        id: r.id,
        elderId: r.elderId,
        elder: r.elder,
        village: r.village,
        elderStatus: r.elderStatus,
        providerId: r.providerId,
        provider: r.provider,
        workerId: r.workerId,
        worker: r.worker,
        items: ids.map((id) => {
          const item = items.get(id);
          return { id, name: item?.name ?? '？', unit: item?.unit ?? SERVICE_UNITS[0], entitled: entitled(r.elderId, id, day) };
        }),
        weekdays: parseJsonColumn(PlanWeekdays, r.weekdays, 'home_service_plans.weekdays'),
        everyWeeks: r.everyWeeks,
        startTime: r.startTime,
        minutes: r.minutes,
        fromOn: r.fromOn,
        toOn: r.toOn,
        endedOn: r.endedOn,
        endReason: r.endReason,
        active: last === null || last >= today,
        by: r.updatedBy,
      };
    })
    .sort((a, b) => Number(b.active) - Number(a.active) || collator.compare(a.village, b.village) || collator.compare(a.elder, b.elder) || a.startTime.localeCompare(b.startTime));
}

export function savePlan(deps: BackendDeps, caller: Caller, input: z.output<typeof PlanInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('homeServicePlans').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('服务计划');
    if (before?.endedOn) throw conflict(`这个服务计划已于 ${before.endedOn} 终止，不能再修改；请新建一个计划`);
    if (before && before.elderId !== input.elderId) throw invalid('服务计划不能改到另一位老人名下，请为那位老人新建计划', 'elderId');
    await elderAtHome(ctx.trx, input.elderId, '安排居家上门服务');
    if (before) await assertPastKept(ctx.trx, before, input);
    const provider = await providerForUse(ctx.trx, input.providerId);
    if (provider.contractTo !== null && provider.contractTo < input.fromOn) {
      throw conflict(`「${provider.name}」的服务合同${provider.contractNo ? `（${provider.contractNo}）` : ''}已于 ${provider.contractTo} 到期，不能安排 ${input.fromOn} 起的服务；请先续签并更新合同期限`, 'providerId');
    }
    if (input.workerId !== null) {
      const worker = await ctx.trx
        .selectFrom('homeServiceWorkers')
        .innerJoin('homeServiceProviders', 'homeServiceProviders.id', 'homeServiceWorkers.providerId')
        .select(['homeServiceWorkers.name', 'homeServiceWorkers.providerId', 'homeServiceWorkers.retiredAt', 'homeServiceProviders.name as provider'])
        .where('homeServiceWorkers.id', '=', input.workerId)
        .executeTakeFirst();
      if (!worker) throw notFound('服务人员');
      if (worker.providerId !== provider.id) throw conflict(`${worker.name}是「${worker.provider}」的服务人员，不能安排在「${provider.name}」的计划里`, 'workerId');
      if (worker.retiredAt !== null) throw conflict(`服务人员${worker.name}已停用，请另选一位`, 'workerId');
    }
    const itemIds = [...new Set(input.itemIds)];
    for (const itemId of itemIds) await itemForUse(ctx.trx, itemId, 'itemIds');
    if (input.toOn !== null && input.toOn < input.fromOn) throw invalid('结束日期不能早于开始日期', 'toOn');
    const values = {
      elderId: input.elderId,
      providerId: input.providerId,
      workerId: input.workerId,
      itemIds: JSON.stringify(itemIds),
      weekdays: JSON.stringify([...new Set(input.weekdays)].sort((a, b) => a - b)),
      everyWeeks: input.everyWeeks,
      startTime: input.startTime,
      minutes: input.minutes,
      fromOn: input.fromOn,
      toOn: input.toOn,
    };
    const shown = <V extends { itemIds: string; weekdays: string }>(v: V) => ({ ...v, itemIds: JSON.parse(v.itemIds) as unknown, weekdays: JSON.parse(v.weekdays) as unknown });
    if (before) {
      await ctx.trx.updateTable('homeServicePlans').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      const { elderId, providerId, workerId, itemIds: oldItems, weekdays, everyWeeks, startTime, minutes, fromOn, toOn } = before;
      await ctx.audit({
        action: 'update',
        entity: 'homeServicePlans',
        entityId: before.id,
        before: shown({ elderId, providerId, workerId, itemIds: oldItems, weekdays, everyWeeks, startTime, minutes, fromOn, toOn }),
        after: shown(values),
      });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('homeServicePlans').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'homeServicePlans', entityId: id, after: shown(values) });
    return { id };
  });
}

/**
 * The planned visits of past days follow from the plan: once visits are recorded under it, its provider, weekdays,
 * frequency and first day stay as they were (a new schedule is a new plan from its day); the rest may change.
 */
async function assertPastKept(db: Executor, before: { id: string; providerId: string; weekdays: string; everyWeeks: number; fromOn: string }, input: z.output<typeof PlanInput>) {
  const weekdays = JSON.stringify([...new Set(input.weekdays)].sort((a, b) => a - b));
  const changed = [
    before.providerId !== input.providerId && '服务机构',
    before.weekdays !== weekdays && '上门星期',
    before.everyWeeks !== input.everyWeeks && '频次',
    before.fromOn !== input.fromOn && '开始日期',
  ].filter((w): w is string => w !== false);
  if (changed.length === 0) return;
  const row = await db.selectFrom('homeServiceVisits').select((eb) => eb.fn.countAll<number>().as('n')).where('planId', '=', before.id).where('voidedAt', 'is', null).executeTakeFirstOrThrow();
  const n = Number(row.n);
  if (n > 0) {
    throw conflict(`这个计划已有 ${n} 次服务记录，改${changed.join('、')}会改变以前的上门安排；请终止这个计划（写明最后一天），再从新的日期新建一个计划`, 'weekdays');
  }
}

export function endPlan(deps: BackendDeps, caller: Caller, input: z.output<typeof EndPlanInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('homeServicePlans').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw notFound('服务计划');
    if (before.endedOn) throw conflict(`这个服务计划已于 ${before.endedOn} 终止`);
    if (input.endedOn < before.fromOn) throw invalid(`终止日期不能早于计划开始日期 ${before.fromOn}`, 'endedOn');
    const after = { endedOn: input.endedOn, endReason: input.reason };
    await ctx.trx.updateTable('homeServicePlans').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'close', entity: 'homeServicePlans', entityId: before.id, before: { endedOn: null, endReason: null }, after });
    return { id: before.id };
  });
}
