// The handlers of the health module's file part.
import type { healthFileApi } from '@shared/api/health-file';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function healthFileHandlers(_context: HandlerContext): ModuleHandlers<typeof healthFileApi> {
  return {};
}
