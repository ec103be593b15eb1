// The homecare delivery data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useHomecarePlanned = (input: In<'homecare.planned'>, enabled = true) => useApi('homecare.planned', input, enabled);
export const useHomecareRecordChoices = (enabled = true) => useApi('homecare.recordChoices', {}, enabled);
export const useHomecareRecordVisit = (options?: MutationOptions<'homecare.recordVisit'>) => useApiMutation('homecare.recordVisit', options);
export const useHomecareRecordMissed = (options?: MutationOptions<'homecare.recordMissed'>) => useApiMutation('homecare.recordMissed', options);
export const useHomecareVoidVisit = (options?: MutationOptions<'homecare.voidVisit'>) => useApiMutation('homecare.voidVisit', options);
export const useHomecareVisits = (input: In<'homecare.visits'>, enabled = true) => useApi('homecare.visits', input, enabled);
export const useHomecareVisitPhoto = (input: In<'homecare.visitPhoto'>, enabled = true) => useApi('homecare.visitPhoto', input, enabled);
export const useHomecareElderMonth = (input: In<'homecare.elderMonth'>, enabled = true) => useApi('homecare.elderMonth', input, enabled);
export const useHomecareVillages = () => useApi('elders.villages', {});
