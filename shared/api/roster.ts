// API of the roster module: shift definitions, the weekly roster (who works which shift, over which floors or
// rooms), copying last week, who is on duty now, and the 24-hour coverage check.
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/care/vocab';
import { Done, calendarDate, clockTime, entityId, requiredText } from './fields';
import { method } from './method';
import { CENTRE_STAFF, MANAGERS } from './roles';

export const ShiftInput = z.object({
  id: entityId('班次').optional(),
  name: requiredText('班次名称', 10),
  start: clockTime('开始时间'),
  end: clockTime('结束时间'),
  /** Night rounds (查房) are recorded during this shift. */
  nightRounds: z.boolean().default(false),
  retired: z.boolean().default(false),
});

export const ShiftRow = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  nightRounds: z.boolean(),
  retired: z.boolean(),
  /** e.g. "23:00–次日07:00" */
  hoursText: z.string(),
});
export type ShiftRow = z.output<typeof ShiftRow>;

/** Where a caregiver works in a shift: whole floors ("floor:<buildingId>:<n>") and single rooms ("room:<roomId>"). Empty: the whole centre. */
export const AreaKey = z.string().regex(/^(floor:[0-9a-f-]{36}:\d{1,2}|room:[0-9a-f-]{36})$/, { error: '负责区域格式不正确' });

export const AssignInput = z.object({
  staffId: entityId('员工'),
  date: calendarDate('日期'),
  /** The shifts this person works that day; shifts not listed are taken off the roster for that day. */
  shifts: z.array(z.object({ shiftId: entityId('班次'), area: z.array(AreaKey).max(100).default([]) })).max(6),
});

/** One person, several days, one shift (or none: 休) in one go; the days' other shifts are taken off. */
export const AssignDaysInput = z.object({
  staffId: entityId('员工'),
  dates: z
    .array(calendarDate('日期'))
    .min(1, { error: '请至少选择一天' })
    .max(31, { error: '一次最多排31天' })
    .refine((d) => new Set(d).size === d.length, { error: '同一天选了两次' }),
  /** Null: a day off (休). */
  shiftId: entityId('班次').nullable(),
  area: z.array(AreaKey).max(100).default([]),
});

/**
 * A week filled from a pattern: one character a day, Monday first — the first character of a shift's name, or 休
 * (e.g. 早早中中夜休休). With `stagger`, each next person starts the pattern one day later, so the shifts rotate.
 */
export const FillWeekInput = z.object({
  monday: calendarDate('周一日期'),
  staffIds: z
    .array(entityId('员工'))
    .min(1, { error: '请至少选择一个人' })
    .max(200)
    .refine((d) => new Set(d).size === d.length, { error: '同一个人选了两次' }),
  pattern: z
    .string({ error: '请填写排班规律' })
    .trim()
    .refine((p) => [...p].length === 7, { error: '排班规律要写满7天，每天一个字，如“早早中中夜休休”' }),
  stagger: z.boolean().default(false),
});

export const RosterCell = z.object({ id: z.string(), shiftId: z.string(), area: z.array(z.string()), areaText: z.string() });

export const RosterWeek = z.object({
  monday: z.string(),
  days: z.array(z.string()),
  shifts: z.array(ShiftRow),
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), cells: z.record(z.string(), z.array(RosterCell)) })),
  /** Per day, hours (0–23) with no caregiver on the roster. */
  gaps: z.array(z.object({ date: z.string(), hours: z.array(z.number()) })),
  areas: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type RosterWeek = z.output<typeof RosterWeek>;

export const OnDuty = z.object({
  shifts: z.array(z.object({ shiftId: z.string(), name: z.string(), shiftDate: z.string(), hoursText: z.string(), people: z.array(z.object({ name: z.string(), role: z.enum(STAFF_ROLES), areaText: z.string() })) })),
});

const ROSTER_EDITORS = ['admin', 'care_lead'] as const;
const Week = z.object({ monday: calendarDate('周一日期') });

export const rosterApi = {
  'roster.shifts': method({ input: z.object({}), output: z.array(ShiftRow), roles: CENTRE_STAFF, writes: false }),
  'roster.saveShift': method({ input: ShiftInput, output: Done, roles: MANAGERS, writes: true }),
  'roster.week': method({ input: Week, output: RosterWeek, roles: CENTRE_STAFF, writes: false }),
  'roster.assign': method({ input: AssignInput, output: z.object({ changed: z.number() }), roles: ROSTER_EDITORS, writes: true }),
  'roster.assignDays': method({ input: AssignDaysInput, output: z.object({ changed: z.number() }), roles: ROSTER_EDITORS, writes: true }),
  'roster.fillWeek': method({ input: FillWeekInput, output: z.object({ changed: z.number() }), roles: ROSTER_EDITORS, writes: true }),
  'roster.copyWeek': method({ input: Week, output: z.object({ copied: z.number(), skipped: z.number() }), roles: ROSTER_EDITORS, writes: true }),
  'roster.onDuty': method({ input: z.object({}), output: OnDuty, roles: CENTRE_STAFF, writes: false }),
};
