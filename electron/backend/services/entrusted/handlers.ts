// The handlers of the entrusted module (entrusted.*): each method of the module's contract, bound to its service.
import type { entrustedApi } from '@shared/api/entrusted';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function entrustedHandlers(_context: HandlerContext): ModuleHandlers<typeof entrustedApi> {
  return {};
}
