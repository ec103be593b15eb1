// API of the medication module, stock part (issue 19): medicines kept for residents (代管药品) — receipts, what is left
// of each, counts (盘点) with a reason for any difference, returns and destruction with a witness, and the warnings.
// Quantities travel as numbers of the drug's unit (0.5 片) in inputs and as hundredths (…Centi) in outputs.
import { z } from 'zod';
import { DOSE_UNITS, DRUG_FORMS, MEDICINE_SOURCES, STOCK_MOVEMENT_KINDS } from '../domain/medication/vocab';
import { Done, calendarDate, entityId, oneOf, optionalText, requestId as requestIdField, requiredText } from './fields';
import { method } from './method';
import { MEDICATION_KEEPERS, MEDICATION_READERS } from './medication-roles';

const requestId = requestIdField('提交', '缺少提交编号');

/** A quantity typed on screen: more than 0, at most two decimals (checked again as hundredths by the service). */
const quantity = (label: string, min: 'positive' | 'zero') =>
  z
    .number({ error: `${label}应为数字` })
    .refine((n) => Number.isFinite(n) && (min === 'zero' ? n >= 0 : n > 0), { error: min === 'zero' ? `${label}不能小于0` : `${label}应大于0` })
    .refine((n) => n <= 100_000, { error: `${label}不能大于100000` })
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { error: `${label}最多两位小数` });

// ---- Receiving
export const ReceiveInput = z.object({
  requestId,
  residentId: entityId('老人'),
  drugId: entityId('药品'),
  batchNo: requiredText('批号', 40),
  expiresOn: calendarDate('有效期'),
  quantity: quantity('数量', 'positive'),
  source: oneOf('药品来源', MEDICINE_SOURCES),
  fromWhom: requiredText('送药人', 30),
  receivedOn: calendarDate('接收日期'),
  note: optionalText('备注', 200),
});
export type ReceiveInput = z.input<typeof ReceiveInput>;

/** What the receiving form picks from: residents living here (with whether they signed a 服药管理协议) and the drug list. */
export const ReceiveChoices = z.object({
  agreementRequired: z.boolean(),
  residents: z.array(z.object({ id: z.string(), name: z.string(), bedLabel: z.string().nullable(), hasAgreement: z.boolean() })),
  drugs: z.array(z.object({ id: z.string(), name: z.string(), form: z.enum(DRUG_FORMS), strength: z.string(), unit: z.enum(DOSE_UNITS) })),
});
export type ReceiveChoices = z.output<typeof ReceiveChoices>;

// ---- Stock
export const STOCK_WARNINGS = ['expired', 'expiring', 'low', 'none_left'] as const;
export type StockWarning = (typeof STOCK_WARNINGS)[number];

export const BatchRow = z.object({
  batchId: z.string(),
  batchNo: z.string(),
  expiresOn: z.string(),
  receivedOn: z.string(),
  receivedCenti: z.number(),
  leftCenti: z.number(),
  source: z.enum(MEDICINE_SOURCES),
  fromWhom: z.string(),
  receivedBy: z.string(),
  expired: z.boolean(),
  expiring: z.boolean(),
});
export type BatchRow = z.output<typeof BatchRow>;

export const DrugStock = z.object({
  drugId: z.string(),
  drugName: z.string(),
  form: z.enum(DRUG_FORMS),
  strength: z.string(),
  unit: z.enum(DOSE_UNITS),
  /** All that is left, expired batches included. */
  leftCenti: z.number(),
  /** What is left of the batches not yet expired. */
  usableCenti: z.number(),
  /** The active kept orders' scheduled doses a day (按需 not counted); null when no such order runs. */
  dailyCenti: z.number().nullable(),
  /** Whole days the usable stock lasts at that rate; null without a daily dose. */
  daysOfSupply: z.number().nullable(),
  warnings: z.array(z.enum(STOCK_WARNINGS)),
  batches: z.array(BatchRow),
});
export type DrugStock = z.output<typeof DrugStock>;

export const ResidentStock = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  status: z.string(),
  drugs: z.array(DrugStock),
});
export type ResidentStock = z.output<typeof ResidentStock>;

export const StockQuery = z.object({
  /** One resident, or everyone with kept medicines or a kept order (null). */
  residentId: entityId('老人').nullable().default(null),
  /** Only residents and drugs with a warning. */
  warningsOnly: z.boolean().default(false),
  /** Keep batches used up (left 0) in the list. */
  withEmpty: z.boolean().default(false),
});
export type StockQuery = z.input<typeof StockQuery>;
export const Stock = z.object({
  today: z.string(),
  expiryWarnDays: z.number(),
  supplyWarnDays: z.number(),
  residents: z.array(ResidentStock),
});
export type Stock = z.output<typeof Stock>;

export const StockAlert = z.object({
  residentId: z.string(),
  resident: z.string(),
  drugName: z.string(),
  strength: z.string(),
  unit: z.enum(DOSE_UNITS),
  warning: z.enum(STOCK_WARNINGS),
  daysOfSupply: z.number().nullable(),
  /** The earliest expiry among the batches the warning is about (expired / expiring). */
  expiresOn: z.string().nullable(),
});
export type StockAlert = z.output<typeof StockAlert>;
export const StockAlerts = z.object({
  expired: z.number(),
  expiring: z.number(),
  low: z.number(),
  /** The first alerts, the worst first (expired, none left, low, expiring). */
  items: z.array(StockAlert),
});
export type StockAlerts = z.output<typeof StockAlerts>;

