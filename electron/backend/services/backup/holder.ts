// The live database behind the backend, which a restore swaps for another file. Services read `deps.db` at call
// time, so after a swap every call uses the restored database.
import type { BackendDeps } from '../../deps';
import type { OpenedDatabase } from '../../db/open';
import type { OpenedPostgres } from '../../db/postgres/open';

export interface Recovery {
  problem: string;
  /** Which store failed to open: the SQLite file (restore a backup) or the PostgreSQL server (reach it, or change it). */
  store: 'sqlite' | 'postgres';
  /** The SQLite file is fine but its disk has no room to open it (issue 25): free space and try again, no restore. */
  diskFull?: boolean;
}

export interface DatabaseHolder {
  deps: BackendDeps;
  /** The SQLite file; null while it could not be opened (recovery mode), and when the store is PostgreSQL. */
  current: OpenedDatabase | null;
  /** The county's PostgreSQL store (issue 20), when this installation uses one instead of the SQLite file. */
  postgres: OpenedPostgres | null;
  recovery: Recovery | null;
  /** The installation's data folder (the SQLite file, its backups, and the store settings live under it). */
  dataDir: string;
  file: string;
  backupDir: string;
  /** Closes the current database (if any) and opens the store again. */
  reopen(): Promise<void>;
}
