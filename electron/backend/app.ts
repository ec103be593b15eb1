// Starting the backend for either shell: the database in <dataDir>/data, backups in <dataDir>/backups, the dispatcher.
// A database that fails its start-up check does not crash the app: it starts in recovery mode and offers backups.
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BackendDeps } from './deps';
import type { DatabaseHolder, Recovery } from './services/backup/holder';
import { BackupService } from './services/backup/service';
import { DiskMonitor } from './services/disk/monitor';
import { writeDeferred } from './services/disk/deferred';
import { isDiskFull, isStorageError } from './services/disk/full-error';
import { type StatFs, freeSpaceOf } from './services/disk/space';
import { dataDiskFullMessage } from '@shared/domain/disk/messages';
import { MB } from '@shared/domain/disk/bytes';
import { type Clock, systemClock } from './clock';
import { type OpenedDatabase, openDatabase } from './db/open';
import { openPostgres } from './db/postgres/open';
import { passwordOf, readStoreConfig } from './db/store-config';
import type { Platform } from './platform';
import { type Dispatch, createDispatcher } from './rpc/dispatch';

export interface Backend {
  /** The live SQLite database; replaced by a restore. Throws when the store is PostgreSQL (see `holder.postgres`). */
  readonly database: OpenedDatabase;
  holder: DatabaseHolder;
  backups: BackupService;
  disk: DiskMonitor;
  dispatch: Dispatch;
  dataDir: string;
  close(): Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  checkOutput?: boolean;
  nativeBinding?: string;
  platform?: Platform;
  /** Make the daily/monthly backups at start and every hour (off in tests that count files). */
  automaticBackups?: boolean;
  /** How the data disk's room is read (tests give a small disk; issue 25). */
  statfs?: StatFs;
}

export const DATABASE_FILE = 'township-care.sqlite';
const HOUR = 60 * 60 * 1000;

/** Where the browser host keeps data when APP_DATA_DIR is not set. */
export function defaultWebDataDir(): string {
  return path.join(os.homedir(), '.township-care');
}

async function openChecked(file: string, backupDir: string, nativeBinding?: string): Promise<OpenedDatabase> {
  const opened = await openDatabase(file, { backupDir, nativeBinding });
  const check = opened.sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    await opened.close();
    throw new Error(`quick_check: ${String(check)}`);
  }
  return opened;
}

/** The kind of store the settings name, or null when the settings file itself cannot be read. */
function readStoreConfigSafely(dataDir: string): 'sqlite' | 'postgres' | null {
  try {
    return readStoreConfig(dataDir).kind;
  } catch {
    return null;
  }
}

/**
 * Opening the SQLite file failed because its disk has no room (the file is fine): said as such, with 再试 on the start
 * screen instead of a restore, which would need room too and would bring back an older copy (issue 25).
 */
function fullDiskRecovery(error: unknown, options: BackendOptions): Recovery | null {
  const free = freeSpaceOf(options.dataDir, options.statfs)?.freeBytes ?? null;
  if (!isDiskFull(error) && !(isStorageError(error) && (free ?? MB) < MB)) return null;
  return { problem: dataDiskFullMessage(options.dataDir, free), store: 'sqlite', diskFull: true };
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const file = path.join(options.dataDir, 'data', DATABASE_FILE);
  const backupDir = path.join(options.dataDir, 'backups');
  const deps = { db: undefined, clock: options.clock ?? systemClock } as unknown as BackendDeps;
  const holder: DatabaseHolder = {
    deps,
    current: null,
    postgres: null,
    recovery: null,
    dataDir: options.dataDir,
    file,
    backupDir,
    reopen: async () => {
      await holder.current?.close();
      await holder.postgres?.close();
      holder.current = null;
      holder.postgres = null;
      try {
        // Read at every opening: choosing PostgreSQL (or going back) in the settings takes effect on the next opening.
        const store = readStoreConfig(options.dataDir);
        if (store.kind === 'postgres') {
          holder.postgres = await openPostgres(store.connection, passwordOf(options.platform, store));
          deps.db = holder.postgres.db;
        } else {
          holder.current = await openChecked(file, backupDir, options.nativeBinding);
          deps.db = holder.current.db;
        }
        holder.recovery = null;
      } catch (error) {
        // Whatever was open is closed by now: the start screen says why (a switch, a restore or 重试 that could not
        // open the store), instead of every call failing on a closed handle.
        const message = error instanceof Error ? error.message : String(error);
        holder.recovery =
          readStoreConfigSafely(options.dataDir) !== 'sqlite'
            ? { problem: message, store: 'postgres' }
            : (fullDiskRecovery(error, options) ?? { problem: `数据库无法打开（${message}）`, store: 'sqlite' });
        throw error;
      }
    },
  };
  try {
    await holder.reopen();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A PostgreSQL store that cannot be opened (server down, password changed, newer schema, its settings file
    // damaged) is said on the start screen, where it can be tried again or changed; no backup is restored for it.
    if (readStoreConfigSafely(options.dataDir) !== 'sqlite') holder.recovery = { problem: message, store: 'postgres' };
    // A newer SQLite file is refused outright (upgrade the app); anything else is damage to recover from.
    else if (error instanceof AppError) throw error;
    // A full disk is not damage: the file is fine, it needs room (restoring a backup would not help).
    else holder.recovery = fullDiskRecovery(error, options) ?? { problem: `数据库文件损坏，无法打开（${message}）`, store: 'sqlite' };
  }
  /** What the modules stop on close (the county's check workers: onClose). */
  const onCloseStops: Array<() => Promise<void>> = [];
  const disk = new DiskMonitor(holder, options.statfs);
  disk.start();
  const backups = new BackupService(holder, disk);
  let timer: NodeJS.Timeout | undefined;
  // A SQLite store's copies are of its file; a PostgreSQL store's are pg_dump archives (.dump) made the same way.
  // Started even while the store could not be opened: once 重试 opens it, the next hour's run makes the copies.
  if (options.automaticBackups) {
    const run = () => {
      if (holder.recovery) return;
      void backups.runAutomatic().catch((e: unknown) => console.error('[backup] automatic backup failed:', e instanceof Error ? e.message : e));
    };
    run();
    timer = setInterval(run, HOUR);
    timer.unref();
  }
  return {
    get database() {
      if (holder.postgres) throw new AppError('CONFLICT', '数据存在 PostgreSQL 上，没有 SQLite 数据文件');
      if (!holder.current) throw new AppError('RECOVERY_NEEDED', holder.recovery?.problem ?? '数据库未打开');
      return holder.current;
    },
    holder,
    backups,
    disk,
    dispatch: createDispatcher(deps, { checkOutput: options.checkOutput, holder, backups, disk, platform: options.platform, onClose: (stop) => onCloseStops.push(stop) }),
    dataDir: options.dataDir,
    close: async () => {
      if (timer) clearInterval(timer);
      disk.stop();
      await Promise.all(onCloseStops.splice(0).map((stop) => stop())); // onClose
      // A sign-in held back by a full disk is written before the database closes, if there is room by now.
      if (!holder.recovery) await writeDeferred(deps).catch(() => 0);
      await holder.current?.close();
      await holder.postgres?.close();
      holder.current = null;
      holder.postgres = null;
    },
  };
}
