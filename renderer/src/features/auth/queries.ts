// The auth data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import type { In, Out } from '@shared/api/contract';
import { type ApiCallError, call } from '../../api/client';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useAuthChangePassword = (options?: MutationOptions<'auth.changePassword'>) => useApiMutation('auth.changePassword', options);
export const useAuthSetPin = (options?: MutationOptions<'auth.setPin'>) => useApiMutation('auth.setPin', options);
export const useAuthSetupAdmin = (options?: MutationOptions<'auth.setupAdmin'>) => useApiMutation('auth.setupAdmin', options);
export const useAuthStatus = (enabled = true) => useApi('auth.status', {}, enabled);

// Plain calls and the sign-in mutations: outside the refresh-everything of api/hooks, because signing in, out or
// locking settles the queries itself (session-switch.ts) and a heartbeat changes nothing on screen.
export const lockSession = () => call('auth.lock', {});
export const signOut = () => call('auth.logout', {});
export const heartbeat = () => call('auth.heartbeat', {});

type SignInOptions<M extends 'auth.login' | 'auth.pinLogin', I> = Pick<UseMutationOptions<Out<M>, ApiCallError, I>, 'onSuccess' | 'onError'>;
export const usePinLogin = (userId: string, options: SignInOptions<'auth.pinLogin', string>) =>
  useMutation<Out<'auth.pinLogin'>, ApiCallError, string>({ mutationFn: (pin) => call('auth.pinLogin', { userId, pin }), ...options });
export const usePasswordLogin = (options: SignInOptions<'auth.login', In<'auth.login'>>) =>
  useMutation<Out<'auth.login'>, ApiCallError, In<'auth.login'>>({ mutationFn: (input) => call('auth.login', input), ...options });
