// The handlers of the centre's settings (settings.*): each method of the module's contract, bound to its service.
import { readSettings, readSettingsChecked, updateSettings } from './settings';
import type { settingsApi } from '@shared/api/settings';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function settingsHandlers({ deps }: HandlerContext): ModuleHandlers<typeof settingsApi> {
  return {
    'settings.get': () => readSettings(deps.db),
    'settings.replaced': async () => (await readSettingsChecked(deps.db)).replaced,
    'settings.update': (input, { caller }) => updateSettings(deps, caller, input),
  };
}
