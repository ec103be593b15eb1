// The handlers of incidents (incidents.*): each method of the module's contract, bound to its service.
import { closeIncident, followUp, listIncidents, reportIncident, riskEventCounts } from './incidents';
import type { incidentsApi } from '@shared/api/incidents';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function incidentsHandlers({ deps }: HandlerContext): ModuleHandlers<typeof incidentsApi> {
  return {
    'incidents.report': (input, { caller }) => reportIncident(deps, caller, input),
    'incidents.list': (input) => listIncidents(deps, input),
    'incidents.followUp': (input, { caller }) => followUp(deps, caller, input),
    'incidents.close': (input, { caller }) => closeIncident(deps, caller, input),
    'incidents.riskEvents': (input) => riskEventCounts(deps, input.residentId, input.onDate),
  };
}
