// The handlers of the medication module's stock part.
import type { medicationStockApi } from '@shared/api/medication-stock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function medicationStockHandlers(_context: HandlerContext): ModuleHandlers<typeof medicationStockApi> {
  return {};
}
