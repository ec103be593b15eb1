// API of the entrusted module (issue 18): 分散供养特困 entrusted care (委托照料): the agreement with the carer and the
// official tier it follows, the monthly checks that the care is delivered (each also a visit on the register), and the
// monthly care-subsidy list (分散供养特困人员照料护理情况表, printed and in Excel). Rules: community-health.md §B.
import { z } from 'zod';
import { TIERS } from '../domain/assessment/tekun-tier';
import { CARE_DELIVERED, CARER_KINDS, CARER_RATINGS } from '../domain/entrusted/vocab';
import { ELDER_STATUSES, VISIT_KINDS } from '../domain/elders/vocab';
import { Done, ExcelFile, calendarDate, entityId, instant, oneOf, optionalDate, optionalText, phone, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { HOME_CARE_KEEPERS, HOME_CARE_READERS, HOME_CARE_RECORDERS } from './homecare-roles';
import { method } from './method';
import { photoField } from './residents';

const requestId = requestIdField('提交', '缺少提交编号');
const money = (label: string) => wholeNumber(label, 0, 10_000_000);
const careTier = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '照料护理档次只能是一档、二档或三档' });

// ---- Settings: the default parties of the agreement (they differ by province) and the default subsidy of each tier.
/** Presets of the parties to the agreement, each with where it comes from (community-health.md §B). */
export const PARTY_PRESETS = ['henan', 'anhui', 'custom'] as const;
export type PartyPreset = (typeof PARTY_PRESETS)[number];
export const PARTY_PRESET_TEXT: Record<Exclude<PartyPreset, 'custom'>, { parties: string; source: string; confirmed: boolean }> = {
  henan: { parties: '村民委员会、代养人（照料人）、特困老人', source: '《河南省特困人员救助供养办法》：村委会、代养人和老人三方签订委托照料协议，写明照料义务、财产和继承等事项', confirmed: true },
  anhui: {
    parties: '乡镇人民政府、照料服务人、特困老人',
    source: '安徽《分散供养特困人员照料服务指引》（2022）：签订分散供养服务协议书，写明双方权利义务、照料内容与要求、违约责任和协议期限；协议各方未查到原文，按“乡镇实施、照料人照料”推定 [R]',
    confirmed: false,
  },
};

const TierDefault = z.object({
  careTier: careTier.nullable(),
  /** The monthly care subsidy the form starts from (fen); null: none set, typed each time. */
  subsidyFen: money('默认照料护理补贴').nullable(),
});
export const EntrustedSettings = z.object({
  partyPreset: oneOf('协议方', PARTY_PRESETS),
  /** The parties text a new agreement starts from. */
  parties: requiredText('协议各方', 100),
  /** Per 自理能力 tier: the county's 照料护理档次 and monthly subsidy (set by each province or city [R]). */
  tiers: z.object({ self_sufficient: TierDefault, partly_lost: TierDefault, fully_lost: TierDefault }),
});
export type EntrustedSettings = z.output<typeof EntrustedSettings>;
export const DEFAULT_ENTRUSTED_SETTINGS: EntrustedSettings = {
  partyPreset: 'henan',
  parties: PARTY_PRESET_TEXT.henan.parties,
  tiers: { self_sufficient: { careTier: 1, subsidyFen: null }, partly_lost: { careTier: 2, subsidyFen: null }, fully_lost: { careTier: 3, subsidyFen: null } },
};

