// The data files of the monthly package (issue 8, docs/sync-package.md §6): one section per module, each versioned,
// one JSON record per line keyed by `id` (a UUID), so the county applies them as upserts. The county checks every
// record against these schemas before anything is written. Format 2 (issue 14 §4) added what the county needs to match
// its 特困 roll (residents v2, staff v2, tier_proposals); a format-1 package is still read, its records upgraded to the
// current shapes with `null` for what it did not carry (OLDER_SECTIONS). Format 3 (issue 17) added the village register
// and its visits as new sections; format 4 (issue 18) care at home: services bought for elders at home, 分散供养特困 entrusted
// care and mutual aid; format 5 (issue 19) health and medicines: incidents say what kind of 用药差错 they are, one health
// line per resident (check-up, family doctor, monthly entry, the month's doses) and the pressure-injury register.
// Field meanings: docs/data-dictionary.md.
import { z } from 'zod';
import { isCalendarDate as isRealDate } from '../dates';
import { ELDER_CATEGORIES, ELDER_STATUSES, FOLLOWUP_KINDS, HELPER_KINDS, HOUSEHOLDS, RISK_LEVELS, VISIT_KINDS } from '../elders/vocab';
import { CARE_DELIVERED, CARER_KINDS, CARER_RATINGS } from '../entrusted/vocab';
import { CHECK_OUTCOMES, PRICE_CLASSES, PROVIDER_KINDS, SERVICE_CATEGORIES, SERVICE_UNITS, VISIT_OUTCOMES } from '../homecare/vocab';
import { AID_ACTIVITY_KINDS } from '../mutualaid/vocab';
import { PRESSURE_ORIGINS, PRESSURE_STAGES } from '../health/vocab';
import { MEDICATION_ERROR_KINDS } from '../medication/vocab';

// The building blocks of every record (issue 15): the county keeps only what passed them.
/**
 * Every id is a UUID (or a UUID-shaped id derived by SHA-256, docs/sync-package.md §6), hex digits in either case:
 * spelled out rather than with the `i` flag, which makes each of a package's hundred thousand ids slower to test.
 */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const id = z.string().regex(UUID_PATTERN, { message: '不是 UUID 编号' });
/** A real calendar date between 1900 and 2100: no month 13, no 30 February, no year 9999. */
const date = z.string().refine(isCalendarDate, { message: '不是 1900–2100 年之间真实的日期（应为 YYYY-MM-DD）' });
/** An ISO-8601 instant whose date part is a real date between 1900 and 2100. */
const instant = z.string().refine((v) => INSTANT.test(v) && isCalendarDate(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), { message: '不是真实的时间（应为 ISO-8601，如 2026-03-15T08:00:00.000Z）' });
const text = z.string().max(500);
const count = z.number().int().min(0);
const fen = z.number().int().min(0).max(1_000_000_000);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '不是月份（应为 YYYY-MM）' });
const tier = z.enum(['self_sufficient', 'partly_lost', 'fully_lost']);
/**
 * A record: exactly the fields its section lists. An unknown field (a blob, a full ID number in the wrong place, a
 * `__proto__` key) refuses the line instead of riding along into the county's tables.
 */
const record = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digits = (v: string, from: number, n: number) => {
  let out = 0;
  for (let i = from; i < from + n; i++) out = out * 10 + v.charCodeAt(i) - 48;
  return out;
};

/**
 * `YYYY-MM-DD` that names a day that exists, in 1900–2100: the same answer as the calendar check of dates.ts
 * (`isRealDate`, through a Date) with the year range, by arithmetic — a package has tens of thousands of dates
 * (test/unit/sync-fast-check.test.ts compares the two on every day of 1890–2110 and on impossible ones).
 */
export function isCalendarDate(value: string): boolean {
  if (typeof value !== 'string' || !DATE_SHAPE.test(value)) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m]);
}

/** The slower reference the fast date check must agree with (tests only). */
export const isCalendarDateByDate = (value: string) => isRealDate(value) && Number(value.slice(0, 4)) >= 1900 && Number(value.slice(0, 4)) <= 2100;

