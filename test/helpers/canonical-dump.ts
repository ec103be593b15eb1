// Every table of a database as canonical text (issue 15): each row as JSON with its columns in name order, rows sorted,
// so two dumps compare equal exactly when the data is the same, whatever the file's pages or the rows' order.
import type { Database } from 'better-sqlite3';
import type { TestBackend } from './backend';

/** Logs that a refused import is meant to add to (never change): the attempt's report and its audit row. */
export const APPEND_ONLY_LOGS = ['county_import_reports', 'audit_log'] as const;

export type Dump = Record<string, string[]>;

const canonicalRows = (rows: Record<string, unknown>[]) =>
  rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k] instanceof Buffer ? (row[k] as Buffer).toString('hex') : row[k]]))).sort();

export function canonicalDump(sqlite: Database): Dump {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const dump: Dump = {};
  for (const table of tables) dump[table] = canonicalRows(sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]);
  return dump;
}

/** The same, of a test backend on whichever store it runs (the county suite runs on SQLite and on PostgreSQL). */
export async function storeDump(backend: TestBackend): Promise<Dump> {
  if (backend.store === 'sqlite') return canonicalDump(backend.database.sqlite);
  const tables = await backend.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'township_care_schema' ORDER BY 1");
  const dump: Dump = {};
  for (const { name } of tables) dump[name] = canonicalRows(await backend.query(`SELECT * FROM "${name}"`));
  return dump;
}

/**
 * What changed between two dumps, in words (empty: nothing): every table must be equal, except that the append-only
 * logs may have gained rows — but never lost or changed one.
 */
export function changesBesidesLogs(before: Dump, after: Dump): string[] {
  const changes: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[table] ?? [];
    const now = after[table] ?? [];
    if ((APPEND_ONLY_LOGS as readonly string[]).includes(table)) {
      const kept = new Set(now);
      const lost = was.filter((row) => !kept.has(row));
      if (lost.length) changes.push(`${table}: ${lost.length} earlier rows changed or gone`);
    } else if (JSON.stringify(was) !== JSON.stringify(now)) {
      changes.push(`${table}: ${was.length} rows before, ${now.length} after, contents differ`);
    }
  }
  return changes;
}
