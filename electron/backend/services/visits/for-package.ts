// The month's visits in the package (format 3, issue 17): every visit of the month (voided ones flagged, as they stood
// at month end), the follow-ups open at some time in the month with their state at its end, and the special-situation
// reports likewise. Problems are counted, never described: the notes stay at the centre.
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import { Findings } from '@shared/api/visits';
import type { BackendDeps } from '../../deps';
import { parseJsonColumn } from '../../db/json';

/** How many areas of a visit's checklist were found a problem. */
function problemCount(findings: string): number {
  return Object.values(parseJsonColumn(Findings, findings, 'elder_visits.findings')).filter((f) => f.problem).length;
}

export async function visitSections(
  deps: BackendDeps,
  period: string,
): Promise<{ visits: SectionRecord<'visits'>[]; followups: SectionRecord<'followups'>[]; special_reports: SectionRecord<'special_reports'>[] }> {
  const { first, last, fromInstant, toInstant } = monthRange(period);
  const db = deps.db;
  const [visits, followups, reports] = await Promise.all([
    db.selectFrom('elderVisits').select(['id', 'elderId', 'kind', 'visitedOn', 'findings', 'voidedAt']).where('visitedOn', '>=', first).where('visitedOn', '<=', last).orderBy('id').execute(),
    db
      .selectFrom('elderFollowups')
      .select(['id', 'elderId', 'visitId', 'kind', 'openedOn', 'dueOn', 'closedOn'])
      .where('openedOn', '<=', last)
      .where((eb) => eb.or([eb('closedOn', 'is', null), eb('closedOn', '>=', first)]))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('elderSpecialReports')
      .select(['id', 'elderId', 'foundAt', 'reportedAt', 'closedAt'])
      .where('foundAt', '<', toInstant)
      .where((eb) => eb.or([eb('closedAt', 'is', null), eb('closedAt', '>=', fromInstant)]))
      .orderBy('id')
      .execute(),
  ]);
  return {
    visits: visits.map((v) => ({ id: v.id, elderId: v.elderId, kind: v.kind, visitedOn: v.visitedOn, problems: problemCount(v.findings), voided: v.voidedAt !== null && v.voidedAt < toInstant })),
    followups: followups.map((f) => ({ id: f.id, elderId: f.elderId, visitId: f.visitId, kind: f.kind, openedOn: f.openedOn, dueOn: f.dueOn, closedOn: f.closedOn !== null && f.closedOn <= last ? f.closedOn : null })),
    special_reports: reports.map((r) => ({
      id: r.id,
      elderId: r.elderId,
      foundAt: r.foundAt,
      reportedAt: r.reportedAt !== null && r.reportedAt < toInstant ? r.reportedAt : null,
      closedAt: r.closedAt !== null && r.closedAt < toInstant ? r.closedAt : null,
    })),
  };
}
