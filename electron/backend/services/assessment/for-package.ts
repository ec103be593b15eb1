// Home assessments in the monthly package (format 3, issue 17): the GB/T 42195 assessments of elders on the village
// register dated in the month and final when the package is made (as the residents' assessments section) — the date,
// the reason and the final level, nothing of the answers.
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';

export async function homeAssessmentsSection(deps: BackendDeps, period: string): Promise<SectionRecord<'home_assessments'>[]> {
  const { first, last } = monthRange(period);
  const rows = await deps.db
    .selectFrom('assessments')
    .select(['id', 'elderId', 'assessedOn', 'reason', 'finalLevel'])
    .where('elderId', 'is not', null)
    .where('status', '=', 'final')
    .where('assessedOn', '>=', first)
    .where('assessedOn', '<=', last)
    .orderBy('id')
    .execute();
  return rows.map((a) => ({ id: a.id, elderId: a.elderId!, assessedOn: a.assessedOn, reason: a.reason, level: a.finalLevel! }));
}
