// Follow-ups (转介): a need found on a visit (or on its own) referred to meal aid, home service, a doctor, admission,
// civil affairs… and tracked until a keeper closes it with its result. Closed, never deleted.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { CloseFollowupInput, FollowupRow, OpenFollowupInput } from '@shared/api/visits';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import type { FollowupKind } from '@shared/domain/elders/vocab';
import { type WriteContext, writeAction } from '../../audit';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { assertAtHome, elderForWrite } from './register';

interface NewFollowup {
  elderId: string;
  visitId: string | null;
  kind: FollowupKind;
  need: string;
  openedOn: string;
  dueOn: string | null;
}

/** Writes a follow-up inside a larger action (a visit, or one opened on its own). */
export async function insertFollowup(ctx: WriteContext, f: NewFollowup): Promise<string> {
  const id = newId();
  await ctx.trx.insertInto('elderFollowups').values({ id, ...f, ...ctx.stampNew() }).execute();
  await ctx.audit({ action: 'create', entity: 'elderFollowups', entityId: id, after: { ...f, kind: ENUM_LABELS_ZH.followupKind[f.kind] } });
  return id;
}

export function openFollowup(deps: BackendDeps, caller: Caller, input: z.output<typeof OpenFollowupInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const elder = await elderForWrite(ctx.trx, input.elderId);
    assertAtHome(elder, ctx.today, '转介');
    if (input.visitId !== null) {
      const visit = await ctx.trx.selectFrom('elderVisits').select(['elderId', 'voidedAt']).where('id', '=', input.visitId).executeTakeFirst();
      if (!visit || visit.elderId !== elder.id) throw invalid(`这条探访记录不是${elder.name}的，请刷新后重试`, 'visitId');
      if (visit.voidedAt !== null) throw invalid('这条探访记录已作废，不能再由它转介', 'visitId');
    }
    if (input.dueOn !== null && input.dueOn < ctx.today) throw invalid(`转介办理期限（${input.dueOn}）不能早于今天`, 'dueOn');
    const id = await insertFollowup(ctx, { elderId: elder.id, visitId: input.visitId, kind: input.kind, need: input.need, openedOn: ctx.today, dueOn: input.dueOn });
    return { id };
  });
}

export function closeFollowup(deps: BackendDeps, caller: Caller, input: z.output<typeof CloseFollowupInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('elderFollowups').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到这条转介，请刷新后重试', 'id');
    if (row.closedOn !== null) throw conflict(`这条转介已于${row.closedOn}由${row.closedBy ?? ''}结案`);
    if (input.closedOn < row.openedOn) throw invalid(`结案日期（${input.closedOn}）不能早于转介日期（${row.openedOn}）`, 'closedOn');
    if (input.closedOn > ctx.today) throw invalid(`结案日期（${input.closedOn}）不能晚于今天`, 'closedOn');
    const after = { closedOn: input.closedOn, closedBy: caller.name, result: input.result };
    await ctx.trx.updateTable('elderFollowups').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', row.id).execute();
    await ctx.audit({ action: 'close', entity: 'elderFollowups', entityId: row.id, before: { closedOn: null, result: null }, after });
    return { id: row.id };
  });
}

/** Follow-ups (open ones, or all), optionally of one village's elders; open first by due day, then newest. */
export async function listFollowups(deps: BackendDeps, status: 'open' | 'all', villageId: string | null): Promise<FollowupRow[]> {
  return followupRows(deps.db, todayIn(deps.clock), { status, villageId, elderId: null });
}

export async function followupRows(db: Executor, today: string, by: { status: 'open' | 'all'; villageId: string | null; elderId: string | null }): Promise<FollowupRow[]> {
  const rows = await db
    .selectFrom('elderFollowups')
    .innerJoin('elders', 'elders.id', 'elderFollowups.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .leftJoin('elderVisits', 'elderVisits.id', 'elderFollowups.visitId')
    .select([
      'elderFollowups.id',
      'elderFollowups.elderId',
      'elders.name as elder',
      'elders.villageId',
      'villages.name as village',
      'elderFollowups.kind',
      'elderFollowups.need',
      'elderFollowups.openedOn',
      'elderFollowups.dueOn',
      'elderFollowups.closedOn',
      'elderFollowups.closedBy',
      'elderFollowups.result',
      'elderFollowups.visitId',
      'elderVisits.visitedOn as visitOn',
      'elderFollowups.createdBy',
    ])
    .$if(by.status === 'open', (q) => q.where('elderFollowups.closedOn', 'is', null))
    .$if(by.villageId !== null, (q) => q.where('elders.villageId', '=', by.villageId!))
    .$if(by.elderId !== null, (q) => q.where('elderFollowups.elderId', '=', by.elderId!))
    .execute();
  const open = (r: { closedOn: string | null }) => r.closedOn === null;
  return rows
    .map((r) => ({
      id: r.id,
      elderId: r.elderId,
      elder: r.elder,
      villageId: r.villageId,
      village: r.village,
      kind: r.kind,
      need: r.need,
      openedOn: r.openedOn,
      dueOn: r.dueOn,
      overdue: open(r) && r.dueOn !== null && r.dueOn < today,
      closedOn: r.closedOn,
      closedBy: r.closedBy,
      result: r.result,
      visitId: r.visitId,
      visitOn: r.visitOn,
      openedBy: r.createdBy,
    }))
    .sort((a, b) => Number(open(b)) - Number(open(a)) || (open(a) ? (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') : 0) || b.openedOn.localeCompare(a.openedOn) || b.id.localeCompare(a.id));
}
