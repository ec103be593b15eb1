// The handlers of the homecare module's delivery part.
import type { homecareDeliveryApi } from '@shared/api/homecare-delivery';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function homecareDeliveryHandlers(_context: HandlerContext): ModuleHandlers<typeof homecareDeliveryApi> {
  return {};
}