// ---- Counts
export const CountLineInput = z.object({
  batchId: entityId('批次'),
  counted: quantity('清点数量', 'zero'),
  /** What the screen showed as left (hundredths); when the stock moved since, the count is refused. */
  expectedCenti: z.number().int().nullable().default(null),
  reason: optionalText('差异原因', 100),
});
export const CountInput = z.object({
  requestId,
  countedOn: calendarDate('盘点日期'),
  witness: requiredText('监盘人', 20),
  note: optionalText('备注', 200),
  lines: z
    .array(CountLineInput, { error: '请至少清点一个批次' })
    .min(1, { error: '请至少清点一个批次' })
    .max(2000, { error: '一次盘点最多2000个批次' })
    .refine((lines) => new Set(lines.map((l) => l.batchId)).size === lines.length, { error: '同一批次只能清点一次' }),
});
export type CountInput = z.input<typeof CountInput>;

export const CountRow = z.object({
  id: z.string(),
  countedOn: z.string(),
  witness: z.string(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lines: z.number(),
  differences: z.number(),
});
export type CountRow = z.output<typeof CountRow>;
export const CountDetail = CountRow.extend({
  items: z.array(
    z.object({
      batchId: z.string(),
      residentId: z.string(),
      resident: z.string(),
      drugName: z.string(),
      strength: z.string(),
      unit: z.enum(DOSE_UNITS),
      batchNo: z.string(),
      expectedCenti: z.number(),
      countedCenti: z.number(),
      reason: z.string(),
    }),
  ),
});
export type CountDetail = z.output<typeof CountDetail>;

// ---- Return and destruction
export const DISPOSE_KINDS = ['returned', 'destroyed'] as const;
export const DisposeInput = z.object({
  requestId,
  batchId: entityId('批次'),
  kind: oneOf('处理方式（退还家属或销毁）', DISPOSE_KINDS),
  quantity: quantity('数量', 'positive'),
  reason: requiredText('原因', 100),
  witness: requiredText('见证人', 20),
});
export type DisposeInput = z.input<typeof DisposeInput>;

// ---- A batch's ledger
export const Movement = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  quantityCenti: z.number(),
  /** What was left after it. */
  balanceCenti: z.number(),
  reason: z.string(),
  witness: z.string(),
  recordedBy: z.string(),
  doseId: z.string().nullable(),
  countId: z.string().nullable(),
});
export type Movement = z.output<typeof Movement>;
export const BatchLedger = z.object({
  batch: BatchRow.extend({ residentId: z.string(), resident: z.string(), drugName: z.string(), strength: z.string(), unit: z.enum(DOSE_UNITS), note: z.string() }),
  movements: z.array(Movement),
});
export type BatchLedger = z.output<typeof BatchLedger>;

// ---- The printed 代管药品登记
export const StockSheetQuery = z.object({ residentId: entityId('老人').nullable().default(null) });
export const SheetBatch = BatchRow.extend({
  drugName: z.string(),
  strength: z.string(),
  unit: z.enum(DOSE_UNITS),
  givenCenti: z.number(),
  /** Returned / destroyed / count differences, each a line. */
  events: z.array(z.object({ at: z.string(), kind: z.enum(STOCK_MOVEMENT_KINDS), quantityCenti: z.number(), reason: z.string(), witness: z.string(), recordedBy: z.string() })),
});
export const StockSheet = z.object({
  today: z.string(),
  centreName: z.string(),
  residents: z.array(z.object({ residentId: z.string(), name: z.string(), bedLabel: z.string().nullable(), batches: z.array(SheetBatch) })),
});
export type StockSheet = z.output<typeof StockSheet>;

export const medicationStockApi = {
  'medication.receive': method({ input: ReceiveInput, output: Done, roles: MEDICATION_KEEPERS, writes: true }),
  'medication.receiveChoices': method({ input: z.object({}), output: ReceiveChoices, roles: MEDICATION_KEEPERS, writes: false }),
  'medication.stock': method({ input: StockQuery, output: Stock, roles: MEDICATION_READERS, writes: false }),
  'medication.stockAlerts': method({ input: z.object({}), output: StockAlerts, roles: MEDICATION_READERS, writes: false }),
  'medication.count': method({ input: CountInput, output: Done.extend({ differences: z.number() }), roles: MEDICATION_KEEPERS, writes: true }),
  'medication.counts': method({ input: z.object({ limit: z.number().int().min(1).max(200).default(50) }), output: z.array(CountRow), roles: MEDICATION_READERS, writes: false }),
  'medication.countDetail': method({ input: z.object({ id: entityId('盘点记录') }), output: CountDetail, roles: MEDICATION_READERS, writes: false }),
  'medication.dispose': method({ input: DisposeInput, output: Done, roles: MEDICATION_KEEPERS, writes: true }),
  'medication.batchLedger': method({ input: z.object({ batchId: entityId('批次') }), output: BatchLedger, roles: MEDICATION_READERS, writes: false }),
  'medication.stockSheet': method({ input: StockSheetQuery, output: StockSheet, roles: MEDICATION_READERS, writes: false }),
};
