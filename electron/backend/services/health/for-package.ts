// Health in the package (format 5, issue 19): one line per resident in the centre at month end — the latest check-up
// up to month end (date and whether it found something abnormal, no results), a family-doctor contract in force, the
// month's health entry, the orders running and the month's doses — and the pressure-injury register: every injury open
// at some time in the month, with its stage at month end (the latest review by then) and its healing date if by then.
// Voided records are not reported; names, sites, notes and attachments stay at the centre.
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';
import { NO_DOSES, activeOrdersAt, doseCountsForMonth } from '../medication/for-package';

type HealthSections = { resident_health: SectionRecord<'resident_health'>[]; pressure_injuries: SectionRecord<'pressure_injuries'>[] };

/**
 * `present`: residents in the centre at month end (one health line each); `inPackage`: every resident the package
 * carries (an injury of someone who left during the month is still reported). `lineId` keys a resident's line.
 */
export async function healthSections(
  deps: BackendDeps,
  period: string,
  residents: { present: readonly string[]; inPackage: ReadonlySet<string> },
  lineId: (residentId: string) => string,
): Promise<HealthSections> {
  const { first, last } = monthRange(period);
  const db = deps.db;
  const [checkups, contracts, entries, injuries, doses, orders] = await Promise.all([
    db
      .selectFrom('healthCheckups')
      .select(['residentId', 'checkedOn', 'abnormal'])
      .where('voidedAt', 'is', null)
      .where('checkedOn', '<=', last)
      .orderBy('checkedOn')
      .execute(),
    db
      .selectFrom('familyDoctorContracts')
      .select('residentId')
      .where('validFrom', '<=', last)
      .where('validTo', '>=', last)
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>', last)]))
      .execute(),
    db.selectFrom('monthlyHealthEntries').select('residentId').where('month', '=', period).execute(),
    db
      .selectFrom('pressureInjuries')
      .select(['id', 'residentId', 'origin', 'foundOn', 'stage', 'healedOn'])
      .where('voidedAt', 'is', null)
      .where('foundOn', '<=', last)
      .where((eb) => eb.or([eb('healedOn', 'is', null), eb('healedOn', '>=', first)]))
      .orderBy('id')
      .execute(),
    doseCountsForMonth(deps, period),
    activeOrdersAt(deps, last),
  ]);
  const lastCheckup = new Map(checkups.map((c) => [c.residentId, c]));
  const withDoctor = new Set(contracts.map((c) => c.residentId));
  const withEntry = new Set(entries.map((e) => e.residentId));
  const reviews = injuries.length
    ? await db
        .selectFrom('pressureInjuryReviews')
        .select(['injuryId', 'stage'])
        .where('injuryId', 'in', injuries.map((i) => i.id))
        .where('reviewedOn', '<=', last)
        .orderBy('reviewedOn')
        .orderBy('createdAt')
        .execute()
    : [];
  const stageAtEnd = new Map(reviews.map((r) => [r.injuryId, r.stage]));
  return {
    resident_health: residents.present.map((residentId) => {
      const checkup = lastCheckup.get(residentId);
      const d = doses.get(residentId) ?? NO_DOSES;
      return {
        id: lineId(residentId),
        residentId,
        lastCheckupOn: checkup?.checkedOn ?? null,
        checkupAbnormal: (checkup?.abnormal ?? '').trim().length > 0,
        familyDoctor: withDoctor.has(residentId),
        monthlyEntry: withEntry.has(residentId),
        activeOrders: orders.get(residentId) ?? 0,
        dosesGiven: d.given,
        dosesRefused: d.refused,
        dosesHeld: d.held,
        dosesNotAvailable: d.notAvailable,
        dosesLate: d.late,
      };
    }),
    pressure_injuries: injuries
      .filter((i) => residents.inPackage.has(i.residentId))
      .map((i) => ({
        id: i.id,
        residentId: i.residentId,
        origin: i.origin,
        foundOn: i.foundOn,
        stageAtMonthEnd: stageAtEnd.get(i.id) ?? i.stage,
        healedOn: i.healedOn !== null && i.healedOn <= last ? i.healedOn : null,
      })),
  };
}
