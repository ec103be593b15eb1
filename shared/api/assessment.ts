// API of the assessment module: GB/T 42195 ability assessments (draft → final), the reassessment schedule,
// 特困 self-care tiers and GB 38600 safety risk assessments.
import { z } from 'zod';
import { CONSCIOUSNESS_ZERO } from '../domain/assessment/coma';
import { RISK_GRADES, SAFETY_RISKS } from '../domain/assessment/safety-risks';
import { DERIVED_CATEGORY, ELDER_CATEGORIES } from '../domain/elders/vocab';
import { ByResident, Done, calendarDate, entityId, optionalText, requiredText, wholeNumber } from './fields';
import { method } from './method';
import { REGISTER_READERS } from './elders';
import { RESIDENT_READERS, type Role } from './roles';

export const ASSESSMENT_REASONS = ['first', 'routine', 'ad_hoc', 'dispute', 'other'] as const;
export const ASSESSMENT_REASON_NAMES: Record<(typeof ASSESSMENT_REASONS)[number], string> = {
  first: '首次评估',
  routine: '常规评估',
  ad_hoc: '即时评估',
  dispute: '因对评估结果有疑问进行的复评',
  other: '其他',
};

/** 评估地点: in the centre (a resident) or at home (an elder on the village register, issue 17). */
export const ASSESSMENT_PLACES = ['centre', 'home'] as const;
export type AssessmentPlace = (typeof ASSESSMENT_PLACES)[number];

/** Who assesses a resident (the centre's trained assessors work as care lead, medical staff or the manager). */
export const ASSESSORS: readonly Role[] = ['admin', 'care_lead', 'medical'];
/**
 * Who fills in an elder's assessment at home: those of the assessors who work with the register (院长, 护理组长) and the
 * 关爱专干/社工 who keeps it. The two assessors who sign are chosen on the form (assessors.ts): any trained member of the
 * staff — a doctor or nurse too — or someone of the county agency. Medical accounts do not read the register, so they
 * neither fill in nor read home assessments.
 */
export const HOME_ASSESSORS: readonly Role[] = ['admin', 'care_lead', 'social_worker'];
const ANY_ASSESSOR: readonly Role[] = [...new Set<Role>([...ASSESSORS, ...HOME_ASSESSORS])];
/** Who reads an elder's home assessments and the coverage figure: the register's readers (its assessors among them). */
export const HOME_ASSESSMENT_READERS: readonly Role[] = REGISTER_READERS;

// A.2.14 boxes: 跌倒、走失、噎食、自杀、自伤、其他 (the vocabulary lives in shared/domain/assessment/risk-events).
export { RISK_EVENT_KINDS, RISK_EVENT_NAMES } from '../domain/assessment/risk-events';

const eventCount = (label: string) => wholeNumber(`近30天${label}次数`, 0, 99).default(0);
export const RiskEvents = z.object({
  fall: eventCount('跌倒'),
  wandering: eventCount('走失'),
  choking: eventCount('噎食'),
  suicide: eventCount('自杀'),
  selfHarm: eventCount('自伤'),
  other: eventCount('其他风险事件'),
});

/** Scores by item code; null = not yet scored. Ranges are checked per item in the backend, with the item named. */
export const Answers = z.record(z.string().regex(/^B\.\d\.\d$/, { error: '评估项目编号不正确' }), z.number({ error: '得分应为数字' }).nullable());

/**
 * One of the two assessors: a member of the centre's staff (chosen from the register, the name is taken from it), or
 * someone from outside (e.g. the county assessment agency) with name and organisation. Null until chosen.
 */
export const AssessorInput = z.object({
  staffId: entityId('评估员').nullable().default(null),
  name: optionalText('评估员姓名', 20),
  organisation: optionalText('评估员所在单位', 40),
});
export type AssessorInput = z.input<typeof AssessorInput>;
export const AssessorView = z.object({ staffId: z.string().nullable(), name: z.string(), organisation: z.string() });
export type AssessorView = z.output<typeof AssessorView>;

const choice = z.string().max(60, { error: '选项太长' });
/** A.5 健康相关问题: chosen options by item code, the joint sites of A.5.2 and A.5.12 其他 (checked per item in the backend). */
export const HealthInput = z.object({
  choices: z.record(z.string().regex(/^A\.5\.\d{1,2}$/, { error: '健康相关问题编号不正确' }), z.array(choice).max(10)).default({}),
  jointSites: optionalText('关节活动受限的部位', 60),
  other: optionalText('其他健康相关问题', 200),
});

