// Opens the centre's database: pragmas for power cuts, migrations with a backup first, and the Kysely handle.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { type MigrateResult, assertKnownVersion, migrate } from './migrate';
import type { Migration } from './migrations';
import type { DB } from './schema';
import { ReadOnlyGuard } from './read-only';
import { SqliteDialectKeepingErrors } from './sqlite-dialect';

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
  migration: MigrateResult;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Folder for pre-migration copies; defaults to `<db folder>/../backups`. */
  backupDir?: string;
  migrations?: readonly Migration[];
  /** A native binding built for Electron's ABI, when the Node build cannot be loaded. */
  nativeBinding?: string;
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL'); // a committed write survives a power cut
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 32 MB of page cache (the default is 2 MB): ten years of care records are gigabytes, and the hot pages of today's
  // shifts and menus stay in memory instead of being read again from an old PC's disk.
  sqlite.pragma('cache_size = -32000');
}

function timestampForFile(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Opens the file and reads its version. On a disk without a byte free, WAL mode cannot make its shared-memory file
 * (SQLITE_IOERR_SHMSIZE): opened again in exclusive locking mode, which keeps that index in memory, so the program
 * still starts, shows the records and says the disk is full (issue 25). One program opens the file, so nothing is lost.
 */
function openConnection(file: string, options: OpenOptions): Database.Database {
  const settings = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const sqlite = new Database(file, settings);
  try {
    assertKnownVersion(sqlite, options.migrations);
    return sqlite;
  } catch (error) {
    sqlite.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code !== 'SQLITE_FULL' && !code.startsWith('SQLITE_IOERR')) throw error;
  }
  const exclusive = new Database(file, settings);
  try {
    exclusive.pragma('busy_timeout = 5000'); // as applyPragmas: a moment's wait, not "locked" at once
    exclusive.pragma('locking_mode = EXCLUSIVE');
    assertKnownVersion(exclusive, options.migrations);
    return exclusive;
  } catch (error) {
    exclusive.close();
    throw error;
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = openConnection(file, options);
  try {
    applyPragmas(sqlite);
    const backupDir = options.backupDir ?? path.join(path.dirname(file), '..', 'backups');
    const migration = await migrate(sqlite, {
      migrations: options.migrations,
      backup: async (from, to) => {
        fs.mkdirSync(backupDir, { recursive: true, mode: 0o700 });
        await sqlite.backup(path.join(backupDir, `pre-migrate-v${from}-v${to}-${timestampForFile()}.sqlite`));
      },
    });
    const db = new Kysely<DB>({
      dialect: new SqliteDialectKeepingErrors(sqlite),
      plugins: [new CamelCasePlugin(), new ReadOnlyGuard()],
    });
    return {
      sqlite,
      db,
      file,
      migration,
      close: async () => {
        await db.destroy(); // closes the better-sqlite3 handle too
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
