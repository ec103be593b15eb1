// API of the visits module (issue 17): the visit helpers (村干部, volunteers, 老年协会), the week's visit plan by village,
// recording a phone, home or video visit with its findings and follow-ups (转介), voiding one, the follow-ups and
// special-situation reports (特殊情况报告) until closed, and the overview of overdue visits and the monthly visit rate.
import { z } from 'zod';
import { ENUM_LABELS_ZH } from '../domain/enum-labels';
import { isCalendarDate, weekday } from '../domain/dates';
import { ELDER_CATEGORIES, FINDING_AREAS, FOLLOWUP_KINDS, type FindingArea, HELPER_KINDS, RISK_LEVELS, VISIT_KINDS } from '../domain/elders/vocab';
import { REGISTER_KEEPERS, REGISTER_READERS } from './elders';
import { Done, calendarDate, entityId, instant, oneOf, optionalDate, optionalText, phone, requestId as requestIdField, requiredText, yearMonth } from './fields';
import { method } from './method';
import { photoField } from './residents';
import { VisitLedger, VisitLedgerQuery } from './elder-ledgers';
import type { Role } from './roles';

/** Who records visits, opens follow-ups and reports special situations: the 关爱专干, the manager, caregivers. */
export const VISIT_RECORDERS: readonly Role[] = ['admin', 'social_worker', 'care_lead', 'caregiver'];

const requestId = requestIdField('提交', '缺少提交编号');
const optionalPhone = (label: string) => phone(label).or(z.literal('')).default('');
const Groups = z.array(z.enum([...ELDER_CATEGORIES, 'over_80']));

// ---- Helpers: people who visit with (or for) the staff. Retired, never deleted.
export const HelperInput = z.object({
  id: entityId('协助人员').optional(),
  name: requiredText('姓名', 20),
  kind: oneOf('协助人员类别', HELPER_KINDS),
  phone: optionalPhone('电话'),
  villageId: entityId('村').nullable().default(null),
  /** A 低龄老人 (or any helper) who is an elder on the register: at most one helper per elder. */
  elderId: entityId('在册老人').nullable().default(null),
  retired: z.boolean({ error: '请选择是否停用' }).default(false),
});
export const HelperRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(HELPER_KINDS),
  phone: z.string(),
  villageId: z.string().nullable(),
  village: z.string().nullable(),
  elderId: z.string().nullable(),
  /** The register elder's name, when linked. */
  elder: z.string().nullable(),
  retired: z.boolean(),
});
export type HelperRow = z.output<typeof HelperRow>;

// ---- The week's plan
export const PlanQuery = z.object({
  monday: calendarDate('计划周的星期一').refine((d) => !isCalendarDate(d) || weekday(d) === 1, { error: '计划周应从星期一开始，请选择一个星期一' }),
  villageId: entityId('村').nullable().default(null),
});
const VisitMark = z.object({ on: z.string(), kind: z.enum(VISIT_KINDS) });
export const PlanLine = z.object({
  elderId: z.string(),
  name: z.string(),
  age: z.number(),
  address: z.string(),
  phone: z.string(),
  risk: z.enum(RISK_LEVELS),
  groups: Groups,
  /** The kind of visit the level asks for (a setting); any kind counts as visited. */
  plannedKind: z.enum(VISIT_KINDS),
  /** The last visit (not voided) before the week. */
  lastVisit: VisitMark.nullable(),
  dueOn: z.string(),
  /** Due before today and not visited this week. */
  overdue: z.boolean(),
  /** A visit this week: one of the kind planned if there is one, else the latest. */
  doneThisWeek: VisitMark.nullable(),
});
export type PlanLine = z.output<typeof PlanLine>;
export const PlanVillage = z.object({ villageId: z.string(), village: z.string(), cadreName: z.string(), cadrePhone: z.string(), lines: z.array(PlanLine) });
export const WeekPlan = z.object({
  monday: z.string(),
  sunday: z.string(),
  villages: z.array(PlanVillage),
  totals: z.object({ planned: z.number(), done: z.number(), overdue: z.number(), home: z.number(), phone: z.number(), video: z.number() }),
});
export type WeekPlan = z.output<typeof WeekPlan>;

