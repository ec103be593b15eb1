// Brings the county's PostgreSQL store to the schema this build knows: the baseline once, then the `postgres` part of
// each later migration, each with its version in one transaction. An advisory lock makes two county PCs starting at
// the same moment take turns; a store written by a newer build, or a database that holds someone else's tables, is
// refused before anything is written.
import type { Pool, PoolClient } from 'pg';
import { AppError } from '@shared/api/errors';
import { type Migration, migrations as defaultMigrations } from '../migrations';
import { POSTGRES_BASELINE_VERSION, postgresBaseline } from './baseline';

const LOCK_KEY = 'township-care: schema';

export interface PostgresMigrateResult {
  from: number;
  to: number;
}

async function versionOf(client: PoolClient): Promise<number | null> {
  const table = await client.query<{ exists: boolean }>("SELECT to_regclass('township_care_schema') IS NOT NULL AS exists");
  if (!table.rows[0].exists) return null;
  const row = await client.query<{ version: number }>('SELECT version FROM township_care_schema WHERE id = 1');
  return row.rows[0]?.version ?? 0;
}

async function otherTables(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name LIMIT 5",
  );
  return rows.map((r) => r.name);
}

export function latestVersion(list: readonly Migration[] = defaultMigrations): number {
  return list.length === 0 ? 0 : list[list.length - 1].version;
}

export async function migratePostgres(pool: Pool, list: readonly Migration[] = defaultMigrations): Promise<PostgresMigrateResult> {
  const latest = latestVersion(list);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_KEY]);
    const found = await versionOf(client);
    if (found === null) {
      const others = await otherTables(client);
      if (others.length > 0) {
        throw new AppError('CONFLICT', `这个数据库里已经有别的程序的表（${others.join('、')}），不是本系统的县级数据库；请新建一个空数据库再连接，数据未做任何改动。`);
      }
    }
    const from = found ?? 0;
    if (from > latest) {
      throw new AppError('CONFLICT', `数据库版本（${from}）高于本程序支持的版本（${latest}），请先升级本程序再连接；数据未做任何改动。`);
    }
    if (from === latest) return { from, to: from };
    await client.query('BEGIN');
    try {
      if (found === null) {
        await client.query('CREATE TABLE township_care_schema (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL, migrated_at text NOT NULL)');
        await client.query(postgresBaseline);
        await client.query("INSERT INTO township_care_schema VALUES (1, $1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))", [POSTGRES_BASELINE_VERSION]);
      }
      for (const m of list) {
        if (m.version <= Math.max(from, POSTGRES_BASELINE_VERSION) || !m.postgres) continue;
        await client.query(m.postgres);
      }
      await client.query("UPDATE township_care_schema SET version = $1, migrated_at = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') WHERE id = 1", [latest]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    return { from, to: latest };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
