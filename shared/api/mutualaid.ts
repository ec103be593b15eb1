// API of the mutualaid module (issue 18): mutual aid in the villages (互助养老): pairs of helpers and helped, activities with hours, the time bank of points, and 老年协会 activities with attendance.
// The helpers are the visit helpers (visits.helpers / visits.saveHelper); a 低龄老人 helper may be an elder on the register.
// Points are kept in tenths (1.5 分 = 15). The settings' defaults follow 上海长宁 (1 hour = 1 point, at most 2 a day,
// at most 600 in all) and 南京 (stored hours capped at 1,500; beyond that, donate) — community-health.md §B [R].
import { z } from 'zod';
import { HELPER_KINDS } from '../domain/elders/vocab';
import { AID_ACTIVITY_KINDS, POINT_ENTRY_KINDS } from '../domain/mutualaid/vocab';
import { HOME_CARE_KEEPERS, HOME_CARE_READERS, HOME_CARE_RECORDERS } from './homecare-roles';
import { Done, calendarDate, entityId, oneOf, optionalText, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { method } from './method';

const requestId = requestIdField('提交', '缺少提交编号');

// ---- Settings
export const AidSettings = z.object({
  /** Points (in tenths) earned per hour of help. */
  rateTenthsPerHour: wholeNumber('每小时积分（十分之一分）', 1, 100),
  /** At most this many points (tenths) credited for one helper's activities of one day. */
  dailyCapTenths: wholeNumber('每日积分上限（十分之一分）', 1, 240),
  /** A balance never grows beyond this (tenths); the rest is not credited. */
  totalCapTenths: wholeNumber('积分总上限（十分之一分）', 10, 1_000_000),
  /** When on, an activity is credited only when a keeper has checked it. */
  checkBeforeCredit: z.boolean({ error: '请选择是否需要审核后再存入积分' }),
});
export type AidSettings = z.output<typeof AidSettings>;

/** 上海长宁: 1 hour = 1 coin, at most 2 a day, at most 600 in all; the check is off until the township decides. [R] */
export const DEFAULT_AID_SETTINGS: AidSettings = { rateTenthsPerHour: 10, dailyCapTenths: 20, totalCapTenths: 6000, checkBeforeCredit: false };

/** Where each default comes from (shown beside the setting). */
export const AID_SETTING_SOURCES: Record<keyof AidSettings, string> = {
  rateTenthsPerHour: '上海长宁时间银行：服务1小时存1个时间币 [R]',
  dailyCapTenths: '上海长宁时间银行：每人每天最多存2个时间币 [R]',
  totalCapTenths: '上海长宁时间银行：累计最多600个；南京（2019）存储上限1500小时，超出部分可捐赠 [R]',
  checkBeforeCredit: '各地做法不一（community-health.md §B 设置项），默认不审核，由乡镇决定 [R]',
};

// ---- Pairs (结对帮扶)
export const PairQuery = z.object({
  status: z.enum(['open', 'all'], { error: '状态筛选无效' }).default('open'),
  villageId: entityId('村').nullable().default(null),
});
export const PairInput = z.object({
  helperId: entityId('帮扶人'),
  elderId: entityId('老人'),
  since: calendarDate('结对日期'),
  note: optionalText('备注', 200),
});
export const EndPairInput = z.object({ id: entityId('结对'), endedOn: calendarDate('结束日期'), reason: requiredText('结束原因', 100) });
export const PairRow = z.object({
  id: z.string(),
  helperId: z.string(),
  helper: z.string(),
  helperKind: z.enum(HELPER_KINDS),
  helperPhone: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  since: z.string(),
  note: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Minutes of activities (not voided) of this pair in all. */
  minutes: z.number(),
  lastActivityOn: z.string().nullable(),
});
export type PairRow = z.output<typeof PairRow>;

// ---- Activities
const MINUTES_TOO_FEW = '活动时长应大于0';
const MINUTES_TOO_MANY = '一次活动最长12小时（720分钟），请分开登记';
export const ActivityInput = z.object({
  requestId,
  helperId: entityId('帮扶人'),
  elderId: entityId('老人').nullable().default(null),
  pairId: entityId('结对').nullable().default(null),
  kind: oneOf('活动类别', AID_ACTIVITY_KINDS),
  doneOn: calendarDate('活动日期'),
  minutes: z
    .number({ error: '请填写活动时长' })
    .int({ error: '活动时长应为整分钟' })
    .min(1, { error: MINUTES_TOO_FEW })
    .max(720, { error: MINUTES_TOO_MANY }),
  note: optionalText('活动内容', 200),
});
export type ActivityInput = z.input<typeof ActivityInput>;
export const ActivityQuery = z.object({
  month: yearMonth('请选择月份'),
  villageId: entityId('村').nullable().default(null),
  helperId: entityId('帮扶人').nullable().default(null),
  /** pending: recorded, not voided, waiting for a keeper's check. */
  status: z.enum(['all', 'pending'], { error: '状态筛选无效' }).default('all'),
});
/** A write that credits points: the points credited, and a sentence when the caps held some back. */
export const Credited = z.object({ id: z.string(), creditedTenths: z.number(), notice: z.string().nullable() });
export type Credited = z.output<typeof Credited>;
export const ActivityRow = z.object({
  id: z.string(),
  helperId: z.string(),
  helper: z.string(),
  helperKind: z.enum(HELPER_KINDS),
  elderId: z.string().nullable(),
  elder: z.string().nullable(),
  pairId: z.string().nullable(),
  village: z.string().nullable(),
  kind: z.enum(AID_ACTIVITY_KINDS),
  doneOn: z.string(),
  minutes: z.number(),
  note: z.string(),
  /** Net points the time bank credited for it (after a void's correction: 0). */
  creditedTenths: z.number(),
  /** Waiting for a keeper's check (the setting is on). */
  pending: z.boolean(),
  checkedBy: z.string().nullable(),
  recordedBy: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type ActivityRow = z.output<typeof ActivityRow>;
export const VoidActivityInput = z.object({ id: entityId('活动'), reason: requiredText('作废原因', 100) });

// ---- Time bank
const pointsTenths = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ error: `${label}最多保留一位小数` })
    .refine((n) => n !== 0, { error: `${label}不能为0` })
    .refine((n) => Math.abs(n) <= 100_000, { error: `${label}过大，请核对` });
export const RedeemInput = z.object({
  requestId,
  helperId: entityId('帮扶人'),
  /** Points to take off (tenths, > 0). */
  pointsTenths: pointsTenths('兑换积分').refine((n) => n > 0, { error: '兑换积分应大于0' }),
  redeemedFor: requiredText('兑换内容（服务或物品）', 60),
  on: calendarDate('兑换日期'),
  note: optionalText('备注', 200),
});
export const CorrectInput = z.object({
  requestId,
  helperId: entityId('帮扶人'),
  /** Signed (tenths): + adds, − takes off. */
  pointsTenths: pointsTenths('更正积分'),
  on: calendarDate('更正日期'),
  note: requiredText('更正原因', 200),
});
export const BalanceRow = z.object({
  helperId: z.string(),
  name: z.string(),
  kind: z.enum(HELPER_KINDS),
  village: z.string().nullable(),
  elderId: z.string().nullable(),
  retired: z.boolean(),
  balanceTenths: z.number(),
  earnedTenths: z.number(),
  redeemedTenths: z.number(),
  /** Minutes of activities (not voided) in all. */
  minutes: z.number(),
});
export type BalanceRow = z.output<typeof BalanceRow>;
export const EntryRow = z.object({
  id: z.string(),
  kind: z.enum(POINT_ENTRY_KINDS),
  pointsTenths: z.number(),
  entryOn: z.string(),
  activityId: z.string().nullable(),
  /** The activity's kind and day, when the entry is for one. */
  activity: z.object({ kind: z.enum(AID_ACTIVITY_KINDS), doneOn: z.string(), minutes: z.number() }).nullable(),
  redeemedFor: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The balance right after this entry. */
  balanceTenths: z.number(),
});
export type EntryRow = z.output<typeof EntryRow>;
export const Ledger = z.object({ helper: BalanceRow, entries: z.array(EntryRow) });
export type Ledger = z.output<typeof Ledger>;

// ---- 老年协会 activities
export const AssociationQuery = z.object({ month: yearMonth('请选择月份').nullable().default(null), villageId: entityId('村').nullable().default(null) });
export const AssociationInput = z.object({
  id: entityId('老年协会活动').optional(),
  villageId: entityId('村').nullable().default(null),
  heldOn: calendarDate('活动日期'),
  title: requiredText('活动名称', 40),
  place: optionalText('地点', 60),
  note: optionalText('备注', 200),
});
export const CancelAssociationInput = z.object({ id: entityId('老年协会活动'), reason: requiredText('取消原因', 100) });
export const AssociationRow = z.object({
  id: z.string(),
  villageId: z.string().nullable(),
  village: z.string().nullable(),
  heldOn: z.string(),
  title: z.string(),
  place: z.string(),
  note: z.string(),
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
  elders: z.number(),
  helpers: z.number(),
});
export type AssociationRow = z.output<typeof AssociationRow>;
export const Person = z.object({ kind: z.enum(['elder', 'helper']), id: z.string(), name: z.string(), village: z.string().nullable(), note: z.string() });
export type Person = z.output<typeof Person>;
export const AttendanceQuery = z.object({ activityId: entityId('老年协会活动'), search: z.string().trim().max(20).default('') });
export const Attendance = z.object({ activity: AssociationRow, present: z.array(Person), candidates: z.array(Person) });
export type Attendance = z.output<typeof Attendance>;
export const AttendInput = z.object({
  activityId: entityId('老年协会活动'),
  kind: z.enum(['elder', 'helper'], { error: '请选择老人或协助人员' }),
  id: entityId('参加人'),
  present: z.boolean({ error: '请选择是否参加' }),
});

// ---- The elder's card, and the printed 互助帮扶记录
export const ElderAid = z.object({
  pairs: z.array(PairRow),
  /** The latest activities the elder received (not voided), newest first. */
  received: z.array(ActivityRow),
  /** When the elder is a helper too (低龄老人): their balance. */
  asHelper: BalanceRow.nullable(),
});
export type ElderAid = z.output<typeof ElderAid>;
export const SheetQuery = z.object({ month: yearMonth('请选择月份'), villageId: entityId('村').nullable().default(null) });
export const SheetVillage = z.object({
  villageId: z.string().nullable(),
  village: z.string(),
  pairs: z.array(PairRow),
  activities: z.array(ActivityRow),
  helpers: z.array(z.object({ helperId: z.string(), name: z.string(), activities: z.number(), minutes: z.number(), earnedTenths: z.number(), balanceTenths: z.number() })),
  totals: z.object({ activities: z.number(), minutes: z.number(), earnedTenths: z.number() }),
});
export type SheetVillage = z.output<typeof SheetVillage>;
export const AidSheet = z.object({ month: z.string(), villages: z.array(SheetVillage) });
export type AidSheet = z.output<typeof AidSheet>;

export const mutualaidApi = {
  'mutualaid.settings': method({ input: z.object({}), output: AidSettings, roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.saveSettings': method({ input: AidSettings, output: AidSettings, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.pairs': method({ input: PairQuery, output: z.array(PairRow), roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.savePair': method({ input: PairInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.endPair': method({ input: EndPairInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.activities': method({ input: ActivityQuery, output: z.array(ActivityRow), roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.recordActivity': method({ input: ActivityInput, output: Credited, roles: HOME_CARE_RECORDERS, writes: true }),
  'mutualaid.checkActivity': method({ input: z.object({ id: entityId('活动') }), output: Credited, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.voidActivity': method({ input: VoidActivityInput, output: Credited, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.balances': method({ input: z.object({ includeRetired: z.boolean().default(false) }), output: z.array(BalanceRow), roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.ledger': method({ input: z.object({ helperId: entityId('帮扶人') }), output: Ledger, roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.redeem': method({ input: RedeemInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.correct': method({ input: CorrectInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.associations': method({ input: AssociationQuery, output: z.array(AssociationRow), roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.saveAssociation': method({ input: AssociationInput, output: Done, roles: HOME_CARE_RECORDERS, writes: true }),
  'mutualaid.cancelAssociation': method({ input: CancelAssociationInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'mutualaid.attendance': method({ input: AttendanceQuery, output: Attendance, roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.attend': method({ input: AttendInput, output: Done, roles: HOME_CARE_RECORDERS, writes: true }),
  'mutualaid.ofElder': method({ input: z.object({ elderId: entityId('老人') }), output: ElderAid, roles: HOME_CARE_READERS, writes: false }),
  'mutualaid.sheet': method({ input: SheetQuery, output: AidSheet, roles: HOME_CARE_READERS, writes: false }),
};

/** Points from tenths, as written on screen and on paper: 15 → 1.5, 20 → 2. */
export const pointsText = (tenths: number) => (tenths / 10).toFixed(1).replace(/\.0$/, '');
