// The handlers of staff files (staff.*): each method of the module's contract, bound to its service.
import { staffNames } from './names';
import { addTraining, expiringCertificates, hireStaff, listStaff, saveStaff } from './staff';
import type { staffApi } from '@shared/api/staff';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function staffHandlers({ deps }: HandlerContext): ModuleHandlers<typeof staffApi> {
  return {
    'staff.list': (input) => listStaff(deps, input.includeLeft),
    'staff.hire': (input, { caller }) => hireStaff(deps, caller, input),
    'staff.save': (input, { caller }) => saveStaff(deps, caller, input),
    'staff.addTraining': (input, { caller }) => addTraining(deps, caller, input),
    'staff.expiring': () => expiringCertificates(deps),
    'staff.names': () => staffNames(deps),
  };
}
