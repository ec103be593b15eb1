// The handlers of the medication module's stock part: receiving, what is left and its warnings, counts, returns and
// destruction, a batch's ledger and the printed 代管药品登记.
import type { medicationStockApi } from '@shared/api/medication-stock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { countDetail, countList, countMedicines } from './counts';
import { disposeMedicine } from './dispose';
import { batchLedger, stockSheet } from './ledger';
import { receiveChoices, receiveMedicine } from './receive';
import { stock, stockAlerts } from './stock';

export function medicationStockHandlers({ deps }: HandlerContext): ModuleHandlers<typeof medicationStockApi> {
  return {
    'medication.receive': (input, { caller }) => receiveMedicine(deps, caller, input),
    'medication.receiveChoices': () => receiveChoices(deps.db),
    'medication.stock': (input) => stock(deps, input),
    'medication.stockAlerts': () => stockAlerts(deps),
    'medication.count': (input, { caller }) => countMedicines(deps, caller, input),
    'medication.counts': (input) => countList(deps, input.limit),
    'medication.countDetail': (input) => countDetail(deps, input.id),
    'medication.dispose': (input, { caller }) => disposeMedicine(deps, caller, input),
    'medication.batchLedger': (input) => batchLedger(deps, input.batchId),
    'medication.stockSheet': (input) => stockSheet(deps, input),
  };
}
