// The residents data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation, useSearchApi } from '../../api/hooks';

export const useResidentsAdmit = (options?: MutationOptions<'residents.admit'>) => useApiMutation('residents.admit', options);
export const useResidentsArchive = (options?: MutationOptions<'residents.archive'>) => useApiMutation('residents.archive', options);
export const useResidentsCensus = (enabled = true) => useApi('residents.census', {}, enabled);
export const useResidentsDischarge = (options?: MutationOptions<'residents.discharge'>) => useApiMutation('residents.discharge', options);
export const useResidentsEndLeave = (options?: MutationOptions<'residents.endLeave'>) => useApiMutation('residents.endLeave', options);
export const useResidentsGet = (input: In<'residents.get'>, enabled = true) => useApi('residents.get', input, enabled);
export const useResidentsReadmit = (options?: MutationOptions<'residents.readmit'>) => useApiMutation('residents.readmit', options);
export const useResidentsRevealIdNumber = (options?: MutationOptions<'residents.revealIdNumber'>) => useApiMutation('residents.revealIdNumber', options);
export const useResidentsSearch = (input: In<'residents.search'>, enabled = true) => useApi('residents.search', input, enabled);
export const useResidentsStartLeave = (options?: MutationOptions<'residents.startLeave'>) => useApiMutation('residents.startLeave', options);
export const useResidentsTransfer = (options?: MutationOptions<'residents.transfer'>) => useApiMutation('residents.transfer', options);
export const useResidentsUpdate = (options?: MutationOptions<'residents.update'>) => useApiMutation('residents.update', options);

// Plain calls: none. Search-as-you-type keeps the previous results on screen while the next query runs.
export const useResidentsSearchAsYouType = (input: In<'residents.search'>) => useSearchApi('residents.search', input);
