// Special-situation reports (特殊情况报告, the 应急处置 of the 2022 意见): an elder found in danger, when, what was done and
// to whom it was reported. On the home page until a keeper closes it with the outcome. Closed, never deleted.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { CloseSpecialInput, SpecialInput, SpecialRow } from '@shared/api/visits';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { notInFuture } from './record';
import { elderForWrite } from './register';

export function reportSpecial(deps: BackendDeps, caller: Caller, input: z.output<typeof SpecialInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const elder = await elderForWrite(ctx.trx, input.elderId);
    const foundAt = new Date(input.foundAt);
    notInFuture(ctx, foundAt, '发现时间', 'foundAt');
    const reportedAt = input.reportedAt === null ? null : new Date(input.reportedAt);
    if (reportedAt !== null) {
      notInFuture(ctx, reportedAt, '报告时间', 'reportedAt');
      if (reportedAt < foundAt) throw invalid(`报告时间（${chinaWallClock(reportedAt)}）不能早于发现时间（${chinaWallClock(foundAt)}）`, 'reportedAt');
    }
    const id = newId();
    const values = {
      elderId: elder.id,
      foundAt: foundAt.toISOString(),
      situation: input.situation,
      actions: input.actions,
      reportedTo: input.reportedTo,
      reportedAt: reportedAt?.toISOString() ?? null,
    };
    await ctx.trx.insertInto('elderSpecialReports').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'report', entity: 'elderSpecialReports', entityId: id, after: { ...values, elder: elder.name } });
    return { id };
  });
}

export function closeSpecial(deps: BackendDeps, caller: Caller, input: z.output<typeof CloseSpecialInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('elderSpecialReports').select(['id', 'closedAt', 'closedBy']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到这份特殊情况报告，请刷新后重试', 'id');
    if (row.closedAt !== null) throw conflict(`这份报告已于${chinaWallClock(new Date(row.closedAt))}由${row.closedBy ?? ''}结案`);
    const after = { closedAt: ctx.at, closedBy: caller.name, outcome: input.outcome };
    await ctx.trx.updateTable('elderSpecialReports').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', row.id).execute();
    await ctx.audit({ action: 'close', entity: 'elderSpecialReports', entityId: row.id, before: { closedAt: null, outcome: null }, after });
    return { id: row.id };
  });
}

/** Reports (open ones, or all): open first, newest found first. */
export async function listSpecialReports(db: Executor, status: 'open' | 'all'): Promise<SpecialRow[]> {
  const rows = await db
    .selectFrom('elderSpecialReports')
    .innerJoin('elders', 'elders.id', 'elderSpecialReports.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select([
      'elderSpecialReports.id',
      'elderSpecialReports.elderId',
      'elders.name as elder',
      'elders.villageId',
      'villages.name as village',
      'elderSpecialReports.foundAt',
      'elderSpecialReports.situation',
      'elderSpecialReports.actions',
      'elderSpecialReports.reportedTo',
      'elderSpecialReports.reportedAt',
      'elderSpecialReports.createdBy as reportedBy',
      'elderSpecialReports.closedAt',
      'elderSpecialReports.closedBy',
      'elderSpecialReports.outcome',
    ])
    .$if(status === 'open', (q) => q.where('elderSpecialReports.closedAt', 'is', null))
    .orderBy('elderSpecialReports.foundAt', 'desc')
    .execute();
  return rows.sort((a, b) => Number(a.closedAt !== null) - Number(b.closedAt !== null));
}
