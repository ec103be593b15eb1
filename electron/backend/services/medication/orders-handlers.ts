// The handlers of the medication module's orders part: the drug list, agreements, orders and the settings.
import type { medicationOrdersApi } from '@shared/api/medication-orders';
import { todayIn } from '../../clock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { agreementPhoto, endAgreement, listAgreements, startAgreement } from './agreements';
import { listDrugs, saveDrug } from './drugs';
import { centreOrders, changeOrder, residentOrders, startOrder, stopOrder } from './orders';
import { medicationSettings, saveMedicationSettings } from './settings';

export function medicationOrdersHandlers({ deps }: HandlerContext): ModuleHandlers<typeof medicationOrdersApi> {
  const today = () => todayIn(deps.clock);
  return {
    'medication.settings': () => medicationSettings(deps),
    'medication.saveSettings': (input, { caller }) => saveMedicationSettings(deps, caller, input),
    'medication.drugs': (input) => listDrugs(deps.db, input, today()),
    'medication.saveDrug': (input, { caller }) => saveDrug(deps, caller, input),
    'medication.agreements': (input) => listAgreements(deps.db, input),
    'medication.agreementPhoto': (input) => agreementPhoto(deps.db, input.id),
    'medication.startAgreement': (input, { caller }) => startAgreement(deps, caller, input),
    'medication.endAgreement': (input, { caller }) => endAgreement(deps, caller, input),
    'medication.orders': (input) => centreOrders(deps.db, input, today()),
    'medication.residentOrders': (input) => residentOrders(deps.db, input, today()),
    'medication.startOrder': (input, { caller }) => startOrder(deps, caller, input),
    'medication.stopOrder': (input, { caller }) => stopOrder(deps, caller, input),
    'medication.changeOrder': (input, { caller }) => changeOrder(deps, caller, input),
  };
}