/** Keys a record may never carry, at any depth: they change an object's prototype when copied. */
export const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** The package format this program writes; a reader takes this one and every older one (docs/sync-package.md §2). */
export const FORMAT_VERSION = 5;

const residentsV1 = record({
  id,
  name: text,
  sex: z.enum(['male', 'female']),
  birthDate: date,
  ageAtMonthEnd: z.number().int().min(0).max(130),
  category: text,
  tekunTier: tier.nullable(),
  abilityLevel: z.number().int().min(0).max(4).nullable(),
  lastAssessedOn: date.nullable(),
  assessmentOverdue: z.boolean(),
  careGrade: text.nullable(),
  admittedOn: date,
  dischargedOn: date.nullable(),
  dischargeReason: text.nullable(),
  /** Where the resident was at the end of the month. */
  statusAtMonthEnd: z.enum(['in_residence', 'on_leave', 'in_hospital', 'discharged']),
  bedId: id.nullable(),
});

/** GB/T 42195 A.5.1 压力性损伤, as the county counts it (Ⅱ期 and worse). */
export const PRESSURE_INJURY_STAGES = ['none', 'I', 'II', 'III', 'IV', 'unstageable'] as const;

// Version 2: what the county needs to match its 特困 roll and fill its tables. `null` means "not carried" (a record
// upgraded from format 1) or "not known"; the county counts it as 未报/不详, never as false. The exporter writes ''
// for an ID number or certificate number the file does not have.
const residentsV2 = residentsV1.extend({
  /** Full 公民身份号码: only inside the sealed payload, never in the manifest. */
  idNumber: z.string().regex(/^(\d{17}[\dX])?$/).nullable(),
  tekunCertNo: text.nullable(),
  severeDisability: z.boolean().nullable(),
  mentalIllness: z.boolean().nullable(),
  hukou: z.enum(['urban', 'rural']).nullable(),
  supportMode: z.enum(['concentrated', 'dispersed']).nullable(),
  /** Now the OFFICIAL tier: the county's latest decision up to month end (in format 1 it was the centre's own view). */
  tekunTier: tier.nullable(),
  tekunTierProposed: tier.nullable(),
  tekunCareTier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  pressureInjuryStage: z.enum(PRESSURE_INJURY_STAGES).nullable(),
});

const incidentsV1 = record({ id, residentId: id, type: text, severity: text, occurredAt: instant, status: z.enum(['open', 'closed']), hospitalTransfer: z.boolean(), familyNotified: z.boolean() });
/** Version 2 (format 5): what went wrong in a 用药差错 (type 'medication_error'); null for every other incident. */
const incidentsV2 = incidentsV1.extend({ medicationError: z.enum(MEDICATION_ERROR_KINDS).nullable() });

const staffV1 = record({ id, name: text, role: text, certLevel: text, hireDate: date.nullable(), leftOn: date.nullable() });
const staffV2 = staffV1.extend({ trainedInYear: z.boolean().nullable(), certified: z.boolean().nullable() });

