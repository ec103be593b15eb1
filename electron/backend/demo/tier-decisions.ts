// The demo centre's 特困 residents have the county's decision on file (entered from the paper document), so the
// package carries an official tier; the newest assessments are left waiting for the county, one of them overdue.
import { addDays } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { recordDecision } from '../services/tier/decisions';
import type { Random } from './random';

const CARE_TIER = { self_sufficient: 1, partly_lost: 2, fully_lost: 3 } as const;

export async function decideDemoTiers(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const rows = await deps.db
    .selectFrom('tierAssessments as t')
    .innerJoin('residents as r', 'r.id', 't.residentId')
    .select(['t.id', 't.residentId', 't.assessedOn', 't.tier'])
    .where('r.primaryCategory', 'like', 'tekun%')
    .orderBy('t.assessedOn')
    .orderBy('t.id')
    .execute();
  let events = 0;
  for (const [i, t] of rows.entries()) {
    // About one in six stays unanswered: the county has not decided yet.
    if (i % 6 === 5) continue;
    const decidedOn = addDays(t.assessedOn, random.int(3, 12));
    if (decidedOn > today) continue;
    await recordDecision(deps, actor, {
      residentId: t.residentId,
      proposalId: t.id,
      outcome: 'confirmed',
      decidedOn,
      documentNo: `清民〔${decidedOn.slice(0, 4)}〕${100 + i}号`,
      tier: t.tier,
      careTier: CARE_TIER[t.tier],
      reason: '县民政局认定书（纸质）',
    });
    events += 1;
  }
  return events;
}
