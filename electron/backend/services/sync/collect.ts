// What a centre reports for a month (issue 8): the month-end snapshot (centre, beds, residents present in the month,
// staff, care grades, the village register) and the month's events (stays, assessments, care-log days, incidents, meals,
// meal aid, fire, village visits), as the sections of shared/domain/sync/sections.ts. Read-only; every record is keyed by its UUID, or by a UUID derived
// from what it summarises (a care-log day, a fire day), so the same month always gives the same records.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addDays, addMonths, ageOn, chinaDate } from '@shared/domain/dates';
import { type DayCompliance, type PatrolDone, dayCompliance } from '@shared/domain/fire/schedule';
import type { SectionData, SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';
import { readFireSettings } from '../fire/settings';
import { sinceStart } from '../fire/compliance';
import { centreStartedAt } from '../facility/profile';
import { readSettings } from '../settings/settings';
import { pressureInjuryStage } from './pressure-injury';
import { latestProposalsAt, officialTiersAt, tierProposalsForMonth } from '../tier/for-package';
import { registerSections } from '../elders/for-package';
import { visitSections } from '../visits/for-package';
import { homeAssessmentsSection } from '../assessment/for-package';
import { homecareSections } from '../homecare/for-package';
import { entrustedSections } from '../entrusted/for-package';
import { mutualaidSections } from '../mutualaid/for-package';
import { healthSections } from '../health/for-package';
import { Counts, StringList, parseJsonColumn } from '../../db/json';
import { monthRange } from '@shared/domain/sync/period';

/** A UUID-shaped id that is always the same for the same parts (for records that summarise others). */
export function derivedId(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const latestBy = <T extends { residentId: string }>(rows: T[], key: (r: T) => string) => {
  const map = new Map<string, T>();
  for (const r of rows) {
    const seen = map.get(r.residentId);
    if (!seen || key(r) > key(seen)) map.set(r.residentId, r);
  }
  return map;
};

async function residentsSection(deps: BackendDeps, period: string) {
  const { first, last } = monthRange(period);
  const db = deps.db;
  const people = await db
    .selectFrom('residents')
    .select(['id', 'name', 'sex', 'birthDate', 'primaryCategory', 'admittedOn', 'dischargedOn', 'idNumber', 'tekunCertNo', 'tags', 'hukou'])
    .where('admittedOn', 'is not', null)
    .where('admittedOn', '<=', last)
    .where((eb) => eb.or([eb('dischargedOn', 'is', null), eb('dischargedOn', '>=', first)]))
    .orderBy('id')
    .execute();
  const events = await db.selectFrom('stayEvents').select(['id', 'residentId', 'type', 'date', 'endDate', 'bedId', 'reason', 'createdAt']).where('date', '<=', last).execute();
  const beds = latestBy(
    events.filter((e) => (e.type === 'admission' || e.type === 'transfer') && e.bedId),
    (e) => `${e.date}|${e.createdAt}`,
  );
  const away = new Map(events.filter((e) => (e.type === 'leave' || e.type === 'hospital') && (e.endDate === null || e.endDate > last)).map((e) => [e.residentId, e.type]));
  const discharges = new Map(events.filter((e) => e.type === 'discharge').map((e) => [e.residentId, e.reason]));
  const ability = latestBy(
    await db.selectFrom('assessments').select(['residentId', 'assessedOn', 'finalLevel', 'health']).where('status', '=', 'final').where('assessedOn', '<=', last).where('residentId', 'is not', null).$narrowType<{ residentId: string }>().execute(),
    (a) => a.assessedOn,
  );
  // The official tier is the county's decision; the centre's own assessment travels only as a proposal.
  const official = await officialTiersAt(db, last);
  const proposed = await latestProposalsAt(db, last);
  const grades = latestBy(
    await db.selectFrom('residentGrades').innerJoin('careGrades', 'careGrades.id', 'residentGrades.gradeId').select(['residentGrades.residentId', 'residentGrades.effectiveFrom', 'careGrades.name']).where('residentGrades.effectiveFrom', '<=', last).execute(),
    (g) => g.effectiveFrom,
  );
  const { reassessMonths } = await readSettings(db);
  const dueBefore = addMonths(last, -reassessMonths);
  return people.map((p): SectionRecord<'residents'> => {
    const gone = p.dischargedOn !== null && p.dischargedOn <= last;
    const lastAssessedOn = ability.get(p.id)?.assessedOn ?? null;
    const tags = parseJsonColumn(StringList, p.tags, 'residents.tags');
    return {
      id: p.id,
      name: p.name,
      sex: p.sex,
      birthDate: p.birthDate,
      ageAtMonthEnd: Math.max(0, ageOn(p.birthDate, last)),
      category: p.primaryCategory,
      idNumber: p.idNumber,
      tekunCertNo: p.tekunCertNo,
      severeDisability: tags.includes('severe_disability'),
      mentalIllness: tags.includes('mental_illness'),
      hukou: p.hukou,
      supportMode: p.primaryCategory === 'tekun_concentrated' ? 'concentrated' : p.primaryCategory === 'tekun_dispersed' ? 'dispersed' : null,
      tekunTier: official.get(p.id)?.tier ?? null,
      tekunTierProposed: proposed.get(p.id)?.tier ?? null,
      tekunCareTier: official.get(p.id)?.careTier ?? null,
      pressureInjuryStage: pressureInjuryStage(ability.get(p.id)?.health ?? null),
      abilityLevel: ability.get(p.id)?.finalLevel ?? null,
      lastAssessedOn,
      assessmentOverdue: !gone && (lastAssessedOn === null || lastAssessedOn < dueBefore),
      careGrade: grades.get(p.id)?.name ?? null,
      admittedOn: p.admittedOn!,
      dischargedOn: gone ? p.dischargedOn : null,
      dischargeReason: gone ? (discharges.get(p.id) ?? null) : null,
      statusAtMonthEnd: gone ? 'discharged' : ((away.get(p.id) === 'hospital' ? 'in_hospital' : away.get(p.id) === 'leave' ? 'on_leave' : 'in_residence') as SectionRecord<'residents'>['statusAtMonthEnd']),
      bedId: gone ? null : (beds.get(p.id)?.bedId ?? null),
    };
  });
}

/** Beds not retired by the month's end (a bed's creation date is when it was typed in, not when it was built). */
async function bedsSection(deps: BackendDeps, period: string, occupied: Set<string>) {
  const { toInstant } = monthRange(period);
  const rows = await deps.db
    .selectFrom('beds')
    .innerJoin('rooms', 'rooms.id', 'beds.roomId')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .select(['beds.id', 'buildings.name as building', 'rooms.name as room', 'rooms.floor', 'beds.label', 'beds.bedType', 'beds.setting'])
    .where((eb) => eb.or([eb('beds.retiredAt', 'is', null), eb('beds.retiredAt', '>=', toInstant)]))
    .orderBy('beds.id')
    .execute();
  return rows.map((b): SectionRecord<'beds'> => ({ id: b.id, building: b.building, room: b.room, floor: b.floor, label: b.label, bedType: b.bedType, setting: b.setting, occupied: occupied.has(b.id) }));
}

async function careDays(deps: BackendDeps, period: string): Promise<SectionRecord<'care_days'>[]> {
  const { first, last } = monthRange(period);
  const rows = await deps.db
    .selectFrom('careEntries')
    .select([
      'residentId',
      'shiftDate',
      (eb) => eb.fn.countAll<number>().as('entries'),
      sql<number>`sum(kind = 'task')`.as('tasks'),
      sql<number>`sum(kind = 'vitals')`.as('vitals'),
      sql<number>`sum(kind = 'round')`.as('rounds'),
      sql<number>`sum(amends_id IS NOT NULL)`.as('amendments'),
    ])
    .where('shiftDate', '>=', first)
    .where('shiftDate', '<=', last)
    .groupBy(['residentId', 'shiftDate'])
    .orderBy('residentId')
    .orderBy('shiftDate')
    .execute();
  return rows.map((r) => ({ id: derivedId('care_day', r.residentId, r.shiftDate), residentId: r.residentId, date: r.shiftDate, entries: Number(r.entries), tasks: Number(r.tasks), vitals: Number(r.vitals), rounds: Number(r.rounds), amendments: Number(r.amendments) }));
}

async function fireSections(deps: BackendDeps, period: string, until: Date) {
  const { first, last, fromInstant, toInstant } = monthRange(period);
  const db = deps.db;
  const rounds = await db
    .selectFrom('fireRounds')
    .select(['id', 'kind', 'doneAt', 'countersignedAt', (eb) => eb.selectFrom('fireRoundResults').select((e) => e.fn.countAll<number>().as('n')).whereRef('fireRoundResults.roundId', '=', 'fireRounds.id').where('result', '=', 'problem').as('problems')])
    .where('doneAt', '>=', chinaInstant(addDays(first, -1), '00:00').toISOString())
    .where('doneAt', '<', chinaInstant(addDays(last, 2), '00:00').toISOString())
    .orderBy('id')
    .execute();
  const plan = await readFireSettings(db);
  const patrols: PatrolDone[] = rounds.filter((r) => r.kind === 'day_patrol' || r.kind === 'night_patrol').map((r) => ({ kind: r.kind as PatrolDone['kind'], at: new Date(r.doneAt) }));
  const days: DayCompliance[] = [];
  const startedAt = await centreStartedAt(db); // slots before the centre started using the system are not required
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(sinceStart(dayCompliance(d, plan, patrols, until), plan, startedAt));
  const inMonth = (at: string) => at >= fromInstant && at < toInstant;
  const dangers = await db
    .selectFrom('fireDangers')
    .select(['id', 'source', 'level', 'status', 'foundAt', 'deadline', 'rectifiedAt', 'verifiedAt'])
    .where('foundAt', '<', toInstant)
    .where((eb) => eb.or([eb('foundAt', '>=', fromInstant), eb('verifiedAt', 'is', null), eb('verifiedAt', '>=', fromInstant)]))
    .orderBy('id')
    .execute();
  const drills = await db.selectFrom('fireDrills').select(['id', 'date', 'atNight', 'bedridden', 'participants', 'evacuationSeconds']).where('date', '>=', first).where('date', '<=', last).orderBy('id').execute();
  return {
    fire_rounds: rounds.filter((r) => inMonth(r.doneAt)).map((r): SectionRecord<'fire_rounds'> => ({ id: r.id, kind: r.kind, doneAt: r.doneAt, problems: Number(r.problems ?? 0), countersigned: r.countersignedAt !== null })),
    fire_compliance: days.map((d): SectionRecord<'fire_compliance'> => ({ id: derivedId('fire_day', d.date), date: d.date, dayRequired: d.dayRequired, dayDone: d.dayDone, nightWindows: d.night.length, nightMissed: d.nightMissed })),
    // The danger's status as it stood at the end of the month, not as it is today.
    fire_dangers: dangers.map((d): SectionRecord<'fire_dangers'> => {
      const verified = d.verifiedAt !== null && d.verifiedAt < toInstant;
      const rectified = d.rectifiedAt !== null && d.rectifiedAt < toInstant;
      const status = verified ? 'verified' : rectified ? 'rectified' : d.status === 'open' ? 'open' : 'in_progress';
      return { id: d.id, source: d.source, level: d.level, status, foundAt: d.foundAt, deadline: d.deadline, rectifiedAt: rectified ? d.rectifiedAt : null, verifiedAt: verified ? d.verifiedAt : null };
    }),
    fire_drills: drills.map((d): SectionRecord<'fire_drills'> => ({ id: d.id, date: d.date, atNight: d.atNight === 1, bedridden: d.bedridden === 1, participants: d.participants, evacuationSeconds: d.evacuationSeconds })),
  };
}

/** Staff with any training record (staff training or a fire-safety training attended) in the 12 months to `last`. */
async function trainedInYear(deps: BackendDeps, last: string): Promise<Set<string>> {
  const from = addDays(addMonths(last, -12), 1);
  const own = await deps.db.selectFrom('staffTraining').select('staffId').where('date', '>=', from).where('date', '<=', last).execute();
  const fire = await deps.db
    .selectFrom('fireTrainingAttendees')
    .innerJoin('fireTrainings', 'fireTrainings.id', 'fireTrainingAttendees.trainingId')
    .select('fireTrainingAttendees.staffId')
    .where('fireTrainings.date', '>=', from)
    .where('fireTrainings.date', '<=', last)
    .execute();
  return new Set([...own, ...fire].map((r) => r.staffId));
}

/** Every section of the month. `until` is the moment the month is judged at (its end, for a finished month). */
export async function collectMonth(deps: BackendDeps, period: string, until: Date): Promise<SectionData> {
  const { first, last, fromInstant, toInstant } = monthRange(period);
  const db = deps.db;
  const facility = await db.selectFrom('facility').selectAll().executeTakeFirstOrThrow();
  const residents = await residentsSection(deps, period);
  const tekun = new Set(residents.filter((r) => r.supportMode !== null).map((r) => r.id));
  const occupied = new Set(residents.filter((r) => r.bedId && r.statusAtMonthEnd !== 'discharged').map((r) => r.bedId!));
  const staff = await db.selectFrom('staff').select(['id', 'name', 'role', 'certLevel', 'certExpiry', 'hireDate', 'leftOn']).where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>=', first)])).orderBy('id').execute();
  const trained = await trainedInYear(deps, last);
  const abilityRows = await db.selectFrom('assessments').select(['id', 'residentId', 'assessedOn', 'reason', 'finalLevel']).where('status', '=', 'final').where('assessedOn', '>=', first).where('assessedOn', '<=', last).where('residentId', 'is not', null).$narrowType<{ residentId: string }>().orderBy('id').execute();
  const tierRows = await db.selectFrom('tierAssessments').select(['id', 'residentId', 'assessedOn', 'tier']).where('assessedOn', '>=', first).where('assessedOn', '<=', last).orderBy('id').execute();
  const stays = await db
    .selectFrom('stayEvents')
    .select(['id', 'residentId', 'type', 'date', 'endDate', 'reason'])
    .where((eb) => eb.or([eb.and([eb('date', '>=', first), eb('date', '<=', last)]), eb.and([eb('endDate', '>=', first), eb('endDate', '<=', last)])]))
    .orderBy('id')
    .execute();
  const incidents = await db.selectFrom('incidents').select(['id', 'residentId', 'type', 'severity', 'occurredAt', 'status', 'closedAt', 'hospitalTransfer', 'familyNotified', 'medicationError']).where('occurredAt', '>=', fromInstant).where('occurredAt', '<', toInstant).orderBy('id').execute();
  const meals = await db.selectFrom('mealServices').select(['id', 'date', 'meal', 'residentTotal', 'counts']).where('date', '>=', first).where('date', '<=', last).orderBy('id').execute();
  const aid = await db.selectFrom('mealAidServings').select(['id', 'dinerId', 'date', 'meal', 'mode', 'category', 'priceFen', 'subsidyFen', 'cancelledAt']).where('date', '>=', first).where('date', '<=', last).orderBy('id').execute();
  const grades = await db.selectFrom('careGrades').select(['id', 'name', 'rank']).orderBy('id').execute();
  const register = await registerSections(deps, period);
  // Care at home counts only elders the register carries this month; a village without such elders is not in the
  // package, so a helper or a 老年协会 activity there goes without one (the county counts it as 未注明村).
  const elderIds = new Set(register.elders.map((e) => e.id));
  const villageIds = new Set(register.villages.map((v) => v.id));
  const knownVillage = (id: string | null) => (id !== null && villageIds.has(id) ? id : null);
  const mutualAid = await mutualaidSections(deps, period, elderIds);
  return {
    centre: [{ id: facility.id, centreCode: facility.areaCode, name: facility.name, creditCode: facility.creditCode, county: facility.county, township: facility.township, type: facility.type, licensedBeds: facility.licensedBeds, setUpOn: chinaDate(new Date(facility.startedAt ?? facility.createdAt)) }],
    beds: await bedsSection(deps, period, occupied),
    residents,
    staff: staff.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      certLevel: s.certLevel,
      hireDate: s.hireDate || null,
      leftOn: s.leftOn,
      trainedInYear: trained.has(s.id),
      // A certificate that had expired by the month's end no longer counts.
      certified: s.certLevel !== 'none' && (s.certExpiry === null || s.certExpiry >= last),
    })),
    grades,
    assessments: [
      ...abilityRows.map((a): SectionRecord<'assessments'> => ({ id: a.id, residentId: a.residentId, kind: 'ability', assessedOn: a.assessedOn, reason: a.reason, level: a.finalLevel, tier: null })),
      ...tierRows.map((t): SectionRecord<'assessments'> => ({ id: t.id, residentId: t.residentId, kind: 'tekun_tier', assessedOn: t.assessedOn, reason: 'tier', level: null, tier: t.tier })),
    ],
    stay_events: stays.map((s) => ({ id: s.id, residentId: s.residentId, type: s.type, date: s.date, endDate: s.endDate, reason: s.reason })),
    care_days: await careDays(deps, period),
    // An incident closed after the month ends was still open at its end.
    incidents: incidents.map((i) => ({ id: i.id, residentId: i.residentId, type: i.type, severity: i.severity, occurredAt: i.occurredAt, status: i.status === 'closed' && i.closedAt !== null && i.closedAt < toInstant ? 'closed' : 'open', hospitalTransfer: i.hospitalTransfer === 1, familyNotified: i.familyNotified === 1, medicationError: i.medicationError })),
    meals: meals.map((m) => ({ id: m.id, date: m.date, meal: m.meal, residentTotal: m.residentTotal, counts: parseJsonColumn(Counts, m.counts, 'meal_services.counts') })),
    meal_aid: aid.map((a) => ({ id: a.id, dinerId: a.dinerId, date: a.date, meal: a.meal, mode: a.mode, category: a.category, priceFen: a.priceFen, subsidyFen: a.subsidyFen, cancelled: a.cancelledAt !== null && a.cancelledAt < toInstant })),
    ...(await fireSections(deps, period, until)),
    // The county decides tiers for 特困 people only: another resident's six-indicator assessment stays at the centre.
    tier_proposals: (await tierProposalsForMonth(deps, period)).filter((p) => tekun.has(p.residentId)),
    ...register,
    ...(await visitSections(deps, period)),
    home_assessments: await homeAssessmentsSection(deps, period),
    ...(await homecareSections(deps, period, elderIds)),
    ...(await entrustedSections(deps, period, elderIds)),
    aid_helpers: mutualAid.aid_helpers.map((h) => ({ ...h, villageId: knownVillage(h.villageId) })),
    aid_pairs: mutualAid.aid_pairs,
    aid_activities: mutualAid.aid_activities,
    association_activities: mutualAid.association_activities.map((a) => ({ ...a, villageId: knownVillage(a.villageId) })),
    ...(await healthSections(
      deps,
      period,
      { present: residents.filter((r) => r.statusAtMonthEnd !== 'discharged').map((r) => r.id), inPackage: new Set(residents.map((r) => r.id)) },
      (residentId) => derivedId('resident_health', period, residentId),
    )),
  };
}
