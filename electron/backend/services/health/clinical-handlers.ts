// The handlers of the health module's clinical part.
import type { healthClinicalApi } from '@shared/api/health-clinical';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function healthClinicalHandlers(_context: HandlerContext): ModuleHandlers<typeof healthClinicalApi> {
  return {};
}
