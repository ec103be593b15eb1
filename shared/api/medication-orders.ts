// API of the medication module, orders part (issue 19): the centre's drug list, 服药管理协议, residents' medication
// orders (never edited in place: stopped, and a new one starts) and the medication settings.
//
// Meanings the other parts rely on:
// - an order's dose is in HUNDREDTHS of its drug's unit (doseCenti: 0.5 片 = 50); the form sends the number typed
//   (`dose`, at most two decimals) and the service stores it ×100;
// - an order's times are copied from the centre's settings when it is made (每日一次…四次, 睡前) or written by the doctor
//   ('times'); 按需 has none. A later change of the centre's times never moves an order;
// - stoppedOn D means no dose on D (the last dose day is D − 1); endsOn is the last day.
import { z } from 'zod';
import { RESIDENT_STATUSES } from '../domain/enums';
import { DOSE_UNITS, DRUG_FORMS, FREQUENCIES, HIGH_ALERT_CLASSES, MEAL_RELATIONS, PRESCRIBER_KINDS, ROUTES, SUPPLIES } from '../domain/medication/vocab';
import { toCenti } from '../domain/medication/quantity';
import { ByResident, Done, calendarDate, clockTime, entityId, oneOf, optionalDate, optionalText, requestId, requiredText, wholeNumber } from './fields';
import { method } from './method';
import { MEDICATION_KEEPERS, MEDICATION_READERS } from './medication-roles';
import { MedicationSettings } from './medication-settings';
import { photoField } from './residents';

// ---- The drug list (药品目录)
export const DrugQuery = z.object({
  query: optionalText('搜索', 30),
  includeRetired: z.boolean({ error: '请选择是否显示已停用的药品' }).default(false),
});
export const DrugInput = z.object({
  id: entityId('药品').optional(),
  name: requiredText('药品通用名', 40),
  form: oneOf('剂型', DRUG_FORMS),
  strength: optionalText('规格', 30),
  unit: oneOf('剂量单位', DOSE_UNITS),
  highAlert: oneOf('高警示类别', HIGH_ALERT_CLASSES).default('none'),
  note: optionalText('备注', 200),
  retired: z.boolean({ error: '请选择是否停用' }).default(false),
});
export const DrugRow = z.object({
  id: z.string(),
  name: z.string(),
  form: z.enum(DRUG_FORMS),
  strength: z.string(),
  unit: z.enum(DOSE_UNITS),
  highAlert: z.enum(HIGH_ALERT_CLASSES),
  note: z.string(),
  retired: z.boolean(),
  /** Orders running today that use it. */
  activeOrders: z.number(),
});
export type DrugRow = z.output<typeof DrugRow>;

// ---- 服药管理协议
export const AgreementQuery = z.object({
  residentId: entityId('老人').nullable().default(null),
  includeEnded: z.boolean({ error: '请选择是否显示已终止的协议' }).default(false),
});
export const AgreementInput = z.object({
  residentId: entityId('老人'),
  signedOn: calendarDate('签订日期'),
  signedBy: requiredText('签字人', 20),
  /** 本人, or the family member's relation (儿子, 侄子 …). */
  relation: optionalText('与老人关系', 20),
  note: optionalText('备注', 200),
  photo: photoField,
});
export const EndAgreementInput = z.object({ id: entityId('服药管理协议'), endedOn: calendarDate('终止日期'), reason: requiredText('终止原因', 100) });
export const AgreementRow = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  bedLabel: z.string().nullable(),
  signedOn: z.string(),
  signedBy: z.string(),
  relation: z.string(),
  note: z.string(),
  hasPhoto: z.boolean(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  by: z.string(),
});
export type AgreementRow = z.output<typeof AgreementRow>;
export const ResidentBrief = z.object({ id: z.string(), name: z.string(), bedLabel: z.string().nullable(), status: z.enum(RESIDENT_STATUSES) });
export type ResidentBrief = z.output<typeof ResidentBrief>;

// ---- Orders
const hhmmList = z
  .array(clockTime('服药时间'), { error: '请填写服药时间' })
  .max(8, { error: '服药时间最多 8 个' })
  .default([]);

/** What a doctor's order says: the same fields for a new order and for the one that replaces a changed order. */
export const OrderFields = z.object({
  drugId: entityId('药品'),
  prescriber: requiredText('开医嘱的医生', 20),
  prescriberKind: oneOf('医生所在机构类别', PRESCRIBER_KINDS),
  institution: optionalText('医疗机构名称', 40),
  prescribedOn: calendarDate('开具日期'),
  /** As typed, in the drug's unit: 1, 0.5, 1.25 (at most two decimals). */
  dose: z
    .number({ error: '每次剂量应为数字' })
    .positive({ error: '每次剂量应大于 0' })
    .max(10_000, { error: '每次剂量不能大于 10000' })
    .refine((v) => toCenti(v) !== null, { error: '每次剂量最多保留两位小数（如 0.25）' }),
  route: oneOf('给药途径', ROUTES),
  frequency: oneOf('服药频次', FREQUENCIES),
  /** Only for 'times' (指定时间): the doctor's own times, 1–8, any order (kept sorted). */
  times: hhmmList,
  mealRelation: oneOf('与进餐的关系', MEAL_RELATIONS).default('any'),
  /** Only for 'prn' (按需): the most doses a day, and when to give it. */
  prnMaxPerDay: wholeNumber('每日最多次数', 1, 24).nullable().default(null),
  prnIndication: optionalText('按需用药的指征', 100),
  supply: oneOf('药品保管方式', SUPPLIES),
  startsOn: calendarDate('开始日期'),
  endsOn: optionalDate('结束日期'),
  note: optionalText('备注', 200),
  /** The doctor's visit (医生巡诊) the order was given at. */
  doctorVisitId: entityId('医生巡诊').nullable().default(null),
});
export const StartOrderInput = OrderFields.extend({ requestId: requestId('提交'), residentId: entityId('老人') });
export const StopOrderInput = z.object({
  id: entityId('医嘱'),
  /** From this day on no dose is given. */
  stoppedOn: calendarDate('停止日期'),
  reason: requiredText('停止原因', 100),
});
/** A change: the old order stops on the new one's start date, and the new one starts, in one step. */
export const ChangeOrderInput = z.object({
  requestId: requestId('提交'),
  replacesId: entityId('原医嘱'),
  reason: requiredText('调整原因', 100),
  order: OrderFields,
});