// ---- Recording a visit
const AREA_WORDS = ENUM_LABELS_ZH.findingArea as Record<FindingArea, string>;
const finding = (area: FindingArea) =>
  z
    .object(
      {
        problem: z.boolean({ error: `请选择「${AREA_WORDS[area]}」是否有问题` }),
        note: optionalText(`「${AREA_WORDS[area]}」情况说明`, 200),
      },
      { error: `请填写「${AREA_WORDS[area]}」的探访情况` },
    )
    .refine((f) => !f.problem || f.note !== '', { error: `「${AREA_WORDS[area]}」有问题：请写明是什么问题`, path: ['note'] });
const findingShape = Object.fromEntries(FINDING_AREAS.map((a) => [a, finding(a)])) as Record<FindingArea, ReturnType<typeof finding>>;
export const Findings = z.object(findingShape, { error: '请填写探访情况清单' });
export type Findings = z.output<typeof Findings>;

export const NewFollowup = z.object({
  kind: oneOf('转介类别', FOLLOWUP_KINDS),
  need: requiredText('转介需求', 200),
  dueOn: optionalDate('转介办理期限'),
});
export const VisitInput = z.object({
  requestId,
  elderId: entityId('老人'),
  kind: oneOf('探访方式', VISIT_KINDS),
  visitedAt: instant('探访时间'),
  /** A member of the centre's staff; null: the person signed in. */
  visitorStaffId: z.string({ error: '请选择探访人' }).uuid({ error: '请从本院员工中选择探访人' }).nullable().default(null),
  helperIds: z.array(entityId('协助人员')).max(10, { error: '协助人员最多10位' }).default([]),
  findings: Findings,
  notes: optionalText('探访记录', 500),
  photo: photoField,
  followups: z.array(NewFollowup).max(10, { error: '一次探访最多登记10条转介' }).default([]),
});
export type VisitInput = z.input<typeof VisitInput>;

export const VoidInput = z.object({ id: entityId('探访记录'), reason: requiredText('作废原因', 100) });

export const FollowupRow = z.object({
  id: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  kind: z.enum(FOLLOWUP_KINDS),
  need: z.string(),
  openedOn: z.string(),
  dueOn: z.string().nullable(),
  /** Open and its due day has passed. */
  overdue: z.boolean(),
  closedOn: z.string().nullable(),
  closedBy: z.string().nullable(),
  result: z.string().nullable(),
  visitId: z.string().nullable(),
  /** The day of the visit that found it, when it came from one. */
  visitOn: z.string().nullable(),
  openedBy: z.string(),
});
export type FollowupRow = z.output<typeof FollowupRow>;

export const VisitRow = z.object({
  id: z.string(),
  kind: z.enum(VISIT_KINDS),
  visitedOn: z.string(),
  visitedAt: z.string(),
  visitor: z.string(),
  visitorStaffId: z.string().nullable(),
  helpers: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(HELPER_KINDS) })),
  findings: Findings,
  /** The areas with a problem, in the checklist's order. */
  problems: z.array(z.enum(FINDING_AREAS)),
  notes: z.string(),
  photo: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  followups: z.array(FollowupRow),
});
export type VisitRow = z.output<typeof VisitRow>;

export const FollowupQuery = z.object({
  status: z.enum(['open', 'all'], { error: '状态筛选无效' }).default('open'),
  villageId: entityId('村').nullable().default(null),
});
export const OpenFollowupInput = z.object({
  elderId: entityId('老人'),
  visitId: entityId('探访记录').nullable().default(null),
  kind: oneOf('转介类别', FOLLOWUP_KINDS),
  need: requiredText('转介需求', 200),
  dueOn: optionalDate('转介办理期限'),
});
const CLOSE_WITHOUT_RESULT = '关闭转介必须填写处理结果';
export const CloseFollowupInput = z.object({
  id: entityId('转介'),
  closedOn: calendarDate('结案日期'),
  result: z.string({ error: CLOSE_WITHOUT_RESULT }).trim().min(1, { error: CLOSE_WITHOUT_RESULT }).max(200, { error: '处理结果不能超过200个字' }),
});

