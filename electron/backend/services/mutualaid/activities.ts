// 互助活动: a helper's 陪伴 / 代购 / 帮扶 / 探望 on a day, in minutes, for an elder (or within a pair) or not. Recording
// one credits the time bank at once, or — when the setting asks for a check — when a keeper checks it. Voiding one
// takes back what it was credited by a new negative entry. Refused, nothing written: minutes ≤ 0 or over 12 hours (the
// contract), a retired helper, a day in the future, an elder not at home that day, a pair of someone else.
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { ActivityInput, ActivityRow, Credited, VoidActivityInput } from '@shared/api/mutualaid';
import { lastDayOfMonth } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { assertAtHome, elderForWrite } from '../visits/register';
import { creditActivity, creditedFor, uncreditActivity } from './bank';
import { activeHelper, notFuture, points } from './common';
import { readAidSettings } from './settings';

export function recordActivity(deps: BackendDeps, caller: Caller, input: z.output<typeof ActivityInput>): Promise<Credited> {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('aidActivities').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, creditedTenths: await creditedFor(ctx.trx, repeated.id), notice: null };
    const helper = await activeHelper(ctx.trx, input.helperId, '互助活动');
    notFuture(ctx, input.doneOn, '活动日期', 'doneOn');
    let elderId = input.elderId;
    if (input.pairId !== null) {
      const pair = await ctx.trx.selectFrom('aidPairs').select(['id', 'helperId', 'elderId', 'since', 'endedOn']).where('id', '=', input.pairId).executeTakeFirst();
      if (!pair) throw new AppError('NOT_FOUND', '找不到这对结对帮扶，请刷新后重试', 'pairId');
      if (pair.helperId !== helper.id) throw invalid(`这对结对的帮扶人不是${helper.name}，请重新选择`, 'pairId');
      if (elderId !== null && elderId !== pair.elderId) throw invalid('所选老人与结对的老人不一致，请重新选择', 'elderId');
      if (input.doneOn < pair.since) throw invalid(`活动日期（${input.doneOn}）早于结对日期（${pair.since}）`, 'doneOn');
      if (pair.endedOn !== null && input.doneOn > pair.endedOn) throw invalid(`这对结对已于${pair.endedOn}结束，不能登记之后的活动`, 'doneOn');
      elderId = pair.elderId;
    }
    let elderName: string | null = null;
    if (elderId !== null) {
      const elder = await elderForWrite(ctx.trx, elderId);
      assertAtHome(elder, input.doneOn, '互助活动');
      if (input.doneOn < elder.registeredOn) throw invalid(`活动日期（${input.doneOn}）早于${elder.name}登记入册的日期（${elder.registeredOn}）`, 'doneOn');
      if (helper.elderId === elder.id) throw invalid(`${helper.name}就是这位老人本人，不能为自己登记互助活动`, 'elderId');
      elderName = elder.name;
    }
    const settings = await readAidSettings(ctx.trx);
    const id = newId();
    const checked = !settings.checkBeforeCredit;
    await ctx.trx
      .insertInto('aidActivities')
      .values({
        id,
        helperId: helper.id,
        elderId,
        pairId: input.pairId,
        kind: input.kind,
        doneOn: input.doneOn,
        minutes: input.minutes,
        note: input.note,
        checkedAt: checked ? ctx.at : null,
        checkedBy: checked ? caller.name : null,
        requestId: input.requestId,
        createdAt: ctx.at,
        createdById: caller.userId,
        createdBy: caller.name,
      })
      .execute();
    await ctx.audit({ action: 'record', entity: 'aidActivities', entityId: id, after: { helper: helper.name, elder: elderName, kind: input.kind, doneOn: input.doneOn, minutes: input.minutes, note: input.note } });
    if (!checked) return { id, creditedTenths: 0, notice: '已登记。按设置，这次活动由管理人员审核后才存入积分。' };
    const credit = await creditActivity(ctx, settings, { id, helperId: helper.id, helper: helper.name, doneOn: input.doneOn, minutes: input.minutes });
    return { id, ...credit };
  });
}

async function activityForWrite(db: Executor, id: string) {
  const a = await db
    .selectFrom('aidActivities')
    .innerJoin('visitHelpers', 'visitHelpers.id', 'aidActivities.helperId')
    .select(['aidActivities.id', 'aidActivities.helperId', 'visitHelpers.name as helper', 'aidActivities.doneOn', 'aidActivities.minutes', 'aidActivities.kind', 'aidActivities.checkedAt', 'aidActivities.checkedBy', 'aidActivities.voidedAt', 'aidActivities.voidedBy'])
    .where('aidActivities.id', '=', id)
    .executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND', '找不到这条互助活动记录，请刷新后重试', 'id');
  return a;
}

