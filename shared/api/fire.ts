// API of the fire module: the fire-safety settings and their sources, checkpoints and checklists, patrol and
// inspection rounds (signed by the patroller, countersigned by a supervisor), hidden dangers from finding to
// verification, equipment and its monthly check, drills, training, the 24-hour duty log, compliance and ledgers.
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/care/vocab';
import { CHECKPOINT_KINDS, DANGER_LEVELS, DANGER_SOURCES, DANGER_STATUSES, EQUIPMENT_TYPES, ITEM_LISTS, ROUND_KINDS } from '../domain/fire/vocab';
import { Done, ExcelFile, calendarDate, clockTime, dateRange, entityId, instant, oneOf, optionalDate, optionalText, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { method } from './method';
import { photoField } from './residents';
import type { Role } from './roles';
import { CENTRE_STAFF, MANAGERS } from './roles';

/** Who walks the rounds and keeps the duty log: the security guard, the night caregiver, the manager. */
export const FIRE_RECORDERS: readonly Role[] = ['admin', 'safety', 'care_lead', 'caregiver'];
/** Who countersigns rounds, rectifies and verifies dangers, and keeps equipment, drills and training. */
export const FIRE_MANAGERS: readonly Role[] = ['admin', 'safety'];

const requestId = requestIdField('提交', '缺少提交编号');

export const FireSettings = z.object({
  responsiblePerson: optionalText('消防安全责任人', 20),
  managerPerson: optionalText('消防安全管理人', 20),
  keyUnit: z.boolean({ error: '请选择是否为消防安全重点单位' }),
  dayPatrolsPerDay: wholeNumber('每天日间巡查次数', 1, 12),
  nightStart: clockTime('夜间巡查开始时间'),
  nightEnd: clockTime('夜间巡查结束时间'),
  /** Night patrols each night: at least 2 [R: 养老院 guidance "夜间防火巡查不少于两次"]. */
  nightPatrols: z
    .number({ error: '每晚夜间巡查次数应为数字' })
    .int({ error: '每晚夜间巡查次数应为整数' })
    .min(2, { error: '夜间防火巡查每晚不少于两次' })
    .max(12, { error: '每晚夜间巡查次数不能大于12' }),
  nightGapMinutes: wholeNumber('两次夜间巡查至少间隔（分钟）', 0, 240),
  /** Optional fixed windows (one patrol in each); empty = anywhere in the night, the gap apart. */
  nightWindows: z.array(z.object({ from: clockTime('巡查时段开始'), to: clockTime('巡查时段结束') })).max(12, { error: '巡查时段最多12个' }),
  inspectionEveryMonths: wholeNumber('防火检查间隔（月）', 1, 3),
  drillEveryMonths: wholeNumber('消防演练间隔（月）', 1, 12),
  trainingEveryMonths: wholeNumber('消防培训间隔（月）', 1, 12),
  equipmentCheckEveryMonths: wholeNumber('器材检查间隔（月）', 1, 3),
  expiryWarnDays: wholeNumber('器材到期提前提醒（天）', 7, 180),
});
export type FireSettings = z.output<typeof FireSettings>;

/** A stored interval the 重点单位 flag no longer allows, applied at the longest allowed (see clampToKeyUnit). */
export const FireSettingClamp = z.object({ field: z.enum(['drillEveryMonths', 'trainingEveryMonths']), stored: z.number(), applied: z.number(), rule: z.string() });

export const DEFAULT_FIRE_SETTINGS: FireSettings = {
  responsiblePerson: '',
  managerPerson: '',
  keyUnit: true,
  dayPatrolsPerDay: 1,
  nightStart: '22:00',
  nightEnd: '06:00',
  nightPatrols: 2,
  nightGapMinutes: 120,
  nightWindows: [],
  inspectionEveryMonths: 1,
  drillEveryMonths: 6,
  trainingEveryMonths: 12,
  equipmentCheckEveryMonths: 1,
  expiryWarnDays: 30,
};

export const CheckpointInput = z.object({
  id: entityId('巡查点').optional(),
  name: requiredText('巡查点名称', 30),
  kind: oneOf('巡查点类型', CHECKPOINT_KINDS),
  sort: wholeNumber('排序', 0, 999).default(0),
  retired: z.boolean().default(false),
});
export const Checkpoint = z.object({ id: z.string(), name: z.string(), kind: z.enum(CHECKPOINT_KINDS), sort: z.number(), retired: z.boolean() });
export const ItemInput = z.object({ id: entityId('检查项目').optional(), list: oneOf('清单', ITEM_LISTS), text: requiredText('检查项目', 60), sort: wholeNumber('排序', 0, 999).default(0), retired: z.boolean().default(false) });
export const CheckItem = z.object({ id: z.string(), list: z.enum(ITEM_LISTS), text: z.string(), sort: z.number(), retired: z.boolean() });

const NewDanger = z.object({
  level: oneOf('隐患等级', DANGER_LEVELS),
  description: requiredText('隐患描述', 200),
  /** A staff member of the centre, chosen from the register; the name is read from it. */
  responsibleStaffId: z.string({ error: '请选择整改责任人' }).uuid({ error: '请从本院员工中选择整改责任人' }),
  deadline: calendarDate('整改期限'),
});
export const ResultInput = z.object({
  checkpointId: entityId('巡查点').nullable().default(null),
  itemId: entityId('检查项目').nullable().default(null),
  equipmentId: entityId('器材').nullable().default(null),
  result: z.enum(['ok', 'problem'], { error: '请选择 正常 或 有问题' }),
  note: optionalText('情况说明', 200),
  photo: photoField,
  fixedOnSpot: z.boolean().default(false),
  /** A problem not fixed on the spot is raised as a hidden danger. */
  danger: NewDanger.nullable().default(null),
});
export const RoundInput = z.object({
  kind: oneOf('记录类别', ROUND_KINDS),
  doneAt: instant('巡查时间'),
  results: z.array(ResultInput).min(1, { error: '至少记录一项' }).max(400),
  note: optionalText('备注', 200),
  requestId,
});
export const RoundRow = z.object({
  id: z.string(),
  kind: z.enum(ROUND_KINDS),
  doneAt: z.string(),
  by: z.string(),
  note: z.string(),
  countersignedBy: z.string().nullable(),
  countersignedAt: z.string().nullable(),
  problems: z.number(),
  checked: z.number(),
  results: z.array(
    z.object({ checkpoint: z.string().nullable(), item: z.string().nullable(), equipment: z.string().nullable(), result: z.enum(['ok', 'problem']), note: z.string(), fixedOnSpot: z.boolean(), dangerId: z.string().nullable(), hasPhoto: z.boolean() }),
  ),
});
export type RoundRow = z.output<typeof RoundRow>;

export const DangerInput = NewDanger.extend({
  checkpointId: entityId('巡查点').nullable().default(null),
  location: optionalText('地点', 40),
  photo: photoField,
  requestId,
});
export const DangerAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), dangerId: entityId('隐患') }),
  z.object({ action: z.literal('rectify'), dangerId: entityId('隐患'), note: requiredText('整改情况', 200), photo: photoField }),
  z.object({ action: z.literal('verify'), dangerId: entityId('隐患'), note: optionalText('验收意见', 200) }),
]);
export const DangerRow = z.object({
  id: z.string(),
  source: z.enum(DANGER_SOURCES),
  location: z.string(),
  description: z.string(),
  level: z.enum(DANGER_LEVELS),
  responsible: z.string(),
  responsibleStaffId: z.string().nullable(),
  deadline: z.string(),
  status: z.enum(DANGER_STATUSES),
  overdue: z.boolean(),
  foundAt: z.string(),
  foundBy: z.string(),
  photo: z.string().nullable(),
  rectificationNote: z.string().nullable(),
  rectificationPhoto: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
  rectifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verificationNote: z.string().nullable(),
});
export type DangerRow = z.output<typeof DangerRow>;

