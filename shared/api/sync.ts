// API of the sync module, centre side (月度报送): the county's public key, the centre's registration file, the
// pre-export check, the export itself (a job with progress) and the history of exports with their corrections.
import { z } from 'zod';
import { BinaryFile, TextFile, yearMonth } from './fields';
import { method } from './method';
import { MANAGERS } from './roles';

export const periodField = yearMonth('请选择月份');
const keyFileText = z.string({ error: '请选择文件' }).min(1, { error: '文件是空的' }).max(100_000, { error: '文件太大，不是密钥或登记文件' });

export const ExportRow = z.object({
  id: z.string(),
  period: z.string(),
  sequence: z.number(),
  correction: z.number(),
  correctionReason: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  bytes: z.number(),
  rows: z.number(),
  warnings: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ExportRow = z.output<typeof ExportRow>;

export const SyncStatus = z.object({
  centre: z.object({ code: z.string(), name: z.string(), countyCode: z.string() }).nullable(),
  fingerprint: z.string(),
  keyProtection: z.enum(['safe_storage', 'none']),
  county: z
    .object({
      code: z.string(),
      name: z.string(),
      fingerprint: z.string(),
      importedAt: z.string(),
      importedBy: z.string(),
      /** pending until the manager confirms the fingerprint the county read out by phone; exports need confirmed. */
      state: z.enum(['pending', 'confirmed']),
      confirmedAt: z.string().nullable(),
      confirmedBy: z.string().nullable(),
      /** Removing the key is possible until the first export. */
      canUndo: z.boolean(),
    })
    .nullable(),
  exports: z.array(ExportRow),
  /** The month a report is due for: last month. */
  suggestedPeriod: z.string(),
});
export type SyncStatus = z.output<typeof SyncStatus>;

export const Precheck = z.object({
  period: z.string(),
  /** Reasons the export cannot be made at all (no county key, month not over …). */
  blockers: z.array(z.string()),
  /** What is missing in the month's records: exported anyway, listed in the history. */
  warnings: z.array(z.string()),
  /** The month was already exported: a new export is a correction and needs a reason. */
  previous: ExportRow.nullable(),
  counts: z.record(z.string(), z.number()),
});
export type Precheck = z.output<typeof Precheck>;

export const ExportJob = z.object({ id: z.string(), percent: z.number(), stage: z.string(), done: z.boolean(), error: z.string().nullable(), result: ExportRow.nullable(), savedTo: z.string().nullable() });
export type ExportJob = z.output<typeof ExportJob>;

export const ExportInput = z.object({
  period: periodField,
  /** Where to write the file besides the data folder's own copy (a USB stick); null: the data folder only. */
  folder: z.string().trim().max(1000).nullable().default(null),
  /** Required when the month was already exported: why it is sent again. */
  correctionReason: z.string().trim().max(200, { error: '更正原因不能超过200个字' }).nullable().default(null),
});

/** The centre's printed monthly report: the same figures the county will compute from the package. */
export const MonthReport = z.object({
  period: z.string(),
  centre: z.object({ code: z.string(), name: z.string(), county: z.string(), township: z.string() }),
  figures: z.record(z.string(), z.number()),
  warnings: z.array(z.string()),
  /** The latest export of the month, if any (sequence and correction printed on the report). */
  exported: ExportRow.nullable(),
});
export type MonthReport = z.output<typeof MonthReport>;

/** What was heard on the phone; compared with the key's fingerprint ignoring case, spaces and dashes. */
export const heardFingerprint = z.string({ error: '请填写电话里听到的指纹' }).trim().min(1, { error: '请填写电话里听到的指纹' }).max(40, { error: '指纹是四组、每组四个字母或数字，填的太长了' });

export const syncApi = {
  'sync.status': method({ input: z.object({}), output: SyncStatus, roles: MANAGERS, writes: true }),
  'sync.importCountyKey': method({ input: z.object({ text: keyFileText }), output: SyncStatus, roles: MANAGERS, writes: true }),
  /** The manager typed what the county read out by phone: it must match the imported key's fingerprint. */
  'sync.confirmCountyKey': method({ input: z.object({ fingerprint: heardFingerprint }), output: SyncStatus, roles: MANAGERS, writes: true }),
  /** Remove the county key (a wrong file, a fingerprint that did not match) — refused after the first export. */
  'sync.undoCountyKey': method({ input: z.object({}), output: SyncStatus, roles: MANAGERS, writes: true }),
  'sync.monthReport': method({ input: z.object({ period: periodField }), output: MonthReport, roles: MANAGERS, writes: false }),
  'sync.registrationFile': method({ input: z.object({}), output: TextFile.extend({ fingerprint: z.string() }), roles: MANAGERS, writes: true }),
  'sync.precheck': method({ input: z.object({ period: periodField }), output: Precheck, roles: MANAGERS, writes: false }),
  'sync.export': method({ input: ExportInput, output: z.object({ jobId: z.string() }), roles: MANAGERS, writes: true }),
  'sync.job': method({ input: z.object({ jobId: z.string() }), output: ExportJob, roles: MANAGERS, writes: false }),
  /** The stored copy of an export, byte for byte (base64), to save again (another USB stick, e-mail). */
  'sync.download': method({ input: z.object({ id: z.string() }), output: BinaryFile, roles: MANAGERS, writes: false }),
};
