// The handlers of the mutualaid module (mutualaid.*): each method of the module's contract, bound to its service.
import type { mutualaidApi } from '@shared/api/mutualaid';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function mutualaidHandlers(_context: HandlerContext): ModuleHandlers<typeof mutualaidApi> {
  return {};
}
