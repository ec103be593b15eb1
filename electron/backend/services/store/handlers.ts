// The handlers of where the data is kept (store.*): each method of the module's contract, bound to its service.
import type { storeApi } from '@shared/api/store';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { assertMayChangeStore } from './access';
import { checkPostgres } from './check';
import { storeStatus } from './status';
import { retryStore, useFile, usePostgres } from './use';

export function storeHandlers({ deps, holder, platform }: HandlerContext): ModuleHandlers<typeof storeApi> {
  return {
    'store.status': async () => storeStatus(holder),
    'store.check': async (input, { session }) => {
      await assertMayChangeStore(deps, holder, session);
      return checkPostgres(deps, holder, input);
    },
    'store.usePostgres': (input, { session }) => usePostgres(deps, holder, platform, session, input),
    'store.retry': async () => retryStore(holder),
    'store.useFile': (_input, { session }) => useFile(deps, holder, session),
  };
}
