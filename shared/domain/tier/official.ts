// Which 特困 tier counts: the county's latest decision (认定办法 Art. 21–22). The centre's own six-indicator assessment
// is a proposal; it shows, marked 待县民政局认定, until the county answers it.
import type { Tier } from '../assessment/tekun-tier';

export interface ProposalLike {
  id: string;
  tier: Tier;
  assessedOn: string;
}

export interface DecisionLike {
  proposalId: string | null;
  outcome: 'confirmed' | 'rejected';
  tier: Tier | null;
  decidedOn: string;
}

export type TierStatus =
  | { kind: 'none' }
  /** No decision yet: the proposal is what the centre thinks, awaiting the county. */
  | { kind: 'proposed'; tier: Tier }
  /** The county decided; `pending` is a later proposal still waiting, `differs` when the decision is not what was proposed. */
  | { kind: 'official'; tier: Tier; differs: boolean; pending: Tier | null };

/**
 * `proposals` and `decisions` newest first. The official tier is the latest confirmed decision; a proposal made
 * after it and not answered is shown beside it as pending.
 */
export function tierStatus(proposals: readonly ProposalLike[], decisions: readonly DecisionLike[]): TierStatus {
  const answered = new Set(decisions.map((d) => d.proposalId).filter((id): id is string => id !== null));
  const official = decisions.find((d) => d.outcome === 'confirmed');
  const waiting = proposals.find((p) => !answered.has(p.id) && (!official || p.assessedOn >= official.decidedOn));
  // Proposals the county rejected leave no tier at all until it decides.
  if (!official) return waiting ? { kind: 'proposed', tier: waiting.tier } : { kind: 'none' };
  const proposal = official.proposalId ? proposals.find((p) => p.id === official.proposalId) : undefined;
  return { kind: 'official', tier: official.tier!, differs: proposal !== undefined && proposal.tier !== official.tier, pending: waiting?.tier ?? null };
}
