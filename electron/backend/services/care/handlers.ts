// The handlers of the care log of a shift (care.*): each method of the module's contract, bound to its service.
import { shiftCoverage } from './coverage';
import { amendEntry, recordEntry, recordRound } from './record';
import { exportLedger, ledger, monthlySummary, timeline } from './reports';
import { myShift, residentPhoto, residentShift, revealContactPhone } from './shift';
import type { careApi } from '@shared/api/care';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function careHandlers({ deps }: HandlerContext): ModuleHandlers<typeof careApi> {
  return {
    'care.myShift': (_input, { caller }) => myShift(deps, caller),
    'care.residentShift': (input, { caller }) => residentShift(deps, caller, input),
    'care.record': (input, { caller }) => recordEntry(deps, caller, input),
    'care.amend': (input, { caller }) => amendEntry(deps, caller, input),
    'care.round': (input, { caller }) => recordRound(deps, caller, input),
    'care.residentPhoto': (input) => residentPhoto(deps, input.residentId),
    'care.revealContactPhone': (input, { caller }) => revealContactPhone(deps, caller, input),
    'care.coverage': (input) => shiftCoverage(deps, input.shiftId, input.shiftDate),
    'care.timeline': (input) => timeline(deps, input.residentId, input.from, input.to),
    'care.monthly': (input) => monthlySummary(deps, input.month),
    'care.ledger': (input) => ledger(deps, input),
    'care.exportLedger': (input, { caller }) => exportLedger(deps, caller, input),
  };
}
