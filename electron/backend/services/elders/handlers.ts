// The handlers of the village elders' register (elders.*): each method of the module's contract, bound to its service.
import type { eldersApi } from '@shared/api/elders';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { endAgreement, saveAgreement } from './agreements';
import { setRiskOverride } from './care-level';
import { agreementLedger, registerLedger } from './ledger';
import { getElder, listElders, saveElder } from './register';
import { removeRelative, saveRelative } from './relatives';
import { readElderSettings, saveElderSettings } from './settings';
import { setElderStatus } from './status';
import { listVillages, saveVillage } from './villages';

export function eldersHandlers({ deps }: HandlerContext): ModuleHandlers<typeof eldersApi> {
  return {
    'elders.settings': () => readElderSettings(deps.db),
    'elders.saveSettings': (input, { caller }) => saveElderSettings(deps, caller, input),
    'elders.villages': (input) => listVillages(deps, input.includeRetired),
    'elders.saveVillage': (input, { caller }) => saveVillage(deps, caller, input),
    'elders.list': (input) => listElders(deps, input),
    'elders.get': (input) => getElder(deps, input.id),
    'elders.save': (input, { caller }) => saveElder(deps, caller, input),
    'elders.setRisk': (input, { caller }) => setRiskOverride(deps, caller, input),
    'elders.setStatus': (input, { caller }) => setElderStatus(deps, caller, input),
    'elders.saveRelative': (input, { caller }) => saveRelative(deps, caller, input),
    'elders.removeRelative': (input, { caller }) => removeRelative(deps, caller, input),
    'elders.saveAgreement': (input, { caller }) => saveAgreement(deps, caller, input),
    'elders.endAgreement': (input, { caller }) => endAgreement(deps, caller, input),
    'elders.ledger': (input) => registerLedger(deps, input.villageId),
    'elders.agreementLedger': (input) => agreementLedger(deps, input.villageId),
  };
}