// ---- Agreements (委托照料协议)
export const AgreementInput = z.object({
  elderId: entityId('老人'),
  carerKind: oneOf('照料人类别', CARER_KINDS),
  carerName: requiredText('照料人姓名', 30),
  carerPhone: phone('照料人电话').or(z.literal('')).default(''),
  /** A provider of home services, when the carer is 服务机构. */
  providerId: entityId('服务机构').nullable().default(null),
  parties: requiredText('协议各方', 100),
  duties: optionalText('照料内容与责任', 500),
  tier: oneOf('自理能力等级', TIERS),
  careTier: careTier.nullable().default(null),
  tierDocumentNo: requiredText('认定文号', 50),
  tierDecidedOn: calendarDate('认定日期'),
  monthlySubsidyFen: money('每月照料护理补贴'),
  signedOn: calendarDate('签订日期'),
  elderConsent: z.boolean({ error: '请确认老人本人是否同意委托照料' }),
  fromOn: calendarDate('协议开始日期'),
  toOn: optionalDate('协议结束日期'),
  photo: photoField,
});
export type AgreementInput = z.input<typeof AgreementInput>;
export const NewAgreementInput = AgreementInput.extend({
  /** End this open agreement of the same elder the day before the new one starts (replacing the carer), in one action. */
  replaces: z.object({ id: entityId('原协议'), reason: requiredText('原协议终止原因', 100) }).nullable().default(null),
});
export const EndAgreementInput = z.object({ id: entityId('协议'), endedOn: calendarDate('终止日期'), reason: requiredText('终止原因', 100) });

