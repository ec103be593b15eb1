// The monthly check that the entrusted care is delivered (上门 first; phone or video allowed): delivered yes / partly /
// no with what was found, and the carer's rating. A check is also a visit on the village register: the same action
// records an elder_visits row (visits/record.ts) and keeps its id, so the visit plan and the monthly visit rate count
// it. Refused, with nothing written: a day outside the agreement's period or in the future, findings missing when the
// care was not fully delivered. Voided (with the visit) with a reason, never changed.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { CheckInput, CheckRow, VoidCheckInput } from '@shared/api/entrusted';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { chinaDate } from '@shared/domain/dates';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { notInFuture, recordVisitIn, voidVisitIn } from '../visits/record';
import { lastDayOf, periodWords } from './period';

const fine = { problem: false, note: '' };

/**
 * Checks, newest or oldest first. A check whose visit was voided on its own (from the visits page) counts as voided
 * too, with that visit's void stamps: the month's list and the register never disagree.
 */
export async function checksOf(db: Executor, q: { elderId?: string; agreementIds?: string[]; month?: string; limit?: number; withVoided?: boolean }): Promise<CheckRow[]> {
  if (q.agreementIds !== undefined && q.agreementIds.length === 0) return [];
  const order = q.limit === undefined ? 'asc' : 'desc';
  const rows = await db
    .selectFrom('entrustedCareChecks as c')
    .leftJoin('elderVisits as v', 'v.id', 'c.visitId')
    .selectAll('c')
    .select(['v.voidedAt as visitVoidedAt', 'v.voidedBy as visitVoidedBy', 'v.voidReason as visitVoidReason'])
    .$if(q.elderId !== undefined, (w) => w.where('c.elderId', '=', q.elderId!))
    .$if(q.agreementIds !== undefined, (w) => w.where('c.agreementId', 'in', q.agreementIds!))
    .$if(q.month !== undefined, (w) => w.where('c.month', '=', q.month!))
    .$if(q.withVoided === false, (w) => w.where('c.voidedAt', 'is', null).where('v.voidedAt', 'is', null))
    .orderBy('c.checkedOn', order)
    .orderBy('c.createdAt', order)
    .$if(q.limit !== undefined, (w) => w.limit(q.limit!))
    .execute();
  return rows.map((c) => ({
    id: c.id,
    agreementId: c.agreementId,
    checkedOn: c.checkedOn,
    month: c.month,
    kind: c.kind,
    delivered: c.delivered,
    carerRating: c.carerRating,
    findings: c.findings,
    checker: c.checker,
    visitId: c.visitId,
    voided:
      c.voidedAt !== null
        ? { at: c.voidedAt, by: c.voidedBy ?? '', reason: c.voidReason ?? '' }
        : c.visitVoidedAt
          ? { at: c.visitVoidedAt, by: c.visitVoidedBy ?? '', reason: `探访记录已作废：${c.visitVoidReason ?? ''}` }
          : null,
  }));
}

export function recordCheck(deps: BackendDeps, caller: Caller, input: z.output<typeof CheckInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('entrustedCareChecks').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const a = await ctx.trx
      .selectFrom('entrustedCareAgreements')
      .innerJoin('elders', 'elders.id', 'entrustedCareAgreements.elderId')
      .select(['entrustedCareAgreements.id', 'entrustedCareAgreements.elderId', 'elders.name as elder', 'carerName', 'fromOn', 'toOn', 'endedOn'])
      .where('entrustedCareAgreements.id', '=', input.agreementId)
      .executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', '找不到这份委托照料协议，请刷新后重试', 'agreementId');
    const checkedAt = new Date(input.checkedAt);
    notInFuture(ctx, checkedAt, '检查时间', 'checkedAt');
    const checkedOn = chinaDate(checkedAt);
    const last = lastDayOf(a);
    if (checkedOn < a.fromOn || (last !== null && checkedOn > last))
      throw invalid(`检查日期（${checkedOn}）不在这份协议的期限内（${periodWords(a)}），请核对日期或选择当时的协议`, 'checkedAt');
    if (input.delivered !== 'yes' && input.findings === '') throw invalid('照料未完全到位：请写明检查发现的问题', 'findings');

    const deliveredWords = ENUM_LABELS_ZH.careDelivered[input.delivered];
    const ratingWords = ENUM_LABELS_ZH.carerRating[input.carerRating];
    const visit = await recordVisitIn(ctx, {
      requestId: input.requestId,
      elderId: a.elderId,
      kind: input.kind,
      visitedAt: checkedAt.toISOString(),
      visitorStaffId: input.checkerStaffId,
      helperIds: [],
      findings: {
        health: fine,
        mood: fine,
        safety: fine,
        house: fine,
        daily_care: input.delivered === 'yes' ? fine : { problem: true, note: input.findings.slice(0, 200) },
        livelihood: fine,
        family: fine,
        needs: fine,
      },
      notes: `委托照料检查：${deliveredWords}，照料人${a.carerName}评价“${ratingWords}”${input.findings ? `。${input.findings}` : ''}`.slice(0, 500),
      photo: null,
      followups: [],
    });
    const visitor = await ctx.trx.selectFrom('elderVisits').select('visitor').where('id', '=', visit.id).executeTakeFirstOrThrow();

    const id = newId();
    await ctx.trx
      .insertInto('entrustedCareChecks')
      .values({
        id,
        agreementId: a.id,
        elderId: a.elderId,
        month: checkedOn.slice(0, 7),
        checkedOn,
        kind: input.kind,
        visitId: visit.id,
        delivered: input.delivered,
        carerRating: input.carerRating,
        findings: input.findings,
        checker: visitor.visitor,
        requestId: input.requestId,
        createdAt: ctx.at,
        createdById: caller.userId,
        createdBy: caller.name,
      })
      .execute();
    await ctx.audit({
      action: 'record',
      entity: 'entrustedCareChecks',
      entityId: id,
      after: { elder: a.elder, carer: a.carerName, checkedAt: chinaWallClock(checkedAt), kind: ENUM_LABELS_ZH.visitKind[input.kind], delivered: deliveredWords, rating: ratingWords, findings: input.findings, checker: visitor.visitor, visitId: visit.id },
    });
    return { id };
  });
}

export function voidCheck(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidCheckInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const c = await ctx.trx.selectFrom('entrustedCareChecks').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', '找不到这条照料检查记录，请刷新后重试', 'id');
    if (c.voidedAt !== null) throw conflict(`这条照料检查已于${chinaWallClock(new Date(c.voidedAt))}由${c.voidedBy ?? ''}作废`);
    await ctx.trx.updateTable('entrustedCareChecks').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', c.id).execute();
    await ctx.audit({
      action: 'void',
      entity: 'entrustedCareChecks',
      entityId: c.id,
      before: { checkedOn: c.checkedOn, delivered: c.delivered, rating: c.carerRating, voidedAt: null },
      after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
    });
    if (c.visitId !== null) {
      const visit = await ctx.trx.selectFrom('elderVisits').select('voidedAt').where('id', '=', c.visitId).executeTakeFirst();
      // The visit may have been voided on its own from the visits page already.
      if (visit && visit.voidedAt === null) await voidVisitIn(ctx, { id: c.visitId, reason: `委托照料检查作废：${input.reason}`.slice(0, 100) });
    }
    return { id: c.id };
  });
}
