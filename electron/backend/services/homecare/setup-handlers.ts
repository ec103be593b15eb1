// The handlers of the homecare module's setup part.
import type { homecareSetupApi } from '@shared/api/homecare-setup';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function homecareSetupHandlers(_context: HandlerContext): ModuleHandlers<typeof homecareSetupApi> {
  return {};
}
