// API of the homecare module, setup part (issue 18): the service catalogue (items with their GB/T 43153 category and
// unit), dated prices and subsidy per price class in fen, entitlements per elder (a county document grants a monthly
// quota of an item), providers (本院 or an organisation) with their workers, and recurring plans. Kept by
// HOME_CARE_KEEPERS, read by HOME_CARE_READERS.
//
// Meanings the delivery and settlement parts rely on (they read these tables directly):
// - an entitlement's monthly_quota is in the item's unit: MINUTES for an hourly item, TIMES for a per-visit item;
// - an entitlement is in force on a day d when valid_from ≤ d, (valid_to is null or d ≤ valid_to) and (ended_on is null
//   or d ≤ ended_on): ended_on is the LAST day it is in force (see inForceOn in services/homecare/entitlements.ts);
// - a plan runs on its weekdays (1..7, Monday = 1) from from_on to to_on (or open), every 1/2/4 weeks counted from the
//   week of from_on, and stops after ended_on (the last day it runs), like an entitlement.
import { z } from 'zod';
import { ELDER_STATUSES } from '../domain/elders/vocab';
import { PLAN_EVERY_WEEKS, PRICE_CLASSES, PROVIDER_KINDS, SERVICE_CATEGORIES, SERVICE_UNITS } from '../domain/homecare/vocab';
import { Done, calendarDate, clockTime, entityId, oneOf, optionalDate, optionalText, phone, requiredText, wholeNumber } from './fields';
import { HOME_CARE_KEEPERS, HOME_CARE_READERS } from './homecare-roles';
import { method } from './method';

const optionalPhone = (label: string) => phone(label).or(z.literal('')).default('');
const fen = (label: string) => wholeNumber(label, 0, 1_000_000);
const retired = z.boolean({ error: '请选择是否停用' }).default(false);

// ---- The catalogue
export const ItemInput = z.object({
  id: entityId('服务项目').optional(),
  name: requiredText('项目名称', 20),
  category: oneOf('服务类别', SERVICE_CATEGORIES),
  unit: oneOf('计量单位', SERVICE_UNITS),
  retired,
});
export const ItemRow = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  unit: z.enum(SERVICE_UNITS),
  retired: z.boolean(),
  /** Elders with an entitlement of it in force today. */
  entitled: z.number(),
  /** Price classes with a price in force today (of PRICE_CLASSES). */
  pricedClasses: z.number(),
});
export type ItemRow = z.output<typeof ItemRow>;

// ---- Dated prices and subsidy per price class, in fen (an hourly item's price is per hour)
export const PriceInput = z.object({
  itemId: entityId('服务项目'),
  priceClass: oneOf('价格类别', PRICE_CLASSES),
  effectiveFrom: calendarDate('起始日期'),
  priceFen: fen('价格'),
  subsidyFen: fen('补贴'),
});
export const PriceRow = z.object({
  id: z.string(),
  itemId: z.string(),
  item: z.string(),
  unit: z.enum(SERVICE_UNITS),
  priceClass: z.enum(PRICE_CLASSES),
  effectiveFrom: z.string(),
  priceFen: z.number(),
  subsidyFen: z.number(),
  /** What the elder pays: price − subsidy. */
  personalFen: z.number(),
  /** In force on the day asked about. */
  current: z.boolean(),
  by: z.string(),
});
export type PriceRow = z.output<typeof PriceRow>;

// ---- Entitlements
export const EntitlementQuery = z.object({
  elderId: entityId('老人').nullable().default(null),
  villageId: entityId('村').nullable().default(null),
  /** Only those in force on this day; null: all, ended ones too. */
  activeOn: optionalDate('日期'),
  query: optionalText('搜索', 30),
});
export const EntitlementInput = z.object({
  id: entityId('享受额度').optional(),
  elderId: entityId('老人'),
  itemId: entityId('服务项目'),
  /** Per month, in the item's unit: minutes for an hourly item, times for a per-visit item. */
  monthlyQuota: wholeNumber('每月额度', 1, 44_640),
  documentNo: requiredText('批准文号', 40),
  grantedOn: calendarDate('批准日期'),
  validFrom: calendarDate('有效期开始日期'),
  validTo: optionalDate('有效期结束日期'),
  note: optionalText('备注', 200),
});
export const EndInput = (what: string) =>
  z.object({ id: entityId(what), endedOn: calendarDate('终止日期'), reason: requiredText('终止原因', 100) });
export const EndEntitlementInput = EndInput('享受额度');
export const EntitlementRow = z.object({
  id: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  /** The elder's status on the register now: anyone not at home should have it ended. */
  elderStatus: z.enum(ELDER_STATUSES),
  itemId: z.string(),
  item: z.string(),
  unit: z.enum(SERVICE_UNITS),
  monthlyQuota: z.number(),
  documentNo: z.string(),
  grantedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  note: z.string(),
  /** In force today. */
  active: z.boolean(),
  by: z.string(),
});
export type EntitlementRow = z.output<typeof EntitlementRow>;

