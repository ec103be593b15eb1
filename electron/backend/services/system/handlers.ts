// The handlers of the program itself — what runs where, and the demo data (system.*): each method of the module's contract, bound to its service.
import { loadDemo } from './demo';
import { systemInfo } from './info';
import type { systemApi } from '@shared/api/system';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function systemHandlers({ deps }: HandlerContext): ModuleHandlers<typeof systemApi> {
  return {
    'system.info': (_input, { caller }) => systemInfo(deps, caller),
    'system.loadDemo': (_input, { caller }) => loadDemo(deps, caller),
  };
}
