// The careplan data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useCareplanGenerate = (options?: MutationOptions<'careplan.generate'>) => useApiMutation('careplan.generate', options);
export const useCareplanGet = (input: In<'careplan.get'>, enabled = true) => useApi('careplan.get', input, enabled);
export const useCareplanSaveTask = (options?: MutationOptions<'careplan.saveTask'>) => useApiMutation('careplan.saveTask', options);
