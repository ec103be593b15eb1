// The staff data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useStaffAddTraining = (options?: MutationOptions<'staff.addTraining'>) => useApiMutation('staff.addTraining', options);
export const useStaffExpiring = (enabled = true) => useApi('staff.expiring', {}, enabled);
export const useStaffHire = (options?: MutationOptions<'staff.hire'>) => useApiMutation('staff.hire', options);
export const useStaffList = (input: In<'staff.list'>, enabled = true) => useApi('staff.list', input, enabled);
export const useStaffNames = (enabled = true) => useApi('staff.names', {}, enabled);
export const useStaffSave = (options?: MutationOptions<'staff.save'>) => useApiMutation('staff.save', options);
