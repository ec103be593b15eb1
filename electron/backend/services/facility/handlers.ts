// The handlers of the centre, its buildings, rooms and beds (facility.*): each method of the module's contract, bound to its service.
import { bedMap } from './bed-map';
import * as layout from './layout';
import { getProfile, saveProfile } from './profile';
import type { facilityApi } from '@shared/api/facility';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function facilityHandlers({ deps }: HandlerContext): ModuleHandlers<typeof facilityApi> {
  return {
    'facility.get': () => getProfile(deps),
    'facility.save': (input, { caller }) => saveProfile(deps, caller, input),
    'facility.bedMap': (input) => bedMap(deps, input),
    'facility.addBuilding': (input, { caller }) => layout.addBuilding(deps, caller, input),
    'facility.updateBuilding': (input, { caller }) => layout.updateBuilding(deps, caller, input),
    'facility.retireBuilding': (input, { caller }) => layout.retireBuilding(deps, caller, input),
    'facility.addRoom': (input, { caller }) => layout.addRoom(deps, caller, input),
    'facility.updateRoom': (input, { caller }) => layout.updateRoom(deps, caller, input),
    'facility.retireRoom': (input, { caller }) => layout.retireRoom(deps, caller, input),
    'facility.addBed': (input, { caller }) => layout.addBed(deps, caller, input),
    'facility.updateBed': (input, { caller }) => layout.updateBed(deps, caller, input),
    'facility.retireBed': (input, { caller }) => layout.retireBed(deps, caller, input),
  };
}
