// The data files of the monthly package (issue 8, docs/sync-package.md §6): one section per module, each versioned,
// one JSON record per line keyed by `id` (a UUID), so the county applies them as upserts. The county checks every
// record against these schemas before anything is written.
import { z } from 'zod';

const id = z.string().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const instant = z.string().min(10).max(40);
const text = z.string().max(500);
const count = z.number().int().min(0);

export const SECTIONS = {
  centre: {
    version: 1,
    // setUpOn (added within version 1, optional): the day the centre was set up in this system, so the county does not
    // count months before it as unreported.
    schema: z.object({ id, centreCode: z.string().regex(/^\d{12}$/), name: text, creditCode: text, county: text, township: text, type: text, licensedBeds: count, setUpOn: date.optional() }),
  },
  beds: {
    version: 1,
    schema: z.object({ id, building: text, room: text, floor: z.number().int(), label: text, bedType: z.enum(['normal', 'nursing']), setting: z.enum(['available', 'reserved', 'disabled']), occupied: z.boolean() }),
  },
  residents: {
    version: 1,
    schema: z.object({
      id,
      name: text,
      sex: z.enum(['male', 'female']),
      birthDate: date,
      ageAtMonthEnd: z.number().int().min(0).max(130),
      category: text,
      tekunTier: z.enum(['self_sufficient', 'partly_lost', 'fully_lost']).nullable(),
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
    }),
  },
  staff: { version: 1, schema: z.object({ id, name: text, role: text, certLevel: text, hireDate: date.nullable(), leftOn: date.nullable() }) },
  grades: { version: 1, schema: z.object({ id, name: text, rank: z.number().int() }) },
  assessments: {
    version: 1,
    schema: z.object({ id, residentId: id, kind: z.enum(['ability', 'tekun_tier']), assessedOn: date, reason: text, level: z.number().int().min(0).max(4).nullable(), tier: z.enum(['self_sufficient', 'partly_lost', 'fully_lost']).nullable() }),
  },
  stay_events: {
    version: 1,
    schema: z.object({ id, residentId: id, type: z.enum(['admission', 'transfer', 'leave', 'hospital', 'discharge']), date, endDate: date.nullable(), reason: text.nullable() }),
  },
  care_days: {
    version: 1,
    schema: z.object({ id, residentId: id, date, entries: count, tasks: count, vitals: count, rounds: count, amendments: count }),
  },
  incidents: {
    version: 1,
    schema: z.object({ id, residentId: id, type: text, severity: text, occurredAt: instant, status: z.enum(['open', 'closed']), hospitalTransfer: z.boolean(), familyNotified: z.boolean() }),
  },
  meals: { version: 1, schema: z.object({ id, date, meal: text, residentTotal: count, counts: z.record(z.string(), count) }) },
  meal_aid: {
    version: 1,
    schema: z.object({ id, dinerId: id, date, meal: text, mode: text, category: text, priceFen: count, subsidyFen: count, cancelled: z.boolean() }),
  },
  fire_rounds: { version: 1, schema: z.object({ id, kind: z.enum(['day_patrol', 'night_patrol', 'inspection', 'equipment_check']), doneAt: instant, problems: count, countersigned: z.boolean() }) },
  fire_compliance: {
    version: 1,
    schema: z.object({ id, date, dayRequired: count, dayDone: count, nightWindows: count, nightMissed: count }),
  },
  fire_dangers: {
    version: 1,
    schema: z.object({ id, source: text, level: text, status: z.enum(['open', 'in_progress', 'rectified', 'verified']), foundAt: instant, deadline: date, rectifiedAt: instant.nullable(), verifiedAt: instant.nullable() }),
  },
  fire_drills: { version: 1, schema: z.object({ id, date, atNight: z.boolean(), bedridden: z.boolean(), participants: count, evacuationSeconds: count.nullable() }) },
} as const;

export type SectionName = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as SectionName[];
export type SectionRecord<S extends SectionName> = z.output<(typeof SECTIONS)[S]['schema']>;
export type SectionData = { [S in SectionName]: SectionRecord<S>[] };

export const fileOf = (section: SectionName) => `${section}.jsonl`;
