// The time bank: an append-only ledger of points in tenths per helper (earned for an activity's hours, redeemed for a
// service or goods, corrected by a new entry with a note). The balance is the sum and never goes below zero — refused
// here with a sentence naming the balance, and by the table's trigger too. Crediting an activity keeps to the daily cap
// (per helper and day of the activity) and the total cap (the balance never grows past it; 南京: the rest may be donated).
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, conflict } from '@shared/api/errors';
import type { AidSettings, BalanceRow, CorrectInput, EntryRow, Ledger, RedeemInput } from '@shared/api/mutualaid';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { helperOf, notFuture, points } from './common';

export async function balanceOf(db: Executor, helperId: string): Promise<number> {
  const row = await db
    .selectFrom('timeBankEntries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('pointsTenths'), eb.lit(0)).as('balance'))
    .where('helperId', '=', helperId)
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

/** Net points the bank holds for an activity (earned, less a void's correction). */
export async function creditedFor(db: Executor, activityId: string): Promise<number> {
  const row = await db
    .selectFrom('timeBankEntries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('pointsTenths'), eb.lit(0)).as('net'))
    .where('activityId', '=', activityId)
    .executeTakeFirstOrThrow();
  return Number(row.net);
}

interface Creditable {
  id: string;
  helperId: string;
  helper: string;
  doneOn: string;
  minutes: number;
}

/**
 * Credits an activity's hours at the rate, up to what the day's cap and the total cap leave. Returns the points
 * credited and, when the caps held some back, the sentence that says so.
 */
export async function creditActivity(ctx: WriteContext, settings: AidSettings, a: Creditable): Promise<{ creditedTenths: number; notice: string | null }> {
  const due = Math.round((a.minutes * settings.rateTenthsPerHour) / 60);
  if (due <= 0) return { creditedTenths: 0, notice: null };
  const day = await ctx.trx
    .selectFrom('timeBankEntries')
    .innerJoin('aidActivities', 'aidActivities.id', 'timeBankEntries.activityId')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('timeBankEntries.pointsTenths'), eb.lit(0)).as('net'))
    .where('aidActivities.helperId', '=', a.helperId)
    .where('aidActivities.doneOn', '=', a.doneOn)
    .executeTakeFirstOrThrow();
  const dayNet = Number(day.net);
  const dayRoom = Math.max(0, settings.dailyCapTenths - dayNet);
  const balance = await balanceOf(ctx.trx, a.helperId);
  const totalRoom = Math.max(0, settings.totalCapTenths - balance);
  const credited = Math.min(due, dayRoom, totalRoom);
  let notice: string | null = null;
  if (credited < due) {
    if (totalRoom < Math.min(due, dayRoom)) {
      notice =
        credited === 0
          ? `${a.helper}的时间银行积分已达总上限${points(settings.totalCapTenths)}分（现有${points(balance)}分），这次活动的${points(due)}分不再存入。按南京的做法，超出上限的部分可以捐赠给他人。`
          : `${a.helper}的时间银行积分将达总上限${points(settings.totalCapTenths)}分：这次只存入${points(credited)}分（应得${points(due)}分），其余不再存入。按南京的做法，超出上限的部分可以捐赠给他人。`;
    } else {
      notice =
        credited === 0
          ? `每人每天最多存入${points(settings.dailyCapTenths)}分：${a.helper}在${a.doneOn}已存满${points(dayNet)}分，这次的${points(due)}分不再存入。`
          : `每人每天最多存入${points(settings.dailyCapTenths)}分：${a.helper}在${a.doneOn}已存入${points(dayNet)}分，这次只存入${points(credited)}分（应得${points(due)}分）。`;
    }
  }
  if (credited > 0) {
    const id = newId();
    await ctx.trx
      .insertInto('timeBankEntries')
      .values({ id, helperId: a.helperId, kind: 'earn', pointsTenths: credited, entryOn: a.doneOn, activityId: a.id, redeemedFor: null, note: '', requestId: newId(), createdAt: ctx.at, createdBy: ctx.caller.name })
      .execute();
    await ctx.audit({ action: 'record', entity: 'timeBankEntries', entityId: id, after: { helper: a.helper, kind: 'earn', points: points(credited), activityId: a.id, due: points(due) } });
  }
  return { creditedTenths: credited, notice };
}

/** Takes back what an activity was credited (a negative correction tied to it), when its balance allows. */
export async function uncreditActivity(ctx: WriteContext, a: { id: string; helperId: string; helper: string }, reason: string): Promise<number> {
  const net = await creditedFor(ctx.trx, a.id);
  if (net <= 0) return 0;
  const balance = await balanceOf(ctx.trx, a.helperId);
  if (balance < net)
    throw conflict(`作废这次活动要扣回已存入的${points(net)}分，但${a.helper}的积分余额只有${points(balance)}分（已兑换掉一部分），余额不能为负数，不能作废。请先核对兑换记录`);
  const id = newId();
  await ctx.trx
    .insertInto('timeBankEntries')
    .values({ id, helperId: a.helperId, kind: 'correct', pointsTenths: -net, entryOn: ctx.today, activityId: a.id, redeemedFor: null, note: `作废活动：${reason}`, requestId: newId(), createdAt: ctx.at, createdBy: ctx.caller.name })
    .execute();
  await ctx.audit({ action: 'record', entity: 'timeBankEntries', entityId: id, after: { helper: a.helper, kind: 'correct', points: points(-net), activityId: a.id, note: reason } });
  return net;
}

export function redeem(deps: BackendDeps, caller: Caller, input: z.output<typeof RedeemInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('timeBankEntries').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const helper = await helperOf(ctx.trx, input.helperId);
    notFuture(ctx, input.on, '兑换日期', 'on');
    const balance = await balanceOf(ctx.trx, helper.id);
    if (input.pointsTenths > balance)
      throw conflict(`${helper.name}的积分余额只有${points(balance)}分，不能兑换${points(input.pointsTenths)}分`, 'pointsTenths');
    const id = newId();
    await ctx.trx
      .insertInto('timeBankEntries')
      .values({ id, helperId: helper.id, kind: 'redeem', pointsTenths: -input.pointsTenths, entryOn: input.on, activityId: null, redeemedFor: input.redeemedFor, note: input.note, requestId: input.requestId, createdAt: ctx.at, createdBy: caller.name })
      .execute();
    await ctx.audit({ action: 'record', entity: 'timeBankEntries', entityId: id, after: { helper: helper.name, kind: 'redeem', points: points(-input.pointsTenths), redeemedFor: input.redeemedFor, on: input.on, note: input.note } });
    return { id };
  });
}

