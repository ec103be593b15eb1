// Services bought for elders at home in the package (format 4, issue 18): the catalogue and the providers in full (few
// rows, so the county can name what it counts), the entitlements in force at some time in the month with what was used
// of them in it, the month's visits as they stand at export (also those recorded or voided late: a visit corrected after
// the month is reported corrected; the 回访 outcome and complaints likewise — 回访 happens after the visit), and the
// settlements of this month or the month before. Notes,
// signatures, photos and slip numbers stay at the centre. Only elders the package's register carries are included.
import { addMonths, chinaDate } from '@shared/domain/dates';
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';

type Sections = {
  home_service_items: SectionRecord<'home_service_items'>[];
  home_service_providers: SectionRecord<'home_service_providers'>[];
  home_service_entitlements: SectionRecord<'home_service_entitlements'>[];
  home_service_visits: SectionRecord<'home_service_visits'>[];
  home_service_settlements: SectionRecord<'home_service_settlements'>[];
};

const minutesBetween = (start: string, end: string) => Number(end.slice(0, 2)) * 60 + Number(end.slice(3)) - (Number(start.slice(0, 2)) * 60 + Number(start.slice(3)));

export async function homecareSections(deps: BackendDeps, period: string, elderIds: ReadonlySet<string>): Promise<Sections> {
  const { first, last, toInstant } = monthRange(period);
  const db = deps.db;
  const [items, providers, entitlements, visits, visitItems, checks, complaints, settlements] = await Promise.all([
    db.selectFrom('homeServiceItems').select(['id', 'name', 'category', 'unit', 'retiredAt']).orderBy('id').execute(),
    db.selectFrom('homeServiceProviders').select(['id', 'name', 'kind', 'retiredAt']).orderBy('id').execute(),
    db
      .selectFrom('homeServiceEntitlements')
      .select(['id', 'elderId', 'itemId', 'monthlyQuota', 'validFrom', 'validTo', 'endedOn'])
      .where('validFrom', '<=', last)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', first)]))
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', first)]))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('homeServiceVisits')
      .select(['id', 'elderId', 'providerId', 'planId', 'outcome', 'serviceOn', 'startTime', 'endTime', 'priceClass', 'overQuotaReason', 'voidedAt'])
      .where('serviceOn', '>=', first)
      .where('serviceOn', '<=', last)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('homeServiceVisitItems')
      .innerJoin('homeServiceVisits', 'homeServiceVisits.id', 'homeServiceVisitItems.visitId')
      .select(['homeServiceVisitItems.visitId', 'homeServiceVisitItems.itemId', 'homeServiceVisitItems.quantity'])
      .where('homeServiceVisits.serviceOn', '>=', first)
      .where('homeServiceVisits.serviceOn', '<=', last)
      .orderBy('homeServiceVisitItems.itemId')
      .execute(),
    db
      .selectFrom('homeServiceChecks')
      .innerJoin('homeServiceVisits', 'homeServiceVisits.id', 'homeServiceChecks.visitId')
      .select(['homeServiceChecks.visitId', 'homeServiceChecks.outcome'])
      .where('homeServiceVisits.serviceOn', '>=', first)
      .where('homeServiceVisits.serviceOn', '<=', last)
      .execute(),
    db
      .selectFrom('homeServiceComplaints')
      .innerJoin('homeServiceVisits', 'homeServiceVisits.id', 'homeServiceComplaints.visitId')
      .select(['homeServiceComplaints.visitId', (eb) => eb.fn.countAll<number>().as('n')])
      .where('homeServiceVisits.serviceOn', '>=', first)
      .where('homeServiceVisits.serviceOn', '<=', last)
      .groupBy('homeServiceComplaints.visitId')
      .execute(),
    db
      .selectFrom('homeServiceSettlements')
      .select(['id', 'providerId', 'month', 'createdAt', 'visits', 'disputed', 'amountFen', 'disputedFen', 'subsidyFen', 'personalFen', 'voidedAt'])
      .where('month', 'in', [addMonths(`${period}-01`, -1).slice(0, 7), period])
      .orderBy('id')
      .execute(),
  ]);
  const itemsOf = new Map<string, { itemId: string; quantity: number }[]>();
  for (const i of visitItems) itemsOf.set(i.visitId, [...(itemsOf.get(i.visitId) ?? []), { itemId: i.itemId, quantity: i.quantity }]);
  const checkOf = new Map(checks.map((c) => [c.visitId, c.outcome]));
  const complaintsOf = new Map(complaints.map((c) => [c.visitId, Number(c.n)]));
  const counted = visits.filter((v) => elderIds.has(v.elderId));
  // What each entitlement's elder used of its item in the month: visits done and not voided by month end.
  const used = new Map<string, number>();
  for (const v of counted) {
    if (v.outcome !== 'done' || v.voidedAt !== null) continue;
    for (const i of itemsOf.get(v.id) ?? []) used.set(`${v.elderId}|${i.itemId}`, (used.get(`${v.elderId}|${i.itemId}`) ?? 0) + i.quantity);
  }
  return {
    home_service_items: items.map((i) => ({ id: i.id, name: i.name, category: i.category, unit: i.unit, retired: i.retiredAt !== null && i.retiredAt < toInstant })),
    home_service_providers: providers.map((p) => ({ id: p.id, name: p.name, kind: p.kind, retired: p.retiredAt !== null && p.retiredAt < toInstant })),
    home_service_entitlements: entitlements
      .filter((e) => elderIds.has(e.elderId))
      .map((e) => ({
        id: e.id,
        elderId: e.elderId,
        itemId: e.itemId,
        monthlyQuota: e.monthlyQuota,
        validFrom: e.validFrom,
        validTo: e.validTo,
        endedOn: e.endedOn !== null && e.endedOn <= last ? e.endedOn : null,
        usedInMonth: used.get(`${e.elderId}|${e.itemId}`) ?? 0,
      })),
    home_service_visits: counted.map((v) => ({
      id: v.id,
      elderId: v.elderId,
      providerId: v.providerId,
      planned: v.planId !== null,
      outcome: v.outcome,
      serviceOn: v.serviceOn,
      minutes: v.outcome === 'done' && v.endTime !== null ? minutesBetween(v.startTime, v.endTime) : null,
      items: itemsOf.get(v.id) ?? [],
      priceClass: v.priceClass,
      overQuota: v.overQuotaReason !== null,
      check: checkOf.get(v.id) ?? null,
      complaints: complaintsOf.get(v.id) ?? 0,
      voided: v.voidedAt !== null,
    })),
    home_service_settlements: settlements.map((s) => ({
      id: s.id,
      providerId: s.providerId,
      month: s.month,
      settledOn: chinaDate(new Date(s.createdAt)),
      visits: s.visits,
      disputed: s.disputed,
      amountFen: s.amountFen,
      disputedFen: s.disputedFen,
      subsidyFen: s.subsidyFen,
      personalFen: s.personalFen,
      voided: s.voidedAt !== null,
    })),
  };
}
