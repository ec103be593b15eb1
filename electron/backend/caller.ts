// Who is calling the API. Every write carries the caller's name into the audit log.
import type { Role } from '@shared/api/roles';

export interface Caller {
  /** The account id (or a fixed id for the command line and the demo generator). */
  userId: string;
  /** The name written into the audit log and shown on records. */
  name: string;
  role: Role;
}
