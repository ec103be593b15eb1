// The handlers of shift handovers (handover.*): each method of the module's contract, bound to its service.
import { acceptHandover, draftHandover, listHandovers, pendingHandovers, submitHandover } from './handover';
import type { handoverApi } from '@shared/api/handover';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function handoverHandlers({ deps }: HandlerContext): ModuleHandlers<typeof handoverApi> {
  return {
    'handover.draft': (input, { caller }) => draftHandover(deps, caller, input.shiftId, input.shiftDate),
    'handover.submit': (input, { caller }) => submitHandover(deps, caller, input),
    'handover.pending': (_input, { caller }) => pendingHandovers(deps, caller),
    'handover.accept': (input, { caller }) => acceptHandover(deps, caller, input),
    'handover.list': (input) => listHandovers(deps, input.from, input.to),
  };
}
