// The handlers of the visits module (visits.*): each method of the module's contract, bound to its service.
import type { visitsApi } from '@shared/api/visits';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { closeFollowup, listFollowups, openFollowup } from './followups';
import { listHelpers, saveHelper } from './helpers';
import { visitsOfElder } from './history';
import { visitLedger } from './ledger';
import { visitsOverview } from './overview';
import { weekPlan } from './plan';
import { recordVisit, voidVisit } from './record';
import { closeSpecial, listSpecialReports, reportSpecial } from './special';

export function visitsHandlers({ deps }: HandlerContext): ModuleHandlers<typeof visitsApi> {
  return {
    'visits.helpers': (input) => listHelpers(deps, input.includeRetired),
    'visits.saveHelper': (input, { caller }) => saveHelper(deps, caller, input),
    'visits.plan': (input) => weekPlan(deps, input.monday, input.villageId),
    'visits.record': (input, { caller }) => recordVisit(deps, caller, input),
    'visits.void': (input, { caller }) => voidVisit(deps, caller, input),
    'visits.ofElder': (input) => visitsOfElder(deps, input.elderId),
    'visits.followups': (input) => listFollowups(deps, input.status, input.villageId),
    'visits.openFollowup': (input, { caller }) => openFollowup(deps, caller, input),
    'visits.closeFollowup': (input, { caller }) => closeFollowup(deps, caller, input),
    'visits.specialReports': (input) => listSpecialReports(deps.db, input.status),
    'visits.reportSpecial': (input, { caller }) => reportSpecial(deps, caller, input),
    'visits.closeSpecial': (input, { caller }) => closeSpecial(deps, caller, input),
    'visits.overview': (input) => visitsOverview(deps, input.month),
    'visits.ledger': (input) => visitLedger(deps, input),
  };
}