export const EquipmentInput = z.object({
  id: entityId('器材').optional(),
  type: oneOf('器材类型', EQUIPMENT_TYPES),
  code: requiredText('编号', 20),
  spec: optionalText('规格型号', 40),
  checkpointId: entityId('巡查点').nullable().default(null),
  location: requiredText('位置', 40),
  productionDate: optionalDate('生产日期'),
  expiryDate: optionalDate('有效期（报废日期）'),
  lastPressureCheck: optionalDate('上次压力检查'),
  retired: z.boolean().default(false),
  note: optionalText('备注', 100),
});
export const EquipmentRow = z.object({
  id: z.string(),
  type: z.enum(EQUIPMENT_TYPES),
  code: z.string(),
  spec: z.string(),
  checkpointId: z.string().nullable(),
  location: z.string(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  lastPressureCheck: z.string().nullable(),
  retired: z.boolean(),
  note: z.string(),
  expiry: z.enum(['ok', 'soon', 'expired', 'none']),
  lastChecked: z.string().nullable(),
});
export type EquipmentRow = z.output<typeof EquipmentRow>;

export const DrillInput = z.object({
  date: calendarDate('演练日期'),
  scenario: requiredText('演练内容', 100),
  atNight: z.boolean().default(false),
  bedridden: z.boolean().default(false),
  participants: wholeNumber('参加人数', 1, 1000),
  participantNames: optionalText('参加人员', 300),
  evacuationSeconds: wholeNumber('疏散用时（秒）', 1, 36_000).nullable().default(null),
  evaluation: requiredText('演练评估', 300),
  improvements: optionalText('改进措施', 300),
});
export const DrillRow = DrillInput.extend({ id: z.string(), recordedBy: z.string() });
export const TrainingInput = z.object({
  date: calendarDate('培训日期'),
  topic: requiredText('培训内容', 60),
  hours: z.number({ error: '学时应为数字' }).min(0.5, { error: '学时至少0.5' }).max(40, { error: '学时不能超过40' }),
  trainer: requiredText('授课人', 20),
  staffIds: z.array(entityId('员工')).min(1, { error: '请选择参加培训的员工' }),
});
export const TrainingRow = z.object({ id: z.string(), date: z.string(), topic: z.string(), hours: z.number(), trainer: z.string(), attendees: z.array(z.string()) });
export const Untrained = z.object({ staffId: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), lastTrained: z.string().nullable() });

