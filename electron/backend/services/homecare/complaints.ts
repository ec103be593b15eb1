// Complaints about a service visit (issue 18): received on a day, from someone, saying what; answered with the day,
// who answered and the answer. Open ones are listed with the days they have been open, red beyond the time limit (a
// setting, default 7 days [R]). A complaint is never deleted; its answer is given once.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import type { AnswerInput, ComplaintInput, ComplaintList } from '@shared/api/homecare-settlement';
import { HOMECARE_SETTLEMENT_SOURCES } from '@shared/api/homecare-settlement';
import { daysBetween } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { readHomecareSettlementSettings } from './homecare-settings';
import { visitBriefs } from './visit-briefs';

export async function listComplaints(deps: BackendDeps, status: 'open' | 'all', query: string): Promise<ComplaintList> {
  const { complaintDays } = await readHomecareSettlementSettings(deps.db);
  const today = todayIn(deps.clock);
  let q = deps.db.selectFrom('homeServiceComplaints').selectAll();
  if (status === 'open') q = q.where('answeredOn', 'is', null);
  const rows = await q.orderBy('receivedOn', status === 'open' ? 'asc' : 'desc').orderBy('createdAt').execute();
  const briefs = new Map((await visitBriefs(deps.db, { ids: [...new Set(rows.map((r) => r.visitId))] })).map((b) => [b.visitId, b]));
  const text = query.trim();
  const list = rows.map((r) => {
    const daysOpen = daysBetween(r.receivedOn, r.answeredOn ?? today);
    return {
      id: r.id,
      visit: briefs.get(r.visitId)!,
      receivedOn: r.receivedOn,
      fromWhom: r.fromWhom,
      complaint: r.complaint,
      answeredOn: r.answeredOn,
      answeredBy: r.answeredBy,
      answer: r.answer,
      daysOpen,
      overdue: r.answeredOn === null && daysOpen > complaintDays,
      recordedBy: r.createdBy,
    };
  });
  const found = text ? list.filter((c) => [c.visit.elder, c.visit.village, c.visit.provider, c.visit.worker ?? '', c.fromWhom, c.complaint, c.answer ?? ''].some((w) => w.includes(text))) : list;
  return { limitDays: complaintDays, source: HOMECARE_SETTLEMENT_SOURCES.complaintDays, rows: found };
}

export function recordComplaint(deps: BackendDeps, caller: Caller, input: z.output<typeof ComplaintInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const visit = await ctx.trx.selectFrom('homeServiceVisits').select(['id', 'serviceOn', 'voidedAt', 'voidReason']).where('id', '=', input.visitId).executeTakeFirst();
    if (!visit) throw new AppError('NOT_FOUND', '找不到这条服务记录，请刷新后重新选择', 'visitId');
    if (visit.voidedAt !== null) throw conflict(`这条服务记录已作废（${visit.voidReason ?? ''}），请选择实际的那次服务`, 'visitId');
    if (input.receivedOn < visit.serviceOn) throw invalid(`收到投诉的日期（${input.receivedOn}）早于服务日期（${visit.serviceOn}），请核对`, 'receivedOn');
    if (input.receivedOn > ctx.today) throw invalid(`收到投诉的日期（${input.receivedOn}）在将来，请核对`, 'receivedOn');
    const id = newId();
    await ctx.trx.insertInto('homeServiceComplaints').values({ id, visitId: visit.id, receivedOn: input.receivedOn, fromWhom: input.fromWhom, complaint: input.complaint, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'record', entity: 'homeServiceComplaints', entityId: id, after: { visitId: visit.id, serviceOn: visit.serviceOn, receivedOn: input.receivedOn, fromWhom: input.fromWhom, complaint: input.complaint } });
    return { id };
  });
}

export function answerComplaint(deps: BackendDeps, caller: Caller, input: z.output<typeof AnswerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const c = await ctx.trx.selectFrom('homeServiceComplaints').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', '找不到这条投诉，请刷新后重试', 'id');
    if (c.answeredOn !== null) throw conflict(`这条投诉已于 ${c.answeredOn} 由${c.answeredBy ?? ''}答复过`);
    if (input.answeredOn < c.receivedOn) throw invalid(`答复日期（${input.answeredOn}）早于收到投诉的日期（${c.receivedOn}），请核对`, 'answeredOn');
    if (input.answeredOn > ctx.today) throw invalid(`答复日期（${input.answeredOn}）在将来，请核对`, 'answeredOn');
    await ctx.trx.updateTable('homeServiceComplaints').set({ answeredOn: input.answeredOn, answeredBy: caller.name, answer: input.answer, ...ctx.stampUpdate() }).where('id', '=', c.id).execute();
    await ctx.audit({ action: 'close', entity: 'homeServiceComplaints', entityId: c.id, before: { answeredOn: null }, after: { answeredOn: input.answeredOn, answeredBy: caller.name, answer: input.answer } });
    return { id: c.id };
  });
}
