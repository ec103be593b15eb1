// The handlers of the mutualaid module (mutualaid.*): each method of the module's contract, bound to its service.
import type { mutualaidApi } from '@shared/api/mutualaid';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { checkActivity, listActivities, recordActivity, voidActivity } from './activities';
import { attend, attendance, cancelAssociation, listAssociations, saveAssociation } from './association';
import { balances, correct, ledger, redeem } from './bank';
import { endPair, pairRows, savePair } from './pairs';
import { aidSheet, elderAid } from './reads';
import { readAidSettings, saveAidSettings } from './settings';

export function mutualaidHandlers({ deps }: HandlerContext): ModuleHandlers<typeof mutualaidApi> {
  return {
    'mutualaid.settings': () => readAidSettings(deps.db),
    'mutualaid.saveSettings': (input, { caller }) => saveAidSettings(deps, caller, input),
    'mutualaid.pairs': (input) => pairRows(deps.db, input),
    'mutualaid.savePair': (input, { caller }) => savePair(deps, caller, input),
    'mutualaid.endPair': (input, { caller }) => endPair(deps, caller, input),
    'mutualaid.activities': (input) => listActivities(deps.db, input),
    'mutualaid.recordActivity': (input, { caller }) => recordActivity(deps, caller, input),
    'mutualaid.checkActivity': (input, { caller }) => checkActivity(deps, caller, input.id),
    'mutualaid.voidActivity': (input, { caller }) => voidActivity(deps, caller, input),
    'mutualaid.balances': (input) => balances(deps.db, input),
    'mutualaid.ledger': (input) => ledger(deps.db, input.helperId),
    'mutualaid.redeem': (input, { caller }) => redeem(deps, caller, input),
    'mutualaid.correct': (input, { caller }) => correct(deps, caller, input),
    'mutualaid.associations': (input) => listAssociations(deps.db, input),
    'mutualaid.saveAssociation': (input, { caller }) => saveAssociation(deps, caller, input),
    'mutualaid.cancelAssociation': (input, { caller }) => cancelAssociation(deps, caller, input),
    'mutualaid.attendance': (input) => attendance(deps.db, input.activityId, input.search),
    'mutualaid.attend': (input, { caller }) => attend(deps, caller, input),
    'mutualaid.ofElder': (input) => elderAid(deps.db, input.elderId),
    'mutualaid.sheet': (input) => aidSheet(deps.db, input.month, input.villageId),
  };
}
