// Recording what happened on the day: a done visit (items and quantities, the elder's confirmation), a planned visit
// missed with its reason, and voiding a visit with a reason. The same form sent twice (its requestId) is written once.
// Refused with a sentence and nothing written: a date in the future, end not after start, an elder who died, moved away
// or lives in the centre by then, a retired or unknown provider, worker or item, a worker of another provider, hourly
// items of more minutes than the visit lasted, a worker already on another visit at that time, a month already settled for the provider, the plan's visit of that day already
// recorded, and a service beyond the month's entitlement unless its reason is given.
import { z } from 'zod';
import type { RecordMissedInput, RecordVisitInput, VoidVisitInput } from '@shared/api/homecare-delivery';
import { AppError, conflict, invalid } from '@shared/api/errors';
import { chinaInstant, chinaWallClock } from '@shared/domain/care/shifts';
import { ageOn } from '@shared/domain/dates';
import { ELDER_CATEGORIES } from '@shared/domain/elders/vocab';
import { priceClassOf } from '@shared/domain/homecare/price-class';
import type { PriceClass } from '@shared/domain/homecare/vocab';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';
import { newId } from '../../ids';
import { minutesBetween, planFallsOn } from './planned';
import { entitledInMonth, quantityWords, usedInMonth } from './quota';

const Categories = z.array(z.enum(ELDER_CATEGORIES));
const Numbers = z.array(z.number());
const STATUS_WORDS = { in_centre: '入住本院', moved_away: '迁出', died: '去世' } as const;

/** The elder for a visit on a day: on the register and living at home that day; with the price class of that day. */
async function elderAtHome(db: Executor, elderId: string, day: string): Promise<{ id: string; name: string; priceClass: PriceClass }> {
  const elder = await db
    .selectFrom('elders')
    .select(['id', 'name', 'status', 'statusOn', 'categories', 'birthDate', 'registeredOn'])
    .where('id', '=', elderId)
    .executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  if (elder.status !== 'at_home' && (elder.statusOn === null || elder.statusOn <= day)) {
    const when = elder.statusOn === null ? '' : `已于${elder.statusOn}`;
    throw invalid(`${elder.name}${when}${STATUS_WORDS[elder.status]}，不再居家，不能登记${day}的上门服务`, 'elderId');
  }
  const categories = parseJsonColumn(Categories, elder.categories, '老人的类别');
  return { id: elder.id, name: elder.name, priceClass: priceClassOf(categories, ageOn(elder.birthDate, day)) };
}

/** How far ahead of the computer's clock a device may be (as for incidents). */
const DEVICE_CLOCK_SLACK_MS = 10 * 60_000;

function notInFuture(ctx: WriteContext, day: string, field: string) {
  if (day > ctx.today) throw invalid(`服务日期（${day}）在将来，不能预先登记；请在服务完成后登记`, field);
}

/** Refuses a visit or void in a month the provider's settlement has frozen. */
async function assertNotSettled(db: Executor, providerId: string, provider: string, day: string, what: string) {
  const month = day.slice(0, 7);
  const settled = await db
    .selectFrom('homeServiceSettlements')
    .select('id')
    .where('providerId', '=', providerId)
    .where('month', '=', month)
    .where('voidedAt', 'is', null)
    .executeTakeFirst();
  if (settled) throw conflict(`${provider}${month}月已结算，不能再${what}；如需更正，请先作废该月结算`, 'serviceOn');
}

async function providerForWrite(db: Executor, providerId: string) {
  const provider = await db.selectFrom('homeServiceProviders').select(['id', 'name', 'retiredAt']).where('id', '=', providerId).executeTakeFirst();
  if (!provider) throw invalid('服务机构不在名单中，请刷新后重新选择', 'providerId');
  if (provider.retiredAt !== null) throw invalid(`服务机构“${provider.name}”已停用，不能登记它的上门服务`, 'providerId');
  return provider;
}

async function workerForWrite(db: Executor, workerId: string, provider: { id: string; name: string }) {
  const worker = await db.selectFrom('homeServiceWorkers').select(['id', 'name', 'providerId', 'retiredAt']).where('id', '=', workerId).executeTakeFirst();
  if (!worker) throw invalid('服务人员不在名单中，请刷新后重新选择', 'workerId');
  if (worker.providerId !== provider.id) throw invalid(`服务人员“${worker.name}”不属于${provider.name}，请选择该机构的服务人员`, 'workerId');
  if (worker.retiredAt !== null) throw invalid(`服务人员“${worker.name}”已停用，请另选`, 'workerId');
  return worker;
}

async function assertPlanDayFree(db: Executor, planId: string, day: string) {
  const taken = await db
    .selectFrom('homeServiceVisits')
    .select(['outcome', 'createdBy'])
    .where('planId', '=', planId)
    .where('serviceOn', '=', day)
    .where('voidedAt', 'is', null)
    .executeTakeFirst();
  if (taken) throw conflict(`这位老人${day}的计划上门服务已由${taken.createdBy}登记为${taken.outcome === 'done' ? '已服务' : '未上门'}，不能重复登记`, 'planId');
}