export const AgreementRow = z.object({
  id: z.string(),
  elderId: z.string(),
  elder: z.string(),
  villageId: z.string(),
  village: z.string(),
  elderStatus: z.enum(ELDER_STATUSES),
  carerKind: z.enum(CARER_KINDS),
  carerName: z.string(),
  carerPhone: z.string(),
  providerId: z.string().nullable(),
  provider: z.string().nullable(),
  parties: z.string(),
  duties: z.string(),
  tier: z.enum(TIERS),
  careTier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  tierDocumentNo: z.string(),
  tierDecidedOn: z.string(),
  monthlySubsidyFen: z.number(),
  signedOn: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  hasPhoto: z.boolean(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Not ended and not past its to date today. */
  open: z.boolean(),
  /** The last check (not voided): day and rating. */
  lastCheck: z.object({ on: z.string(), rating: z.enum(CARER_RATINGS), delivered: z.enum(CARE_DELIVERED) }).nullable(),
  createdBy: z.string(),
});
export type AgreementRow = z.output<typeof AgreementRow>;
export const AgreementQuery = z.object({
  elderId: entityId('老人').nullable().default(null),
  /** false: only the open ones. */
  includeEnded: z.boolean().default(false),
});

// ---- Checks
export const CheckInput = z
  .object({
    requestId,
    agreementId: entityId('协议'),
    kind: oneOf('检查方式', VISIT_KINDS),
    checkedAt: instant('检查时间'),
    delivered: oneOf('照料是否到位', CARE_DELIVERED),
    carerRating: oneOf('对照料人的评价', CARER_RATINGS),
    findings: optionalText('检查发现', 500),
    /** The staff member who checked; null: the person signed in. */
    checkerStaffId: z.string({ error: '请选择检查人' }).uuid({ error: '请从本院员工中选择检查人' }).nullable().default(null),
  })
  .refine((c) => c.delivered === 'yes' || c.findings !== '', { error: '照料未完全到位：请写明检查发现的问题', path: ['findings'] });
export type CheckInput = z.input<typeof CheckInput>;
export const VoidCheckInput = z.object({ id: entityId('检查记录'), reason: requiredText('作废原因', 100) });

export const CheckRow = z.object({
  id: z.string(),
  agreementId: z.string(),
  checkedOn: z.string(),
  month: z.string(),
  kind: z.enum(VISIT_KINDS),
  delivered: z.enum(CARE_DELIVERED),
  carerRating: z.enum(CARER_RATINGS),
  findings: z.string(),
  checker: z.string(),
  visitId: z.string().nullable(),
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type CheckRow = z.output<typeof CheckRow>;

// ---- The month's list
export const MonthQuery = z.object({ month: yearMonth('请选择月份'), villageId: entityId('村').nullable().default(null) });
export const MonthLine = z.object({
  agreementId: z.string(),
  elderId: z.string(),
  elder: z.string(),
  sex: z.string(),
  age: z.number(),
  villageId: z.string(),
  village: z.string(),
  address: z.string(),
  tier: z.enum(TIERS),
  careTier: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  tierDocumentNo: z.string(),
  carerKind: z.enum(CARER_KINDS),
  carerName: z.string(),
  carerPhone: z.string(),
  provider: z.string().nullable(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  monthlySubsidyFen: z.number(),
  /** Days of the month the agreement was in force. */
  days: z.number(),
  /** The subsidy of the month: the monthly amount, by days when in force for part of it (rounded to fen). */
  subsidyFen: z.number(),
  /** The checks of the month, not voided, oldest first. */
  checks: z.array(CheckRow),
  /** The elder was checked this month, under this agreement or another (a carer replaced mid-month). */
  elderChecked: z.boolean(),
  /** Whether the agreement is still open now (a check can be recorded). */
  open: z.boolean(),
});
export type MonthLine = z.output<typeof MonthLine>;
export const TierTotal = z.object({ tier: z.enum(TIERS), people: z.number(), subsidyFen: z.number() });
export const MonthList = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  lines: z.array(MonthLine),
  totals: z.object({
    byTier: z.array(TierTotal),
    people: z.number(),
    checked: z.number(),
    unchecked: z.number(),
    subsidyFen: z.number(),
  }),
});
export type MonthList = z.output<typeof MonthList>;

// ---- An elder's card, and the elders an agreement may be made for
export const ElderEntrusted = z.object({
  /** 分散供养特困 and at home: an agreement may be made. */
  eligible: z.boolean(),
  open: AgreementRow.nullable(),
  agreements: z.array(AgreementRow),
  checks: z.array(CheckRow),
});
export type ElderEntrusted = z.output<typeof ElderEntrusted>;
export const Candidate = z.object({ id: z.string(), name: z.string(), village: z.string(), hasOpen: z.boolean() });
export type Candidate = z.output<typeof Candidate>;
export const ProviderOption = z.object({ id: z.string(), name: z.string(), phone: z.string() });

export const entrustedApi = {
  'entrusted.settings': method({ input: z.object({}), output: EntrustedSettings, roles: HOME_CARE_READERS, writes: false }),
  'entrusted.saveSettings': method({ input: EntrustedSettings, output: EntrustedSettings, roles: HOME_CARE_KEEPERS, writes: true }),
  'entrusted.candidates': method({ input: z.object({}), output: z.array(Candidate), roles: HOME_CARE_READERS, writes: false }),
  'entrusted.providers': method({ input: z.object({}), output: z.array(ProviderOption), roles: HOME_CARE_READERS, writes: false }),
  'entrusted.agreements': method({ input: AgreementQuery, output: z.array(AgreementRow), roles: HOME_CARE_READERS, writes: false }),
  'entrusted.createAgreement': method({ input: NewAgreementInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'entrusted.endAgreement': method({ input: EndAgreementInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  'entrusted.recordCheck': method({ input: CheckInput, output: Done, roles: HOME_CARE_RECORDERS, writes: true }),
  'entrusted.voidCheck': method({ input: VoidCheckInput, output: Done, roles: HOME_CARE_KEEPERS, writes: true }),
  /** The photo of the signed paper, asked for when shown (kept out of the lists). */
  'entrusted.agreementPhoto': method({ input: z.object({ id: entityId('协议') }), output: z.object({ photo: z.string().nullable() }), roles: HOME_CARE_READERS, writes: false }),
  'entrusted.ofElder': method({ input: z.object({ elderId: entityId('老人') }), output: ElderEntrusted, roles: HOME_CARE_READERS, writes: false }),
  'entrusted.month': method({ input: MonthQuery, output: MonthList, roles: HOME_CARE_READERS, writes: false }),
  'entrusted.exportMonth': method({ input: MonthQuery, output: ExcelFile, roles: HOME_CARE_READERS, writes: true }),
};
