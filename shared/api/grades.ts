// API of the care-grade module: the centre's grades with rank, suggested levels and dated fees; each resident's grade
// history, set from the assessment with consent, and overrides only with a reason and an approver.
import { z } from 'zod';
import { ByResident, Done, calendarDate, entityId, optionalText, requiredText, wholeNumber } from './fields';
import { method } from './method';
import { MANAGERS, RESIDENT_READERS } from './roles';

export const GradeRow = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.number(),
  levels: z.array(z.number()),
  monthlyFeeFen: z.number().nullable(),
  feeFrom: z.string().nullable(),
});
export type GradeRow = z.output<typeof GradeRow>;

export const GradeInput = z.object({
  id: entityId('护理等级').optional(),
  name: requiredText('等级名称', 20),
  rank: wholeNumber('护理强度排序', 1, 20),
  levels: z.array(wholeNumber('能力等级', 0, 4)).max(5),
  monthlyFeeFen: wholeNumber('月收费（分）', 0, 100_000_000),
  feeFrom: calendarDate('收费生效日期'),
});

export const AssignGradeInput = z.object({
  residentId: entityId('老人'),
  gradeId: entityId('护理等级'),
  effectiveFrom: calendarDate('生效日期'),
  overrideReason: optionalText('调整原因', 200),
  approver: optionalText('批准人', 20),
  consentBy: requiredText('同意人姓名', 20),
  consentRelation: requiredText('同意人与老人关系', 10),
});

export const ResidentGradeRow = z.object({
  id: z.string(),
  gradeName: z.string(),
  effectiveFrom: z.string(),
  suggestedName: z.string().nullable(),
  assessedLevel: z.number().nullable(),
  overrideReason: z.string(),
  approver: z.string(),
  consentBy: z.string(),
  consentRelation: z.string(),
  monthlyFeeFen: z.number().nullable(),
  createdBy: z.string(),
});

export const GradeSuggestion = z.object({
  assessmentId: z.string().nullable(),
  level: z.number().nullable(),
  gradeId: z.string().nullable(),
  gradeName: z.string().nullable(),
});


export const gradesApi = {
  'grades.list': method({ input: z.object({}), output: z.array(GradeRow), roles: RESIDENT_READERS, writes: false }),
  'grades.save': method({ input: GradeInput, output: Done, roles: MANAGERS, writes: true }),
  'grades.suggest': method({ input: ByResident, output: GradeSuggestion, roles: RESIDENT_READERS, writes: false }),
  'grades.assign': method({ input: AssignGradeInput, output: Done, roles: MANAGERS, writes: true }),
  'grades.history': method({ input: ByResident, output: z.array(ResidentGradeRow), roles: RESIDENT_READERS, writes: false }),
};