export function recordVisit(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordVisitInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('homeServiceVisits').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const day = input.serviceOn;
    notInFuture(ctx, day, 'serviceOn');
    if (input.endTime <= input.startTime) throw invalid(`结束时间（${input.endTime}）应晚于开始时间（${input.startTime}）`, 'endTime');
    // A visit is recorded once done: today's may not end later than now (a device clock up to 10 minutes fast is let be).
    if (day === ctx.today && chinaInstant(day, input.endTime).getTime() > Date.parse(ctx.at) + DEVICE_CLOCK_SLACK_MS) {
      throw invalid(`结束时间（${input.endTime}）还没到，请在服务完成后登记`, 'endTime');
    }
    const elder = await elderAtHome(db, input.elderId, day);
    const provider = await providerForWrite(db, input.providerId);
    const worker = await workerForWrite(db, input.workerId, provider);
    if (input.planId !== null) {
      const plan = await db
        .selectFrom('homeServicePlans')
        .select(['id', 'elderId', 'providerId', 'weekdays', 'everyWeeks', 'startTime', 'fromOn', 'toOn', 'endedOn'])
        .where('id', '=', input.planId)
        .executeTakeFirst();
      if (!plan || plan.elderId !== elder.id) throw invalid('服务计划不是这位老人的，请从当天的计划中打开', 'planId');
      if (plan.providerId !== provider.id) throw invalid('这个服务计划是另一家服务机构的；计划外的服务请用「登记计划外服务」', 'planId');
      if (!planFallsOn({ ...plan, weekdays: parseJsonColumn(Numbers, plan.weekdays, '服务计划的星期') }, day)) {
        throw invalid(`这个服务计划在${day}没有安排上门；计划外的服务请用「登记计划外服务」`, 'serviceOn');
      }
      await assertPlanDayFree(db, plan.id, day);
    }
    await assertNotSettled(db, provider.id, provider.name, day, '登记上门服务');

    const items = new Map((await db.selectFrom('homeServiceItems').select(['id', 'name', 'unit', 'retiredAt']).where('id', 'in', input.items.map((i) => i.itemId)).execute()).map((i) => [i.id, i]));
    for (const line of input.items) {
      const item = items.get(line.itemId);
      if (!item) throw invalid('服务项目不在目录中，请刷新后重新选择', 'items');
      if (item.retiredAt !== null) throw invalid(`服务项目“${item.name}”已停用，不能再登记`, 'items');
    }
    // An hourly item is paid by its minutes: together they cannot be more than the visit lasted.
    const visitMinutes = minutesBetween(input.startTime, input.endTime);
    const hourlyMinutes = input.items.reduce((n, line) => n + (items.get(line.itemId)!.unit === 'hour' ? line.quantity : 0), 0);
    if (hourlyMinutes > visitMinutes) {
      throw invalid(`按小时计的服务项目共${hourlyMinutes}分钟，超过这次服务的时长（${input.startTime}–${input.endTime}，${visitMinutes}分钟），请核对时间或分钟数`, 'items');
    }

    const overlapping = await db
      .selectFrom('homeServiceVisits as v')
      .innerJoin('elders as e', 'e.id', 'v.elderId')
      .select(['e.name', 'v.startTime', 'v.endTime'])
      .where('v.workerId', '=', worker.id)
      .where('v.serviceOn', '=', day)
      .where('v.voidedAt', 'is', null)
      .where('v.outcome', '=', 'done')
      .where('v.startTime', '<', input.endTime)
      .where('v.endTime', '>', input.startTime)
      .executeTakeFirst();
    if (overlapping) {
      throw conflict(`${worker.name}${day} ${overlapping.startTime}–${overlapping.endTime ?? ''}正在为${overlapping.name}服务，与这次（${input.startTime}–${input.endTime}）时间重叠，请核对时间`, 'startTime');
    }

    const month = day.slice(0, 7);
    const [entitled, used] = await Promise.all([entitledInMonth(db, elder.id, month), usedInMonth(db, elder.id, month)]);
    const beyond: string[] = [];
    for (const line of input.items) {
      const item = items.get(line.itemId)!;
      const quota = entitled.get(item.id)?.quota ?? 0;
      const already = used.get(item.id) ?? 0;
      if (already + line.quantity > quota) {
        beyond.push(quota === 0 ? `“${item.name}”不在${elder.name}的享受额度内` : `“${item.name}”本月额度${quantityWords(item.unit, quota)}，已用${quantityWords(item.unit, already)}，这次${quantityWords(item.unit, line.quantity)}`);
      }
    }
    if (beyond.length > 0 && input.overQuotaReason === '') {
      throw invalid(`超出享受额度：${beyond.join('；')}。如确需服务，请填写超出额度的原因`, 'overQuotaReason');
    }

    const id = newId();
    const c = input.confirmation;
    await db
      .insertInto('homeServiceVisits')
      .values({
        id,
        elderId: elder.id,
        providerId: provider.id,
        workerId: worker.id,
        planId: input.planId,
        outcome: 'done',
        serviceOn: day,
        startTime: input.startTime,
        endTime: input.endTime,
        priceClass: elder.priceClass,
        missedReason: null,
        confirmation: c.kind,
        signature: c.kind === 'signature' ? c.signature : null,
        slipNo: c.kind === 'paper_slip' ? c.slipNo : null,
        confirmedBy: c.kind === 'family' ? c.confirmedBy : null,
        overQuotaReason: beyond.length > 0 ? input.overQuotaReason : null,
        notes: input.notes,
        photo: input.photo,
        requestId: input.requestId,
        createdAt: ctx.at,
        createdById: caller.userId,
        createdBy: caller.name,
      })
      .execute();
    await db.insertInto('homeServiceVisitItems').values(input.items.map((i) => ({ visitId: id, itemId: i.itemId, quantity: i.quantity }))).execute();
    await ctx.audit({
      action: 'record',
      entity: 'homeServiceVisits',
      entityId: id,
      after: {
        elder: elder.name,
        provider: provider.name,
        worker: worker.name,
        serviceOn: day,
        time: `${input.startTime}–${input.endTime}`,
        items: input.items.map((i) => `${items.get(i.itemId)!.name} ${quantityWords(items.get(i.itemId)!.unit, i.quantity)}`),
        confirmation: c.kind,
        slipNo: c.kind === 'paper_slip' ? c.slipNo : undefined,
        confirmedBy: c.kind === 'family' ? c.confirmedBy : undefined,
        overQuotaReason: beyond.length > 0 ? input.overQuotaReason : undefined,
        priceClass: elder.priceClass,
        photo: input.photo !== null,
      },
    });
    return { id };
  });
}

