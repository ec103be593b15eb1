// The facility data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useFacilityAddBed = (options?: MutationOptions<'facility.addBed'>) => useApiMutation('facility.addBed', options);
export const useFacilityAddBuilding = (options?: MutationOptions<'facility.addBuilding'>) => useApiMutation('facility.addBuilding', options);
export const useFacilityAddRoom = (options?: MutationOptions<'facility.addRoom'>) => useApiMutation('facility.addRoom', options);
export const useFacilityBedMap = (input: In<'facility.bedMap'>, enabled = true) => useApi('facility.bedMap', input, enabled);
export const useFacilityGet = (enabled = true) => useApi('facility.get', {}, enabled);
export const useFacilityRetireBed = (options?: MutationOptions<'facility.retireBed'>) => useApiMutation('facility.retireBed', options);
export const useFacilityRetireBuilding = (options?: MutationOptions<'facility.retireBuilding'>) => useApiMutation('facility.retireBuilding', options);
export const useFacilityRetireRoom = (options?: MutationOptions<'facility.retireRoom'>) => useApiMutation('facility.retireRoom', options);
export const useFacilitySave = (options?: MutationOptions<'facility.save'>) => useApiMutation('facility.save', options);
export const useFacilityUpdateBed = (options?: MutationOptions<'facility.updateBed'>) => useApiMutation('facility.updateBed', options);
