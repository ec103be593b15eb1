// The users data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useUsersCreate = (options?: MutationOptions<'users.create'>) => useApiMutation('users.create', options);
export const useUsersList = (enabled = true) => useApi('users.list', {}, enabled);
export const useUsersResetPassword = (options?: MutationOptions<'users.resetPassword'>) => useApiMutation('users.resetPassword', options);
export const useUsersResetPin = (options?: MutationOptions<'users.resetPin'>) => useApiMutation('users.resetPin', options);
export const useUsersUpdate = (options?: MutationOptions<'users.update'>) => useApiMutation('users.update', options);
