// The handover data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useHandoverAccept = (options?: MutationOptions<'handover.accept'>) => useApiMutation('handover.accept', options);
export const useHandoverDraft = (input: In<'handover.draft'>, enabled = true) => useApi('handover.draft', input, enabled);
export const useHandoverList = (input: In<'handover.list'>, enabled = true) => useApi('handover.list', input, enabled);
export const useHandoverPending = (enabled = true) => useApi('handover.pending', {}, enabled);
export const useHandoverSubmit = (options?: MutationOptions<'handover.submit'>) => useApiMutation('handover.submit', options);
