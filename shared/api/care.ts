// API of the care module: the caregiver's shift (residents, tasks due, quick records, night rounds), corrections by
// appended amendment, and the manager's views (coverage, a resident's timeline, the monthly summary, ledgers).
import { z } from 'zod';
import {
  ENTRY_KINDS,
  INTAKE_AMOUNTS,
  MEALS,
  MOOD_STATES,
  NOT_DONE_REASONS,
  ROUND_STATES,
  SKIN_STATES,
  SLEEP_STATES,
  STOOL_STATES,
  URINE_STATES,
} from '../domain/care/vocab';
import { VITALS, type VitalCode } from '../domain/care/vitals';
import { DIET_TYPES, RESIDENT_STATUSES } from '../domain/enums';
import { ByResident, ExcelFile, calendarDate, dateRange, entityId, instant, optionalText, requestId as requestIdField, requiredText, yearMonth } from './fields';
import { method } from './method';
import { RESIDENT_READERS } from './roles';

/** Who records care on a shift (each must be on the roster for it). */
export const CARE_RECORDERS = ['admin', 'care_lead', 'caregiver', 'medical'] as const;
const CARE_MANAGERS = ['admin', 'care_lead'] as const;

const vital = (code: VitalCode) => {
  const s = VITALS[code];
  return z
    .number({ error: `${s.label}应为数字` })
    .min(s.hardMin, { error: `${s.label}不能低于 ${s.hardMin} ${s.unit}，请核对` })
    .max(s.hardMax, { error: `${s.label}不能高于 ${s.hardMax} ${s.unit}，请核对` })
    .nullable()
    .default(null);
};

export const VitalsData = z
  .object({
    kind: z.literal('vitals'),
    temperature: vital('temperature'),
    systolic: vital('systolic'),
    diastolic: vital('diastolic'),
    pulse: vital('pulse'),
    glucose: vital('glucose'),
    weight: vital('weight'),
    /** The recorder confirmed readings outside the usual range. */
    confirmedUnusual: z.boolean().default(false),
  })
  .refine((v) => [v.temperature, v.systolic, v.diastolic, v.pulse, v.glucose, v.weight].some((x) => x !== null), { error: '请至少填写一项生命体征' })
  .refine((v) => (v.systolic === null) === (v.diastolic === null), { error: '血压请同时填写高压和低压', path: ['systolic'] })
  .refine((v) => v.systolic === null || v.diastolic === null || v.systolic > v.diastolic, { error: '高压应大于低压，请核对', path: ['systolic'] });

export const EntryData = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('task'),
    taskId: entityId('护理任务'),
    slot: z.string().min(1).max(20),
    status: z.enum(['done', 'not_done'], { error: '请选择做了还是没做' }),
    reason: z.enum(NOT_DONE_REASONS).nullable().default(null),
    /** Set by the backend only (a client's value is dropped): a round completed this task. */
    fromRound: z.boolean().optional(),
  }).refine((v) => v.status === 'done' || v.reason !== null, { error: '没做的任务请选择原因', path: ['reason'] }),
  VitalsData,
  z.object({
    kind: z.literal('intake'),
    meal: z.enum(MEALS).nullable().default(null),
    amount: z.enum(INTAKE_AMOUNTS).nullable().default(null),
    waterMl: z.number({ error: '饮水量应为数字' }).int({ error: '饮水量应为整数（毫升）' }).min(0).max(3000, { error: '一次饮水量不能超过3000毫升' }).nullable().default(null),
  })
    .refine((v) => v.amount !== null || v.waterMl !== null, { error: '请选择吃了多少或填写饮水量' })
    .refine((v) => v.amount === null || v.meal !== null, { error: '请选择是哪一餐', path: ['meal'] }),
  z.object({ kind: z.literal('toileting'), urine: z.enum(URINE_STATES).nullable().default(null), stool: z.enum(STOOL_STATES).nullable().default(null) }).refine(
    (v) => v.urine !== null || v.stool !== null,
    { error: '请选择小便或大便情况' },
  ),
  z.object({ kind: z.literal('sleep'), quality: z.enum(SLEEP_STATES, { error: '请选择睡眠情况' }) }),
  z.object({ kind: z.literal('mood'), mood: z.enum(MOOD_STATES, { error: '请选择情绪' }) }),
  z.object({ kind: z.literal('skin'), state: z.enum(SKIN_STATES, { error: '请选择皮肤情况' }), site: optionalText('部位', 40) }).refine(
    (v) => v.state === 'intact' || v.site.length > 0,
    { error: '皮肤发红或破损时请写明部位', path: ['site'] },
  ),
  z.object({ kind: z.literal('note'), text: requiredText('备注', 500) }),
  z.object({ kind: z.literal('round'), state: z.enum(ROUND_STATES), note: optionalText('情况说明', 200) }),
]);
export type EntryData = z.output<typeof EntryData>;
export type EntryDataInput = z.input<typeof EntryData>;

