// The handlers of accounts (users.*): each method of the module's contract, bound to its service.
import { createUser, listUsers, resetPassword, resetPin, updateUser } from './users';
import type { usersApi } from '@shared/api/users';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function usersHandlers({ deps }: HandlerContext): ModuleHandlers<typeof usersApi> {
  return {
    'users.list': () => listUsers(deps),
    'users.create': (input, { caller }) => createUser(deps, caller, input),
    'users.update': (input, { caller }) => updateUser(deps, caller, input),
    'users.resetPassword': (input, { caller }) => resetPassword(deps, caller, input),
    'users.resetPin': (input, { caller }) => resetPin(deps, caller, input),
  };
}
