// API of the audit module: read the append-only log by person, record type, action and date; export it to Excel.
import { z } from 'zod';
import { ExcelFile, optionalDateRange, wholeNumber } from './fields';
import { method } from './method';
import { ACCOUNT_ADMINS } from './roles';

export const AuditQuery = z.object({
  actor: z.string().trim().max(30).default(''),
  entity: z.string().max(30).default(''),
  action: z.string().max(30).default(''),
  ...optionalDateRange(),
  page: wholeNumber('页码', 1, 100_000).default(1),
  pageSize: wholeNumber('每页条数', 1, 500).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  /** Codes: the screen and the export turn them into words from shared/domain/audit-labels.ts. */
  action: z.string(),
  entity: z.string(),
  /** Whom or what the record is about, in words (a resident's name, an account's name). */
  subject: z.string(),
  changes: z.array(AuditChange),
});
export type AuditEntry = z.output<typeof AuditEntry>;


export const auditApi = {
  'audit.search': method({
    input: AuditQuery,
    output: z.object({ rows: z.array(AuditEntry), total: z.number() }),
    roles: ACCOUNT_ADMINS,
    writes: false,
  }),
  'audit.export': method({ input: AuditQuery, output: ExcelFile, roles: ACCOUNT_ADMINS, writes: true }),
};
