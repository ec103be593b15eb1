// Handlers of the tier module (tier.*): the centre's proposals and the county's decisions, on both sides.
import type { tierApi } from '@shared/api/tier';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { answerFile, importAnswers } from './answer-file';
import { answerProposal, countyProposals } from './county';
import { recordDecision, tierOverview } from './decisions';
import { listTiers, recordTier, waitingTiers } from './tier';

export function tierHandlers({ deps, platform }: HandlerContext): ModuleHandlers<typeof tierApi> {
  return {
    'tier.record': (input, { caller }) => recordTier(deps, caller, input),
    'tier.list': (input) => listTiers(deps, input.residentId),
    'tier.overview': (input) => tierOverview(deps, input.residentId),
    'tier.waiting': () => waitingTiers(deps),
    'tier.decide': (input, { caller }) => recordDecision(deps, caller, input),
    'tier.importAnswers': (input, { caller }) => importAnswers(deps, caller, platform, input.text),
    'tier.countyProposals': () => countyProposals(deps),
    'tier.countyAnswer': (input, { caller }) => answerProposal(deps, caller, input),
    'tier.answerFile': (input, { caller }) => answerFile(deps, caller, platform, input.centreCode),
  };
}
