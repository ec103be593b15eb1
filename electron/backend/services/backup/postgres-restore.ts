// Restore of a county store on PostgreSQL (issue 20). The file is checked first — a pg_dump custom archive (`PGDMP`)
// that `pg_restore --list` reads, holding our tables and a schema version this program knows — then the store is
// replaced by `pg_restore --clean --if-exists --single-transaction --no-owner`: all of it or nothing, in one server
// transaction. --clean drops and re-creates the tables (DROP TABLE is not a DELETE, so the never-deleted row triggers
// do not fire; pg_restore never TRUNCATEs, which they would refuse).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { latestVersion } from '../../db/postgres/migrate';
import type { OpenedPostgres } from '../../db/postgres/open';
import { fileHeader } from './inspect';
import { listArchive, passwordOfStore, tablesCreated } from './postgres-dump';
import { type PostgresTools, checkedTools, childEnv, runProgram, tailOf } from './postgres-tools';

export type DumpProblem = 'missing' | 'sqlite_file' | 'not_dump' | 'unreadable' | 'not_ours' | 'newer';

export const DUMP_PROBLEM_MESSAGES: Record<DumpProblem, string> = {
  missing: '找不到这个备份文件',
  sqlite_file: '这是本机数据文件（SQLite）的备份；现在数据存在 PostgreSQL 服务器上，只能用 pg_dump 备份文件（.dump）恢复',
  not_dump: '这个文件不是本系统的备份文件（不是 pg_dump 生成的 PostgreSQL 备份）',
  unreadable: '这个 PostgreSQL 备份文件读不出来（可能已损坏，或由更新版本的 pg_dump 生成，请安装更新的 PostgreSQL 客户端程序）',
  not_ours: '这个 PostgreSQL 备份不是本系统的县级数据库（里面没有本系统的数据表）',
  newer: '这个备份来自更新版本的程序，请先升级本程序再恢复',
};

/** Tables every backup of our county store has. */
const REQUIRED_TABLES = ['township_care_schema', 'users', 'audit_log', 'settings', 'county_centres'];

export interface DumpInspection {
  ok: boolean;
  problem?: DumpProblem;
  schemaVersion?: number;
  /** The tables the archive creates. */
  tables?: string[];
}

/** The version row's data as pg_restore prints it: `COPY public.township_care_schema (id, version, …) FROM stdin;` then `1\t26\t…`. */
export function schemaVersionOf(script: string): number | null {
  const lines = script.split(/\r?\n/);
  const start = lines.findIndex((l) => /^COPY\s+\S*township_care_schema\s*\(/.test(l));
  if (start < 0) return null;
  const columns = /\(([^)]*)\)/.exec(lines[start])![1].split(',').map((c) => c.trim());
  const at = columns.indexOf('version');
  const row = lines[start + 1];
  if (at < 0 || !row || row === '\\.') return null;
  const value = Number(row.split('\t')[at]);
  return Number.isInteger(value) ? value : null;
}

export async function inspectDump(tools: PostgresTools, file: string, latest = latestVersion()): Promise<DumpInspection> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, problem: 'missing' };
  const header = fileHeader(file);
  if (header === 'SQLite format 3\0') return { ok: false, problem: 'sqlite_file' };
  if (!header.startsWith('PGDMP')) return { ok: false, problem: 'not_dump' };
  const listed = await listArchive(tools, file);
  if (!listed.ok) return { ok: false, problem: 'unreadable' };
  const tables = tablesCreated(listed.list);
  if (!REQUIRED_TABLES.every((t) => tables.includes(t))) return { ok: false, problem: 'not_ours', tables };
  const data = await runProgram(tools.pgRestore, ['--data-only', '--table=township_care_schema', '--file=-', file], childEnv({ host: '', port: 5432, database: '', user: '', sslmode: 'disable' }, ''));
  const schemaVersion = data.code === 0 ? schemaVersionOf(data.stdout) : null;
  if (schemaVersion === null) return { ok: false, problem: 'not_ours', tables };
  if (schemaVersion > latest) return { ok: false, problem: 'newer', schemaVersion, tables };
  return { ok: true, schemaVersion, tables };
}

/** Checks a file as a backup of our county store; a Chinese AppError (field `source`) when it is not one. */
export async function checkDump(store: OpenedPostgres, file: string): Promise<{ tools: PostgresTools; inspection: DumpInspection }> {
  const tools = await checkedTools(store.pool);
  const inspection = await inspectDump(tools, file);
  if (!inspection.ok) throw new AppError('INVALID_INPUT', DUMP_PROBLEM_MESSAGES[inspection.problem!], 'source');
  return { tools, inspection };
}

const LOCKED_OUT = '其他县级电脑正在使用数据库，恢复没有进行，数据保持原样。请让其他电脑暂时退出本程序后再试';

