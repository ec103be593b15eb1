// The handlers of the medication module's round part: the shift's doses, a resident's doses on a shift, the colleagues
// who may check a high-alert dose, recording and correcting doses, a 按需 dose's effect, and the monthly record.
import type { medicationRoundApi } from '@shared/api/medication-round';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { amendDose, prnEffect } from './amend-dose';
import { checkers } from './checker';
import { residentDoses, shiftDoses } from './due';
import { monthRecord } from './month-record';
import { exportMonthRecord } from './month-record-excel';
import { recordDose } from './record-dose';

export function medicationRoundHandlers({ deps }: HandlerContext): ModuleHandlers<typeof medicationRoundApi> {
  return {
    'medication.shiftDoses': (_input, { caller }) => shiftDoses(deps, caller),
    'medication.residentDoses': (input, { caller }) => residentDoses(deps, caller, input),
    'medication.checkers': (_input, { caller }) => checkers(deps, caller),
    'medication.recordDose': (input, { caller }) => recordDose(deps, caller, input),
    'medication.amendDose': (input, { caller }) => amendDose(deps, caller, input),
    'medication.prnEffect': (input, { caller }) => prnEffect(deps, caller, input),
    'medication.monthRecord': (input, { caller }) => monthRecord(deps, caller, input),
    'medication.exportMonthRecord': (input, { caller }) => exportMonthRecord(deps, caller, input),
  };
}
