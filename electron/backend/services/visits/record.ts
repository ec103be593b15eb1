// Recording a visit: one action writes the visit and the follow-ups (转介) it opens. The same form sent twice (its
// requestId) is written once. Refused, with nothing written: an elder not on the register or not at home that day, a
// visit in the future or before the elder was registered, a visitor not on the staff register, a helper unknown or
// retired, a follow-up due before the visit. A visit is never changed: a keeper voids it, once, with a reason.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { VisitInput, VoidInput } from '@shared/api/visits';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { chinaDate } from '@shared/domain/dates';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { FINDING_AREAS } from '@shared/domain/elders/vocab';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { insertFollowup } from './followups';
import { assertAtHome, elderForWrite } from './register';

/** How far ahead of the server's clock a visit's time may be (a tablet's clock a little fast). */
export const FUTURE_SLACK_MS = 5 * 60_000;

/** Refuses a time later than now (plus the slack); `what` names it (探访时间, 发现时间…). */
export function notInFuture(ctx: WriteContext, when: Date, what: string, field: string) {
  if (when.getTime() > new Date(ctx.at).getTime() + FUTURE_SLACK_MS) throw invalid(`${what}（${chinaWallClock(when)}）在将来，不能预先登记`, field);
}

export function recordVisit(deps: BackendDeps, caller: Caller, input: z.output<typeof VisitInput>) {
  return writeAction(deps, caller, (ctx) => recordVisitIn(ctx, input));
}

/** recordVisit inside an action that is already open (a care check records its visit in its own transaction). */
export async function recordVisitIn(ctx: WriteContext, input: z.output<typeof VisitInput>): Promise<{ id: string }> {
  const caller = ctx.caller;
  const repeated = await ctx.trx.selectFrom('elderVisits').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
  if (repeated) return { id: repeated.id };
  const elder = await elderForWrite(ctx.trx, input.elderId);
  const visitedAt = new Date(input.visitedAt);
  notInFuture(ctx, visitedAt, '探访时间', 'visitedAt');
  const visitedOn = chinaDate(visitedAt);
  if (visitedOn < elder.registeredOn) throw invalid(`探访日期（${visitedOn}）早于${elder.name}登记入册的日期（${elder.registeredOn}），请核对探访时间`, 'visitedAt');
  assertAtHome(elder, visitedOn, '探访');

  const visitor = await visitorOf(ctx, input.visitorStaffId, visitedOn);
  const helperIds = [...new Set(input.helperIds)];
  if (helperIds.length > 0) {
    const helpers = new Map((await ctx.trx.selectFrom('visitHelpers').select(['id', 'name', 'retiredAt']).where('id', 'in', helperIds).execute()).map((h) => [h.id, h]));
    for (const id of helperIds) {
      const helper = helpers.get(id);
      if (!helper) throw invalid('协助人员不在名单中，请刷新后重新选择', 'helperIds');
      if (helper.retiredAt !== null) throw invalid(`协助人员“${helper.name}”已停用，请另选`, 'helperIds');
    }
  }

  for (const f of input.followups) {
    if (f.dueOn !== null && f.dueOn < visitedOn) throw invalid(`转介办理期限（${f.dueOn}）不能早于探访日期（${visitedOn}）`, 'followups');
  }

  const id = newId();
  await ctx.trx
    .insertInto('elderVisits')
    .values({
      id,
      elderId: elder.id,
      kind: input.kind,
      visitedOn,
      visitedAt: visitedAt.toISOString(),
      visitorStaffId: visitor.staffId,
      visitor: visitor.name,
      helperIds: JSON.stringify(helperIds),
      findings: JSON.stringify(input.findings),
      notes: input.notes,
      photo: input.photo,
      requestId: input.requestId,
      createdAt: ctx.at,
      createdById: caller.userId,
      createdBy: caller.name,
    })
    .execute();
  const problems = FINDING_AREAS.filter((a) => input.findings[a].problem);
  await ctx.audit({
    action: 'record',
    entity: 'elderVisits',
    entityId: id,
    after: { elder: elder.name, kind: input.kind, visitedAt: visitedAt.toISOString(), visitor: visitor.name, helpers: helperIds.length, problems: problems.map((a) => ENUM_LABELS_ZH.findingArea[a]), notes: input.notes, photo: input.photo !== null },
  });
  for (const f of input.followups) {
    await insertFollowup(ctx, { elderId: elder.id, visitId: id, kind: f.kind, need: f.need, openedOn: visitedOn, dueOn: f.dueOn });
  }
  return { id };
}

/** Who visited: a staff member still employed that day, or the person signed in (their staff record when linked). */
async function visitorOf(ctx: WriteContext, staffId: string | null, day: string): Promise<{ staffId: string | null; name: string }> {
  if (staffId === null) {
    const account = await ctx.trx.selectFrom('users').select('staffId').where('id', '=', ctx.caller.userId).executeTakeFirst();
    return { staffId: account?.staffId ?? null, name: ctx.caller.name };
  }
  const staff = await ctx.trx.selectFrom('staff').select(['name', 'leftOn']).where('id', '=', staffId).executeTakeFirst();
  if (!staff) throw invalid('探访人不在本院员工名册中，请从名单里选择', 'visitorStaffId');
  if (staff.leftOn !== null && staff.leftOn <= day) throw invalid(`探访人“${staff.name}”已于${staff.leftOn}离职，请另选一位`, 'visitorStaffId');
  return { staffId, name: staff.name };
}

export function voidVisit(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidInput>) {
  return writeAction(deps, caller, (ctx) => voidVisitIn(ctx, input));
}

/** voidVisit inside an action that is already open (voiding a care check voids its visit with it). */
export async function voidVisitIn(ctx: WriteContext, input: z.output<typeof VoidInput>): Promise<{ id: string }> {
  const caller = ctx.caller;
  const visit = await ctx.trx.selectFrom('elderVisits').select(['id', 'elderId', 'kind', 'visitedOn', 'visitor', 'voidedAt', 'voidedBy']).where('id', '=', input.id).executeTakeFirst();
  if (!visit) throw new AppError('NOT_FOUND', '找不到这条探访记录，请刷新后重试', 'id');
  if (visit.voidedAt !== null) throw conflict(`这条探访记录已于${chinaWallClock(new Date(visit.voidedAt))}由${visit.voidedBy ?? ''}作废`);
  await ctx.trx.updateTable('elderVisits').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', visit.id).execute();
  await ctx.audit({
    action: 'void',
    entity: 'elderVisits',
    entityId: visit.id,
    before: { kind: visit.kind, visitedOn: visit.visitedOn, visitor: visit.visitor, voidedAt: null },
    after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
  });
  return { id: visit.id };
}
