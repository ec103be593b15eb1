// 分散供养特困 entrusted care in the package (format 4, issue 18): the agreements in force at some time in the month (the
// carer's kind, the official tier and 照料护理档次 they follow, the monthly subsidy — no carer's name or phone) and the
// month's checks as they stand at export (a check voided late is reported voided; a check whose visit was voided on the visits page no longer counts, as in
// the centre's own month list). Only elders the package's register carries are included.
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';

export async function entrustedSections(
  deps: BackendDeps,
  period: string,
  elderIds: ReadonlySet<string>,
): Promise<{ entrusted_agreements: SectionRecord<'entrusted_agreements'>[]; entrusted_checks: SectionRecord<'entrusted_checks'>[] }> {
  const { first, last } = monthRange(period);
  const [agreements, checks] = await Promise.all([
    deps.db
      .selectFrom('entrustedCareAgreements')
      .select(['id', 'elderId', 'carerKind', 'tier', 'careTier', 'monthlySubsidyFen', 'fromOn', 'toOn', 'endedOn'])
      .where('fromOn', '<=', last)
      .where((eb) => eb.or([eb('toOn', 'is', null), eb('toOn', '>=', first)]))
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', first)]))
      .orderBy('id')
      .execute(),
    deps.db
      .selectFrom('entrustedCareChecks')
      .leftJoin('elderVisits', 'elderVisits.id', 'entrustedCareChecks.visitId')
      .select(['entrustedCareChecks.id', 'agreementId', 'entrustedCareChecks.elderId', 'checkedOn', 'entrustedCareChecks.kind', 'delivered', 'carerRating', 'entrustedCareChecks.voidedAt', 'elderVisits.voidedAt as visitVoidedAt'])
      .where('month', '=', period)
      .orderBy('entrustedCareChecks.id')
      .execute(),
  ]);
  const kept = agreements.filter((a) => elderIds.has(a.elderId));
  const agreementIds = new Set(kept.map((a) => a.id));
  return {
    entrusted_agreements: kept.map((a) => ({
      id: a.id,
      elderId: a.elderId,
      carerKind: a.carerKind,
      tier: a.tier,
      careTier: a.careTier,
      monthlySubsidyFen: a.monthlySubsidyFen,
      fromOn: a.fromOn,
      toOn: a.toOn,
      endedOn: a.endedOn !== null && a.endedOn <= last ? a.endedOn : null,
    })),
    entrusted_checks: checks
      .filter((c) => agreementIds.has(c.agreementId))
      .map((c) => ({ id: c.id, agreementId: c.agreementId, elderId: c.elderId, checkedOn: c.checkedOn, kind: c.kind, delivered: c.delivered, carerRating: c.carerRating, voided: c.voidedAt !== null || c.visitVoidedAt !== null })),
  };
}
