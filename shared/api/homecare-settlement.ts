// API of the homecare module, settlement part (issue 18): 回访 checks of a reproducible sample of a month's done visits
// (confirmed, or disputed with a note — a disputed visit is not paid), complaints about a visit tracked to an answer,
// and the monthly settlement per provider: a preview priced at the prices in force on each visit's day, settling it
// (frozen, only after the month has ended, one per provider and month), voiding it with a reason, the statement and
// its Excel export. The two time limits and the sample's size are settings: GB/T 43153's clauses on them were not
// retrieved [R].
import { z } from 'zod';
import { CHECK_KINDS, CHECK_OUTCOMES, PRICE_CLASSES, PROVIDER_KINDS, SERVICE_UNITS } from '../domain/homecare/vocab';
import { Done, ExcelFile, calendarDate, entityId, oneOf, optionalText, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { HOME_CARE_KEEPERS, HOME_CARE_READERS, HOME_CARE_RECORDERS } from './homecare-roles';
import { method } from './method';

const requestId = requestIdField('提交', '缺少提交编号');

// ---- Settings
export const HomecareSettlementSettings = z.object({
  /** The share of a provider's done visits of a month called back or visited (回访), in percent; at least one visit. */
  checkPercent: wholeNumber('回访抽查比例', 1, 100),
  /** Days within which a complaint is answered; an open complaint older than this is shown red. */
  complaintDays: wholeNumber('投诉答复时限', 1, 90),
});
export type HomecareSettlementSettings = z.output<typeof HomecareSettlementSettings>;
export const DEFAULT_HOMECARE_SETTLEMENT_SETTINGS: HomecareSettlementSettings = { checkPercent: 10, complaintDays: 7 };
/** Where the defaults come from, shown beside them on screen. */
export const HOMECARE_SETTLEMENT_SOURCES = {
  checkPercent: 'GB/T 43153-2023《居家养老上门服务基本规范》有关回访的条款未检索到 [R]；默认每月抽查 10%，每个服务机构至少 1 次，请按本县合同或文件修改',
  complaintDays: 'GB/T 43153-2023 有关投诉处理时限的条款未检索到 [R]；默认 7 天内答复，请按本县合同或文件修改',
} as const;

// ---- A visit as the checks, complaints and statements show it
export const VisitBrief = z.object({
  visitId: z.string(),
  serviceOn: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  outcome: z.enum(['done', 'missed']),
  elderId: z.string(),
  elder: z.string(),
  village: z.string(),
  phone: z.string(),
  providerId: z.string(),
  provider: z.string(),
  worker: z.string().nullable(),
  /** The items done, as words (助洁 90分钟、理发 1次). */
  items: z.string(),
  voided: z.boolean(),
});
export type VisitBrief = z.output<typeof VisitBrief>;

export const CheckRow = z.object({
  id: z.string(),
  visit: VisitBrief,
  kind: z.enum(CHECK_KINDS),
  checkedOn: z.string(),
  checker: z.string(),
  outcome: z.enum(CHECK_OUTCOMES),
  note: z.string(),
  recordedBy: z.string(),
  /** Recorded after the settlement in force of the visit's provider and month: not in its frozen statement. */
  afterSettlement: z.boolean(),
});
export type CheckRow = z.output<typeof CheckRow>;

export const CheckMonthQuery = z.object({ month: yearMonth('请选择月份'), providerId: entityId('服务机构').nullable().default(null) });
export const CheckMonth = z.object({
  month: z.string(),
  percent: z.number(),
  source: z.string(),
  providers: z.array(
    z.object({
      providerId: z.string(),
      provider: z.string(),
      /** Done, not voided visits in the month. */
      done: z.number(),
      /** How many the sample asks for: percent of done, rounded up, at least one. */
      target: z.number(),
      checked: z.number(),
      disputed: z.number(),
      settled: z.boolean(),
      /** The sample's visits still to check (reproducible: ordered by a hash of the month and the visit). */
      toCheck: z.array(VisitBrief),
    }),
  ),
  checks: z.array(CheckRow),
});
export type CheckMonth = z.output<typeof CheckMonth>;

export const FindVisitsQuery = z.object({
  month: yearMonth('请选择月份'),
  providerId: entityId('服务机构').nullable().default(null),
  query: optionalText('查找', 30),
});

const DISPUTE_WITHOUT_NOTE = '有异议的回访必须写明异议内容（老人或家属说了什么）';
export const CheckInput = z
  .object({
    visitId: entityId('服务记录'),
    kind: oneOf('回访方式', CHECK_KINDS),
    checkedOn: calendarDate('回访日期'),
    checker: requiredText('回访人', 20),
    outcome: oneOf('回访结果', CHECK_OUTCOMES),
    note: optionalText('回访情况', 300),
  })
  .refine((c) => c.outcome === 'confirmed' || c.note !== '', { error: DISPUTE_WITHOUT_NOTE, path: ['note'] });
export const CheckDone = z.object({ id: z.string(), afterSettlement: z.boolean() });

// ---- Complaints
export const ComplaintRow = z.object({
  id: z.string(),
  visit: VisitBrief,
  receivedOn: z.string(),
  fromWhom: z.string(),
  complaint: z.string(),
  answeredOn: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answer: z.string().nullable(),
  /** Days from receiving to the answer, or to today while open. */
  daysOpen: z.number(),
  /** Open beyond the time limit. */
  overdue: z.boolean(),
  recordedBy: z.string(),
});
export type ComplaintRow = z.output<typeof ComplaintRow>;
export const ComplaintQuery = z.object({ status: z.enum(['open', 'all'], { error: '状态筛选无效' }).default('open'), query: optionalText('查找', 30) });
export const ComplaintList = z.object({ limitDays: z.number(), source: z.string(), rows: z.array(ComplaintRow) });
export type ComplaintList = z.output<typeof ComplaintList>;
export const ComplaintInput = z.object({
  visitId: entityId('服务记录'),
  receivedOn: calendarDate('收到日期'),
  fromWhom: requiredText('投诉人', 30),
  complaint: requiredText('投诉内容', 500),
});
const ANSWER_WITHOUT_TEXT = '答复投诉必须写明答复内容';
export const AnswerInput = z.object({
  id: entityId('投诉'),
  answeredOn: calendarDate('答复日期'),
  answer: z.string({ error: ANSWER_WITHOUT_TEXT }).trim().min(1, { error: ANSWER_WITHOUT_TEXT }).max(500, { error: '答复内容不能超过500个字' }),
});

// ---- Settlement
export const PricedItem = z.object({
  itemId: z.string(),
  name: z.string(),
  unit: z.enum(SERVICE_UNITS),
  /** Minutes for an hourly item, times for a per-visit item. */
  quantity: z.number(),
  /** The unit price and subsidy in force on the visit's day (per hour or per time); null: no price set. */
  priceFen: z.number().nullable(),
  unitSubsidyFen: z.number().nullable(),
  amountFen: z.number(),
  subsidyFen: z.number(),
});
export const StatementLine = z.object({
  visitId: z.string(),
  serviceOn: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  elderId: z.string(),
  elder: z.string(),
  village: z.string(),
  priceClass: z.enum(PRICE_CLASSES),
  worker: z.string().nullable(),
  items: z.array(PricedItem),
  amountFen: z.number(),
  subsidyFen: z.number(),
  personalFen: z.number(),
  /** Disputed at 回访: listed apart, not paid. */
  disputed: z.boolean(),
  disputeNote: z.string().nullable(),
});
export type StatementLine = z.output<typeof StatementLine>;
export const StatementTotals = z.object({
  visits: z.number(),
  disputed: z.number(),
  amountFen: z.number(),
  disputedFen: z.number(),
  subsidyFen: z.number(),
  personalFen: z.number(),
});
export type StatementTotals = z.output<typeof StatementTotals>;
export const SettlementRow = z.object({
  id: z.string(),
  providerId: z.string(),
  provider: z.string(),
  month: z.string(),
  totals: StatementTotals,
  settledAt: z.string(),
  settledBy: z.string(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type SettlementRow = z.output<typeof SettlementRow>;
export const Statement = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  facilityName: z.string(),
  provider: z.object({ id: z.string(), name: z.string(), kind: z.enum(PROVIDER_KINDS), contractNo: z.string(), contactName: z.string(), phone: z.string() }),
  /** 'settled': the frozen lines of a settlement; 'preview': priced now from the records. */
  status: z.enum(['settled', 'preview']),
  settlement: SettlementRow.nullable(),
  monthEnded: z.boolean(),
  /** Paid lines, by day. */
  lines: z.array(StatementLine),
  /** Disputed lines, not paid. */
  disputed: z.array(StatementLine),
  totals: StatementTotals,
  /** Item and price class pairs without a price on a visit's day: the month cannot be settled until they are set. */
  unpriced: z.array(z.object({ item: z.string(), priceClass: z.enum(PRICE_CLASSES), serviceOn: z.string() })),
  /** Settled: visits paid in the frozen lines but disputed at a 回访 recorded since (shown, not applied: frozen). */
  disputesAfter: z.number(),
});
export type Statement = z.output<typeof Statement>;

export const ProviderMonth = z.object({ providerId: entityId('服务机构'), month: yearMonth('请选择月份') });
export const StatementQuery = ProviderMonth.extend({ settlementId: entityId('结算单').nullable().default(null) });
export const SettleInput = ProviderMonth.extend({ requestId });
export const VoidSettlementInput = z.object({ id: entityId('结算单'), reason: requiredText('作废原因', 100) });
export const SettlementMonth = z.object({
  month: z.string(),
  monthEnded: z.boolean(),
  providers: z.array(
    z.object({
      providerId: z.string(),
      provider: z.string(),
      kind: z.enum(PROVIDER_KINDS),
      retired: z.boolean(),
      /** Done, not voided visits in the month. */
      done: z.number(),
      disputed: z.number(),
      /** The month's priced total now (preview) or as settled. */
      totals: StatementTotals,
      unpriced: z.number(),
      settlement: SettlementRow.nullable(),
    }),
  ),
  /** Every settlement of the month, voided ones too. */
  settlements: z.array(SettlementRow),
});
export type SettlementMonth = z.output<typeof SettlementMonth>;

export const homecareSettlementApi = {
  'homecare.settlementSettings': method({ input: z.object({}), output: z.object({ settings: HomecareSettlementSettings, sources: z.object({ checkPercent: z.string(), complaintDays: z.string() }) }), roles: HOME_CARE_READERS, writes: false }),
  'homecare.saveSettlementSettings': method({ input: HomecareSettlementSettings, output: HomecareSettlementSettings, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.checkMonth': method({ input: CheckMonthQuery, output: CheckMonth, roles: HOME_CARE_KEEPERS, writes: false }),
  'homecare.findVisits': method({ input: FindVisitsQuery, output: z.array(VisitBrief), roles: HOME_CARE_READERS, writes: false }),
  'homecare.recordCheck': method({ input: CheckInput, output: CheckDone, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.complaints': method({ input: ComplaintQuery, output: ComplaintList, roles: HOME_CARE_READERS, writes: false }),
  'homecare.recordComplaint': method({ input: ComplaintInput, output: Done, roles: HOME_CARE_RECORDERS, writes: true }),
  'homecare.answerComplaint': method({ input: AnswerInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.settlementPreview': method({ input: ProviderMonth, output: Statement, roles: HOME_CARE_KEEPERS, writes: false }),
  'homecare.statement': method({ input: StatementQuery, output: Statement, roles: HOME_CARE_KEEPERS, writes: false }),
  'homecare.settle': method({ input: SettleInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.voidSettlement': method({ input: VoidSettlementInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'homecare.settlements': method({ input: z.object({ month: yearMonth('请选择月份') }), output: SettlementMonth, roles: HOME_CARE_KEEPERS, writes: false }),
  'homecare.exportSettlement': method({ input: z.object({ month: yearMonth('请选择月份'), providerId: entityId('服务机构').nullable().default(null) }), output: ExcelFile, roles: HOME_CARE_KEEPERS, writes: true }),
};
