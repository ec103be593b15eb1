// API of the elders module: the township's register of elders living at home in its villages (issue 17) — villages,
// the person register shared with meal aid, children and guardians, 赡养协议, status, and the 关爱等级 with its rules.
// Visits, follow-ups and special reports are the visits module's.
import { z } from 'zod';
import { RISK_CONDITIONS } from '../domain/elders/risk';
import {
  CARERS,
  ELDER_CATEGORIES,
  ELDER_STATUSES,
  HOUSEHOLDS,
  INCOME_SOURCES,
  RELATIONS,
  RISK_LEVELS,
  VISIT_KINDS,
} from '../domain/elders/vocab';
import { Done, calendarDate, entityId, oneOf, optionalDate, optionalText, phone, requiredText, wholeNumber } from './fields';
import { method } from './method';
import { idNumberField, photoField } from './residents';
import { AgreementLedger, ByVillage, RegisterLedger } from './elder-ledgers';
import type { Role } from './roles';
import { MANAGERS } from './roles';

/** Who keeps the register: the 关爱专干/社工 and the manager. */
export const REGISTER_KEEPERS: readonly Role[] = ['admin', 'social_worker'];
/** Who reads it: the keepers, and those who record visits (caregivers, the care lead). ID numbers are always masked. */
export const REGISTER_READERS: readonly Role[] = ['admin', 'social_worker', 'care_lead', 'caregiver'];

const optionalPhone = (label: string) => phone(label).or(z.literal('')).default('');

// ---- Settings: the 关爱等级 rules and how often each level is visited. Every default is [R] with its source in the README.
export const RiskRuleInput = z.object({
  level: z.enum(['high', 'medium'], { error: '规则的关爱等级只能是高或中' }),
  all: z.array(z.enum(RISK_CONDITIONS, { error: '规则条件无效' })).min(1, { error: '每条规则至少要有一个条件' }).max(5, { error: '每条规则最多5个条件' }),
});
export const VisitPlanInput = z.object({
  everyDays: wholeNumber('探访间隔（天）', 1, 180),
  kind: oneOf('探访方式', VISIT_KINDS),
});
export const ElderSettings = z.object({
  riskRules: z.array(RiskRuleInput).max(30, { error: '规则最多30条' }),
  visitPlan: z.object({ high: VisitPlanInput, medium: VisitPlanInput, low: VisitPlanInput }),
  /** 特殊困难老年人 are visited at least this often whatever their level (2022 意见: 月探访率 100%). */
  hardshipMaxDays: wholeNumber('特殊困难老年人最长探访间隔（天）', 1, 31),
  /** Whether a phone or video call counts as a visit in the monthly rate (the 2022 意见 does not say) [R]. */
  callsCountForRate: z.boolean({ error: '请选择电话探访是否计入探访率' }),
});
export type ElderSettings = z.output<typeof ElderSettings>;

/**
 * Defaults from community-health.md §A (a 2022 provincial 意见 reported by 北方新报, and the national monthly target):
 * 高 weekly at home; 中 monthly at home; 低 quarterly by phone; never less than monthly for a 特殊困难 elder. [R]
 */
export const DEFAULT_ELDER_SETTINGS: ElderSettings = {
  riskRules: [
    { level: 'high', all: ['over_80', 'living_alone'] },
    { level: 'high', all: ['over_80', 'empty_nest'] },
    { level: 'high', all: ['over_80', 'left_behind'] },
    { level: 'high', all: ['living_alone', 'disabled'] },
    { level: 'high', all: ['critical_illness'] },
    { level: 'medium', all: ['disabled'] },
    { level: 'medium', all: ['tekun_dispersed'] },
    { level: 'medium', all: ['family_planning_special'] },
    { level: 'medium', all: ['severe_disability'] },
    { level: 'medium', all: ['living_alone'] },
    { level: 'medium', all: ['empty_nest'] },
    { level: 'medium', all: ['left_behind'] },
  ],
  visitPlan: { high: { everyDays: 7, kind: 'home' }, medium: { everyDays: 30, kind: 'home' }, low: { everyDays: 90, kind: 'phone' } },
  hardshipMaxDays: 30,
  callsCountForRate: false,
};

