// The auth data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useAuthChangePassword = (options?: MutationOptions<'auth.changePassword'>) => useApiMutation('auth.changePassword', options);
export const useAuthSetPin = (options?: MutationOptions<'auth.setPin'>) => useApiMutation('auth.setPin', options);
export const useAuthSetupAdmin = (options?: MutationOptions<'auth.setupAdmin'>) => useApiMutation('auth.setupAdmin', options);
export const useAuthStatus = (enabled = true) => useApi('auth.status', {}, enabled);