export const ORDER_STATES = ['active', 'upcoming', 'ended', 'stopped'] as const;
export type OrderState = (typeof ORDER_STATES)[number];
export const OrderView = z.object({
  id: z.string(),
  residentId: z.string(),
  drugId: z.string(),
  drugName: z.string(),
  form: z.enum(DRUG_FORMS),
  strength: z.string(),
  unit: z.enum(DOSE_UNITS),
  highAlert: z.enum(HIGH_ALERT_CLASSES),
  prescriber: z.string(),
  prescriberKind: z.enum(PRESCRIBER_KINDS),
  institution: z.string(),
  prescribedOn: z.string(),
  doseCenti: z.number(),
  route: z.enum(ROUTES),
  frequency: z.enum(FREQUENCIES),
  times: z.array(z.string()),
  mealRelation: z.enum(MEAL_RELATIONS),
  prnMaxPerDay: z.number().nullable(),
  prnIndication: z.string(),
  supply: z.enum(SUPPLIES),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  note: z.string(),
  doctorVisitId: z.string().nullable(),
  replacesId: z.string().nullable(),
  /** The order that replaced this one (a change), when there is one. */
  replacedById: z.string().nullable(),
  stoppedAt: z.string().nullable(),
  stoppedOn: z.string().nullable(),
  stoppedBy: z.string().nullable(),
  stopReason: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** On today: running, not yet started, past its end date, or stopped. */
  state: z.enum(ORDER_STATES),
});
export type OrderView = z.output<typeof OrderView>;

export const CentreOrdersQuery = z.object({
  /** A resident's name or pinyin initials, a drug's name. */
  query: optionalText('搜索', 30),
});
export const ResidentOrders = ResidentBrief.extend({
  /** Orders running today or starting later. */
  orders: z.array(OrderView),
  /** An open 服药管理协议 (its signing date), or null. */
  agreementSignedOn: z.string().nullable(),
});
export type ResidentOrders = z.output<typeof ResidentOrders>;
export const ResidentOrdersQuery = ByResident.extend({
  /** Ended and stopped orders too (the history). */
  includeEnded: z.boolean({ error: '请选择是否显示已停止的医嘱' }).default(false),
});

export const medicationOrdersApi = {
  'medication.settings': method({
    input: z.object({}),
    output: z.object({ settings: MedicationSettings, sources: z.object({ times: z.string(), lateMinutes: z.string(), secondCheck: z.string(), stock: z.string(), agreement: z.string() }) }),
    roles: MEDICATION_READERS,
    writes: false,
  }),
  'medication.saveSettings': method({ input: MedicationSettings, output: MedicationSettings, roles: MEDICATION_KEEPERS, writes: true }),
  'medication.drugs': method({ input: DrugQuery, output: z.array(DrugRow), roles: MEDICATION_READERS, writes: false }),
  'medication.saveDrug': method({ input: DrugInput, output: Done, roles: MEDICATION_KEEPERS, writes: true }),
  'medication.agreements': method({
    input: AgreementQuery,
    output: z.object({ rows: z.array(AgreementRow), /** Residents in the centre with no open agreement. */ missing: z.array(ResidentBrief) }),
    roles: MEDICATION_READERS,
    writes: false,
  }),
  'medication.agreementPhoto': method({ input: z.object({ id: entityId('服药管理协议') }), output: z.object({ photo: z.string().nullable() }), roles: MEDICATION_READERS, writes: false }),
  'medication.startAgreement': method({ input: AgreementInput, output: Done, roles: MEDICATION_KEEPERS, writes: true }),
  'medication.endAgreement': method({ input: EndAgreementInput, output: Done, roles: MEDICATION_KEEPERS, writes: true }),
  /** The centre's residents (not discharged) with their running and coming orders: the menu's gate. */
  'medication.orders': method({ input: CentreOrdersQuery, output: z.array(ResidentOrders), roles: MEDICATION_READERS, writes: false }),
  /** One resident's orders (the resident file's card, the orders tab's resident view). */
  'medication.residentOrders': method({
    input: ResidentOrdersQuery,
    output: z.object({ resident: ResidentBrief, agreementSignedOn: z.string().nullable(), orders: z.array(OrderView) }),
    roles: MEDICATION_READERS,
    writes: false,
  }),
  'medication.startOrder': method({ input: StartOrderInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: MEDICATION_KEEPERS, writes: true }),
  'medication.stopOrder': method({ input: StopOrderInput, output: Done, roles: MEDICATION_KEEPERS, writes: true }),
  'medication.changeOrder': method({ input: ChangeOrderInput, output: z.object({ id: z.string(), repeated: z.boolean() }), roles: MEDICATION_KEEPERS, writes: true }),
};