// ---- Villages
export const VillageInput = z.object({
  id: entityId('村').optional(),
  name: requiredText('村名', 20),
  /** 统计用区划代码 of the village: 12 digits (domain.md §6.3), optional. */
  code: z.string().trim().regex(/^\d{12}$/, { error: '村的区划代码应为12位数字' }).nullable().default(null),
  cadreName: optionalText('村干部姓名', 20),
  cadrePhone: optionalPhone('村干部电话'),
  retired: z.boolean().default(false),
});
export const VillageRow = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  cadreName: z.string(),
  cadrePhone: z.string(),
  retired: z.boolean(),
  /** Elders at home in the village now. */
  atHome: z.number(),
});
export type VillageRow = z.output<typeof VillageRow>;

// ---- The person register
export const ElderInput = z.object({
  id: entityId('老人').optional(),
  name: requiredText('姓名', 20),
  /** Left out when editing: the number on file stays. */
  idNumber: idNumberField.optional(),
  villageId: entityId('村'),
  address: optionalText('住址', 80),
  phone: optionalPhone('电话'),
  household: z.enum(HOUSEHOLDS, { error: '请选择居住情况' }).nullable().default(null),
  categories: z.array(z.enum(ELDER_CATEGORIES, { error: '人员类别无效' })).max(ELDER_CATEGORIES.length).default([]),
  incomeSources: z.array(z.enum(INCOME_SOURCES, { error: '经济来源无效' })).max(INCOME_SOURCES.length).default([]),
  chronicDiseases: optionalText('慢性病', 200),
  disability: optionalText('残疾情况', 100),
  /** An illness that can endanger life at any time (a 高风险 criterion). */
  criticalIllness: z.boolean().default(false),
  carer: z.enum(CARERS, { error: '请选择日常照料人' }).nullable().default(null),
  /** 联系人登记: the village contact person who looks in on the elder. */
  contactName: optionalText('联系人姓名', 20),
  contactRelation: optionalText('联系人关系', 10),
  contactPhone: optionalPhone('联系人电话'),
  registeredOn: calendarDate('登记日期'),
  note: optionalText('备注', 300),
});
export type ElderInput = z.input<typeof ElderInput>;

export const RelativeInput = z.object({
  id: entityId('子女或监护人').optional(),
  elderId: entityId('老人'),
  name: requiredText('姓名', 20),
  relation: oneOf('与老人关系', RELATIONS),
  phone: optionalPhone('电话'),
  /** 外出务工地. */
  worksIn: optionalText('外出务工地', 40),
  awayHalfYear: z.boolean().default(false),
  guardian: z.boolean().default(false),
});
export const RemoveRelativeInput = z.object({ id: entityId('子女或监护人') });

export const AgreementInput = z.object({
  id: entityId('赡养协议').optional(),
  elderId: entityId('老人'),
  signedOn: calendarDate('签订日期'),
  parties: requiredText('签订人（赡养人）', 60),
  terms: requiredText('主要内容', 300),
  supervisor: optionalText('监督人（村委会等）', 40),
  /** 老年人权益保障法 第20条: signed with the elder's consent. */
  elderConsent: z.literal(true, { error: '赡养协议须经老人同意（老年人权益保障法第二十条）' }),
  photo: photoField,
  renewOn: optionalDate('续签日期'),
});
export const EndAgreementInput = z.object({ id: entityId('赡养协议'), endedOn: calendarDate('终止日期'), reason: requiredText('终止原因', 100) });

export const RiskOverrideInput = z.object({
  elderId: entityId('老人'),
  /** null: back to the level the rules give. */
  level: z.enum(RISK_LEVELS, { error: '关爱等级无效' }).nullable(),
  reason: optionalText('调整原因', 100),
});

export const StatusInput = z.object({
  elderId: entityId('老人'),
  /** 在家 again, 已迁出 or 已去世; 已入住本院 comes only from an admission. */
  status: z.enum(['at_home', 'moved_away', 'died'], { error: '请选择状态' }),
  on: optionalDate('日期'),
  note: optionalText('说明', 100),
});

