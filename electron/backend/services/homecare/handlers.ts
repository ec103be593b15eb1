// The handlers of the homecare module (homecare.*): its three parts, each binding its own methods.
import type { homecareApi } from '@shared/api/homecare';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { homecareDeliveryHandlers } from './delivery-handlers';
import { homecareSettlementHandlers } from './settlement-handlers';
import { homecareSetupHandlers } from './setup-handlers';

export function homecareHandlers(context: HandlerContext): ModuleHandlers<typeof homecareApi> {
  return { ...homecareSetupHandlers(context), ...homecareDeliveryHandlers(context), ...homecareSettlementHandlers(context) };
}
