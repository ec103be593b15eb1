// Is this file a usable backup of this app? Opened read-only: SQLite header, integrity, our tables, a version we know.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';

export type BackupProblem = 'missing' | 'not_sqlite' | 'not_ours' | 'newer' | 'corrupt';

export const BACKUP_PROBLEM_MESSAGES: Record<BackupProblem, string> = {
  missing: '找不到这个备份文件',
  not_sqlite: '这个文件不是本系统的备份文件',
  not_ours: '这个文件不是本系统的备份文件（里面没有敬老院的数据表）',
  newer: '这个备份来自更新版本的程序，请先升级本程序再恢复',
  corrupt: '这个备份文件已损坏（完整性检查未通过），不能用于恢复',
};

export interface BackupInspection {
  ok: boolean;
  problem?: BackupProblem;
  schemaVersion?: number;
  residents?: number;
}

/** A file's first 16 bytes as text: what kind of backup it is (SQLite's header, or a pg_dump archive's PGDMP). */
export function fileHeader(file: string): string {
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header.toString('latin1');
}

const REQUIRED_TABLES = ['facility', 'residents', 'stay_events', 'audit_log'];

export function inspectBackup(file: string, nativeBinding?: string): BackupInspection {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, problem: 'missing' };
  if (fileHeader(file) !== 'SQLite format 3\0') return { ok: false, problem: 'not_sqlite' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    if (!REQUIRED_TABLES.every((t) => tables.has(t))) return { ok: false, problem: 'not_ours' };
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > LATEST_SCHEMA_VERSION) return { ok: false, problem: 'newer', schemaVersion };
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') return { ok: false, problem: 'corrupt', schemaVersion };
    const residents = (db.prepare('SELECT count(*) AS n FROM residents').get() as { n: number }).n;
    return { ok: true, schemaVersion, residents };
  } catch {
    return { ok: false, problem: 'corrupt' };
  } finally {
    db?.close();
  }
}