export const SECTIONS = {
  centre: {
    version: 1,
    // setUpOn (added within version 1, optional): the day the centre was set up in this system, so the county does not
    // count months before it as unreported.
    schema: record({ id, centreCode: z.string().regex(/^\d{12}$/), name: text, creditCode: text, county: text, township: text, type: text, licensedBeds: count, setUpOn: date.optional() }),
  },
  beds: {
    version: 1,
    schema: record({ id, building: text, room: text, floor: z.number().int(), label: text, bedType: z.enum(['normal', 'nursing']), setting: z.enum(['available', 'reserved', 'disabled']), occupied: z.boolean() }),
  },
  residents: { version: 2, schema: residentsV2 },
  staff: { version: 2, schema: staffV2 },
  grades: { version: 1, schema: record({ id, name: text, rank: z.number().int() }) },
  assessments: {
    version: 1,
    schema: record({ id, residentId: id, kind: z.enum(['ability', 'tekun_tier']), assessedOn: date, reason: text, level: z.number().int().min(0).max(4).nullable(), tier: tier.nullable() }),
  },
  stay_events: {
    version: 1,
    schema: record({ id, residentId: id, type: z.enum(['admission', 'transfer', 'leave', 'hospital', 'discharge']), date, endDate: date.nullable(), reason: text.nullable() }),
  },
  care_days: {
    version: 1,
    schema: record({ id, residentId: id, date, entries: count, tasks: count, vitals: count, rounds: count, amendments: count }),
  },
  incidents: { version: 2, schema: incidentsV2 },
  meals: { version: 1, schema: record({ id, date, meal: text, residentTotal: count, counts: z.record(z.string().min(1).max(40), count) }) },
  meal_aid: {
    version: 1,
    schema: record({ id, dinerId: id, date, meal: text, mode: text, category: text, priceFen: count, subsidyFen: count, cancelled: z.boolean() }),
  },
  fire_rounds: { version: 1, schema: record({ id, kind: z.enum(['day_patrol', 'night_patrol', 'inspection', 'equipment_check']), doneAt: instant, problems: count, countersigned: z.boolean() }) },
  fire_compliance: {
    version: 1,
    schema: record({ id, date, dayRequired: count, dayDone: count, nightWindows: count, nightMissed: count }),
  },
  fire_dangers: {
    version: 1,
    schema: record({ id, source: text, level: text, status: z.enum(['open', 'in_progress', 'rectified', 'verified']), foundAt: instant, deadline: date, rectifiedAt: instant.nullable(), verifiedAt: instant.nullable() }),
  },
  fire_drills: { version: 1, schema: record({ id, date, atNight: z.boolean(), bedridden: z.boolean(), participants: count, evacuationSeconds: count.nullable() }) },
  /** 特困 tier change proposals made in the month or still unanswered by the county (format 2 on). */
  tier_proposals: {
    version: 1,
    since: 2,
    schema: record({ id, residentId: id, proposedOn: date, tier, indicatorsNotMet: z.array(text).max(6), previousTier: tier.nullable(), note: text }),
  },
  // Format 3 (issue 17): the township's register of elders at home and their visits. The register travels as a
  // minimal snapshot — no name, no ID number, no address: the county counts by village, group and level.
  villages: { version: 1, since: 3, schema: record({ id, name: text, code: z.string().regex(/^\d{12}$/).nullable() }) },
  elders: {
    version: 1,
    since: 3,
    schema: record({
      id,
      villageId: id,
      sex: z.enum(['male', 'female']),
      birthDate: date,
      ageAtMonthEnd: z.number().int().min(0).max(130),
      /** Stored groups and 高龄 (over_80) at month end. */
      groups: z.array(z.enum([...ELDER_CATEGORIES, 'over_80'])).max(ELDER_CATEGORIES.length + 1),
      household: z.enum(HOUSEHOLDS).nullable(),
      riskLevel: z.enum(RISK_LEVELS),
      registeredOn: date,
      statusAtMonthEnd: z.enum(ELDER_STATUSES),
      statusOn: date.nullable(),
      mealAid: z.boolean(),
      /** A 赡养协议 in force at month end. */
      agreement: z.boolean(),
      /** Days between visits the centre's plan gives this elder at month end (level, capped for 特殊困难 groups). */
      visitEveryDays: z.number().int().min(1).max(366),
      /** The last visit (not voided) before the month: with visitEveryDays, when the month's first visit was due. */
      lastVisitBefore: date.nullable(),
      /** The latest final GB/T 42195 assessment by month end (at home, or in the centre if the elder lived there). */
      lastAssessedOn: date.nullable(),
      /** That assessment was not yet due for the centre's routine reassessment at month end. */
      assessmentCurrent: z.boolean(),
    }),
  },
  /** GB/T 42195 ability assessments of elders on the register, done at home and finalised in the month. */
  home_assessments: {
    version: 1,
    since: 3,
    schema: record({ id, elderId: id, assessedOn: date, reason: text, level: z.number().int().min(0).max(4) }),
  },
  visits: {
    version: 1,
    since: 3,
    schema: record({ id, elderId: id, kind: z.enum(VISIT_KINDS), visitedOn: date, problems: count, voided: z.boolean() }),
  },
  followups: {
    version: 1,
    since: 3,
    schema: record({ id, elderId: id, visitId: id.nullable(), kind: z.enum(FOLLOWUP_KINDS), openedOn: date, dueOn: date.nullable(), closedOn: date.nullable() }),
  },
  special_reports: { version: 1, since: 3, schema: record({ id, elderId: id, foundAt: instant, reportedAt: instant.nullable(), closedAt: instant.nullable() }) },
  // Format 4 (issue 18): care at home. Services the government buys (the catalogue and providers in full, the month's
  // visits with their items, the entitlements in force with what was used, settlements), 分散供养特困 entrusted care
  // (agreements in force, the month's checks) and mutual aid (helpers, pairs, activities, 老年协会 activities). Notes,
  // signatures, photos, names of elders and carers stay at the centre.
  home_service_items: { version: 1, since: 4, schema: record({ id, name: text, category: z.enum(SERVICE_CATEGORIES), unit: z.enum(SERVICE_UNITS), retired: z.boolean() }) },
  home_service_providers: { version: 1, since: 4, schema: record({ id, name: text, kind: z.enum(PROVIDER_KINDS), retired: z.boolean() }) },
  /** Entitlements in force at some time in the month; the quota and the use are in the item's unit (minutes or times). */
  home_service_entitlements: {
    version: 1,
    since: 4,
    schema: record({ id, elderId: id, itemId: id, monthlyQuota: count, validFrom: date, validTo: date.nullable(), endedOn: date.nullable(), usedInMonth: count }),
  },
  /** The month's visits, done or missed, as they stand at export (voided flagged; the 回访 outcome and complaints). */
  home_service_visits: {
    version: 1,
    since: 4,
    schema: record({
      id,
      elderId: id,
      providerId: id,
      planned: z.boolean(),
      outcome: z.enum(VISIT_OUTCOMES),
      serviceOn: date,
      minutes: z.number().int().min(1).max(1440).nullable(),
      items: z.array(record({ itemId: id, quantity: z.number().int().min(1) })).max(50),
      priceClass: z.enum(PRICE_CLASSES),
      overQuota: z.boolean(),
      check: z.enum(CHECK_OUTCOMES).nullable(),
      complaints: count,
      voided: z.boolean(),
    }),
  },
  /** Settlements of this month or the month before, as they stood at export (one per provider and month unless voided). */
  home_service_settlements: {
    version: 1,
    since: 4,
    schema: record({ id, providerId: id, month, settledOn: date, visits: count, disputed: count, amountFen: fen, disputedFen: fen, subsidyFen: fen, personalFen: fen, voided: z.boolean() }),
  },
  /** 分散供养特困 care agreements in force at some time in the month. */
  entrusted_agreements: {
    version: 1,
    since: 4,
    schema: record({ id, elderId: id, carerKind: z.enum(CARER_KINDS), tier, careTier: z.number().int().min(1).max(3).nullable(), monthlySubsidyFen: fen, fromOn: date, toOn: date.nullable(), endedOn: date.nullable() }),
  },
  entrusted_checks: {
    version: 1,
    since: 4,
    schema: record({ id, agreementId: id, elderId: id, checkedOn: date, kind: z.enum(VISIT_KINDS), delivered: z.enum(CARE_DELIVERED), carerRating: z.enum(CARER_RATINGS), voided: z.boolean() }),
  },
  /** Helpers with a pair or an activity in the month (no name or phone). */
  aid_helpers: { version: 1, since: 4, schema: record({ id, kind: z.enum(HELPER_KINDS), villageId: id.nullable(), onRegister: z.boolean() }) },
  aid_pairs: { version: 1, since: 4, schema: record({ id, helperId: id, elderId: id, since: date, endedOn: date.nullable() }) },
  aid_activities: {
    version: 1,
    since: 4,
    schema: record({ id, helperId: id, elderId: id.nullable(), kind: z.enum(AID_ACTIVITY_KINDS), doneOn: date, minutes: z.number().int().min(1).max(720), voided: z.boolean() }),
  },
  association_activities: { version: 1, since: 4, schema: record({ id, villageId: id.nullable(), heldOn: date, attendance: count, cancelled: z.boolean() }) },
  // Format 5 (issue 19): health and medicines. One line per resident in the centre at month end (no results, no drug
  // names): the latest check-up, a family doctor, the month's health entry, and the month's doses as recorded (a
  // corrected dose counts as corrected). The pressure-injury register: injuries open at some time in the month.
  resident_health: {
    version: 1,
    since: 5,
    schema: record({
      id,
      residentId: id,
      /** The latest check-up (体检) up to month end, not voided. */
      lastCheckupOn: date.nullable(),
      /** That check-up found something abnormal. */
      checkupAbnormal: z.boolean(),
      /** A family-doctor contract in force at month end. */
      familyDoctor: z.boolean(),
      /** The month's health entry is recorded. */
      monthlyEntry: z.boolean(),
      /** Medication orders running at month end. */
      activeOrders: count,
      dosesGiven: count,
      dosesRefused: count,
      dosesHeld: count,
      dosesNotAvailable: count,
      /** Given later than the centre's allowed delay. */
      dosesLate: count,
    }),
  },
  pressure_injuries: {
    version: 1,
    since: 5,
    schema: record({ id, residentId: id, origin: z.enum(PRESSURE_ORIGINS), foundOn: date, stageAtMonthEnd: z.enum(PRESSURE_STAGES), healedOn: date.nullable() }),
  },
} as const;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];
export type SectionRecord<S extends SectionName> = z.output<(typeof SECTIONS)[S]['schema']>;
export type SectionData = { [S in SectionName]: SectionRecord<S>[] };

