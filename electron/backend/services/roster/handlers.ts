// The handlers of shifts and the roster (roster.*): each method of the module's contract, bound to its service.
import { assignDays, fillWeek } from './bulk';
import { assign, copyWeek, onDuty, rosterWeek } from './roster';
import { listShifts, saveShift } from './shifts';
import type { rosterApi } from '@shared/api/roster';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function rosterHandlers({ deps }: HandlerContext): ModuleHandlers<typeof rosterApi> {
  return {
    'roster.shifts': () => listShifts(deps),
    'roster.saveShift': (input, { caller }) => saveShift(deps, caller, input),
    'roster.week': (input) => rosterWeek(deps, input.monday),
    'roster.assign': (input, { caller }) => assign(deps, caller, input),
    'roster.assignDays': (input, { caller }) => assignDays(deps, caller, input),
    'roster.fillWeek': (input, { caller }) => fillWeek(deps, caller, input),
    'roster.copyWeek': (input, { caller }) => copyWeek(deps, caller, input.monday),
    'roster.onDuty': () => onDuty(deps),
  };
}
