// API of the health module, clinical part (issue 19): doctors' visits to the centre (医生巡诊) and the residents seen,
// hospital referrals, and the pressure-injury register with its reviews and prevalence.
import { z } from 'zod';
import { RESIDENT_STATUSES } from '../domain/enums';
import { PRESSURE_ORIGINS, PRESSURE_RISK_SCALES, PRESSURE_STAGES, REFERRAL_OUTCOMES } from '../domain/health/vocab';
import { Done, calendarDate, entityId, oneOf, optionalText, requestId as requestIdField, requiredText, wholeNumber, yearMonth } from './fields';
import { HEALTH_KEEPERS, HEALTH_READERS } from './medication-roles';
import { method } from './method';

const requestId = requestIdField('提交', '缺少提交编号');
const search = z.string().trim().max(30, { error: '搜索内容不能超过30个字' }).default('');
const Voided = z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable();

// ---- Doctors' visits (医生巡诊)
export const SeenInput = z.object({
  residentId: entityId('老人'),
  findings: optionalText('检查所见', 300),
  advice: optionalText('医嘱建议', 300),
});
export const RecordDoctorVisitInput = z.object({
  requestId,
  visitedOn: calendarDate('巡诊日期'),
  doctor: requiredText('医生姓名', 20),
  institution: optionalText('所在机构', 50),
  note: optionalText('备注', 300),
  residents: z
    .array(SeenInput, { error: '请选择看过的老人' })
    .min(1, { error: '请至少选择一位看过的老人' })
    .max(100, { error: '一次巡诊最多登记100位老人' })
    .refine((rows) => new Set(rows.map((r) => r.residentId)).size === rows.length, { error: '同一位老人只能登记一次' }),
});
export type RecordDoctorVisitInput = z.input<typeof RecordDoctorVisitInput>;

export const VoidInput = z.object({ id: entityId('记录'), reason: requiredText('作废原因', 100) });

export const VisitOrder = z.object({
  id: z.string(),
  residentId: z.string(),
  drug: z.string(),
  startsOn: z.string(),
  stoppedOn: z.string().nullable(),
});
export const SeenRow = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  findings: z.string(),
  advice: z.string(),
  /** Orders started from this visit for this resident (medication_orders.doctor_visit_id). */
  orders: z.array(VisitOrder),
});
export type SeenRow = z.output<typeof SeenRow>;
export const DoctorVisitRow = z.object({
  id: z.string(),
  visitedOn: z.string(),
  doctor: z.string(),
  institution: z.string(),
  note: z.string(),
  residents: z.array(SeenRow),
  recordedBy: z.string(),
  recordedAt: z.string(),
  voided: Voided,
});
export type DoctorVisitRow = z.output<typeof DoctorVisitRow>;
export const DoctorVisitsQuery = z.object({
  month: yearMonth('请选择月份'),
  residentId: entityId('老人').nullable().default(null),
  /** Doctor, institution, a resident's name or initials, or a word of the findings and advice. */
  search,
  includeVoided: z.boolean().default(false),
});
export type DoctorVisitsQuery = z.input<typeof DoctorVisitsQuery>;

// ---- Hospital referrals (转诊就医)
export const ReferInput = z.object({
  residentId: entityId('老人'),
  referredOn: calendarDate('转诊日期'),
  hospital: requiredText('医院', 50),
  reason: requiredText('转诊原因', 200),
  escortedBy: optionalText('陪同人员', 50),
});
export type ReferInput = z.input<typeof ReferInput>;
export const CLOSING_OUTCOMES = ['returned', 'admitted_elsewhere', 'died'] as const;
export const CloseReferralInput = z.object({
  id: entityId('转诊记录'),
  outcome: oneOf('结果', CLOSING_OUTCOMES),
  closedOn: calendarDate('结束日期'),
  summary: requiredText('出院小结（简要）', 500),
});
export type CloseReferralInput = z.input<typeof CloseReferralInput>;
export const ReferralRow = z.object({
  id: z.string(),
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  /** The resident's status in the residents module (in_hospital, on_leave, in_residence, discharged …), shown in words. */
  residentStatus: z.enum(RESIDENT_STATUSES),
  referredOn: z.string(),
  hospital: z.string(),
  reason: z.string(),
  escortedBy: z.string(),
  outcome: z.enum(REFERRAL_OUTCOMES),
  closedOn: z.string().nullable(),
  summary: z.string(),
  /** Days from referral to the close, or to today while open. */
  daysAway: z.number(),
  recordedBy: z.string(),
  closedBy: z.string().nullable(),
});
export type ReferralRow = z.output<typeof ReferralRow>;
export const ReferralsQuery = z.object({
  status: z.enum(['open', 'closed', 'all'], { error: '请选择状态' }).default('open'),
  residentId: entityId('老人').nullable().default(null),
  search,
});
export type ReferralsQuery = z.input<typeof ReferralsQuery>;

