// The handlers of the homecare module's settlement part.
import type { homecareSettlementApi } from '@shared/api/homecare-settlement';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function homecareSettlementHandlers(_context: HandlerContext): ModuleHandlers<typeof homecareSettlementApi> {
  return {};
}
