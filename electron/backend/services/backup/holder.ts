// The live database behind the backend, which a restore swaps for another file. Services read `deps.db` at call
// time, so after a swap every call uses the restored database.
import type { BackendDeps } from '../../deps';
import type { OpenedDatabase } from '../../db/open';

export interface Recovery {
  problem: string;
}

export interface DatabaseHolder {
  deps: BackendDeps;
  /** null while the database could not be opened (recovery mode). */
  current: OpenedDatabase | null;
  recovery: Recovery | null;
  file: string;
  backupDir: string;
  /** Closes the current database (if any) and opens the file again. */
  reopen(): Promise<void>;
}
