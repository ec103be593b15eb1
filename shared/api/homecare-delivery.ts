// API of the homecare module, delivery part (issue 18): what happens on the day. The planned visits of a day or a week
// (derived from the recurring plans, never stored) with their state, recording a done visit (items and quantities, the
// elder's confirmation: on-screen signature, numbered paper 服务确认单 or a family member), recording a planned visit as
// missed with its reason, voiding a visit, the list of visits, and an elder's month against the entitlement.
import { z } from 'zod';
import { CONFIRMATION_KINDS, PRICE_CLASSES, SERVICE_UNITS, VISIT_OUTCOMES } from '../domain/homecare/vocab';
import { Done, calendarDate, clockTime, entityId, optionalText, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { HOME_CARE_KEEPERS, HOME_CARE_READERS, HOME_CARE_RECORDERS } from './homecare-roles';
import { method } from './method';
import { photoField } from './residents';

const requestId = requestIdField('提交', '缺少提交编号');

// ---- The planned visits of a day or a week
export const PLANNED_STATES = ['todo', 'done', 'missed'] as const;
export type PlannedState = (typeof PLANNED_STATES)[number];

export const PlannedQuery = z.object({
  /** The day asked for; with span 'week', the week (Monday to Sunday) it falls in. */
  date: calendarDate('日期'),
  span: z.enum(['day', 'week'], { error: '请选择按日或按周' }).default('day'),
  providerId: entityId('服务机构').nullable().default(null),
  workerId: entityId('服务人员').nullable().default(null),
  villageId: entityId('村').nullable().default(null),
});
export type PlannedQuery = z.input<typeof PlannedQuery>;

export const ItemLine = z.object({ itemId: z.string(), name: z.string(), unit: z.enum(SERVICE_UNITS), quantity: z.number() });
export type ItemLine = z.output<typeof ItemLine>;

export const PlannedVisit = z.object({
  planId: z.string(),
  on: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  address: z.string(),
  phone: z.string(),
  providerId: z.string(),
  provider: z.string(),
  workerId: z.string().nullable(),
  worker: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  minutes: z.number(),
  /** The plan's items with the quantities it implies: minutes for an hourly item (the plan's minutes, shared), 1 time else. */
  items: z.array(ItemLine),
  /** The number printed on this visit's blank 服务确认单 (date + plan), typed back when recording. */
  slipNo: z.string(),
  state: z.enum(PLANNED_STATES),
  /** The visit (done or missed) recorded for it. */
  visitId: z.string().nullable(),
  missedReason: z.string().nullable(),
});
export type PlannedVisit = z.output<typeof PlannedVisit>;
export const Planned = z.object({
  from: z.string(),
  to: z.string(),
  visits: z.array(PlannedVisit),
  totals: z.object({ planned: z.number(), done: z.number(), missed: z.number(), todo: z.number() }),
});
export type Planned = z.output<typeof Planned>;

// ---- Recording
const SIGNATURE_PATTERN = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;
export const Confirmation = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('signature'),
      signature: z
        .string({ error: '请老人在屏幕上签名' })
        .max(300_000, { error: '签名图片太大，请清除后重签' })
        .regex(SIGNATURE_PATTERN, { error: '请老人在屏幕上签名' }),
    }),
    z.object({ kind: z.literal('paper_slip'), slipNo: requiredText('服务确认单编号', 30) }),
    z.object({ kind: z.literal('family'), confirmedBy: requiredText('确认的家属姓名', 20) }),
  ],
  { error: '请选择老人确认的方式（签名、纸质确认单或家属确认）' },
);
export type Confirmation = z.input<typeof Confirmation>;

export const ItemInput = z.object({ itemId: entityId('服务项目'), quantity: wholeNumber('数量', 1, 720) });
export const RecordVisitInput = z.object({
  requestId,
  elderId: entityId('老人'),
  providerId: entityId('服务机构'),
  workerId: entityId('服务人员'),
  /** The plan this visit was done for (from the day's schedule); null for a visit outside the plans. */
  planId: entityId('服务计划').nullable().default(null),
  serviceOn: calendarDate('服务日期'),
  startTime: clockTime('开始时间'),
  endTime: clockTime('结束时间'),
  items: z
    .array(ItemInput, { error: '请选择服务项目' })
    .min(1, { error: '请至少选择一个服务项目' })
    .max(20, { error: '一次服务最多20个项目' })
    .refine((items) => new Set(items.map((i) => i.itemId)).size === items.length, { error: '同一服务项目只能填一次' }),
  confirmation: Confirmation,
  /** Needed when the visit goes beyond the month's entitlement (超出享受额度的原因). */
  overQuotaReason: optionalText('超出额度的原因', 200),
  notes: optionalText('服务记录', 500),
  photo: photoField,
});
export type RecordVisitInput = z.input<typeof RecordVisitInput>;

export const RecordMissedInput = z.object({
  requestId,
  planId: entityId('服务计划'),
  serviceOn: calendarDate('计划日期'),
  reason: requiredText('未上门的原因', 100),
});
export type RecordMissedInput = z.input<typeof RecordMissedInput>;

