// 探访记录表: every visit of a period (optionally one village's), oldest first, with who went and with whom, the areas
// found a problem with their notes, and the follow-ups the visit opened with their state today. Voided visits come
// back marked so the printed ledger can list them apart. Read-only.
import type { VisitLedger } from '@shared/api/elder-ledgers';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { FINDING_AREAS } from '@shared/domain/elders/vocab';
import { Findings } from '@shared/api/visits';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import { StringList, parseJsonColumn } from '../../db/json';

export async function visitLedger(deps: BackendDeps, q: { from: string; to: string; villageId: string | null }): Promise<VisitLedger> {
  const today = todayIn(deps.clock);
  const visits = await deps.db
    .selectFrom('elderVisits')
    .innerJoin('elders', 'elders.id', 'elderVisits.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .selectAll('elderVisits')
    .select(['elders.name as elder', 'elders.villageId', 'villages.name as village'])
    .where('elderVisits.visitedOn', '>=', q.from)
    .where('elderVisits.visitedOn', '<=', q.to)
    .$if(q.villageId !== null, (w) => w.where('elders.villageId', '=', q.villageId!))
    .orderBy('elderVisits.visitedAt')
    .orderBy('elderVisits.id')
    .execute();
  const followups = await deps.db
    .selectFrom('elderFollowups')
    .innerJoin('elderVisits', 'elderVisits.id', 'elderFollowups.visitId')
    .innerJoin('elders', 'elders.id', 'elderVisits.elderId')
    .select(['elderFollowups.visitId', 'elderFollowups.kind', 'elderFollowups.need', 'elderFollowups.openedOn', 'elderFollowups.dueOn', 'elderFollowups.closedOn', 'elderFollowups.result'])
    .where('elderVisits.visitedOn', '>=', q.from)
    .where('elderVisits.visitedOn', '<=', q.to)
    .$if(q.villageId !== null, (w) => w.where('elders.villageId', '=', q.villageId!))
    .orderBy('elderFollowups.openedOn')
    .orderBy('elderFollowups.createdAt')
    .orderBy('elderFollowups.id')
    .execute();
  const followupsOf = new Map<string, VisitLedger['rows'][number]['followups']>();
  for (const f of followups) {
    const row = { kind: f.kind, need: f.need, openedOn: f.openedOn, dueOn: f.dueOn, closedOn: f.closedOn, result: f.result, overdue: f.closedOn === null && f.dueOn !== null && f.dueOn < today };
    followupsOf.set(f.visitId!, [...(followupsOf.get(f.visitId!) ?? []), row]);
  }
  const helpers = new Map((await deps.db.selectFrom('visitHelpers').select(['id', 'name', 'kind']).execute()).map((h) => [h.id, { name: h.name, kind: h.kind }]));
  return {
    from: q.from,
    to: q.to,
    rows: visits.map((v) => {
      const findings = parseJsonColumn(Findings, v.findings, 'elder_visits.findings');
      return {
        visitId: v.id,
        visitedOn: v.visitedOn,
        time: chinaWallClock(new Date(v.visitedAt)).slice(11),
        elderId: v.elderId,
        elder: v.elder,
        villageId: v.villageId,
        village: v.village,
        kind: v.kind,
        visitor: v.visitor,
        helpers: parseJsonColumn(StringList, v.helperIds, 'elder_visits.helper_ids').flatMap((id) => helpers.get(id) ?? []),
        problems: FINDING_AREAS.filter((a) => findings[a].problem).map((area) => ({ area, note: findings[area].note })),
        notes: v.notes,
        followups: followupsOf.get(v.id) ?? [],
        voided: v.voidedAt === null ? null : { at: v.voidedAt, by: v.voidedBy ?? '', reason: v.voidReason ?? '' },
      };
    }),
  };
}
