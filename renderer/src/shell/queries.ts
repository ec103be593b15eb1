// The shell data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { call } from '../api/client';
import { type MutationOptions, useApi, useApiMutation } from '../api/hooks';

export const useSystemInfo = (enabled = true) => useApi('system.info', {}, enabled);
export const useSystemLoadDemo = (options?: MutationOptions<'system.loadDemo'>) => useApiMutation('system.loadDemo', options);

// Plain calls, outside React Query: each asks once.
export const fetchSystemInfo = () => call('system.info', {});