export function checkActivity(deps: BackendDeps, caller: Caller, activityId: string): Promise<Credited> {
  return writeAction(deps, caller, async (ctx) => {
    const a = await activityForWrite(ctx.trx, activityId);
    if (a.voidedAt !== null) throw conflict(`这条活动记录已由${a.voidedBy ?? ''}作废，不能审核`);
    if (a.checkedAt !== null) throw conflict(`这条活动记录已由${a.checkedBy ?? ''}审核过`);
    await ctx.trx.updateTable('aidActivities').set({ checkedAt: ctx.at, checkedBy: caller.name }).where('id', '=', a.id).execute();
    await ctx.audit({ action: 'accept', entity: 'aidActivities', entityId: a.id, before: { checkedAt: null }, after: { checkedAt: ctx.at, checkedBy: caller.name } });
    const settings = await readAidSettings(ctx.trx);
    const credit = await creditActivity(ctx, settings, a);
    return { id: a.id, ...credit };
  });
}

export function voidActivity(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidActivityInput>): Promise<Credited> {
  return writeAction(deps, caller, async (ctx) => {
    const a = await activityForWrite(ctx.trx, input.id);
    if (a.voidedAt !== null) throw conflict(`这条活动记录已由${a.voidedBy ?? ''}作废`);
    const taken = await uncreditActivity(ctx, a, input.reason);
    await ctx.trx.updateTable('aidActivities').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', a.id).execute();
    await ctx.audit({ action: 'void', entity: 'aidActivities', entityId: a.id, before: { voidedAt: null }, after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason } });
    return { id: a.id, creditedTenths: -taken, notice: taken > 0 ? `已从${a.helper}的积分中扣回${points(taken)}分（一条更正记录）。` : null };
  });
}

export interface ActivityFilter {
  from?: string;
  to?: string;
  helperId?: string | null;
  elderId?: string;
  /** The elder's village, else the helper's. */
  villageId?: string | null;
  pending?: boolean;
  withVoided?: boolean;
  limit?: number;
}

/** Activities with names, the village (the elder's, else the helper's) and the net points credited; newest first. */
export async function activityRows(db: Executor, f: ActivityFilter): Promise<(ActivityRow & { villageId: string | null })[]> {
  const rows = await db
    .selectFrom('aidActivities')
    .innerJoin('visitHelpers', 'visitHelpers.id', 'aidActivities.helperId')
    .leftJoin('elders', 'elders.id', 'aidActivities.elderId')
    .leftJoin('villages', (j) => j.on(sql`villages.id`, '=', sql`coalesce(elders.village_id, visit_helpers.village_id)`))
    .select([
      'aidActivities.id',
      'aidActivities.helperId',
      'visitHelpers.name as helper',
      'visitHelpers.kind as helperKind',
      'aidActivities.elderId',
      'elders.name as elder',
      'aidActivities.pairId',
      'villages.id as villageId',
      'villages.name as village',
      'aidActivities.kind',
      'aidActivities.doneOn',
      'aidActivities.minutes',
      'aidActivities.note',
      'aidActivities.checkedAt',
      'aidActivities.checkedBy',
      'aidActivities.createdBy',
      'aidActivities.voidedAt',
      'aidActivities.voidedBy',
      'aidActivities.voidReason',
      sql<number>`(SELECT coalesce(sum(points_tenths), 0) FROM time_bank_entries e WHERE e.activity_id = aid_activities.id)`.as('credited'),
    ])
    .$if(f.from !== undefined, (q) => q.where('aidActivities.doneOn', '>=', f.from ?? ''))
    .$if(f.to !== undefined, (q) => q.where('aidActivities.doneOn', '<=', f.to ?? ''))
    .$if(!!f.helperId, (q) => q.where('aidActivities.helperId', '=', f.helperId ?? ''))
    .$if(f.elderId !== undefined, (q) => q.where('aidActivities.elderId', '=', f.elderId ?? ''))
    .$if(!!f.villageId, (q) => q.where(sql`coalesce(elders.village_id, visit_helpers.village_id)`, '=', f.villageId ?? ''))
    .$if(!f.withVoided, (q) => q.where('aidActivities.voidedAt', 'is', null))
    .$if(!!f.pending, (q) => q.where('aidActivities.checkedAt', 'is', null).where('aidActivities.voidedAt', 'is', null))
    .orderBy('aidActivities.doneOn', 'desc')
    .orderBy('aidActivities.createdAt', 'desc')
    .$if(f.limit !== undefined, (q) => q.limit(f.limit ?? 0))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    helperId: r.helperId,
    helper: r.helper,
    helperKind: r.helperKind,
    elderId: r.elderId,
    elder: r.elder,
    pairId: r.pairId,
    villageId: r.villageId,
    village: r.village,
    kind: r.kind,
    doneOn: r.doneOn,
    minutes: r.minutes,
    note: r.note,
    creditedTenths: Number(r.credited),
    pending: r.checkedAt === null && r.voidedAt === null,
    checkedBy: r.checkedAt === null ? null : r.checkedBy,
    recordedBy: r.createdBy,
    voided: r.voidedAt !== null ? { at: r.voidedAt, by: r.voidedBy ?? '', reason: r.voidReason ?? '' } : null,
  }));
}

export async function listActivities(db: Executor, q: { month: string; villageId: string | null; helperId: string | null; status: 'all' | 'pending' }): Promise<ActivityRow[]> {
  const rows = await activityRows(db, { from: `${q.month}-01`, to: lastDayOfMonth(q.month), villageId: q.villageId, helperId: q.helperId, pending: q.status === 'pending', withVoided: q.status === 'all' });
  return rows.map(({ villageId: _v, ...r }) => r);
}
