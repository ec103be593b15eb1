// Starting the backend for either shell: the database in <dataDir>/data, backups in <dataDir>/backups, the dispatcher.
import os from 'node:os';
import path from 'node:path';
import { type Clock, systemClock } from './clock';
import { type OpenedDatabase, openDatabase } from './db/open';
import { type Dispatch, createDispatcher } from './rpc/dispatch';

export interface Backend {
  database: OpenedDatabase;
  dispatch: Dispatch;
  dataDir: string;
  close(): Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  clock?: Clock;
  checkOutput?: boolean;
  nativeBinding?: string;
}

export const DATABASE_FILE = 'township-care.sqlite';

/** Where the browser host keeps data when APP_DATA_DIR is not set. */
export function defaultWebDataDir(): string {
  return path.join(os.homedir(), '.township-care');
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const database = await openDatabase(path.join(options.dataDir, 'data', DATABASE_FILE), {
    backupDir: path.join(options.dataDir, 'backups'),
    nativeBinding: options.nativeBinding,
  });
  const deps = { db: database.db, clock: options.clock ?? systemClock };
  return {
    database,
    dispatch: createDispatcher(deps, { checkOutput: options.checkOutput }),
    dataDir: options.dataDir,
    close: () => database.close(),
  };
}
