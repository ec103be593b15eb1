// The settings data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useSettingsGet = (enabled = true) => useApi('settings.get', {}, enabled);
export const useSettingsReplaced = (enabled = true) => useApi('settings.replaced', {}, enabled);
export const useSettingsUpdate = (options?: MutationOptions<'settings.update'>) => useApiMutation('settings.update', options);
