// What the monthly package carries about 特困 tiers: the official tier (the county's latest decision), the centre's
// latest proposal, and the proposals the county has to answer. Read-only; used by the sync collector.
import type { Kysely } from 'kysely';
import { TierInput } from '@shared/api/tier';
import { TIER_INDICATOR_NAMES, TIER_INDICATORS, type Tier } from '@shared/domain/assessment/tekun-tier';
import type { BackendDeps } from '../../deps';
import type { DB } from '../../db/schema';
import { parseJsonColumn } from '../../db/json';

export interface OfficialTier {
  tier: Tier;
  careTier: 1 | 2 | 3 | null;
  decidedOn: string;
  documentNo: string;
}

export interface LatestProposal {
  id: string;
  tier: Tier;
  proposedOn: string;
}

/** The `tier_proposals` section record (format 2, section version 1). */
export interface TierProposalRecord {
  id: string;
  residentId: string;
  proposedOn: string;
  tier: Tier;
  indicatorsNotMet: string[];
  previousTier: Tier | null;
  note: string;
}

/** Each resident's official tier on `lastDate`: the latest confirmed county decision dated on or before it. */
export async function officialTiersAt(db: Kysely<DB>, lastDate: string): Promise<Map<string, OfficialTier>> {
  const rows = await db
    .selectFrom('tierDecisions')
    .select(['residentId', 'tier', 'careTier', 'decidedOn', 'documentNo'])
    .where('outcome', '=', 'confirmed')
    .where('decidedOn', '<=', lastDate)
    .orderBy('decidedOn')
    .orderBy('createdAt')
    .execute();
  // Later rows overwrite earlier ones, so the map keeps the latest decision.
  return new Map(rows.map((r) => [r.residentId, { tier: r.tier!, careTier: r.careTier, decidedOn: r.decidedOn, documentNo: r.documentNo }]));
}

/** Each resident's latest proposal (the centre's own six-indicator assessment) made on or before `lastDate`. */
export async function latestProposalsAt(db: Kysely<DB>, lastDate: string): Promise<Map<string, LatestProposal>> {
  const rows = await db.selectFrom('tierAssessments').select(['id', 'residentId', 'assessedOn', 'tier']).where('assessedOn', '<=', lastDate).orderBy('assessedOn').orderBy('createdAt').execute();
  return new Map(rows.map((r) => [r.residentId, { id: r.id, tier: r.tier, proposedOn: r.assessedOn }]));
}

/**
 * The proposals the package of `period` carries: those made in the month, plus each resident's latest earlier proposal
 * the county has not answered yet (an older unanswered one is superseded by a newer proposal and not carried).
 */
export async function tierProposalsForMonth(deps: BackendDeps, period: string): Promise<TierProposalRecord[]> {
  const { db } = deps;
  const first = `${period}-01`;
  const last = `${period}-31`; // string comparison: no date is later than -31 in any month
  const answered = new Set((await db.selectFrom('tierDecisions').select('proposalId').where('proposalId', 'is not', null).execute()).map((r) => r.proposalId!));
  const latest = await latestProposalsAt(db, last);
  const rows = await db.selectFrom('tierAssessments').selectAll().where('assessedOn', '<=', last).orderBy('assessedOn').orderBy('id').execute();
  const carried = rows.filter((r) => r.assessedOn >= first || (!answered.has(r.id) && latest.get(r.residentId)?.id === r.id));
  // Every confirmed decision once (not a query per proposal): the tier in force when each proposal was made.
  const decisions = await db.selectFrom('tierDecisions').select(['residentId', 'tier', 'decidedOn']).where('outcome', '=', 'confirmed').where('decidedOn', '<=', last).orderBy('decidedOn').orderBy('createdAt').execute();
  const tierBefore = (residentId: string, date: string) => decisions.filter((d) => d.residentId === residentId && d.decidedOn <= date).at(-1)?.tier ?? null;
  const records: TierProposalRecord[] = [];
  for (const r of carried) {
    const indicators = parseJsonColumn(TierInput.shape.indicators, r.indicators, 'tier_assessments.indicators');
    records.push({
      id: r.id,
      residentId: r.residentId,
      proposedOn: r.assessedOn,
      tier: r.tier,
      indicatorsNotMet: TIER_INDICATORS.filter((i) => indicators[i] === false).map((i) => TIER_INDICATOR_NAMES[i]),
      previousTier: tierBefore(r.residentId, r.assessedOn),
      note: r.note,
    });
  }
  return records;
}
