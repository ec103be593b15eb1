// The handlers of the medication module's orders part: the drug list, agreements, orders and the settings.
import type { medicationOrdersApi } from '@shared/api/medication-orders';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { medicationSettings, saveMedicationSettings } from './settings';

export function medicationOrdersHandlers({ deps }: HandlerContext): ModuleHandlers<typeof medicationOrdersApi> {
  return {
    'medication.settings': () => medicationSettings(deps),
    'medication.saveSettings': (input, { caller }) => saveMedicationSettings(deps, caller, input),
  };
}
