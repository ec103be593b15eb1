// The county's figures of care at home (issue 18) from one centre's month: per village, the services bought (elders
// served, visits done and missed, hours, disputed visits, complaints, services beyond the entitlement), 分散供养特困
// entrusted care (agreements in force at month end, checked in the month) and mutual aid (pairs, helpers, hours, 老年协会
// activities and attendance); per service item, what was delivered and how much of the entitlements was used; per
// provider, the month's visits and its settlement; per tier, the 分散供养特困 under entrusted care. Voided records
// never count. Pure.
import type { Tier } from '../assessment/tekun-tier';
import { monthRange } from './period';
import type { SectionData, SectionRecord } from './sections';

export interface CareVillageFigures {
  villageId: string | null;
  village: string;
  servedElders: number;
  visitsDone: number;
  visitsMissed: number;
  serviceMinutes: number;
  disputed: number;
  complaints: number;
  overQuota: number;
  entrusted: number;
  entrustedChecked: number;
  pairs: number;
  helpers: number;
  aidActivities: number;
  aidMinutes: number;
  associationActivities: number;
  attendance: number;
}

export interface CareItemFigures {
  itemId: string;
  item: string;
  unit: 'visit' | 'hour';
  visits: number;
  /** In the item's unit: minutes for an hourly item, times for a per-visit item. */
  quantity: number;
  entitledElders: number;
  quota: number;
  used: number;
}

export interface CareProviderFigures {
  providerId: string;
  provider: string;
  kind: 'centre' | 'organisation';
  visitsDone: number;
  visitsMissed: number;
  disputed: number;
  /** The provider's settlement of this month, when the centre had made it (it comes with this or next month's package). */
  settlement: Pick<SectionRecord<'home_service_settlements'>, 'visits' | 'disputed' | 'amountFen' | 'disputedFen' | 'subsidyFen' | 'personalFen' | 'settledOn'> | null;
}

export interface CareTierFigures {
  tier: Tier;
  agreements: number;
  checked: number;
  notDelivered: number;
  poorCarer: number;
  subsidyFen: number;
}

export interface CareAtHomeFigures {
  villages: CareVillageFigures[];
  items: CareItemFigures[];
  providers: CareProviderFigures[];
  tiers: CareTierFigures[];
  /** Nothing of care at home in the month (no service, agreement or mutual aid): the table names the township. */
  empty: boolean;
}

const TIER_ORDER: readonly Tier[] = ['fully_lost', 'partly_lost', 'self_sufficient'];
const NO_VILLAGE = '（未注明村）';

/** An agreement or pair in force on the day. Ended on a day, it was still in force that day (its last day, as at the centre). */
const inForce = (from: string, to: string | null, ended: string | null, day: string) => from <= day && (to === null || to >= day) && (ended === null || ended >= day);

/**
 * `data` is the centre's month; `settlements` are the settlements it reported in this month's and the next month's
 * packages (a month is settled after it ends), of which those of this month and not voided count.
 */
