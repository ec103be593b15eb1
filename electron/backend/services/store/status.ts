// Where the data is kept now, and why it could not be opened if it could not (shown on the start screen).
import type { StoreStatus } from '@shared/api/store';
import { readStoreConfig } from '../../db/store-config';
import type { DatabaseHolder } from '../backup/holder';

export function storeStatus(holder: DatabaseHolder): StoreStatus {
  let config;
  try {
    config = readStoreConfig(holder.dataDir);
  } catch (error) {
    return { kind: 'postgres', connection: null, problem: error instanceof Error ? error.message : String(error) };
  }
  const problem = holder.recovery?.store === 'postgres' ? holder.recovery.problem : null;
  if (config.kind === 'sqlite') return { kind: 'sqlite', connection: null, problem: null };
  const { host, port, database, user, sslmode, caFile } = config.connection;
  return { kind: 'postgres', connection: { host, port, database, user, sslmode, caFile: caFile ?? null }, problem };
}