export const DutyInput = z.object({ kind: z.enum(['entry', 'handover']), text: requiredText('值班情况', 300), handedTo: optionalText('接班人', 20), requestId });
export const DutyRow = z.object({ id: z.string(), at: z.string(), kind: z.enum(['entry', 'handover']), text: z.string(), handedTo: z.string().nullable(), by: z.string() });

/** One required night patrol: its window (the whole night when the plan is a count), the patrol that counted. */
const Window = z.object({ from: z.string(), to: z.string(), at: z.string().nullable(), done: z.boolean(), missed: z.boolean() });
export const DayCompliance = z.object({ date: z.string(), dayRequired: z.number(), dayDone: z.number(), dayMissed: z.boolean(), night: z.array(Window), nightMissed: z.number() });
export const Compliance = z.object({
  today: DayCompliance,
  /** Last night (the night that started yesterday), for the morning check. */
  lastNight: DayCompliance,
  /** A required night patrol can no longer be met (tonight or last night), or today's day patrol is missing after its end. */
  overdueNow: z.boolean(),
  month: z.object({
    month: z.string(),
    days: z.array(DayCompliance),
    dayPatrolsMissed: z.number(),
    nightWindowsMissed: z.number(),
    inspections: z.number(),
    inspectionsRequired: z.number(),
    equipmentChecks: z.number(),
  }),
  openDangers: z.number(),
  overdueDangers: z.number(),
  lastInspection: z.string().nullable(),
  inspectionDue: z.string(),
  lastDrill: z.string().nullable(),
  drillDue: z.string(),
  lastEquipmentCheck: z.string().nullable(),
  equipmentExpiring: z.number(),
  untrained: z.number(),
});
export type Compliance = z.output<typeof Compliance>;

