// Every table of a database as canonical text (issue 15): each row as JSON with its columns in name order, rows sorted,
// so two dumps compare equal exactly when the data is the same, whatever the file's pages or the rows' order.
import type { Database } from 'better-sqlite3';

/** Logs that a refused import is meant to add to (never change): the attempt's report and its audit row. */
export const APPEND_ONLY_LOGS = ['county_import_reports', 'audit_log'] as const;

export type Dump = Record<string, string[]>;

export function canonicalDump(sqlite: Database): Dump {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const dump: Dump = {};
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    dump[table] = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k] instanceof Buffer ? (row[k] as Buffer).toString('hex') : row[k]]))).sort();
  }
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