export const ElderQuery = z.object({
  query: optionalText('搜索', 30),
  villageId: entityId('村').nullable().default(null),
  category: z.enum([...ELDER_CATEGORIES, 'over_80'], { error: '人员类别无效' }).nullable().default(null),
  risk: z.enum(RISK_LEVELS, { error: '关爱等级无效' }).nullable().default(null),
  /** 'at_home' (the default): only those living at home now. */
  status: z.enum(['at_home', 'all'], { error: '状态筛选无效' }).default('at_home'),
});

const Risk = z.object({
  level: z.enum(RISK_LEVELS),
  computed: z.enum(RISK_LEVELS),
  override: z.enum(RISK_LEVELS).nullable(),
  reason: z.string().nullable(),
});
export const ElderRow = z.object({
  id: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number(),
  villageId: z.string(),
  village: z.string(),
  address: z.string(),
  phone: z.string(),
  household: z.enum(HOUSEHOLDS).nullable(),
  /** Stored categories and 高龄 (over_80) when 80 or older. */
  groups: z.array(z.enum([...ELDER_CATEGORIES, 'over_80'])),
  risk: Risk,
  status: z.enum(ELDER_STATUSES),
  statusOn: z.string().nullable(),
  /** Enrolled in meal aid now. */
  mealAid: z.boolean(),
  /** Household or carer not yet recorded (e.g. moved over from the meal-aid list). */
  incomplete: z.boolean(),
});
export type ElderRow = z.output<typeof ElderRow>;

export const RelativeRow = RelativeInput.omit({ elderId: true }).extend({ id: z.string(), removedAt: z.string().nullable() });
export const AgreementRow = z.object({
  id: z.string(),
  signedOn: z.string(),
  parties: z.string(),
  terms: z.string(),
  supervisor: z.string(),
  photo: z.string().nullable(),
  renewOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Renewal date passed and not ended. */
  renewalDue: z.boolean(),
});
export const ElderFile = ElderRow.extend({
  incomeSources: z.array(z.enum(INCOME_SOURCES)),
  categories: z.array(z.enum(ELDER_CATEGORIES)),
  chronicDiseases: z.string(),
  disability: z.string(),
  criticalIllness: z.boolean(),
  carer: z.enum(CARERS).nullable(),
  contactName: z.string(),
  contactRelation: z.string(),
  contactPhone: z.string(),
  registeredOn: z.string(),
  note: z.string(),
  residentId: z.string().nullable(),
  relatives: z.array(RelativeRow),
  agreements: z.array(AgreementRow),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ElderFile = z.output<typeof ElderFile>;

export const eldersApi = {
  'elders.settings': method({ input: z.object({}), output: ElderSettings, roles: REGISTER_READERS, writes: false }),
  'elders.saveSettings': method({ input: ElderSettings, output: ElderSettings, roles: MANAGERS, writes: true }),
  /** The kitchen reads the villages too: it puts a new 助餐 diner on the register. */
  'elders.villages': method({ input: z.object({ includeRetired: z.boolean().default(false) }), output: z.array(VillageRow), roles: [...REGISTER_READERS, 'kitchen'], writes: false }),
  'elders.saveVillage': method({ input: VillageInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.list': method({ input: ElderQuery, output: z.array(ElderRow), roles: REGISTER_READERS, writes: false }),
  'elders.get': method({ input: z.object({ id: entityId('老人') }), output: ElderFile, roles: REGISTER_READERS, writes: false }),
  'elders.save': method({ input: ElderInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.setRisk': method({ input: RiskOverrideInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.setStatus': method({ input: StatusInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.saveRelative': method({ input: RelativeInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.removeRelative': method({ input: RemoveRelativeInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.saveAgreement': method({ input: AgreementInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.endAgreement': method({ input: EndAgreementInput, output: Done, roles: REGISTER_KEEPERS, writes: true }),
  'elders.ledger': method({ input: ByVillage, output: RegisterLedger, roles: REGISTER_READERS, writes: false }),
  'elders.agreementLedger': method({ input: ByVillage, output: AgreementLedger, roles: REGISTER_READERS, writes: false }),
};
