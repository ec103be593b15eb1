// Who is calling the API. Every write carries the caller's name into the audit log.
import type { Role } from '../../shared/api/roles';

export interface Caller {
  /** Stable account id (the local operator until accounts exist). */
  userId: string;
  /** The name written into the audit log and shown on records. */
  name: string;
  role: Role;
}

/** Until sign-in exists (issue 3), the person at this PC acts as the centre's administrator. */
export const LOCAL_OPERATOR: Caller = { userId: 'local', name: '本机管理员', role: 'admin' };
