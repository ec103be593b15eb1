// The handlers of ability assessments, their schedule, and GB 38600 risk assessments (assessment.*): each method of the module's contract, bound to its service.
import { finalize, getAssessment, listAssessments, listElderAssessments, recordDispute, saveDraft } from './ability';
import { homeCoverage } from './home';
import { listRisks, recordRisks } from './risk';
import { dueRisks } from './risk-schedule';
import { dueAssessments } from './schedule';
import type { assessmentApi } from '@shared/api/assessment';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function assessmentHandlers({ deps }: HandlerContext): ModuleHandlers<typeof assessmentApi> {
  return {
    'assessment.list': (input) => listAssessments(deps, input.residentId),
    'assessment.get': (input, { caller }) => getAssessment(deps, caller, input.id),
    'assessment.listForElder': (input) => listElderAssessments(deps, input.elderId),
    'assessment.homeCoverage': () => homeCoverage(deps),
    'assessment.saveDraft': (input, { caller }) => saveDraft(deps, caller, input),
    'assessment.finalize': (input, { caller }) => finalize(deps, caller, input.id),
    'assessment.due': () => dueAssessments(deps),
    'assessment.dispute': (input, { caller }) => recordDispute(deps, caller, input),
    'assessment.recordRisks': (input, { caller }) => recordRisks(deps, caller, input),
    'assessment.risks': (input) => listRisks(deps, input.residentId),
    'assessment.riskDue': () => dueRisks(deps),
  };
}
