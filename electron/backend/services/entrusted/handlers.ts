// The handlers of the entrusted module (entrusted.*): each method of the module's contract, bound to its service.
import type { entrustedApi } from '@shared/api/entrusted';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { agreementPhoto, createAgreement, elderEntrusted, endAgreement, listAgreements, listCandidates, listProviders } from './agreements';
import { recordCheck, voidCheck } from './checks';
import { exportMonth, monthList } from './month';
import { readEntrustedSettings, saveEntrustedSettings } from './settings';

export function entrustedHandlers({ deps }: HandlerContext): ModuleHandlers<typeof entrustedApi> {
  return {
    'entrusted.settings': () => readEntrustedSettings(deps.db),
    'entrusted.saveSettings': (input, { caller }) => saveEntrustedSettings(deps, caller, input),
    'entrusted.candidates': () => listCandidates(deps),
    'entrusted.providers': () => listProviders(deps),
    'entrusted.agreements': (input) => listAgreements(deps, input),
    'entrusted.createAgreement': (input, { caller }) => createAgreement(deps, caller, input),
    'entrusted.endAgreement': (input, { caller }) => endAgreement(deps, caller, input),
    'entrusted.recordCheck': (input, { caller }) => recordCheck(deps, caller, input),
    'entrusted.voidCheck': (input, { caller }) => voidCheck(deps, caller, input),
    'entrusted.agreementPhoto': (input) => agreementPhoto(deps, input.id),
    'entrusted.ofElder': (input) => elderEntrusted(deps, input.elderId),
    'entrusted.month': (input) => monthList(deps, input),
    'entrusted.exportMonth': (input, { caller }) => exportMonth(deps, caller, input),
  };
}