export function correct(deps: BackendDeps, caller: Caller, input: z.output<typeof CorrectInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('timeBankEntries').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const helper = await helperOf(ctx.trx, input.helperId);
    notFuture(ctx, input.on, '更正日期', 'on');
    const balance = await balanceOf(ctx.trx, helper.id);
    if (balance + input.pointsTenths < 0)
      throw conflict(`${helper.name}的积分余额只有${points(balance)}分，扣减${points(-input.pointsTenths)}分后将为负数，余额不能为负`, 'pointsTenths');
    const id = newId();
    await ctx.trx
      .insertInto('timeBankEntries')
      .values({ id, helperId: helper.id, kind: 'correct', pointsTenths: input.pointsTenths, entryOn: input.on, activityId: null, redeemedFor: null, note: input.note, requestId: input.requestId, createdAt: ctx.at, createdBy: caller.name })
      .execute();
    await ctx.audit({ action: 'record', entity: 'timeBankEntries', entityId: id, after: { helper: helper.name, kind: 'correct', points: points(input.pointsTenths), on: input.on, note: input.note } });
    return { id };
  });
}

/** Each helper's balance, earned and redeemed points, and minutes given. */
export async function balances(db: Executor, opts: { includeRetired: boolean; helperId?: string }): Promise<BalanceRow[]> {
  const rows = await db
    .selectFrom('visitHelpers')
    .leftJoin('villages', 'villages.id', 'visitHelpers.villageId')
    .select(['visitHelpers.id', 'visitHelpers.name', 'visitHelpers.kind', 'visitHelpers.elderId', 'visitHelpers.retiredAt', 'villages.name as village'])
    .select([
      sql<number>`(SELECT coalesce(sum(points_tenths), 0) FROM time_bank_entries e WHERE e.helper_id = visit_helpers.id)`.as('balance'),
      sql<number>`(SELECT coalesce(sum(points_tenths), 0) FROM time_bank_entries e WHERE e.helper_id = visit_helpers.id AND e.kind = 'earn')`.as('earned'),
      sql<number>`(SELECT coalesce(-sum(points_tenths), 0) FROM time_bank_entries e WHERE e.helper_id = visit_helpers.id AND e.kind = 'redeem')`.as('redeemed'),
      sql<number>`(SELECT coalesce(sum(minutes), 0) FROM aid_activities a WHERE a.helper_id = visit_helpers.id AND a.voided_at IS NULL)`.as('minutes'),
    ])
    .$if(!opts.includeRetired, (q) => q.where('visitHelpers.retiredAt', 'is', null))
    .$if(opts.helperId !== undefined, (q) => q.where('visitHelpers.id', '=', opts.helperId ?? ''))
    .orderBy('villages.name')
    .orderBy('visitHelpers.name')
    .execute();
  return rows.map((r) => ({
    helperId: r.id,
    name: r.name,
    kind: r.kind,
    village: r.village,
    elderId: r.elderId,
    retired: r.retiredAt !== null,
    balanceTenths: Number(r.balance),
    earnedTenths: Number(r.earned),
    redeemedTenths: Number(r.redeemed),
    minutes: Number(r.minutes),
  }));
}

