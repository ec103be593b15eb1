// The handlers of care grades (grades.*): each method of the module's contract, bound to its service.
import { assignGrade, gradeHistory, listGrades, saveGrade, suggestGrade } from './grades';
import type { gradesApi } from '@shared/api/grades';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function gradesHandlers({ deps }: HandlerContext): ModuleHandlers<typeof gradesApi> {
  return {
    'grades.list': () => listGrades(deps),
    'grades.save': (input, { caller }) => saveGrade(deps, caller, input),
    'grades.suggest': (input) => suggestGrade(deps.db, input.residentId),
    'grades.assign': (input, { caller }) => assignGrade(deps, caller, input),
    'grades.history': (input) => gradeHistory(deps, input.residentId),
  };
}
