// The handlers of care plans (careplan.*): each method of the module's contract, bound to its service.
import { carePlan, generatePlan, saveTask } from './careplan';
import type { careplanApi } from '@shared/api/careplan';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function careplanHandlers({ deps }: HandlerContext): ModuleHandlers<typeof careplanApi> {
  return {
    'careplan.get': (input) => carePlan(deps, input.residentId),
    'careplan.generate': (input, { caller }) => generatePlan(deps, caller, input.residentId),
    'careplan.saveTask': (input, { caller }) => saveTask(deps, caller, input),
  };
}