/** A helper's entries, newest first, each with the balance right after it (in the order they were written). */
export async function ledger(db: Executor, helperId: string): Promise<Ledger> {
  const [helper] = await balances(db, { includeRetired: true, helperId });
  if (!helper) throw new AppError('NOT_FOUND', '协助人员名单中没有这个人，请刷新后重试', 'helperId');
  const rows = await db
    .selectFrom('timeBankEntries')
    .leftJoin('aidActivities', 'aidActivities.id', 'timeBankEntries.activityId')
    .select([
      'timeBankEntries.id',
      'timeBankEntries.kind',
      'timeBankEntries.pointsTenths',
      'timeBankEntries.entryOn',
      'timeBankEntries.activityId',
      'timeBankEntries.redeemedFor',
      'timeBankEntries.note',
      'timeBankEntries.createdAt',
      'timeBankEntries.createdBy',
      'aidActivities.kind as activityKind',
      'aidActivities.doneOn',
      'aidActivities.minutes',
    ])
    .where('timeBankEntries.helperId', '=', helperId)
    .orderBy(sql`time_bank_entries.rowid`)
    .execute();
  let running = 0;
  const entries: EntryRow[] = rows.map((r) => {
    running += r.pointsTenths;
    return {
      id: r.id,
      kind: r.kind,
      pointsTenths: r.pointsTenths,
      entryOn: r.entryOn,
      activityId: r.activityId,
      activity: r.activityKind && r.doneOn && r.minutes !== null ? { kind: r.activityKind as EntryActivityKind, doneOn: r.doneOn, minutes: r.minutes } : null,
      redeemedFor: r.redeemedFor,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
      balanceTenths: running,
    };
  });
  return { helper, entries: entries.reverse() };
}

type EntryActivityKind = NonNullable<EntryRow['activity']>['kind'];
