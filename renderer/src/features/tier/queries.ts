// The tier data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { call } from '../../api/client';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useTierCountyAnswer = (options?: MutationOptions<'tier.countyAnswer'>) => useApiMutation('tier.countyAnswer', options);
export const useTierCountyProposals = (enabled = true) => useApi('tier.countyProposals', {}, enabled);
export const useTierDecide = (options?: MutationOptions<'tier.decide'>) => useApiMutation('tier.decide', options);
export const useTierImportAnswers = (options?: MutationOptions<'tier.importAnswers'>) => useApiMutation('tier.importAnswers', options);
export const useTierOverview = (input: In<'tier.overview'>, enabled = true) => useApi('tier.overview', input, enabled);
export const useTierRecord = (options?: MutationOptions<'tier.record'>) => useApiMutation('tier.record', options);
export const useTierWaiting = (enabled = true) => useApi('tier.waiting', {}, enabled);

// Plain calls (the county's answer file), outside React Query: asked once, when the person taps.
export const fetchAnswerFile = (centreCode: string) => call('tier.answerFile', { centreCode });