const requestId = requestIdField('请求', '缺少请求编号');
const ShiftRef = { shiftId: entityId('班次'), shiftDate: calendarDate('班次日期') };

export const RecordInput = z.object({
  ...ShiftRef,
  residentId: entityId('老人'),
  /** Made once per form: the same form sent twice is written once. */
  requestId,
  /** When it happened (ISO instant); default now. Must lie in the shift and not in the future. */
  occurredAt: instant('时间').optional(),
  data: EntryData,
});

export const AmendInput = z.object({
  entryId: entityId('记录'),
  requestId,
  reason: requiredText('更正原因', 100),
  data: EntryData,
});

export const RoundException = z
  .object({ residentId: entityId('老人'), state: z.enum(ROUND_STATES), note: optionalText('情况说明', 200) })
  .refine((v) => v.state !== 'abnormal' || v.note.length > 0, { error: '查房“有异常”请写一句情况说明（如：发热、呼吸急促、床单湿了）', path: ['note'] });

export const RoundInput = z.object({
  ...ShiftRef,
  requestId,
  /** Residents found not simply asleep; everyone else in the area is recorded as 在床安睡. */
  exceptions: z.array(RoundException).max(500).default([]),
});

export const Entry = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  kind: z.enum(ENTRY_KINDS),
  data: z.any(),
  /** One line in plain words, e.g. "体温 36.5 ℃，血压 130/80 mmHg". */
  text: z.string(),
  occurredAt: z.string(),
  recordedBy: z.string(),
  shiftId: z.string(),
  shiftDate: z.string(),
  amendsId: z.string().nullable(),
  amendReason: z.string().nullable(),
  /** A later entry corrects this one: it is shown struck through, never removed. */
  supersededBy: z.string().nullable(),
});
export type Entry = z.output<typeof Entry>;

export const TaskDue = z.object({
  taskId: z.string(),
  task: z.string(),
  slot: z.string(),
  /** ISO instant, or null for "any time this shift". */
  dueAt: z.string().nullable(),
  status: z.enum(['pending', 'done', 'not_done']),
  reason: z.string().nullable(),
  entryId: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /** Still not recorded although its time has passed: shown red. */
  overdue: z.boolean(),
  /** 查房时完成: a round records it. */
  completesOnRound: z.boolean(),
  /** Recorded by a round rather than by hand. */
  fromRound: z.boolean(),
});
export type TaskDue = z.output<typeof TaskDue>;

export const ShiftInstance = z.object({
  shiftId: z.string(),
  shiftDate: z.string(),
  name: z.string(),
  hoursText: z.string(),
  start: z.string(),
  end: z.string(),
  /** Still open for records (not handed over, not past its end plus the late-entry allowance). */
  open: z.boolean(),
  areaText: z.string(),
  nightRounds: z.boolean(),
});
export type ShiftInstance = z.output<typeof ShiftInstance>;

export const ShiftResident = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  status: z.enum(RESIDENT_STATUSES),
  present: z.boolean(),
  tasksDue: z.number(),
  tasksRecorded: z.number(),
  records: z.number(),
  allDone: z.boolean(),
  /** How the card looks: away (grey), nothing due this shift, all recorded (green), some overdue (red), in progress. */
  state: z.enum(['away', 'no_tasks', 'done', 'overdue', 'in_progress']),
  overdueTasks: z.number(),
  highRisks: z.array(z.string()),
  /** The photo is fetched on its own (care.residentPhoto): a list of 200 photos would be megabytes. */
  hasPhoto: z.boolean(),
});
export type ShiftResident = z.output<typeof ShiftResident>;

export const MyShift = z.object({
  /** Null: the caller is not on the roster for a shift running now. */
  shift: ShiftInstance.nullable(),
  residents: z.array(ShiftResident),
  rounds: z.object({ intervalMinutes: z.number(), last: z.string().nullable(), nextDue: z.string().nullable(), overdue: z.boolean(), count: z.number() }),
  handedOver: z.boolean(),
  /** Why there is no shift, in words. */
  message: z.string().nullable(),
});
export type MyShift = z.output<typeof MyShift>;

