// The grades data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useGradesAssign = (options?: MutationOptions<'grades.assign'>) => useApiMutation('grades.assign', options);
export const useGradesHistory = (input: In<'grades.history'>, enabled = true) => useApi('grades.history', input, enabled);
export const useGradesList = (enabled = true) => useApi('grades.list', {}, enabled);
export const useGradesSave = (options?: MutationOptions<'grades.save'>) => useApiMutation('grades.save', options);
export const useGradesSuggest = (input: In<'grades.suggest'>, enabled = true) => useApi('grades.suggest', input, enabled);