export const FIRE_LEDGERS = ['patrol', 'inspection', 'dangers', 'drills'] as const;
export const LedgerQuery = z.object({ kind: oneOf('台账', FIRE_LEDGERS), ...dateRange() });
export const FireLedger = z.object({ kind: z.enum(FIRE_LEDGERS), title: z.string(), from: z.string(), to: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())) });
export type FireLedger = z.output<typeof FireLedger>;

const written = z.object({ id: z.string(), repeated: z.boolean() });
const range = z.object(dateRange());

export const fireApi = {
  'fire.settings': method({ input: z.object({}), output: FireSettings, roles: CENTRE_STAFF, writes: false }),
  'fire.settingsClamped': method({ input: z.object({}), output: z.array(FireSettingClamp), roles: CENTRE_STAFF, writes: false }),
  'fire.saveSettings': method({ input: FireSettings, output: FireSettings, roles: MANAGERS, writes: true }),
  'fire.checkpoints': method({ input: z.object({ includeRetired: z.boolean().default(false) }), output: z.array(Checkpoint), roles: FIRE_RECORDERS, writes: false }),
  'fire.saveCheckpoint': method({ input: CheckpointInput, output: Done, roles: FIRE_MANAGERS, writes: true }),
  'fire.items': method({ input: z.object({ includeRetired: z.boolean().default(false) }), output: z.array(CheckItem), roles: FIRE_RECORDERS, writes: false }),
  'fire.saveItem': method({ input: ItemInput, output: Done, roles: FIRE_MANAGERS, writes: true }),

  'fire.recordRound': method({ input: RoundInput, output: written, roles: FIRE_RECORDERS, writes: true }),
  'fire.countersign': method({ input: z.object({ roundId: entityId('巡查记录') }), output: Done, roles: FIRE_MANAGERS, writes: true }),
  'fire.rounds': method({ input: range.extend({ kind: z.enum(ROUND_KINDS).nullable().default(null) }), output: z.array(RoundRow), roles: FIRE_RECORDERS, writes: false }),

  'fire.dangers': method({ input: z.object({ status: z.enum(['open', 'all']).default('open') }), output: z.array(DangerRow), roles: CENTRE_STAFF, writes: false }),
  'fire.reportDanger': method({ input: DangerInput, output: written, roles: CENTRE_STAFF, writes: true }),
  'fire.dangerAction': method({ input: DangerAction, output: Done, roles: FIRE_MANAGERS, writes: true }),

  'fire.equipment': method({ input: z.object({ includeRetired: z.boolean().default(false) }), output: z.array(EquipmentRow), roles: FIRE_RECORDERS, writes: false }),
  'fire.saveEquipment': method({ input: EquipmentInput, output: Done, roles: FIRE_MANAGERS, writes: true }),

  'fire.drills': method({ input: z.object({}), output: z.array(DrillRow), roles: FIRE_RECORDERS, writes: false }),
  'fire.saveDrill': method({ input: DrillInput, output: Done, roles: FIRE_MANAGERS, writes: true }),
  'fire.trainings': method({ input: z.object({}), output: z.object({ sessions: z.array(TrainingRow), untrained: z.array(Untrained), staff: z.array(z.object({ id: z.string(), name: z.string() })) }), roles: FIRE_RECORDERS, writes: false }),
  'fire.saveTraining': method({ input: TrainingInput, output: Done, roles: FIRE_MANAGERS, writes: true }),

  'fire.dutyLog': method({ input: range, output: z.array(DutyRow), roles: FIRE_RECORDERS, writes: false }),
  'fire.addDuty': method({ input: DutyInput, output: written, roles: FIRE_RECORDERS, writes: true }),

  'fire.compliance': method({ input: z.object({ month: yearMonth().nullable().default(null) }), output: Compliance, roles: CENTRE_STAFF, writes: false }),
  'fire.ledger': method({ input: LedgerQuery, output: FireLedger, roles: FIRE_RECORDERS, writes: false }),
  'fire.exportLedger': method({ input: LedgerQuery, output: ExcelFile, roles: FIRE_MANAGERS, writes: true }),
};
