// Opens the county's PostgreSQL store: a pool, one probe that turns a wrong password, an unreachable server or a TLS
// mismatch into a Chinese sentence, the migrations, and the same Kysely handle (plugins included) as on SQLite.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Migration } from '../migrations';
import type { DB } from '../schema';
import { ReadOnlyGuard } from '../read-only';
import { type PostgresConnection, poolConfig } from './connection';
import { describePostgresError } from './errors';
import { type PostgresMigrateResult, migratePostgres } from './migrate';

export interface OpenedPostgres {
  kind: 'postgres';
  db: Kysely<DB>;
  pool: pg.Pool;
  connection: PostgresConnection;
  migration: PostgresMigrateResult;
  close(): Promise<void>;
}

export async function openPostgres(connection: PostgresConnection, password: string, options: { migrations?: readonly Migration[] } = {}): Promise<OpenedPostgres> {
  let pool: pg.Pool;
  try {
    pool = new pg.Pool(poolConfig(connection, password));
  } catch (error) {
    throw describePostgresError(connection, error); // a CA file that cannot be read
  }
  // An idle connection the server drops (restart, network) must not crash the program: the pool makes a new one.
  pool.on('error', (error) => console.error('[postgres] idle connection lost:', error.message));
  let migration: PostgresMigrateResult;
  try {
    await pool.query('SELECT 1');
    migration = await migratePostgres(pool, options.migrations);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw describePostgresError(connection, error);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin(), new ReadOnlyGuard()] });
  return {
    kind: 'postgres',
    db,
    pool,
    connection,
    migration,
    close: async () => {
      await db.destroy(); // ends the pool too
    },
  };
}
