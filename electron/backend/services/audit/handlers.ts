// The handlers of the audit trail (audit.*): each method of the module's contract, bound to its service.
import { exportAudit } from './export';
import { searchAudit } from './search';
import type { auditApi } from '@shared/api/audit';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function auditHandlers({ deps }: HandlerContext): ModuleHandlers<typeof auditApi> {
  return {
    'audit.search': (input) => searchAudit(deps, input),
    'audit.export': (input, { caller }) => exportAudit(deps, caller, input),
  };
}
