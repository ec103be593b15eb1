// The handlers of accounts (users.*): each method of the module's contract, bound to its service.
import { createUser, listUsers, resetPassword, resetPin, updateUser } from './users';
import type { usersApi } from '@shared/api/users';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { restampOwnAccount } from '../../security/recheck';

export function usersHandlers({ deps }: HandlerContext): ModuleHandlers<typeof usersApi> {
  return {
    'users.list': () => listUsers(deps),
    'users.create': (input, { caller }) => createUser(deps, caller, input),
    'users.update': (input, { caller }) => updateUser(deps, caller, input),
    // Another person's sessions end at their next call (security/recheck.ts); the administrator's own screen does not.
    'users.resetPassword': async (input, { session, caller }) => {
      const result = await resetPassword(deps, caller, input);
      await restampOwnAccount(deps.db, session, input.id, { password: input.password });
      return result;
    },
    'users.resetPin': async (input, { session, caller }) => {
      const result = await resetPin(deps, caller, input);
      await restampOwnAccount(deps.db, session, input.id, { pin: input.pin });
      return result;
    },
  };
}
