// What takes room in the data folder, for the notice's "what uses the space": the database (with its photos, which
// are stored in it), the backups and the exported packages.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DiskUsage } from '@shared/api/disk';

/** Bytes of every file under a folder (0 when there is none yet). */
export function folderBytes(folder: string): number {
  let total = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full, { throwIfNoEntry: false })?.size ?? 0;
  }
  return total;
}

/** The database file with its write-ahead log (which can hold most of a day's writes until a checkpoint). */
export function databaseFileBytes(file: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (fs.statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0), 0);
}

/**
 * Photos are data URLs in `photo…` columns of several modules' tables: found from the schema, not a list to keep.
 * octet_length reads each value's size from its header (length() would read every photo: a second on an old disk).
 */
export function photoBytes(sqlite: Database.Database): number {
  const columns = sqlite
    .prepare(
      `SELECT m.name AS tableName, p.name AS columnName FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND p.name LIKE '%photo%'`,
    )
    .all() as Array<{ tableName: string; columnName: string }>;
  let total = 0;
  for (const c of columns) {
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const row = sqlite.prepare(`SELECT coalesce(sum(octet_length(${quote(c.columnName)})), 0) AS bytes FROM ${quote(c.tableName)}`).get() as { bytes: number };
    total += row.bytes;
  }
  return total;
}

export function diskUsage(parts: { databaseFile: string | null; sqlite: Database.Database | null; backupDir: string; exportsDir: string }): DiskUsage {
  return {
    databaseBytes: parts.databaseFile ? databaseFileBytes(parts.databaseFile) : 0,
    photosBytes: parts.sqlite ? photoBytes(parts.sqlite) : null,
    backupsBytes: folderBytes(parts.backupDir),
    exportsBytes: folderBytes(parts.exportsDir),
  };
}