function restoreFailure(stderr: string, password: string): AppError {
  if (/lock timeout|canceling statement due to lock/i.test(stderr)) {
    return new AppError('CONFLICT', LOCKED_OUT);
  }
  if (/permission denied|must be owner/i.test(stderr)) {
    return new AppError('CONFLICT', `数据库用户没有替换这些表的权限，恢复没有进行，数据保持原样（${tailOf(stderr, password, 2)}）。请由数据库管理员处理`);
  }
  return new AppError('INTERNAL', `恢复没有完成，数据保持原样：${tailOf(stderr, password) || 'pg_restore 失败'}`);
}

/**
 * The archive's table of contents without the functions the store already has, as a file for `pg_restore --use-list`.
 * Restoring an older backup onto a store a later migration has added to: --clean would drop and re-make each function
 * (tc_json_valid, tc_refuse…), which the later tables' checks and triggers forbid; the store keeps its own, which the
 * restored tables use as they did. The archive's other entries (tables, data, triggers) are restored as listed.
 */
async function listKeepingFunctions(store: OpenedPostgres, tools: PostgresTools, file: string, dir: string): Promise<string> {
  const toc = await listArchive(tools, file);
  if (!toc.ok) throw new AppError('INTERNAL', `恢复没有开始，数据保持原样：${toc.stderr.trim() || 'pg_restore --list 失败'}`);
  const { rows } = await store.pool.query<{ name: string }>('SELECT proname AS name FROM pg_proc WHERE pronamespace = current_schema()::regnamespace');
  const kept = new Set(rows.map((r) => r.name));
  const lines = toc.list.split(/\r?\n/).filter((line) => {
    const m = /^\d+;\s*\d+\s+\d+\s+FUNCTION\s+\S+\s+([A-Za-z0-9_]+)\(/.exec(line);
    return !(m && kept.has(m[1]));
  });
  const listFile = path.join(dir, 'restore.list');
  fs.writeFileSync(listFile, lines.join('\n'));
  return listFile;
}

/**
 * Replaces the store's tables with the archive's, in one server transaction: when pg_restore fails nothing has
 * changed. When the store is at a later schema version than the backup, the tables the archive does not have (made by
 * the later migrations) are dropped after, so that the migrations can make them again from the backup's version;
 * otherwise no other table is touched.
 */
export async function restorePostgres(
  store: OpenedPostgres,
  tools: PostgresTools,
  file: string,
  archive: Pick<DumpInspection, 'tables' | 'schemaVersion'>,
  lockTimeoutMs = 30_000,
): Promise<void> {
  const password = passwordOfStore(store);
  const args = ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--exit-on-error', '--no-password', `--dbname=${store.connection.database}`, file];
  // A clerk's open transaction on another PC must not leave the restore waiting forever. lock_timeout cannot do it
  // (the archive's preamble sets it to 0), so a watchdog cancels the restore's statement once it has waited for a
  // lock that long: pg_restore then fails and its transaction is rolled back.
  const appName = `township-care-restore-${process.pid}-${Date.now()}`;
  const env = childEnv(store.connection, password, { PGAPPNAME: appName }, tools.major);
  const current = await store.pool.query<{ version: number }>('SELECT version FROM township_care_schema WHERE id = 1');
  const newerStore = (current.rows[0]?.version ?? 0) > (archive.schemaVersion ?? 0);
  let lockedOut = false;
  let checking = false;
  const watchdog = setInterval(() => {
    if (checking) return;
    checking = true;
    store.pool
      .query<{ cancelled: boolean }>(
        `SELECT pg_cancel_backend(pid) AS cancelled FROM pg_stat_activity
          WHERE application_name = $1 AND wait_event_type = 'Lock' AND now() - query_start > make_interval(secs => $2)`,
        [appName, lockTimeoutMs / 1000],
      )
      .then(({ rows }) => (lockedOut ||= rows.some((r) => r.cancelled)))
      .catch(() => undefined)
      .finally(() => (checking = false));
  }, Math.min(1000, Math.max(100, lockTimeoutMs / 4)));
  let result: Awaited<ReturnType<typeof runProgram>>;
  const listDir = newerStore ? fs.mkdtempSync(path.join(os.tmpdir(), 'tc-restore-')) : null;
  try {
    if (listDir) args.unshift(`--use-list=${await listKeepingFunctions(store, tools, file, listDir)}`);
    result = await runProgram(tools.pgRestore, args, env);
  } finally {
    clearInterval(watchdog);
    if (listDir) fs.rmSync(listDir, { recursive: true, force: true });
  }
  if (result.code !== 0) throw lockedOut ? new AppError('CONFLICT', LOCKED_OUT) : restoreFailure(result.stderr, password);
  const { rows } = await store.pool.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE c.relkind = 'r' AND s.nspname = current_schema()",
  );
  const extra = newerStore ? rows.map((r) => r.name).filter((name) => !(archive.tables ?? []).includes(name)) : [];
  if (extra.length > 0) {
    const client = await store.pool.connect();
    try {
      await client.query('BEGIN');
      for (const name of extra) await client.query(`DROP TABLE IF EXISTS ${client.escapeIdentifier(name)} CASCADE`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
