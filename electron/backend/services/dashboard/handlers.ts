// The handlers of the home page (dashboard.*): each method of the module's contract, bound to its service.
import { dashboardSummary } from './summary';
import type { dashboardApi } from '@shared/api/dashboard';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function dashboardHandlers({ deps }: HandlerContext): ModuleHandlers<typeof dashboardApi> {
  return {
    'dashboard.summary': () => dashboardSummary(deps),
  };
}
