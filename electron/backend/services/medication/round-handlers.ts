// The handlers of the medication module's round part.
import type { medicationRoundApi } from '@shared/api/medication-round';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function medicationRoundHandlers(_context: HandlerContext): ModuleHandlers<typeof medicationRoundApi> {
  return {};
}