// ---- Special-situation reports (特殊情况报告)
export const SpecialQuery = z.object({ status: z.enum(['open', 'all'], { error: '状态筛选无效' }).default('open') });
export const SpecialInput = z.object({
  elderId: entityId('老人'),
  foundAt: instant('发现时间'),
  situation: requiredText('发现的情况', 300),
  actions: requiredText('采取的措施', 300),
  reportedTo: requiredText('报告对象', 60),
  reportedAt: instant('报告时间').nullable().default(null),
});
export const CloseSpecialInput = z.object({ id: entityId('特殊情况报告'), outcome: requiredText('处理结果', 300) });
export const SpecialRow = z.object({
  id: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  foundAt: z.string(),
  situation: z.string(),
  actions: z.string(),
  reportedTo: z.string(),
  reportedAt: z.string().nullable(),
  reportedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  outcome: z.string().nullable(),
});
export type SpecialRow = z.output<typeof SpecialRow>;

// ---- Overview (the home page; later the county)
export const Overview = z.object({
  /** Elders at home whose visit is overdue today. */
  overdue: z.number(),
  overdueByVillage: z.array(z.object({ villageId: z.string(), village: z.string(), overdue: z.number(), atHome: z.number() })),
  openFollowups: z.number(),
  openSpecialReports: z.array(z.object({ id: z.string(), elderId: z.string(), elder: z.string(), village: z.string(), foundAt: z.string(), situation: z.string() })),
  month: z.object({
    month: z.string(),
    /** At home on the month's last day (today for this month), registered by then. */
    eldersAtHome: z.number(),
    /** Of those, visited at least once in the month (any kind, not voided). */
    visited: z.number(),
    /** Of those, visited at home at least once in the month. */
    visitedHome: z.number(),
    /** visited ÷ eldersAtHome (null when nobody is at home). */
    rate: z.number().nullable(),
    rateHomeOnly: z.number().nullable(),
    /** The setting saying which of the two rates is the 探访率 reported [R]. */
    callsCountForRate: z.boolean(),
  }),
});
export type Overview = z.output<typeof Overview>;

export const visitsApi = {
  'visits.helpers': method({ input: z.object({ includeRetired: z.boolean().default(false) }), output: z.array(HelperRow), roles: REGISTER_READERS, writes: false }),
  'visits.saveHelper': method({ input: HelperInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'visits.plan': method({ input: PlanQuery, output: WeekPlan, roles: REGISTER_READERS, writes: false }),
  'visits.record': method({ input: VisitInput, output: Done, roles: VISIT_RECORDERS, writes: true }),
  'visits.void': method({ input: VoidInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'visits.ofElder': method({ input: z.object({ elderId: entityId('老人') }), output: z.array(VisitRow), roles: REGISTER_READERS, writes: false }),
  'visits.followups': method({ input: FollowupQuery, output: z.array(FollowupRow), roles: REGISTER_READERS, writes: false }),
  'visits.openFollowup': method({ input: OpenFollowupInput, output: Done, roles: VISIT_RECORDERS, writes: true }),
  'visits.closeFollowup': method({ input: CloseFollowupInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'visits.specialReports': method({ input: SpecialQuery, output: z.array(SpecialRow), roles: REGISTER_READERS, writes: false }),
  'visits.reportSpecial': method({ input: SpecialInput, output: Done, roles: VISIT_RECORDERS, writes: true }),
  'visits.closeSpecial': method({ input: CloseSpecialInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'visits.overview': method({ input: z.object({ month: yearMonth().nullable().default(null) }), output: Overview, roles: REGISTER_READERS, writes: false }),
  'visits.ledger': method({ input: VisitLedgerQuery, output: VisitLedger, roles: REGISTER_READERS, writes: false }),
};