const picked = z.string().max(30, { error: '选项太长' });
/** A.2 基本信息 recorded with the assessment (options checked per field in the backend, the field named). */
export const BasicInfoInput = z.object({
  ethnicity: optionalText('民族', 10),
  religion: picked.nullable().default(null),
  religionName: optionalText('信仰的宗教', 20),
  education: picked.nullable().default(null),
  living: z.array(picked).max(8).default([]),
  marital: picked.nullable().default(null),
  medicalPayment: z.array(picked).max(10).default([]),
  incomeSource: z.array(picked).max(10).default([]),
  heightCm: z.number({ error: '身高应为数字' }).nullable().default(null),
  weightKg: z.number({ error: '体重应为数字' }).nullable().default(null),
});
const EMPTY_BASIC = { ethnicity: '', religion: null, religionName: '', education: null, living: [], marital: null, medicalPayment: [], incomeSource: [], heightCm: null, weightKg: null };

/** Of a resident (residentId) or of an elder on the village register (elderId, assessed at home): exactly one. */
export const AssessmentDraftInput = z.object({
  id: entityId('评估').optional(),
  residentId: entityId('老人').optional(),
  elderId: entityId('老人').optional(),
  reason: z.enum(ASSESSMENT_REASONS, { error: '请选择评估原因' }),
  assessedOn: calendarDate('评估日期'),
  answers: Answers.default({}),
  riskEvents: RiskEvents.default({ fall: 0, wandering: 0, choking: 0, suicide: 0, selfHarm: 0, other: 0 }),
  coma: z.boolean().default(false),
  /** B.3.9 = 0: 昏迷 or 昏睡 (asked on the form); null otherwise. */
  consciousness: z.enum(CONSCIOUSNESS_ZERO, { error: '请选择昏迷或昏睡' }).nullable().default(null),
  basicInfo: BasicInfoInput.default(EMPTY_BASIC),
  dementia: z.boolean().default(false),
  mentalDisorder: z.boolean().default(false),
  assessor1: AssessorInput.nullable().default(null),
  assessor2: AssessorInput.nullable().default(null),
  health: HealthInput.default({ choices: {}, jointSites: '', other: '' }),
}).refine((v) => (v.residentId === undefined) !== (v.elderId === undefined), {
  error: '一份评估只评一位老人：请指明是本院入住老人，还是农村老人名册上的居家老人（二者选一）',
  path: ['residentId'],
});
export type AssessmentDraftInput = z.input<typeof AssessmentDraftInput>;

export const AssessmentView = z.object({
  id: z.string(),
  /** Exactly one of residentId and elderId is set. */
  residentId: z.string().nullable(),
  elderId: z.string().nullable(),
  /** The assessed person's name (the resident's or the elder's). */
  personName: z.string(),
  place: z.enum(ASSESSMENT_PLACES),
  reason: z.enum(ASSESSMENT_REASONS),
  assessedOn: z.string(),
  answers: z.record(z.string(), z.number().nullable()),
  riskEvents: RiskEvents,
  coma: z.boolean(),
  consciousness: z.enum(CONSCIOUSNESS_ZERO).nullable(),
  basicInfo: BasicInfoInput,
  dementia: z.boolean(),
  mentalDisorder: z.boolean(),
  assessor1: AssessorView.nullable(),
  assessor2: AssessorView.nullable(),
  health: z.object({ choices: z.record(z.string(), z.array(z.string())), jointSites: z.string(), other: z.string() }),
  status: z.enum(['draft', 'final']),
  dimensionScores: z.record(z.string(), z.number()),
  total: z.number(),
  missing: z.array(z.string()),
  preliminaryLevel: z.number(),
  finalLevel: z.number(),
  levelReasons: z.array(z.string()),
  finalizedAt: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  createdBy: z.string(),
});
export type AssessmentView = z.output<typeof AssessmentView>;

export const DueRow = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  lastAssessedOn: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(['overdue', 'due_soon']),
  /** Why an ad-hoc assessment is prompted (hospital return, risk events, dispute), or null for the routine schedule. */
  prompt: z.string().nullable(),
});
export type DueRow = z.output<typeof DueRow>;