export const VoidVisitInput = z.object({ id: entityId('服务记录'), reason: requiredText('作废原因', 100) });

// ---- Reading visits
export const VisitRow = z.object({
  id: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  providerId: z.string(),
  provider: z.string(),
  workerId: z.string().nullable(),
  worker: z.string().nullable(),
  planId: z.string().nullable(),
  outcome: z.enum(VISIT_OUTCOMES),
  serviceOn: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  /** end − start in minutes (0 for a missed visit). */
  minutes: z.number(),
  priceClass: z.enum(PRICE_CLASSES),
  items: z.array(ItemLine),
  missedReason: z.string().nullable(),
  confirmation: z.enum(CONFIRMATION_KINDS).nullable(),
  /** The signature's PNG data URL (printed on the record sheet). */
  signature: z.string().nullable(),
  slipNo: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  overQuotaReason: z.string().nullable(),
  notes: z.string(),
  hasPhoto: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type VisitRow = z.output<typeof VisitRow>;

export const VisitsQuery = z.object({
  month: yearMonth('请选择月份'),
  providerId: entityId('服务机构').nullable().default(null),
  elderId: entityId('老人').nullable().default(null),
  villageId: entityId('村').nullable().default(null),
  workerId: entityId('服务人员').nullable().default(null),
  /** Elder's name, initials, worker, slip number or a word of the notes. */
  search: z.string().trim().max(30, { error: '搜索内容不能超过30个字' }).default(''),
  includeVoided: z.boolean().default(false),
});
export type VisitsQuery = z.input<typeof VisitsQuery>;
export const VisitList = z.object({
  month: z.string(),
  visits: z.array(VisitRow),
  totals: z.object({ done: z.number(), missed: z.number(), voided: z.number(), minutes: z.number() }),
  /** Providers whose month is settled (a non-voided settlement): their visits can no longer be voided. */
  settledProviderIds: z.array(z.string()),
});
export type VisitList = z.output<typeof VisitList>;

export const QuotaLine = z.object({
  itemId: z.string(),
  name: z.string(),
  unit: z.enum(SERVICE_UNITS),
  /** Per month, in the item's unit (minutes or times); 0 when the item is used without an entitlement. */
  quota: z.number(),
  used: z.number(),
  /** quota − used; negative when beyond it. */
  left: z.number(),
  documentNos: z.array(z.string()),
});
export type QuotaLine = z.output<typeof QuotaLine>;

export const ElderMonthQuery = z.object({ elderId: entityId('老人'), month: yearMonth('请选择月份') });
export const ElderMonth = z.object({
  elderId: z.string(),
  name: z.string(),
  village: z.string(),
  address: z.string(),
  status: z.string(),
  month: z.string(),
  priceClass: z.enum(PRICE_CLASSES),
  quota: z.array(QuotaLine),
  visits: z.array(VisitRow),
  /** The elder's open plans (for the record button's prefill). */
  plans: z.array(z.object({ id: z.string(), providerId: z.string(), provider: z.string(), workerId: z.string().nullable(), worker: z.string().nullable(), weekdays: z.array(z.number()), startTime: z.string(), minutes: z.number(), itemIds: z.array(z.string()) })),
});
export type ElderMonth = z.output<typeof ElderMonth>;

/** What the record form chooses from: active providers with their active workers, active items. */
export const RecordChoices = z.object({
  providers: z.array(z.object({ id: z.string(), name: z.string(), workers: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string() })) })),
  items: z.array(z.object({ id: z.string(), name: z.string(), unit: z.enum(SERVICE_UNITS) })),
  /** The workers (in service) linked to the signed-in person's staff record: the schedule opens on their visits. */
  mine: z.array(z.string()),
});
export type RecordChoices = z.output<typeof RecordChoices>;

export const homecareDeliveryApi = {
  'homecare.planned': method({ input: PlannedQuery, output: Planned, roles: HOME_CARE_READERS, writes: false }),
  'homecare.recordChoices': method({ input: z.object({}).default({}), output: RecordChoices, roles: HOME_CARE_READERS, writes: false }),
  'homecare.recordVisit': method({ input: RecordVisitInput, output: Done, roles: HOME_CARE_RECORDERS, writes: true }),
  'homecare.recordMissed': method({ input: RecordMissedInput, output: Done, roles: HOME_CARE_RECORDERS, writes: true }),
  'homecare.voidVisit': method({ input: VoidVisitInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.visits': method({ input: VisitsQuery, output: VisitList, roles: HOME_CARE_READERS, writes: false }),
  'homecare.visitPhoto': method({ input: z.object({ id: entityId('服务记录') }), output: z.object({ photo: z.string().nullable() }), roles: HOME_CARE_READERS, writes: false }),
  'homecare.elderMonth': method({ input: ElderMonthQuery, output: ElderMonth, roles: HOME_CARE_READERS, writes: false }),
};