export function recordMissed(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordMissedInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('homeServiceVisits').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const day = input.serviceOn;
    const plan = await db
      .selectFrom('homeServicePlans')
      .select(['id', 'elderId', 'providerId', 'workerId', 'weekdays', 'everyWeeks', 'startTime', 'fromOn', 'toOn', 'endedOn'])
      .where('id', '=', input.planId)
      .executeTakeFirst();
    if (!plan) throw new AppError('NOT_FOUND', '找不到这个服务计划，请刷新后重试', 'planId');
    notInFuture(ctx, day, 'serviceOn');
    if (!planFallsOn({ ...plan, weekdays: parseJsonColumn(Numbers, plan.weekdays, '服务计划的星期') }, day)) {
      throw invalid(`这个服务计划在${day}没有安排上门，不能登记为未上门`, 'serviceOn');
    }
    const elder = await elderAtHome(db, plan.elderId, day);
    const provider = await db.selectFrom('homeServiceProviders').select(['id', 'name']).where('id', '=', plan.providerId).executeTakeFirstOrThrow();
    await assertPlanDayFree(db, plan.id, day);
    await assertNotSettled(db, provider.id, provider.name, day, '登记未上门');
    const id = newId();
    await db
      .insertInto('homeServiceVisits')
      .values({
        id,
        elderId: elder.id,
        providerId: provider.id,
        workerId: plan.workerId,
        planId: plan.id,
        outcome: 'missed',
        serviceOn: day,
        startTime: plan.startTime,
        endTime: null,
        priceClass: elder.priceClass,
        missedReason: input.reason,
        requestId: input.requestId,
        createdAt: ctx.at,
        createdById: caller.userId,
        createdBy: caller.name,
      })
      .execute();
    await ctx.audit({ action: 'record', entity: 'homeServiceVisits', entityId: id, after: { elder: elder.name, provider: provider.name, serviceOn: day, outcome: 'missed', missedReason: input.reason } });
    return { id };
  });
}

export function voidVisit(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidVisitInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const visit = await db
      .selectFrom('homeServiceVisits as v')
      .innerJoin('homeServiceProviders as p', 'p.id', 'v.providerId')
      .innerJoin('elders as e', 'e.id', 'v.elderId')
      .select(['v.id', 'v.providerId', 'p.name as provider', 'e.name as elder', 'v.serviceOn', 'v.outcome', 'v.voidedAt', 'v.voidedBy'])
      .where('v.id', '=', input.id)
      .executeTakeFirst();
    if (!visit) throw new AppError('NOT_FOUND', '找不到这条上门服务记录，请刷新后重试', 'id');
    if (visit.voidedAt !== null) throw conflict(`这条服务记录已于${chinaWallClock(new Date(visit.voidedAt))}由${visit.voidedBy ?? ''}作废`);
    await assertNotSettled(db, visit.providerId, visit.provider, visit.serviceOn, '作废这条服务记录');
    await db.updateTable('homeServiceVisits').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', visit.id).execute();
    await ctx.audit({
      action: 'void',
      entity: 'homeServiceVisits',
      entityId: visit.id,
      before: { elder: visit.elder, serviceOn: visit.serviceOn, outcome: visit.outcome, voidedAt: null },
      after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
    });
    return { id: visit.id };
  });
}
