// The handlers of the medication module (medication.*): its three parts, each binding its own methods.
import type { medicationApi } from '@shared/api/medication';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { medicationOrdersHandlers } from './orders-handlers';
import { medicationRoundHandlers } from './round-handlers';
import { medicationStockHandlers } from './stock-handlers';

export function medicationHandlers(context: HandlerContext): ModuleHandlers<typeof medicationApi> {
  return { ...medicationOrdersHandlers(context), ...medicationRoundHandlers(context), ...medicationStockHandlers(context) };
}
