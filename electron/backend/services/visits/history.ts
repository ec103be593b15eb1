// One elder's visits, newest first, each with the follow-ups it opened (voided visits stay, marked).
import { AppError } from '@shared/api/errors';
import { Findings, type VisitRow } from '@shared/api/visits';
import { FINDING_AREAS } from '@shared/domain/elders/vocab';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import { StringList, parseJsonColumn } from '../../db/json';
import { followupRows } from './followups';

export async function visitsOfElder(deps: BackendDeps, elderId: string): Promise<VisitRow[]> {
  const elder = await deps.db.selectFrom('elders').select('id').where('id', '=', elderId).executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  const visits = await deps.db.selectFrom('elderVisits').selectAll().where('elderId', '=', elderId).orderBy('visitedAt', 'desc').orderBy('id', 'desc').execute();
  const followups = await followupRows(deps.db, todayIn(deps.clock), { status: 'all', villageId: null, elderId });
  const helperIds = [...new Set(visits.flatMap((v) => parseJsonColumn(StringList, v.helperIds, 'elder_visits.helper_ids')))];
  const helpers = new Map(
    helperIds.length === 0 ? [] : (await deps.db.selectFrom('visitHelpers').select(['id', 'name', 'kind']).where('id', 'in', helperIds).execute()).map((h) => [h.id, { id: h.id, name: h.name, kind: h.kind }]),
  );
  return visits.map((v) => {
    const findings = parseJsonColumn(Findings, v.findings, 'elder_visits.findings');
    return {
      id: v.id,
      kind: v.kind,
      visitedOn: v.visitedOn,
      visitedAt: v.visitedAt,
      visitor: v.visitor,
      visitorStaffId: v.visitorStaffId,
      helpers: parseJsonColumn(StringList, v.helperIds, 'elder_visits.helper_ids').flatMap((id) => helpers.get(id) ?? []),
      findings,
      problems: FINDING_AREAS.filter((a) => findings[a].problem),
      notes: v.notes,
      photo: v.photo,
      recordedAt: v.createdAt,
      recordedBy: v.createdBy,
      voided: v.voidedAt === null ? null : { at: v.voidedAt, by: v.voidedBy ?? '', reason: v.voidReason ?? '' },
      followups: followups.filter((f) => f.visitId === v.id),
    };
  });
}
