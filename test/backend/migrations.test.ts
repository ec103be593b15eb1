import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/open';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

const SNAPSHOT = path.resolve(__dirname, '../fixtures/schema.snapshot.json');

function describeSchema(sqlite: Database.Database) {
  const tables = sqlite
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[];
  return tables.map((t) => ({
    ...t,
    columns: t.type === 'table' ? sqlite.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info('${t.name}')`).all() : undefined,
    foreignKeys: t.type === 'table' ? sqlite.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list('${t.name}')`).all() : undefined,
  }));
}

describe('migrations', () => {
  it('creates the latest schema with power-cut-safe pragmas and STRICT tables', async () => {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'data', 'a.sqlite'));
    const { sqlite } = opened;
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    await opened.close();
  });

  it('matches the schema snapshot (update test/fixtures/schema.snapshot.json deliberately with UPDATE_SCHEMA_SNAPSHOT=1)', async () => {
    const opened = await openDatabase(path.join(tempDir(), 'data', 'a.sqlite'));
    const schema = describeSchema(opened.sqlite);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, `${JSON.stringify(schema, null, 2)}\n`);
    expect(schema).toEqual(JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')));
    await opened.close();
  });

  it('refuses a database made by a newer version, and leaves it untouched', async () => {
    const file = path.join(tempDir(), 'data', 'new.sqlite');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x TEXT) STRICT');
    raw.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase(file)).rejects.toThrow(/高于本程序支持的版本/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('writes a backup before migrating an existing database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data', 'b.sqlite');
    const first = await openDatabase(file);
    first.sqlite.exec("INSERT INTO buildings VALUES ('b1','一号楼',3,NULL,'t','t','t','t')");
    await first.close();
    const next = [...migrations, { version: LATEST_SCHEMA_VERSION + 1, name: 'next', sql: 'CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT;' }];
    const second = await openDatabase(file, { migrations: next });
    expect(second.migration).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION + 1 });
    await second.close();
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(new RegExp(`^pre-migrate-v${LATEST_SCHEMA_VERSION}-v${LATEST_SCHEMA_VERSION + 1}-`));
    const copy = new Database(path.join(dir, 'backups', backups[0]), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(copy.prepare('SELECT name FROM buildings').all()).toEqual([{ name: '一号楼' }]);
    copy.close();
  });

  it('rolls a failing migration back completely: no half-applied DDL, version unchanged', async () => {
    const file = path.join(tempDir(), 'data', 'c.sqlite');
    await (await openDatabase(file)).close();
    const broken = [
      ...migrations,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half (id TEXT) STRICT; ALTER TABLE no_such_table ADD COLUMN x TEXT;' },
    ];
    await expect(openDatabase(file, { migrations: broken })).rejects.toThrow();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
    raw.close();
  });
});
