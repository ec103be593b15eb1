// Hospital referrals (转诊就医): a resident sent to a hospital (the day, where, why, who went along), open until closed
// with its outcome (back at the centre, admitted elsewhere, died), the day and a short discharge summary (出院小结).
// The resident's 住院 status itself is the residents module's leave and return: this record only says why and where.
// Refused with a sentence and nothing written: a day in the future, a resident who was not the centre's that day, a
// second open referral of the same resident, closing twice, closing before the referral or in the future.
import type { z } from 'zod';
import type { CloseReferralInput, ReferInput, ReferralRow, ReferralsQuery } from '@shared/api/health-clinical';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { daysBetween } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { matches, notFuture, residentBriefs, residentOnDay } from './clinical-common';

export function referResident(deps: BackendDeps, caller: Caller, input: z.output<typeof ReferInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    notFuture(input.referredOn, ctx.today, '转诊日期', 'referredOn');
    const resident = await residentOnDay(db, input.residentId, input.referredOn, '转诊');
    const open = await db.selectFrom('hospitalReferrals').select(['referredOn', 'hospital']).where('residentId', '=', resident.id).where('outcome', '=', 'open').executeTakeFirst();
    if (open) throw conflict(`${resident.name}${open.referredOn}转诊到${open.hospital}的记录还没有结束，请先登记那次的结果`, 'residentId');
    const id = newId();
    const row = { id, residentId: resident.id, referredOn: input.referredOn, hospital: input.hospital, reason: input.reason, escortedBy: input.escortedBy };
    await db.insertInto('hospitalReferrals').values({ ...row, outcome: 'open', ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'record', entity: 'hospitalReferrals', entityId: id, after: { ...row, residentId: resident.name } });
    return { id };
  });
}

export function closeReferral(deps: BackendDeps, caller: Caller, input: z.output<typeof CloseReferralInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const referral = await db
      .selectFrom('hospitalReferrals as h')
      .innerJoin('residents as r', 'r.id', 'h.residentId')
      .select(['h.id', 'h.referredOn', 'h.hospital', 'h.outcome', 'h.closedOn', 'h.updatedBy', 'r.name'])
      .where('h.id', '=', input.id)
      .executeTakeFirst();
    if (!referral) throw notFound('转诊记录');
    if (referral.outcome !== 'open') throw conflict(`这次转诊已于${referral.closedOn ?? ''}由${referral.updatedBy}登记为${enumLabel('referralOutcome', referral.outcome)}，不能再次结束`);
    notFuture(input.closedOn, ctx.today, '结束日期', 'closedOn');
    if (input.closedOn < referral.referredOn) throw invalid(`结束日期（${input.closedOn}）早于转诊日期（${referral.referredOn}）`, 'closedOn');
    await db.updateTable('hospitalReferrals').set({ outcome: input.outcome, closedOn: input.closedOn, summary: input.summary, ...ctx.stampUpdate() }).where('id', '=', referral.id).execute();
    await ctx.audit({
      action: 'close',
      entity: 'hospitalReferrals',
      entityId: referral.id,
      before: { resident: referral.name, hospital: referral.hospital, outcome: referral.outcome },
      after: { outcome: input.outcome, closedOn: input.closedOn, summary: input.summary },
    });
    return { id: referral.id };
  });
}

/** Referrals, open ones first (longest away first), then closed ones newest first. */
export async function referrals(db: Executor, q: z.output<typeof ReferralsQuery>, today: string): Promise<ReferralRow[]> {
  let query = db.selectFrom('hospitalReferrals').selectAll();
  if (q.status === 'open') query = query.where('outcome', '=', 'open');
  if (q.status === 'closed') query = query.where('outcome', '!=', 'open');
  if (q.residentId !== null) query = query.where('residentId', '=', q.residentId);
  const rows = await query.orderBy('referredOn', 'desc').orderBy('createdAt', 'desc').limit(2000).execute();
  const briefs = await residentBriefs(db, rows.map((r) => r.residentId));
  const list = rows.map((r): ReferralRow => {
    const b = briefs.get(r.residentId);
    return {
      id: r.id,
      residentId: r.residentId,
      name: b?.name ?? '',
      bedLabel: b?.bedLabel ?? null,
      residentStatus: b?.status ?? 'discharged',
      referredOn: r.referredOn,
      hospital: r.hospital,
      reason: r.reason,
      escortedBy: r.escortedBy,
      outcome: r.outcome,
      closedOn: r.closedOn,
      summary: r.summary,
      daysAway: Math.max(0, daysBetween(r.referredOn, r.closedOn ?? today)),
      recordedBy: r.createdBy,
      closedBy: r.outcome === 'open' ? null : r.updatedBy,
    };
  });
  const open = list.filter((r) => r.outcome === 'open').sort((a, b) => a.referredOn.localeCompare(b.referredOn));
  const closed = list.filter((r) => r.outcome !== 'open');
  return [...open, ...closed].filter((r) => matches(q.search, [r.name, r.hospital, r.reason, r.escortedBy, r.summary], [briefs.get(r.residentId)?.initials ?? '']));
}
