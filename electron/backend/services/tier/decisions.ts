// The county's decisions as the centre records them, and what the resident's file shows: the official tier (latest
// decision), or the proposal marked 待县民政局认定 until the county answers; for a resident who is not 特困, the
// centre's own assessment only.
import type { z } from 'zod';
import type { DecisionInput, DecisionView, TierOverview } from '@shared/api/tier';
import { conflict, notFound } from '@shared/api/errors';
import { tierStatus } from '@shared/domain/tier/official';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { assertAnswer } from './answer-rules';
import { isTekun, listTiers } from './tier';

/** The manager enters a decision (or a rejection) from the county's paper document; audited with the reason. */
export function recordDecision(deps: BackendDeps, caller: Caller, input: z.output<typeof DecisionInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select('id').where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    let proposedOn: string | null = null;
    if (input.proposalId) {
      const p = await ctx.trx.selectFrom('tierAssessments').select(['residentId', 'assessedOn']).where('id', '=', input.proposalId).executeTakeFirst();
      if (!p || p.residentId !== input.residentId) throw notFound('认定建议');
      const answered = await ctx.trx.selectFrom('tierDecisions').select('id').where('proposalId', '=', input.proposalId).executeTakeFirst();
      if (answered) throw conflict('县民政局已经答复过这条建议，不能再录入一次', 'proposalId');
      proposedOn = p.assessedOn;
    } else if (input.outcome === 'rejected') {
      throw conflict('不予认定必须针对本院的一条建议', 'proposalId');
    }
    assertAnswer(input, ctx.today, proposedOn);
    const row = {
      id: newId(),
      residentId: input.residentId,
      proposalId: input.proposalId,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      documentNo: input.documentNo.trim(),
      tier: input.outcome === 'confirmed' ? input.tier : null,
      careTier: input.outcome === 'confirmed' ? input.careTier : null,
      reason: input.reason,
      source: 'paper' as const,
      answerId: null,
    };
    await ctx.trx.insertInto('tierDecisions').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'record', entity: 'tierDecisions', entityId: row.id, after: row });
    return { id: row.id };
  });
}

export async function listDecisions(deps: BackendDeps, residentId: string): Promise<DecisionView[]> {
  const rows = await deps.db.selectFrom('tierDecisions').selectAll().where('residentId', '=', residentId).orderBy('decidedOn', 'desc').orderBy('createdAt', 'desc').execute();
  return rows.map((d) => ({
    id: d.id,
    proposalId: d.proposalId,
    outcome: d.outcome,
    decidedOn: d.decidedOn,
    documentNo: d.documentNo,
    tier: d.tier,
    careTier: d.careTier,
    reason: d.reason,
    source: d.source,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
  }));
}

export async function tierOverview(deps: BackendDeps, residentId: string): Promise<TierOverview> {
  const proposals = await listTiers(deps, residentId);
  const decisions = await listDecisions(deps, residentId);
  const status = tierStatus(proposals, decisions);
  const official = decisions.find((d) => d.outcome === 'confirmed');
  const tekun = await isTekun(deps, residentId);
  const base = { tekun, proposals, decisions };
  // Not 特困 and never decided by the county: the latest assessment is the centre's own, nobody waits for a decision.
  if (!tekun && decisions.length === 0 && proposals.length > 0)
    return { ...base, status: 'own', tier: proposals[0].tier, careTier: null, decidedOn: null, documentNo: null, differs: false, pending: null };
  if (status.kind === 'none') return { ...base, status: 'none', tier: null, careTier: null, decidedOn: null, documentNo: null, differs: false, pending: null };
  if (status.kind === 'proposed') return { ...base, status: 'proposed', tier: status.tier, careTier: null, decidedOn: null, documentNo: null, differs: false, pending: null };
  return { ...base, status: 'official', tier: status.tier, careTier: official!.careTier, decidedOn: official!.decidedOn, documentNo: official!.documentNo, differs: status.differs, pending: status.pending };
}