export function careAtHomeFigures(period: string, data: SectionData, settlements: readonly SectionRecord<'home_service_settlements'>[]): CareAtHomeFigures {
  const { last } = monthRange(period);
  const villageName = new Map(data.villages.map((v) => [v.id, v.name]));
  const villageOf = new Map(data.elders.map((e) => [e.id, e.villageId]));
  const rows = new Map<string | null, CareVillageFigures>();
  const row = (villageId: string | null) => {
    const key = villageId !== null && villageName.has(villageId) ? villageId : null;
    let r = rows.get(key);
    if (!r) {
      r = { villageId: key, village: key === null ? NO_VILLAGE : villageName.get(key)!, servedElders: 0, visitsDone: 0, visitsMissed: 0, serviceMinutes: 0, disputed: 0, complaints: 0, overQuota: 0, entrusted: 0, entrustedChecked: 0, pairs: 0, helpers: 0, aidActivities: 0, aidMinutes: 0, associationActivities: 0, attendance: 0 };
      rows.set(key, r);
    }
    return r;
  };
  const elderVillage = (elderId: string) => villageOf.get(elderId) ?? null;

  const visits = data.home_service_visits.filter((v) => !v.voided);
  const served = new Set<string>();
  for (const v of visits) {
    const r = row(elderVillage(v.elderId));
    if (v.outcome === 'missed') {
      r.visitsMissed += 1;
      continue;
    }
    r.visitsDone += 1;
    r.serviceMinutes += v.minutes ?? 0;
    if (v.check === 'disputed') r.disputed += 1;
    if (v.overQuota) r.overQuota += 1;
    if (!served.has(v.elderId)) {
      served.add(v.elderId);
      r.servedElders += 1;
    }
  }
  for (const v of data.home_service_visits) if (v.complaints > 0) row(elderVillage(v.elderId)).complaints += v.complaints;

  const agreementsAtEnd = data.entrusted_agreements.filter((a) => inForce(a.fromOn, a.toOn, a.endedOn, last));
  const checks = data.entrusted_checks.filter((c) => !c.voided);
  const checkedAgreements = new Set(checks.map((c) => c.agreementId));
  for (const a of agreementsAtEnd) {
    const r = row(elderVillage(a.elderId));
    r.entrusted += 1;
    if (checkedAgreements.has(a.id)) r.entrustedChecked += 1;
  }

  const helperVillage = new Map(data.aid_helpers.map((h) => [h.id, h.villageId]));
  const pairsAtEnd = data.aid_pairs.filter((p) => inForce(p.since, null, p.endedOn, last));
  for (const p of pairsAtEnd) row(elderVillage(p.elderId)).pairs += 1;
  const activities = data.aid_activities.filter((a) => !a.voided);
  const helpersByVillage = new Map<string | null, Set<string>>();
  for (const a of activities) {
    const village = a.elderId !== null ? elderVillage(a.elderId) : (helperVillage.get(a.helperId) ?? null);
    const r = row(village);
    r.aidActivities += 1;
    r.aidMinutes += a.minutes;
    const set = helpersByVillage.get(r.villageId) ?? new Set<string>();
    set.add(a.helperId);
    helpersByVillage.set(r.villageId, set);
  }
  for (const [villageId, set] of helpersByVillage) row(villageId).helpers = set.size;
  for (const a of data.association_activities) {
    if (a.cancelled) continue;
    const r = row(a.villageId);
    r.associationActivities += 1;
    r.attendance += a.attendance;
  }

  const items: CareItemFigures[] = data.home_service_items.map((i) => ({ itemId: i.id, item: i.name, unit: i.unit, visits: 0, quantity: 0, entitledElders: 0, quota: 0, used: 0 }));
  const itemRow = new Map(items.map((i) => [i.itemId, i]));
  for (const v of visits) {
    if (v.outcome !== 'done') continue;
    for (const line of v.items) {
      const i = itemRow.get(line.itemId);
      if (!i) continue;
      i.visits += 1;
      i.quantity += line.quantity;
    }
  }
  // An elder may hold two entitlements of an item in one month (a renewal): as at the centre, the larger quota counts,
  // never their sum, and the elder and the month's use (carried on each of them) count once.
  const entitled = new Map<string, { itemId: string; quota: number; used: number }>();
  for (const e of data.home_service_entitlements) {
    const key = `${e.elderId}|${e.itemId}`;
    const had = entitled.get(key);
    if (had) had.quota = Math.max(had.quota, e.monthlyQuota);
    else entitled.set(key, { itemId: e.itemId, quota: e.monthlyQuota, used: e.usedInMonth });
  }
  for (const e of entitled.values()) {
    const i = itemRow.get(e.itemId);
    if (!i) continue;
    i.entitledElders += 1;
    i.quota += e.quota;
    i.used += e.used;
  }

  const thisMonth = new Map(settlements.filter((s) => s.month === period && !s.voided).map((s) => [s.providerId, s]));
  const providers: CareProviderFigures[] = data.home_service_providers.map((p) => {
    const own = visits.filter((v) => v.providerId === p.id);
    const s = thisMonth.get(p.id);
    return {
      providerId: p.id,
      provider: p.name,
      kind: p.kind,
      visitsDone: own.filter((v) => v.outcome === 'done').length,
      visitsMissed: own.filter((v) => v.outcome === 'missed').length,
      disputed: own.filter((v) => v.check === 'disputed').length,
      settlement: s ? { visits: s.visits, disputed: s.disputed, amountFen: s.amountFen, disputedFen: s.disputedFen, subsidyFen: s.subsidyFen, personalFen: s.personalFen, settledOn: s.settledOn } : null,
    };
  });

  const tiers: CareTierFigures[] = TIER_ORDER.map((tier) => {
    const own = agreementsAtEnd.filter((a) => a.tier === tier);
    const ids = new Set(own.map((a) => a.id));
    const ownChecks = checks.filter((c) => ids.has(c.agreementId));
    return {
      tier,
      agreements: own.length,
      checked: own.filter((a) => checkedAgreements.has(a.id)).length,
      notDelivered: new Set(ownChecks.filter((c) => c.delivered === 'no').map((c) => c.agreementId)).size,
      poorCarer: new Set(ownChecks.filter((c) => c.carerRating === 'poor').map((c) => c.agreementId)).size,
      subsidyFen: own.reduce((sum, a) => sum + a.monthlySubsidyFen, 0),
    };
  });

  const villages = [...rows.values()].sort((a, b) => (a.villageId === null ? 1 : b.villageId === null ? -1 : a.village.localeCompare(b.village, 'zh-CN')));
  const empty =
    data.home_service_visits.length === 0 && data.home_service_entitlements.length === 0 && data.entrusted_agreements.length === 0 && data.aid_pairs.length === 0 && data.aid_activities.length === 0 && data.association_activities.length === 0;
  return { villages, items: items.filter((i) => i.visits > 0 || i.entitledElders > 0), providers: providers.filter((p) => p.visitsDone + p.visitsMissed > 0 || p.settlement !== null), tiers, empty };
}
