// Brings a database to the schema this build knows. Each migration and its version bump commit together
// (PRAGMA user_version inside the same transaction), so a power cut leaves either the old or the new schema.
import type Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { type Migration, migrations as defaultMigrations } from './migrations';

export interface MigrateOptions {
  /** Called before the first migration of a database that already has data (version > 0). */
  backup?: (fromVersion: number, toVersion: number) => Promise<void>;
  migrations?: readonly Migration[];
}

export interface MigrateResult {
  from: number;
  to: number;
}

export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/** A database written by a newer build is refused before anything (even a pragma) touches it. */
export function assertKnownVersion(sqlite: Database.Database, list: readonly Migration[] = defaultMigrations): void {
  const latest = list.length === 0 ? 0 : list[list.length - 1].version;
  const found = schemaVersion(sqlite);
  if (found > latest) {
    throw new AppError(
      'CONFLICT',
      `数据库版本（${found}）高于本程序支持的版本（${latest}），请先升级本程序再打开；数据未做任何改动。`,
    );
  }
}

export async function migrate(sqlite: Database.Database, options: MigrateOptions = {}): Promise<MigrateResult> {
  const list = options.migrations ?? defaultMigrations;
  assertKnownVersion(sqlite, list);
  const latest = list.length === 0 ? 0 : list[list.length - 1].version;
  const from = schemaVersion(sqlite);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  if (from > 0 && options.backup) await options.backup(from, latest);

  // Foreign keys are off while a migration runs (SQLite's procedure for rebuilding a table that others point at: a
  // DROP would otherwise count every child row as broken for good), and checked in full before it commits.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      const apply = sqlite.transaction(() => {
        sqlite.exec(m.sql);
        const broken = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length > 0) throw new Error(`migration ${m.version} would leave ${broken.length} broken references (${broken[0].table} → ${broken[0].parent})`);
        sqlite.pragma(`user_version = ${m.version}`);
      });
      apply.immediate();
    }
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON');
  }
  return { from, to: latest };
}