// ---- Providers and their workers
export const ProviderInput = z.object({
  id: entityId('服务机构').optional(),
  name: requiredText('机构名称', 40),
  kind: oneOf('机构类型', PROVIDER_KINDS),
  contactName: optionalText('联系人', 20),
  phone: optionalPhone('联系电话'),
  contractNo: optionalText('合同编号', 40),
  contractFrom: optionalDate('合同开始日期'),
  contractTo: optionalDate('合同结束日期'),
  retired,
});
export const WorkerInput = z.object({
  id: entityId('服务人员').optional(),
  providerId: entityId('服务机构'),
  name: requiredText('姓名', 20),
  phone: optionalPhone('电话'),
  /** A member of the centre's staff, when the worker is one. */
  staffId: entityId('本院员工').nullable().default(null),
  retired,
});
export const WorkerRow = z.object({
  id: z.string(),
  providerId: z.string(),
  name: z.string(),
  phone: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  retired: z.boolean(),
});
export type WorkerRow = z.output<typeof WorkerRow>;
export const ProviderRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  contactName: z.string(),
  phone: z.string(),
  contractNo: z.string(),
  contractFrom: z.string().nullable(),
  contractTo: z.string().nullable(),
  /** The contract's end has passed (today). */
  contractEnded: z.boolean(),
  retired: z.boolean(),
  /** Its plans running today. */
  openPlans: z.number(),
  /** Its workers, retired ones too (marked). */
  workers: z.array(WorkerRow),
});
export type ProviderRow = z.output<typeof ProviderRow>;

// ---- Recurring plans
export const PlanQuery = z.object({
  elderId: entityId('老人').nullable().default(null),
  providerId: entityId('服务机构').nullable().default(null),
  includeEnded: z.boolean().default(false),
  query: optionalText('搜索', 30),
});
const weekdayField = z.number({ error: '星期应为1到7' }).int({ error: '星期应为1到7' }).min(1, { error: '星期应为1到7' }).max(7, { error: '星期应为1到7' });
export const PlanInput = z.object({
  id: entityId('服务计划').optional(),
  elderId: entityId('老人'),
  providerId: entityId('服务机构'),
  workerId: entityId('服务人员').nullable().default(null),
  itemIds: z.array(entityId('服务项目'), { error: '请选择服务项目' }).min(1, { error: '请至少选择一个服务项目' }).max(10, { error: '一个计划最多10个项目' }),
  weekdays: z.array(weekdayField, { error: '请选择星期几上门' }).min(1, { error: '请至少选择一个上门的星期' }).max(7, { error: '星期最多7个' }),
  everyWeeks: z.union([z.literal(PLAN_EVERY_WEEKS[0]), z.literal(PLAN_EVERY_WEEKS[1]), z.literal(PLAN_EVERY_WEEKS[2])], { error: '请选择每1周、每2周或每4周' }),
  startTime: clockTime('上门时间'),
  minutes: wholeNumber('每次服务分钟数', 1, 720),
  fromOn: calendarDate('开始日期'),
  toOn: optionalDate('结束日期'),
});
export const EndPlanInput = EndInput('服务计划');
export const PlanRow = z.object({
  id: z.string(),
  elderId: z.string(),
  elder: z.string(),
  village: z.string(),
  /** The elder's status on the register now: anyone not at home should have it ended. */
  elderStatus: z.enum(ELDER_STATUSES),
  providerId: z.string(),
  provider: z.string(),
  workerId: z.string().nullable(),
  worker: z.string().nullable(),
  /** Each item, and whether the elder has an entitlement of it in force (today, or on the plan's first day if later). */
  items: z.array(z.object({ id: z.string(), name: z.string(), unit: z.enum(SERVICE_UNITS), entitled: z.boolean() })),
  weekdays: z.array(z.number()),
  everyWeeks: z.number(),
  startTime: z.string(),
  minutes: z.number(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Running today (or yet to start): not ended and not past its end. */
  active: z.boolean(),
  by: z.string(),
});
export type PlanRow = z.output<typeof PlanRow>;

const IncludeRetired = z.object({ includeRetired: z.boolean().default(false) });

export const homecareSetupApi = {
  'homecare.items': method({ input: IncludeRetired, output: z.array(ItemRow), roles: HOME_CARE_READERS, writes: false }),
  'homecare.saveItem': method({ input: ItemInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.prices': method({ input: z.object({ onDate: calendarDate('日期') }), output: z.array(PriceRow), roles: HOME_CARE_READERS, writes: false }),
  'homecare.savePrice': method({ input: PriceInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.entitlements': method({ input: EntitlementQuery, output: z.array(EntitlementRow), roles: HOME_CARE_READERS, writes: false }),
  'homecare.saveEntitlement': method({ input: EntitlementInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.endEntitlement': method({ input: EndEntitlementInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.providers': method({ input: IncludeRetired, output: z.array(ProviderRow), roles: HOME_CARE_READERS, writes: false }),
  'homecare.saveProvider': method({ input: ProviderInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.saveWorker': method({ input: WorkerInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.plans': method({ input: PlanQuery, output: z.array(PlanRow), roles: HOME_CARE_READERS, writes: false }),
  'homecare.savePlan': method({ input: PlanInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.endPlan': method({ input: EndPlanInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
};