export const ResidentShift = z.object({
  shift: ShiftInstance,
  resident: z.object({
    id: z.string(),
    name: z.string(),
    bedLabel: z.string().nullable(),
    status: z.enum(RESIDENT_STATUSES),
    present: z.boolean(),
    diet: z.enum(DIET_TYPES),
    allergies: z.string(),
    highRisks: z.array(z.string()),
    photo: z.string().nullable(),
    /** Family contacts with the number masked; the full number needs care.revealContactPhone (audited). */
    contacts: z.array(z.object({ index: z.number(), name: z.string(), relation: z.string(), phoneMasked: z.string(), isGuardian: z.boolean(), isEmergency: z.boolean() })),
  }),
  tasks: z.array(TaskDue),
  entries: z.array(Entry),
});
export type ResidentShift = z.output<typeof ResidentShift>;

export const CoverageQuery = z.object(ShiftRef);
export const Coverage = z.object({
  shift: ShiftInstance,
  caregivers: z.array(z.object({ name: z.string(), areaText: z.string(), handedOver: z.boolean() })),
  residents: z.array(
    z.object({
      residentId: z.string(),
      name: z.string(),
      bedLabel: z.string().nullable(),
      caregivers: z.array(z.string()),
      records: z.number(),
      missed: z.array(z.object({ task: z.string(), slot: z.string(), reason: z.enum(NOT_DONE_REASONS).nullable() })),
    }),
  ),
  unassigned: z.number(),
  withoutRecord: z.number(),
  missedTasks: z.number(),
});
export type Coverage = z.output<typeof Coverage>;

const DateRange = dateRange();

export const Timeline = z.object({
  resident: z.object({ id: z.string(), name: z.string(), bedLabel: z.string().nullable() }),
  entries: z.array(Entry),
  vitals: z.array(z.object({ at: z.string(), temperature: z.number().nullable(), systolic: z.number().nullable(), diastolic: z.number().nullable(), pulse: z.number().nullable(), glucose: z.number().nullable(), weight: z.number().nullable() })),
});

export const MonthlySummary = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      residentId: z.string(),
      name: z.string(),
      bedLabel: z.string().nullable(),
      tasksDone: z.number(),
      tasksNotDone: z.number(),
      records: z.number(),
      rounds: z.number(),
      mealsRefused: z.number(),
      temperatureMax: z.number().nullable(),
      systolicMax: z.number().nullable(),
      weightLast: z.number().nullable(),
      incidents: z.number(),
    }),
  ),
});

export const LedgerKind = z.enum(['care', 'handover', 'incidents'], { error: '请选择台账类型' });
export const LedgerQuery = z.object({ kind: LedgerKind, ...DateRange, residentId: entityId('老人').nullable().default(null) });
export const Ledger = z.object({
  kind: LedgerKind,
  title: z.string(),
  from: z.string(),
  to: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type Ledger = z.output<typeof Ledger>;

export const careApi = {
  'care.myShift': method({ input: z.object({}), output: MyShift, roles: CARE_RECORDERS, writes: false }),
  'care.residentShift': method({ input: z.object({ ...ShiftRef, residentId: entityId('老人') }), output: ResidentShift, roles: CARE_RECORDERS, writes: false }),
  'care.record': method({ input: RecordInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: CARE_RECORDERS, writes: true }),
  'care.amend': method({ input: AmendInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: CARE_RECORDERS, writes: true }),
  'care.round': method({ input: RoundInput, output: z.object({ checked: z.number(), tasksCompleted: z.number(), repeated: z.boolean() }), roles: CARE_RECORDERS, writes: true }),
  'care.residentPhoto': method({ input: ByResident, output: z.object({ photo: z.string().nullable() }), roles: CARE_RECORDERS, writes: false }),
  /** A family member's full number, for a call at night; every reveal is audited (like the ID number). */
  'care.revealContactPhone': method({
    input: z.object({ residentId: entityId('老人'), index: z.number().int().min(0).max(9) }),
    output: z.object({ phone: z.string() }),
    roles: CARE_RECORDERS,
    writes: true,
  }),
  'care.coverage': method({ input: CoverageQuery, output: Coverage, roles: CARE_MANAGERS, writes: false }),
  'care.timeline': method({ input: z.object({ residentId: entityId('老人'), ...DateRange }), output: Timeline, roles: RESIDENT_READERS, writes: false }),
  'care.monthly': method({ input: z.object({ month: yearMonth() }), output: MonthlySummary, roles: CARE_MANAGERS, writes: false }),
  'care.ledger': method({ input: LedgerQuery, output: Ledger, roles: CARE_MANAGERS, writes: false }),
  'care.exportLedger': method({ input: LedgerQuery, output: ExcelFile, roles: CARE_MANAGERS, writes: true }),
};