/** The package format a section first appeared in: an older package simply has none of its records. */
export const sinceFormat = (section: SectionName): number => ('since' in SECTIONS[section] ? (SECTIONS[section] as { since: number }).since : 1);

/** Older record shapes the county still reads, each with how it becomes the current shape. */
type Upgrade<S extends SectionName> = { schema: z.ZodType; upgrade: (record: never) => SectionRecord<S> };
export const OLDER_SECTIONS: { [S in SectionName]?: Record<number, Upgrade<S>> } = {
  residents: {
    1: {
      schema: residentsV1,
      // Format 1's tekunTier was the centre's own assessment, never a county decision: it is kept as the proposal.
      upgrade: (r: z.output<typeof residentsV1>) => ({
        ...r,
        idNumber: null,
        tekunCertNo: null,
        severeDisability: null,
        mentalIllness: null,
        hukou: null,
        supportMode: null,
        tekunTier: null,
        tekunTierProposed: r.tekunTier,
        tekunCareTier: null,
        pressureInjuryStage: null,
      }),
    },
  },
  staff: { 1: { schema: staffV1, upgrade: (r: z.output<typeof staffV1>) => ({ ...r, trainedInYear: null, certified: null }) } },
  incidents: { 1: { schema: incidentsV1, upgrade: (r: z.output<typeof incidentsV1>) => ({ ...r, medicationError: null }) } },
};

/** The schema for a section's record at a given version, and how to bring it to the current shape (null: unknown). */
export function readerFor(section: SectionName, version: number): { schema: z.ZodType; upgrade: ((record: never) => unknown) | null } | null {
  if (version === SECTIONS[section].version) return { schema: SECTIONS[section].schema, upgrade: null };
  return OLDER_SECTIONS[section]?.[version] ?? null;
}

export const fileOf = (section: SectionName) => `${section}.jsonl`;