// ---- Pressure injuries (压疮登记)
const size = (label: string) => z.number({ error: `${label}应为数字` }).gt(0, { error: `${label}应大于0` }).max(100, { error: `${label}不能超过100厘米` }).nullable().default(null);
export const RecordPressureInput = z.object({
  requestId,
  residentId: entityId('老人'),
  site: requiredText('部位', 30),
  origin: oneOf('来源', PRESSURE_ORIGINS),
  foundOn: calendarDate('发现日期'),
  stage: oneOf('分期', PRESSURE_STAGES),
  lengthCm: size('长度'),
  widthCm: size('宽度'),
  riskScale: oneOf('风险评估量表', PRESSURE_RISK_SCALES).default('none'),
  riskScore: wholeNumber('风险评分', 0, 100).nullable().default(null),
  repositionHours: wholeNumber('翻身间隔（小时）', 1, 24).nullable().default(null),
  note: optionalText('处理与备注', 300),
});
export type RecordPressureInput = z.input<typeof RecordPressureInput>;
export const ReviewPressureInput = z.object({
  requestId,
  injuryId: entityId('压疮记录'),
  reviewedOn: calendarDate('复查日期'),
  stage: oneOf('分期', PRESSURE_STAGES),
  lengthCm: size('长度'),
  widthCm: size('宽度'),
  note: optionalText('复查情况', 300),
});
export type ReviewPressureInput = z.input<typeof ReviewPressureInput>;
export const HealPressureInput = z.object({ id: entityId('压疮记录'), healedOn: calendarDate('愈合日期') });
export type HealPressureInput = z.input<typeof HealPressureInput>;

export const PressureReviewRow = z.object({
  id: z.string(),
  reviewedOn: z.string(),
  stage: z.enum(PRESSURE_STAGES),
  lengthCm: z.number().nullable(),
  widthCm: z.number().nullable(),
  note: z.string(),
  recordedBy: z.string(),
});
export const PressureRow = z.object({
  id: z.string(),
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  /** The resident's status now (an injury of a resident who left stays in the register as it was). */
  residentStatus: z.enum(RESIDENT_STATUSES),
  site: z.string(),
  origin: z.enum(PRESSURE_ORIGINS),
  foundOn: z.string(),
  /** As found. */
  stage: z.enum(PRESSURE_STAGES),
  lengthCm: z.number().nullable(),
  widthCm: z.number().nullable(),
  riskScale: z.enum(PRESSURE_RISK_SCALES),
  riskScore: z.number().nullable(),
  repositionHours: z.number().nullable(),
  note: z.string(),
  /** The latest review's stage and size (the found ones when never reviewed). */
  currentStage: z.enum(PRESSURE_STAGES),
  currentLengthCm: z.number().nullable(),
  currentWidthCm: z.number().nullable(),
  lastReviewedOn: z.string().nullable(),
  reviews: z.array(PressureReviewRow),
  healedOn: z.string().nullable(),
  /** Days from found to healed, or to today while open. */
  days: z.number(),
  recordedBy: z.string(),
  voided: Voided,
});
export type PressureRow = z.output<typeof PressureRow>;
export const PressureQuery = z.object({
  status: z.enum(['open', 'healed', 'all'], { error: '请选择状态' }).default('open'),
  residentId: entityId('老人').nullable().default(null),
  search,
  includeVoided: z.boolean().default(false),
});
export type PressureQuery = z.input<typeof PressureQuery>;

export const PrevalenceQuery = z.object({
  onDate: calendarDate('日期'),
  /** The month whose new in-centre injuries are counted; the month of onDate when left out. */
  month: yearMonth().nullable().default(null),
});
export const Prevalence = z.object({
  onDate: z.string(),
  /** Residents of the centre on that day (admitted, not discharged; those away on leave or in hospital included). */
  residents: z.number(),
  /** Of them, those with at least one open (not healed, not voided) pressure injury on that day. */
  withOpen: z.number(),
  /** Those with an open injury that arose in the centre (院内发生). */
  withInCentre: z.number(),
  /** Those with an open injury brought in (入院带入 or 住院期间发生). */
  withBroughtIn: z.number(),
  /** withOpen / residents in per cent, one decimal (0 when there are no residents). */
  ratePercent: z.number(),
  inCentreRatePercent: z.number(),
  month: z.string(),
  /** In-centre injuries first found in that month. */
  newInCentre: z.number(),
  /** Open injuries on that day by their current stage. */
  byStage: z.record(z.enum(PRESSURE_STAGES), z.number()),
});
export type Prevalence = z.output<typeof Prevalence>;

export const PressureSheet = z.object({
  month: z.string(),
  centre: z.string(),
  /** Injuries open on some day of the month (voided ones left out), in the order found. */
  rows: z.array(PressureRow),
  /** On the month's last day (or today, for the month running). */
  prevalence: Prevalence,
});
export type PressureSheet = z.output<typeof PressureSheet>;

export const healthClinicalApi = {
  'health.doctorVisits': method({ input: DoctorVisitsQuery, output: z.array(DoctorVisitRow), roles: HEALTH_READERS, writes: false }),
  'health.recordDoctorVisit': method({ input: RecordDoctorVisitInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.voidDoctorVisit': method({ input: VoidInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.referrals': method({ input: ReferralsQuery, output: z.array(ReferralRow), roles: HEALTH_READERS, writes: false }),
  'health.referResident': method({ input: ReferInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.closeReferral': method({ input: CloseReferralInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.pressureInjuries': method({ input: PressureQuery, output: z.array(PressureRow), roles: HEALTH_READERS, writes: false }),
  'health.recordPressureInjury': method({ input: RecordPressureInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.reviewPressureInjury': method({ input: ReviewPressureInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.healPressureInjury': method({ input: HealPressureInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.voidPressureInjury': method({ input: VoidInput, output: Done, roles: HEALTH_KEEPERS, writes: true }),
  'health.pressurePrevalence': method({ input: PrevalenceQuery, output: Prevalence, roles: HEALTH_READERS, writes: false }),
  'health.pressureSheet': method({ input: z.object({ month: yearMonth('请选择月份') }), output: PressureSheet, roles: HEALTH_READERS, writes: false }),
};
