// The three printed ledgers of issue 17 — 农村留守老年人信息台账 (the register), 赡养协议登记表 (every support agreement)
// and 探访记录表 (the visits of a period) — as rows for the print pages. The methods are the elders and visits modules'
// (elders.ledger, elders.agreementLedger, visits.ledger); only their shapes live here. A printed ledger never carries
// a full ID number: the register ledger has the masked one only.
import { z } from 'zod';
import { daysBetween } from '../domain/dates';
import { CARERS, ELDER_CATEGORIES, ELDER_STATUSES, FINDING_AREAS, FOLLOWUP_KINDS, HELPER_KINDS, HOUSEHOLDS, INCOME_SOURCES, RELATIONS, RISK_LEVELS, VISIT_KINDS } from '../domain/elders/vocab';
import { calendarDate, entityId } from './fields';

export const ByVillage = z.object({ villageId: entityId('村').nullable().default(null) });

/** A 赡养协议's state on the day: 有效, 待续签 (renewal date reached, not ended), 已终止. */
export const AGREEMENT_STATES = ['in_force', 'renewal_due', 'ended'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

// ---- 农村留守老年人信息台账: every elder at home now, by village then name.
export const LedgerRelative = z.object({
  name: z.string(),
  relation: z.enum(RELATIONS),
  phone: z.string(),
  /** 外出务工地 (where they are). */
  worksIn: z.string(),
  awayHalfYear: z.boolean(),
  guardian: z.boolean(),
});
export const RegisterLedgerRow = z.object({
  elderId: z.string(),
  villageId: z.string(),
  village: z.string(),
  name: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number(),
  /** Masked: a printed ledger never carries the full ID number. */
  idNumberMasked: z.string(),
  address: z.string(),
  phone: z.string(),
  household: z.enum(HOUSEHOLDS).nullable(),
  /** Stored categories and 高龄 (over_80) when 80 or older. */
  groups: z.array(z.enum([...ELDER_CATEGORIES, 'over_80'])),
  incomeSources: z.array(z.enum(INCOME_SOURCES)),
  chronicDiseases: z.string(),
  disability: z.string(),
  criticalIllness: z.boolean(),
  carer: z.enum(CARERS).nullable(),
  /** Children and guardians on file (removed ones left out), in the order they were entered. */
  relatives: z.array(LedgerRelative),
  /** 联系人登记: the village contact person. */
  contact: z.object({ name: z.string(), relation: z.string(), phone: z.string() }),
  risk: z.enum(RISK_LEVELS),
  /** The level was set by hand. */
  riskOverridden: z.boolean(),
  /** The elder's 赡养协议 today: the best of their agreements (有效 over 待续签), or null when none is in force. */
  agreement: z.enum(['in_force', 'renewal_due']).nullable(),
  registeredOn: z.string(),
});
export type RegisterLedgerRow = z.output<typeof RegisterLedgerRow>;
export const RegisterLedger = z.object({ asOf: z.string(), rows: z.array(RegisterLedgerRow) });
export type RegisterLedger = z.output<typeof RegisterLedger>;

// ---- 赡养协议登记表: every agreement ever registered (ended ones too), by village, elder, signing date.
export const AgreementLedgerRow = z.object({
  agreementId: z.string(),
  villageId: z.string(),
  village: z.string(),
  elderId: z.string(),
  elder: z.string(),
  elderStatus: z.enum(ELDER_STATUSES),
  signedOn: z.string(),
  parties: z.string(),
  terms: z.string(),
  supervisor: z.string(),
  renewOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  state: z.enum(AGREEMENT_STATES),
});
export type AgreementLedgerRow = z.output<typeof AgreementLedgerRow>;
export const AgreementLedger = z.object({ asOf: z.string(), rows: z.array(AgreementLedgerRow) });
export type AgreementLedger = z.output<typeof AgreementLedger>;

// ---- 探访记录表: the visits of a period, oldest first; voided ones come back marked (the page lists them apart).
export const MAX_VISIT_LEDGER_DAYS = 366;
export const VisitLedgerQuery = z
  .object({ from: calendarDate('开始日期'), to: calendarDate('结束日期'), villageId: entityId('村').nullable().default(null) })
  .refine((q) => q.to >= q.from, { error: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => q.to < q.from || daysBetween(q.from, q.to) < MAX_VISIT_LEDGER_DAYS, { error: `一次最多打印 ${MAX_VISIT_LEDGER_DAYS} 天的探访记录，请缩短日期范围`, path: ['to'] });
export const LedgerFollowup = z.object({
  kind: z.enum(FOLLOWUP_KINDS),
  need: z.string(),
  openedOn: z.string(),
  dueOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  result: z.string().nullable(),
  /** Open and its due day has passed (today). */
  overdue: z.boolean(),
});
export const VisitLedgerRow = z.object({
  visitId: z.string(),
  visitedOn: z.string(),
  /** HH:MM, China time. */
  time: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  kind: z.enum(VISIT_KINDS),
  visitor: z.string(),
  helpers: z.array(z.object({ name: z.string(), kind: z.enum(HELPER_KINDS) })),
  /** The areas found a problem, in the checklist's order, with their notes. */
  problems: z.array(z.object({ area: z.enum(FINDING_AREAS), note: z.string() })),
  notes: z.string(),
  followups: z.array(LedgerFollowup),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type VisitLedgerRow = z.output<typeof VisitLedgerRow>;
export const VisitLedger = z.object({ from: z.string(), to: z.string(), rows: z.array(VisitLedgerRow) });
export type VisitLedger = z.output<typeof VisitLedger>;
