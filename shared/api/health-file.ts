// API of the health module, file part (issue 19): yearly check-ups, family-doctor contracts, the monthly health entry,
// blood-pressure and glucose trends from the vitals, and a resident's printed health file.
import { z } from 'zod';
import { MOOD_STATES, SKIN_STATES } from '../domain/care/vocab';
import { SEXES } from '../domain/enums';
import { APPETITES, PRESSURE_ORIGINS, PRESSURE_STAGES, REFERRAL_OUTCOMES } from '../domain/health/vocab';
import { ByResident, Done, calendarDate, entityId, optionalDate, optionalText, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { HEALTH_KEEPERS, HEALTH_READERS } from './medication-roles';
import { method } from './method';

const requestId = requestIdField('提交', '缺少提交编号');

/** A check-up's paper report: a photo (JPG/PNG) or a PDF as a data URL, at most 2 MB of file. */
export const ATTACHMENT_MAX_CHARS = 2_800_000;
export const attachmentField = z
  .string()
  .max(ATTACHMENT_MAX_CHARS, { error: '附件太大，请选择小于 2MB 的照片或 PDF' })
  .regex(/^data:(image\/jpeg|image\/png|application\/pdf);base64,[A-Za-z0-9+/=]+$/, { error: '附件应为 JPG、PNG 照片或 PDF 文件' })
  .nullable()
  .default(null);

const Voided = z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable();

// ---- Check-ups (体检)
export const RecordCheckupInput = z.object({
  requestId,
  residentId: entityId('老人'),
  checkedOn: calendarDate('体检日期'),
  institution: requiredText('体检机构', 50),
  results: requiredText('主要结果', 1000),
  abnormal: optionalText('异常发现', 500),
  followUp: optionalText('随访处理', 500),
  attachment: attachmentField,
  attachmentName: optionalText('附件名称', 100),
});
export type RecordCheckupInput = z.input<typeof RecordCheckupInput>;

export const CheckupRow = z.object({
  id: z.string(),
  residentId: z.string(),
  resident: z.string(),
  bedLabel: z.string().nullable(),
  checkedOn: z.string(),
  institution: z.string(),
  results: z.string(),
  abnormal: z.string(),
  followUp: z.string(),
  hasAttachment: z.boolean(),
  attachmentName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  voided: Voided,
});
export type CheckupRow = z.output<typeof CheckupRow>;

export const CheckupsQuery = z.object({
  residentId: entityId('老人').nullable().default(null),
  /** The calendar year (YYYY) of the check-ups; null for all years. */
  year: z.string().regex(/^\d{4}$/, { error: '年份格式应为四位数字，如 2026' }).nullable().default(null),
  /** The resident's name or initials, the institution, or a word of the results. */
  search: z.string().trim().max(30, { error: '搜索内容不能超过30个字' }).default(''),
  includeVoided: z.boolean().default(false),
});
export type CheckupsQuery = z.input<typeof CheckupsQuery>;

export const CoverageRow = z.object({
  residentId: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  age: z.number(),
  bedLabel: z.string().nullable(),
  lastCheckedOn: z.string().nullable(),
  lastInstitution: z.string().nullable(),
  /** The last check-up found something abnormal. */
  lastAbnormal: z.boolean(),
  /** No check-up in the 12 months before the day (the national programme: one a year for 65+). */
  due: z.boolean(),
});
export type CoverageRow = z.output<typeof CoverageRow>;
export const Coverage = z.object({
  on: z.string(),
  rows: z.array(CoverageRow),
  totals: z.object({ residents: z.number(), covered: z.number(), due: z.number() }),
});
export type Coverage = z.output<typeof Coverage>;

export const CheckupSummary = z.object({
  year: z.string(),
  facility: z.string(),
  rows: z.array(
    z.object({
      residentId: z.string(),
      name: z.string(),
      sex: z.enum(SEXES),
      age: z.number(),
      bedLabel: z.string().nullable(),
      checkups: z.array(z.object({ checkedOn: z.string(), institution: z.string(), results: z.string(), abnormal: z.string(), followUp: z.string() })),
    }),
  ),
  totals: z.object({ residents: z.number(), checked: z.number(), notChecked: z.number(), abnormal: z.number() }),
});
export type CheckupSummary = z.output<typeof CheckupSummary>;

// ---- Family-doctor contracts (家庭医生签约)
export const FAMILY_DOCTOR_STATES = ['current', 'expiring', 'expired', 'ended', 'future'] as const;
export type FamilyDoctorState = (typeof FAMILY_DOCTOR_STATES)[number];
/** A contract ending within this many days shows as 即将到期. */
export const FAMILY_DOCTOR_WARN_DAYS = 30;

export const SaveFamilyDoctorInput = z.object({
  residentId: entityId('老人'),
  doctor: requiredText('签约医生', 20),
  team: optionalText('团队', 50),
  institution: optionalText('签约机构', 50),
  phone: optionalText('联系电话', 20),
  signedOn: calendarDate('签约日期'),
  validFrom: calendarDate('生效日期'),
  validTo: calendarDate('到期日期'),
});
export type SaveFamilyDoctorInput = z.input<typeof SaveFamilyDoctorInput>;
export const EndFamilyDoctorInput = z.object({ id: entityId('签约'), endedOn: calendarDate('解约日期'), reason: requiredText('解约原因', 100) });
export type EndFamilyDoctorInput = z.input<typeof EndFamilyDoctorInput>;

export const FamilyDoctorRow = z.object({
  id: z.string(),
  residentId: z.string(),
  resident: z.string(),
  bedLabel: z.string().nullable(),
  doctor: z.string(),
  team: z.string(),
  institution: z.string(),
  phone: z.string(),
  signedOn: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  state: z.enum(FAMILY_DOCTOR_STATES),
  createdBy: z.string(),
});
export type FamilyDoctorRow = z.output<typeof FamilyDoctorRow>;
export const FamilyDoctors = z.object({
  on: z.string(),
  contracts: z.array(FamilyDoctorRow),
  /** Residents in residence with no contract in force on the day. */
  without: z.array(z.object({ residentId: z.string(), name: z.string(), bedLabel: z.string().nullable() })),
  totals: z.object({ residents: z.number(), signed: z.number(), expiring: z.number(), without: z.number() }),
});
export type FamilyDoctors = z.output<typeof FamilyDoctors>;

// ---- The monthly health entry (月度健康)
export const SaveMonthlyInput = z
  .object({
    residentId: entityId('老人'),
    month: yearMonth('请选择月份'),
    weightKg: z.number({ error: '体重应为数字' }).gt(10, { error: '体重应大于 10 公斤，请核对' }).lt(250, { error: '体重应小于 250 公斤，请核对' }).nullable().default(null),
    systolic: wholeNumber('高压', 50, 260).nullable().default(null),
    diastolic: wholeNumber('低压', 30, 160).nullable().default(null),
    skin: z.enum(SKIN_STATES, { error: '请选择皮肤情况' }),
    appetite: z.enum(APPETITES, { error: '请选择食欲' }),
    mood: z.enum(MOOD_STATES, { error: '请选择情绪' }),
    note: optionalText('备注', 500),
  })
  .refine((v) => (v.systolic === null) === (v.diastolic === null), { error: '血压请同时填写高压和低压', path: ['systolic'] })
  .refine((v) => v.systolic === null || v.diastolic === null || v.systolic > v.diastolic, { error: '高压应大于低压，请核对', path: ['systolic'] });
export type SaveMonthlyInput = z.input<typeof SaveMonthlyInput>;

export const MonthlyEntry = z.object({
  id: z.string(),
  month: z.string(),
  weightKg: z.number().nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  skin: z.enum(SKIN_STATES),
  appetite: z.enum(APPETITES),
  mood: z.enum(MOOD_STATES),
  note: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type MonthlyEntry = z.output<typeof MonthlyEntry>;

/** The month's latest readings from the care log's vitals (what the form starts from). */
export const MonthVitals = z.object({
  weightKg: z.number().nullable(),
  weightAt: z.string().nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  bpAt: z.string().nullable(),
});
export type MonthVitals = z.output<typeof MonthVitals>;

export const MonthlyList = z.object({
  month: z.string(),
  rows: z.array(z.object({ residentId: z.string(), name: z.string(), bedLabel: z.string().nullable(), entry: MonthlyEntry.nullable(), vitals: MonthVitals })),
  totals: z.object({ residents: z.number(), done: z.number(), missing: z.number() }),
});
export type MonthlyList = z.output<typeof MonthlyList>;

// ---- Trends
export const TrendsQuery = z.object({ residentId: entityId('老人'), months: wholeNumber('月数', 1, 24).default(6), to: optionalDate('截止日期') });
export type TrendsQuery = z.input<typeof TrendsQuery>;
export const Trends = z.object({
  resident: z.object({ id: z.string(), name: z.string(), chronicConditions: z.string() }),
  from: z.string(),
  to: z.string(),
  points: z.array(z.object({ at: z.string(), systolic: z.number().nullable(), diastolic: z.number().nullable(), glucose: z.number().nullable() })),
  summary: z.object({
    bpReadings: z.number(),
    /** Readings at or above 140/90 mmHg. */
    bpHigh: z.number(),
    systolicAvg: z.number().nullable(),
    diastolicAvg: z.number().nullable(),
    glucoseReadings: z.number(),
    /** Readings at or above 7.0 mmol/L. */
    glucoseHigh: z.number(),
    glucoseAvg: z.number().nullable(),
  }),
});
export type Trends = z.output<typeof Trends>;

// ---- The resident's health file (printed) and the card on the resident's page
export const HealthFile = z.object({
  facility: z.string(),
  today: z.string(),
  resident: z.object({
    id: z.string(),
    name: z.string(),
    sex: z.enum(SEXES),
    birthDate: z.string(),
    age: z.number(),
    bedLabel: z.string().nullable(),
    admittedOn: z.string().nullable(),
    status: z.string(),
    allergies: z.string(),
    chronicConditions: z.string(),
    guardian: z.string(),
  }),
  familyDoctor: FamilyDoctorRow.nullable(),
  checkups: z.array(CheckupRow),
  orders: z.array(
    z.object({ id: z.string(), drug: z.string(), dose: z.string(), route: z.string(), frequency: z.string(), times: z.array(z.string()), prescriber: z.string(), startsOn: z.string(), highAlert: z.boolean() }),
  ),
  pressureInjuries: z.array(
    z.object({ id: z.string(), site: z.string(), origin: z.enum(PRESSURE_ORIGINS), foundOn: z.string(), stage: z.enum(PRESSURE_STAGES), latestStage: z.enum(PRESSURE_STAGES), healedOn: z.string().nullable() }),
  ),
  referrals: z.array(
    z.object({ id: z.string(), referredOn: z.string(), hospital: z.string(), reason: z.string(), outcome: z.enum(REFERRAL_OUTCOMES), closedOn: z.string().nullable(), summary: z.string() }),
  ),
  monthly: z.array(MonthlyEntry),
});
export type HealthFile = z.output<typeof HealthFile>;

export const ResidentHealth = z.object({
  lastCheckup: z.object({ checkedOn: z.string(), institution: z.string(), abnormal: z.string() }).nullable(),
  checkupDue: z.boolean(),
  familyDoctor: z.object({ doctor: z.string(), institution: z.string(), phone: z.string(), validTo: z.string(), state: z.enum(FAMILY_DOCTOR_STATES) }).nullable(),
  openPressureInjuries: z.number(),
  monthlyThisMonth: z.boolean(),
});
export type ResidentHealth = z.output<typeof ResidentHealth>;

const OnDay = z.object({ on: optionalDate('日期') }).default({ on: null });

export const healthFileApi = {
  /** The check-ups list: also the gate of the 健康档案 menu entry. */
  'health.checkups': method({ input: CheckupsQuery, output: z.object({ checkups: z.array(CheckupRow) }), roles: HEALTH_READERS, writes: false }),
  'health.recordCheckup': method({ input: RecordCheckupInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.voidCheckup': method({ input: z.object({ id: entityId('体检记录'), reason: requiredText('作废原因', 100) }), output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.checkupAttachment': method({ input: z.object({ id: entityId('体检记录') }), output: z.object({ attachment: z.string().nullable(), name: z.string() }), roles: HEALTH_READERS, writes: false }),
  'health.checkupCoverage': method({ input: OnDay, output: Coverage, roles: HEALTH_READERS, writes: false }),
  'health.checkupSummary': method({ input: z.object({ year: z.string().regex(/^\d{4}$/, { error: '年份格式应为四位数字，如 2026' }) }), output: CheckupSummary, roles: HEALTH_READERS, writes: false }),
  'health.familyDoctors': method({ input: OnDay, output: FamilyDoctors, roles: HEALTH_READERS, writes: false }),
  'health.saveFamilyDoctor': method({ input: SaveFamilyDoctorInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.endFamilyDoctor': method({ input: EndFamilyDoctorInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.monthly': method({ input: z.object({ month: yearMonth('请选择月份') }), output: MonthlyList, roles: HEALTH_READERS, writes: false }),
  'health.saveMonthly': method({ input: SaveMonthlyInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.trends': method({ input: TrendsQuery, output: Trends, roles: HEALTH_READERS, writes: false }),
  'health.file': method({ input: ByResident, output: HealthFile, roles: HEALTH_READERS, writes: false }),
  'health.residentCard': method({ input: ByResident, output: ResidentHealth, roles: HEALTH_READERS, writes: false }),
};
