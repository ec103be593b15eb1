// The handlers of signing in and out — passwords, PINs, the idle lock (auth.*): each method of the module's contract, bound to its service.
import { authStatus, changePassword, login, pinLogin, setPin, setupAdmin } from './auth';
import type { authApi } from '@shared/api/auth';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function authHandlers({ deps, platform }: HandlerContext): ModuleHandlers<typeof authApi> {
  return {
    'auth.status': (_input, { session }) => authStatus(deps, session),
    'auth.setupAdmin': (input, { session }) => setupAdmin(deps, session, input, platform),
    'auth.login': (input, { session }) => login(deps, session, input),
    'auth.pinLogin': (input, { session }) => pinLogin(deps, session, input),
    'auth.heartbeat': async () => ({ ok: true as const }),
    'auth.lock': async (_input, { session }) => (session.lock(), { ok: true as const }),
    'auth.logout': async (_input, { session }) => (session.signOut(), { ok: true as const }),
    'auth.changePassword': (input, { session, caller }) => changePassword(deps, session, caller, input),
    'auth.setPin': (input, { session, caller }) => setPin(deps, session, caller, input),
  };
}
