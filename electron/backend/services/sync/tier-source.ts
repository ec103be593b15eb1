// Where the package's 特困 tier fields come from. The tier module (electron/backend/services/tier) owns proposals and
// the county's decisions; until its for-package functions land this stand-in reports no decision and the centre's
// latest own assessment as the proposal, which is what the centre knows.
import type { Kysely } from 'kysely';
import type { SectionRecord } from '../../../../shared/domain/sync/sections';
import type { BackendDeps } from '../../audit';
import type { DB } from '../../db/schema';

type Tier = 'self_sufficient' | 'partly_lost' | 'fully_lost';

export async function officialTiersAt(_db: Kysely<DB>, _lastDate: string): Promise<Map<string, { tier: Tier; careTier: 1 | 2 | 3 | null; decidedOn: string; documentNo: string }>> {
  return new Map();
}

export async function latestProposalsAt(db: Kysely<DB>, lastDate: string): Promise<Map<string, { id: string; tier: Tier; proposedOn: string }>> {
  const rows = await db.selectFrom('tierAssessments').select(['id', 'residentId', 'assessedOn', 'tier']).where('assessedOn', '<=', lastDate).orderBy('assessedOn').execute();
  return new Map(rows.map((r) => [r.residentId, { id: r.id, tier: r.tier, proposedOn: r.assessedOn }]));
}

export async function tierProposalsForMonth(_deps: BackendDeps, _period: string): Promise<SectionRecord<'tier_proposals'>[]> {
  return [];
}
