// Starting the backend for either shell: the database in <dataDir>/data, backups in <dataDir>/backups, the dispatcher.
// A database that fails its start-up check does not crash the app: it starts in recovery mode and offers backups.
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BackendDeps } from './deps';
import type { DatabaseHolder } from './services/backup/holder';
import { BackupService } from './services/backup/service';
import { type Clock, systemClock } from './clock';
import { type OpenedDatabase, openDatabase } from './db/open';
import type { Platform } from './platform';
import { type Dispatch, createDispatcher } from './rpc/dispatch';

export interface Backend {
  /** The live database; replaced by a restore. */
  readonly database: OpenedDatabase;
  holder: DatabaseHolder;
  backups: BackupService;
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

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const file = path.join(options.dataDir, 'data', DATABASE_FILE);
  const backupDir = path.join(options.dataDir, 'backups');
  const deps = { db: undefined, clock: options.clock ?? systemClock } as unknown as BackendDeps;
  const holder: DatabaseHolder = {
    deps,
    current: null,
    recovery: null,
    file,
    backupDir,
    reopen: async () => {
      await holder.current?.close();
      holder.current = await openChecked(file, backupDir, options.nativeBinding);
      holder.recovery = null;
      deps.db = holder.current.db;
    },
  };
  try {
    await holder.reopen();
  } catch (error) {
    // A newer database is refused outright (upgrade the app); anything else is damage to recover from.
    if (error instanceof AppError) throw error;
    holder.recovery = { problem: `数据库文件损坏，无法打开（${error instanceof Error ? error.message : String(error)}）` };
  }
  const backups = new BackupService(holder);
  let timer: NodeJS.Timeout | undefined;
  if (options.automaticBackups && !holder.recovery) {
    const run = () => void backups.runAutomatic().catch((e: unknown) => console.error('[backup] automatic backup failed:', e instanceof Error ? e.message : e));
    run();
    timer = setInterval(run, HOUR);
    timer.unref();
  }
  return {
    get database() {
      if (!holder.current) throw new AppError('RECOVERY_NEEDED', holder.recovery?.problem ?? '数据库未打开');
      return holder.current;
    },
    holder,
    backups,
    dispatch: createDispatcher(deps, { checkOutput: options.checkOutput, holder, backups, platform: options.platform }),
    dataDir: options.dataDir,
    close: async () => {
      if (timer) clearInterval(timer);
      await holder.current?.close();
      holder.current = null;
    },
  };
}