const RiskEntry = z.object({
  code: z.enum(SAFETY_RISKS.map((r) => r.code) as [string, ...string[]], { error: '风险项目不正确' }),
  grade: z.enum(RISK_GRADES, { error: '请为每项风险选择 低/中/高' }),
  measures: optionalText('防范措施', 200),
});
export const RiskInput = z.object({
  residentId: entityId('老人'),
  assessedOn: calendarDate('评估日期'),
  risks: z.array(RiskEntry).length(SAFETY_RISKS.length, { error: `请评估全部${SAFETY_RISKS.length}项风险` }),
  assessor: requiredText('评估人', 20),
  note: optionalText('备注', 200),
});
export const RiskView = z.object({
  id: z.string(),
  assessedOn: z.string(),
  risks: z.array(z.object({ code: z.string(), grade: z.enum(RISK_GRADES), measures: z.string() })),
  assessor: z.string(),
  note: z.string(),
  createdBy: z.string(),
});
/** GB 38600 risk reassessment due list: one row per reason (入住, 定期, 事件, 住院返回, 护理等级变更). */
export const RISK_DUE_REASONS = ['admission', 'routine', 'incident', 'hospital', 'care_grade'] as const;
export const RiskDueRow = z.object({
  residentId: z.string(),
  name: z.string(),
  bedLabel: z.string().nullable(),
  lastAssessedOn: z.string().nullable(),
  dueOn: z.string(),
  state: z.enum(['overdue', 'due_soon']),
  reason: z.enum(RISK_DUE_REASONS),
  /** The risk an incident calls into question (reason 'incident'), else null. */
  riskCode: z.string().nullable(),
  prompt: z.string(),
});
export type RiskDueRow = z.output<typeof RiskDueRow>;

/** 居家评估覆盖: of the 特困, 低保 and 计生特殊家庭 elders at home, who has a final assessment within the interval. */
export const HomeCoverage = z.object({
  covered: z.number(),
  total: z.number(),
  /** The interval that keeps an assessment current (the centre's 常规复评间隔, as for residents). */
  reassessMonths: z.number(),
  missing: z.array(
    z.object({
      elderId: z.string(),
      name: z.string(),
      village: z.string(),
      /** All the elder's groups (stored categories and 高龄), as on the register. */
      groups: z.array(z.enum([...ELDER_CATEGORIES, DERIVED_CATEGORY])),
      /** The last final assessment (too old), or null when never assessed. */
      lastAssessedOn: z.string().nullable(),
    }),
  ),
});
export type HomeCoverage = z.output<typeof HomeCoverage>;

export const DisputeInput = z.object({
  assessmentId: entityId('评估'),
  raisedBy: requiredText('提出异议的人', 20),
  relation: requiredText('与老人关系', 10),
  note: requiredText('异议内容', 300),
  raisedOn: calendarDate('提出日期'),
});


export const assessmentApi = {
  'assessment.list': method({ input: ByResident, output: z.array(AssessmentView), roles: RESIDENT_READERS, writes: false }),
  /** A resident's assessment to a resident reader, an elder's to a home-assessment reader (checked in the service). */
  'assessment.get': method({ input: z.object({ id: entityId('评估') }), output: AssessmentView, roles: [...new Set<Role>([...RESIDENT_READERS, ...HOME_ASSESSMENT_READERS])], writes: false }),
  /** Residents by ASSESSORS, elders at home by HOME_ASSESSORS (checked in the service). */
  'assessment.saveDraft': method({ input: AssessmentDraftInput, output: Done, roles: ANY_ASSESSOR, writes: true }),
  'assessment.finalize': method({ input: z.object({ id: entityId('评估') }), output: Done, roles: ANY_ASSESSOR, writes: true }),
  'assessment.listForElder': method({ input: z.object({ elderId: entityId('老人') }), output: z.array(AssessmentView), roles: HOME_ASSESSMENT_READERS, writes: false }),
  'assessment.homeCoverage': method({ input: z.object({}), output: HomeCoverage, roles: HOME_ASSESSMENT_READERS, writes: false }),
  'assessment.due': method({ input: z.object({}), output: z.array(DueRow), roles: RESIDENT_READERS, writes: false }),
  'assessment.dispute': method({ input: DisputeInput, output: Done, roles: ['admin', 'care_lead', 'medical'], writes: true }),
  'assessment.recordRisks': method({ input: RiskInput, output: Done, roles: ['admin', 'care_lead', 'medical'], writes: true }),
  'assessment.risks': method({ input: ByResident, output: z.array(RiskView), roles: RESIDENT_READERS, writes: false }),
  'assessment.riskDue': method({ input: z.object({}), output: z.array(RiskDueRow), roles: RESIDENT_READERS, writes: false }),
};
