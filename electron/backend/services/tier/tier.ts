// The centre's 特困 self-care tier assessments (six indicators): proposals to the county, history kept (append-only).
// Each is listed with the county's answer, when the first package carrying it went out, and whether the county is late.
import type { z } from 'zod';
import { type TierInput, TierView, type WaitingRow } from '@shared/api/tier';
import { notFound } from '@shared/api/errors';
import { tierFromIndicators } from '@shared/domain/assessment/tekun-tier';
import { chinaDate } from '@shared/domain/dates';
import { answerOverdue } from '@shared/domain/tier/working-days';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import { answerWorkingDays } from './answer-days';
import { assertNotBeforeBirth, assertNotFuture } from '../residents/rules';
import { parseJsonColumn } from '../../db/json';

export function recordTier(deps: BackendDeps, caller: Caller, input: z.output<typeof TierInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select(['birthDate']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    assertNotFuture(input.assessedOn, ctx.today, '评估日期', 'assessedOn');
    assertNotBeforeBirth(input.assessedOn, resident.birthDate, '评估日期', 'assessedOn');
    const row = {
      id: newId(),
      residentId: input.residentId,
      assessedOn: input.assessedOn,
      indicators: JSON.stringify(input.indicators),
      tier: tierFromIndicators(input.indicators),
      assessor: input.assessor,
      note: input.note,
    };
    await ctx.trx.insertInto('tierAssessments').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'tierAssessments', entityId: row.id, after: { ...row, indicators: input.indicators } });
    return { id: row.id };
  });
}

/**
 * The date a proposal first went to the county: the first export of a month not before the proposal's month (the
 * package of that month carries it, and every later one until it is answered). The centre cannot know when the county
 * imported it; the export date stands in for it.
 */
async function firstSent(deps: BackendDeps): Promise<(assessedOn: string) => string | null> {
  const exports = await deps.db.selectFrom('syncExports').select(['period', 'createdAt']).orderBy('createdAt').execute();
  return (assessedOn) => {
    const first = exports.find((e) => e.period >= assessedOn.slice(0, 7));
    return first ? chinaDate(new Date(first.createdAt)) : null;
  };
}

/** Whether the resident is 特困 (集中 or 分散供养): only their assessments are proposals the county answers. */
export async function isTekun(deps: BackendDeps, residentId: string): Promise<boolean> {
  const r = await deps.db.selectFrom('residents').select('primaryCategory').where('id', '=', residentId).executeTakeFirst();
  return r?.primaryCategory.startsWith('tekun') ?? false;
}

export async function listTiers(deps: BackendDeps, residentId: string): Promise<TierView[]> {
  // Not 特困: the packages do not carry the assessments, so nothing is sent and nothing is waited for.
  const tekun = await isTekun(deps, residentId);
  const rows = await deps.db.selectFrom('tierAssessments').selectAll().where('residentId', '=', residentId).orderBy('assessedOn', 'desc').orderBy('createdAt', 'desc').execute();
  const decisions = await deps.db.selectFrom('tierDecisions').selectAll().where('residentId', '=', residentId).where('proposalId', 'is not', null).execute();
  const answerOf = new Map(decisions.map((d) => [d.proposalId!, d]));
  const sent = await firstSent(deps);
  const allowed = await answerWorkingDays(deps.db);
  const today = todayIn(deps.clock);
  return rows.map((r, i) => {
    const a = answerOf.get(r.id);
    // Rows are newest first: an unanswered proposal with a newer one after it is no longer waited on.
    const superseded = i > 0;
    const sentOn = tekun ? sent(r.assessedOn) : null;
    return {
      id: r.id,
      assessedOn: r.assessedOn,
      indicators: parseJsonColumn(TierView.shape.indicators, r.indicators, 'tier_assessments.indicators'),
      tier: r.tier,
      assessor: r.assessor,
      note: r.note,
      createdBy: r.createdBy,
      answer: a ? { outcome: a.outcome, decidedOn: a.decidedOn, documentNo: a.documentNo, tier: a.tier, careTier: a.careTier, reason: a.reason } : null,
      sentOn,
      overdue: !a && !superseded && sentOn !== null && answerOverdue(sentOn, today, allowed),
    };
  });
}

/** Every 特困 resident's latest proposal still waiting for the county's answer, the longest waiting first. */
export async function waitingTiers(deps: BackendDeps): Promise<WaitingRow[]> {
  const people = await deps.db
    .selectFrom('residents as r')
    .innerJoin('tierAssessments as t', 't.residentId', 'r.id')
    .select(['r.id', 'r.name'])
    .where('r.status', '!=', 'discharged')
    .where('r.primaryCategory', 'like', 'tekun%') // the county decides only for 特困 residents
    .distinct()
    .execute();
  const rows: WaitingRow[] = [];
  for (const p of people) {
    const latest = (await listTiers(deps, p.id))[0];
    if (latest && !latest.answer) rows.push({ residentId: p.id, name: p.name, proposedOn: latest.assessedOn, tier: latest.tier, sentOn: latest.sentOn, overdue: latest.overdue });
  }
  return rows.sort((a, b) => a.proposedOn.localeCompare(b.proposedOn));
}
