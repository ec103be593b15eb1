// The county store on a real PostgreSQL server (issue 20): the same migrations and rules as on SQLite, a schema
// snapshot of its own, newer or foreign databases refused untouched, and every way a connection can fail said in
// Chinese. Runs in the `postgres` vitest project (the throwaway server of test/helpers/postgres-server.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { migrate } from '../../electron/backend/db/migrate';
import { openPostgres } from '../../electron/backend/db/postgres/open';
import type { PostgresConnection } from '../../electron/backend/db/postgres/connection';
import { createRole, createTestDatabase } from '../helpers/postgres-server';
import { openTestBackend, tempDir } from '../helpers/backend';

const SNAPSHOT = path.resolve(__dirname, '../fixtures/schema.postgres.snapshot.json');

async function freshStore(): Promise<{ connection: PostgresConnection; password: string; pool: pg.Pool }> {
  const db = await createTestDatabase(inject('postgres'));
  const connection: PostgresConnection = { host: db.host, port: db.port, database: db.database, user: db.user, sslmode: 'disable' };
  const pool = new pg.Pool({ host: db.host, port: db.port, database: db.database, user: db.user, password: db.password, max: 2 });
  return { connection, password: db.password, pool };
}

async function describeSchema(pool: pg.Pool) {
  const q = async (text: string) => (await pool.query(text)).rows;
  return {
    columns: await q(`SELECT table_name, column_name, data_type, is_nullable, column_default, collation_name FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`),
    constraints: await q(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    triggers: await q(`SELECT tgrelid::regclass::text AS table_name, tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger
      WHERE NOT tgisinternal ORDER BY 1, 2`),
    functions: await q(`SELECT proname, pg_get_functiondef(oid) AS definition FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`),
  };
}

describe('the county store on PostgreSQL', () => {
  it('is made by the migrations at the latest version and matches its snapshot (update deliberately with UPDATE_SCHEMA_SNAPSHOT=1)', async () => {
    const { connection, password, pool } = await freshStore();
    const opened = await openPostgres(connection, password);
    expect(opened.migration).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect((await pool.query('SELECT version FROM township_care_schema')).rows).toEqual([{ version: LATEST_SCHEMA_VERSION }]);
    const schema = await describeSchema(pool);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, `${JSON.stringify(schema, null, 2)}\n`);
    expect(schema).toEqual(JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')));
    await opened.close();
    await pool.end();
  });

  it('has each table with the same columns, nullability and keys as on SQLite, so one DB type serves both', async () => {
    const { connection, password, pool } = await freshStore();
    const opened = await openPostgres(connection, password);
    const sqlite = new Database(':memory:');
    await migrate(sqlite);
    const pgColumns = (await pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
      "SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'township_care_schema' ORDER BY table_name, ordinal_position",
    )).rows;
    const tables = [...new Set(pgColumns.map((c) => c.table_name))];
    expect(tables).toContain('county_records');
    expect(tables).toContain('users');
    for (const table of tables) {
      const onSqlite = sqlite.prepare(`SELECT name, "notnull", pk FROM pragma_table_info('${table}')`).all() as { name: string; notnull: number; pk: number }[];
      const onPg = pgColumns.filter((c) => c.table_name === table);
      // A primary-key column is NOT NULL on PostgreSQL even where SQLite's table says nothing.
      expect(onPg.map((c) => [c.column_name, c.is_nullable === 'NO']), table).toEqual(onSqlite.map((c) => [c.name, c.notnull === 1 || c.pk > 0]));
    }
    sqlite.close();
    await opened.close();
    await pool.end();
  });

  it('keeps the records rules: never deleted (TRUNCATE too), append-only audit, a centre keeps its key once imported', async () => {
    const { connection, password, pool } = await freshStore();
    const opened = await openPostgres(connection, password);
    const at = '2026-03-15T02:00:00.000Z';
    await pool.query("INSERT INTO audit_log VALUES ('a1', $1, 'u', '县级', 'create', 'x', '1', NULL, '{}')", [at]);
    await expect(pool.query("UPDATE audit_log SET actor = '别人'")).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query("INSERT INTO audit_log VALUES ('a2', $1, 'u', '县级', 'create', 'x', '1', 'not json', NULL)", [at])).rejects.toThrow(/audit_log_before_check/);
    await pool.query("INSERT INTO county_centres VALUES ('411422101000', '一院', '一镇', 'key', $1, '县级', 'confirmed', $1, '县级')", [at]);
    await pool.query("INSERT INTO county_packages VALUES ('p1', 'h1', '411422101000', '2026-02', 1, 0, '', $1, $1, '县级', NULL)", [at]);
    await expect(pool.query("UPDATE county_centres SET state = 'withdrawn'")).rejects.toThrow(/keeps its confirmed key/);
    await expect(pool.query('DELETE FROM county_packages')).rejects.toThrow(/never deleted/);
    await expect(pool.query('TRUNCATE county_centres CASCADE')).rejects.toThrow(/never deleted/);
    await expect(pool.query("INSERT INTO county_import_reports VALUES ('r1', $1, 'u', '县级', 'f', 'h', 'c', 'n', '2026-02', 1, 0, 'maybe', 'm', '{}', '[]', '[]')", [at])).rejects.toThrow(/outcome_check/);
    expect((await pool.query('SELECT count(*) AS n FROM county_packages')).rows).toEqual([{ n: '1' }]);
    await opened.close();
    await pool.end();
  });

  it('refuses a store written by a newer program, and a database holding other tables, and changes neither', async () => {
    const newer = await freshStore();
    await (await openPostgres(newer.connection, newer.password)).close();
    await newer.pool.query('UPDATE township_care_schema SET version = version + 5');
    await expect(openPostgres(newer.connection, newer.password)).rejects.toThrow(/高于本程序支持的版本/);
    expect((await newer.pool.query('SELECT version FROM township_care_schema')).rows).toEqual([{ version: LATEST_SCHEMA_VERSION + 5 }]);
    await newer.pool.end();

    const foreign = await freshStore();
    await foreign.pool.query('CREATE TABLE invoices (id integer)');
    await expect(openPostgres(foreign.connection, foreign.password)).rejects.toThrow(/已经有别的程序的表（invoices）/);
    expect((await foreign.pool.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows).toEqual([{ n: '1' }]);
    await foreign.pool.end();
  });

  it('migrates once when two county PCs open a new store at the same moment', async () => {
    const { connection, password, pool } = await freshStore();
    const [a, b] = await Promise.all([openPostgres(connection, password), openPostgres(connection, password)]);
    expect([a.migration.from, b.migration.from].sort()).toEqual([0, LATEST_SCHEMA_VERSION]);
    await Promise.all([a.close(), b.close()]);
    await pool.end();
  });

  it('names each failed connection in Chinese and writes nothing: wrong password, no such database, nobody listening, TLS required but not offered', async () => {
    const server = inject('postgres');
    const { connection, pool } = await freshStore();
    await createRole(server, 'clerk', 'right-password');
    await expect(openPostgres({ ...connection, user: 'clerk' }, 'wrong-password')).rejects.toThrow('数据库用户「clerk」的密码不对');
    await expect(openPostgres({ ...connection, database: 'no_such_store' }, server.password)).rejects.toThrow('服务器上没有名为「no_such_store」的数据库');
    await expect(openPostgres({ ...connection, port: 1 }, server.password)).rejects.toThrow(/连不上数据库服务器 127\.0\.0\.1:1/);
    await expect(openPostgres({ ...connection, sslmode: 'require' }, server.password)).rejects.toThrow(/要求加密连接（TLS），但服务器 .* 没有开启加密/);
    expect((await pool.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows).toEqual([{ n: '0' }]);
    await pool.end();
  });

  it('runs a county on it: first-run setup writes the account and the county key (readable by every county PC) to the server', async () => {
    const county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
    expect(county.store).toBe('postgres');
    const identity = await county.query<{ mode: string; key_protection: string }>('SELECT mode, key_protection FROM sync_identity');
    expect(identity).toEqual([{ mode: 'county', key_protection: 'none' }]);
    const status = await county.call('county.status', {});
    expect(status.fingerprint).toMatch(/\S/);
    expect(await county.query('SELECT role FROM users')).toEqual([{ role: 'county_admin' }]);
    await county.close();
  });
});
