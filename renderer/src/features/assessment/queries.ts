// The assessment data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useAssessmentDispute = (options?: MutationOptions<'assessment.dispute'>) => useApiMutation('assessment.dispute', options);
export const useAssessmentDue = (enabled = true) => useApi('assessment.due', {}, enabled);
export const useAssessmentFinalize = (options?: MutationOptions<'assessment.finalize'>) => useApiMutation('assessment.finalize', options);
export const useAssessmentGet = (input: In<'assessment.get'>, enabled = true) => useApi('assessment.get', input, enabled);
export const useAssessmentList = (input: In<'assessment.list'>, enabled = true) => useApi('assessment.list', input, enabled);
export const useAssessmentListForElder = (input: In<'assessment.listForElder'>, enabled = true) => useApi('assessment.listForElder', input, enabled);
export const useAssessmentHomeCoverage = (enabled = true) => useApi('assessment.homeCoverage', {}, enabled);
export const useAssessmentRecordRisks = (options?: MutationOptions<'assessment.recordRisks'>) => useApiMutation('assessment.recordRisks', options);
export const useAssessmentRiskDue = (enabled = true) => useApi('assessment.riskDue', {}, enabled);
export const useAssessmentRisks = (input: In<'assessment.risks'>, enabled = true) => useApi('assessment.risks', input, enabled);
export const useAssessmentSaveDraft = (options?: MutationOptions<'assessment.saveDraft'>) => useApiMutation('assessment.saveDraft', options);
