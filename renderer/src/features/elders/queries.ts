// The register's data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation, useSearchApi } from '../../api/hooks';

export const useEldersSettings = (enabled = true) => useApi('elders.settings', {}, enabled);
export const useEldersSaveSettings = (options?: MutationOptions<'elders.saveSettings'>) => useApiMutation('elders.saveSettings', options);
export const useEldersVillages = (input: In<'elders.villages'>, enabled = true) => useApi('elders.villages', input, enabled);
export const useEldersSaveVillage = (options?: MutationOptions<'elders.saveVillage'>) => useApiMutation('elders.saveVillage', options);
export const useEldersList = (input: In<'elders.list'>, enabled = true) => useApi('elders.list', input, enabled);
export const useEldersGet = (input: In<'elders.get'>, enabled = true) => useApi('elders.get', input, enabled);
export const useEldersSave = (options?: MutationOptions<'elders.save'>) => useApiMutation('elders.save', options);
export const useEldersSetRisk = (options?: MutationOptions<'elders.setRisk'>) => useApiMutation('elders.setRisk', options);
export const useEldersSetStatus = (options?: MutationOptions<'elders.setStatus'>) => useApiMutation('elders.setStatus', options);
export const useEldersSaveRelative = (options?: MutationOptions<'elders.saveRelative'>) => useApiMutation('elders.saveRelative', options);
export const useEldersRemoveRelative = (options?: MutationOptions<'elders.removeRelative'>) => useApiMutation('elders.removeRelative', options);
export const useEldersSaveAgreement = (options?: MutationOptions<'elders.saveAgreement'>) => useApiMutation('elders.saveAgreement', options);
export const useEldersEndAgreement = (options?: MutationOptions<'elders.endAgreement'>) => useApiMutation('elders.endAgreement', options);

// Search-as-you-type: the previous results stay on screen while the next query runs.
export const useEldersListAsYouType = (input: In<'elders.list'>) => useSearchApi('elders.list', input);
