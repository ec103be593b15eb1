// The roster data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useRosterAssign = (options?: MutationOptions<'roster.assign'>) => useApiMutation('roster.assign', options);
export const useRosterAssignDays = (options?: MutationOptions<'roster.assignDays'>) => useApiMutation('roster.assignDays', options);
export const useRosterCopyWeek = (options?: MutationOptions<'roster.copyWeek'>) => useApiMutation('roster.copyWeek', options);
export const useRosterFillWeek = (options?: MutationOptions<'roster.fillWeek'>) => useApiMutation('roster.fillWeek', options);
export const useRosterOnDuty = (enabled = true) => useApi('roster.onDuty', {}, enabled);
export const useRosterSaveShift = (options?: MutationOptions<'roster.saveShift'>) => useApiMutation('roster.saveShift', options);
export const useRosterShifts = (enabled = true) => useApi('roster.shifts', {}, enabled);
export const useRosterWeek = (input: In<'roster.week'>, enabled = true) => useApi('roster.week', input, enabled);
