// A backup of a county store on PostgreSQL (issue 20): `pg_dump --format=custom` of the store's database into a file
// beside its final name, progress from pg_dump's --verbose lines (one per table's data) over the number of tables,
// the archive checked with `pg_restore --list`, and only then renamed — a half-written dump never looks like a backup.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { describePostgresError } from '../../db/postgres/errors';
import type { OpenedPostgres } from '../../db/postgres/open';
import { type PostgresTools, checkedTools, childEnv, runProgram, tailOf } from './postgres-tools';
import { backupWriteError, type Progress } from './write';

/** The password the store was opened with (the pool keeps it; store.json may hold it only in protected form). */
export function passwordOfStore(store: OpenedPostgres): string {
  const password = store.pool.options.password;
  return typeof password === 'string' ? password : '';
}

/** What `pg_restore --list` says of an archive (it fails on anything that is not a pg_dump archive it can read). */
export async function listArchive(tools: PostgresTools, file: string): Promise<{ ok: true; list: string } | { ok: false; stderr: string }> {
  const result = await runProgram(tools.pgRestore, ['--list', file], childEnv({ host: '', port: 5432, database: '', user: '', sslmode: 'disable' }, ''));
  return result.code === 0 ? { ok: true, list: result.stdout } : { ok: false, stderr: result.stderr };
}

/** The tables whose data an archive holds (`TABLE DATA public accounts owner`). */
export function tablesWithData(list: string): string[] {
  const names: string[] = [];
  for (const line of list.split(/\r?\n/)) {
    const m = /^\d+;\s*\d+\s+\d+\s+TABLE DATA\s+(\S+)\s+(\S+)/.exec(line);
    if (m) names.push(m[2]);
  }
  return names;
}

/** The tables an archive creates (`TABLE public accounts owner`). */
export function tablesCreated(list: string): string[] {
  const names: string[] = [];
  for (const line of list.split(/\r?\n/)) {
    const m = /^\d+;\s*\d+\s+\d+\s+TABLE\s+(?!DATA\s)(\S+)\s+(\S+)/.exec(line);
    if (m) names.push(m[2]);
  }
  return names;
}

export async function dumpPostgres(store: OpenedPostgres, destination: string, onProgress: Progress = () => {}): Promise<void> {
  try {
    await writeDump(store, destination, onProgress);
  } catch (error) {
    // The server gone while asking its version or its tables: said like any connection problem (never the password).
    throw describePostgresError(store.connection, error);
  }
}

async function writeDump(store: OpenedPostgres, destination: string, onProgress: Progress): Promise<void> {
  const tools = await checkedTools(store.pool);
  const password = passwordOfStore(store);
  const folder = path.dirname(destination);
  const partial = `${destination}.partial`;
  // Each table weighs its size on disk (at least a page): county_records dwarfs settings, and the bar should say so.
  const { rows } = await store.pool.query<{ name: string; bytes: number }>(
    `SELECT s.nspname || '.' || c.relname AS name, greatest(pg_total_relation_size(c.oid), 8192)::float8 AS bytes
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE c.relkind = 'r' AND s.nspname = current_schema()`,
  );
  const weight = new Map(rows.map((r) => [r.name, r.bytes]));
  const total = Math.max(1, rows.reduce((sum, r) => sum + r.bytes, 0));
  let done = 0;
  let current: string | null = null;
  onProgress(0);
  let result: Awaited<ReturnType<typeof runProgram>>;
  try {
    fs.rmSync(partial, { force: true });
    result = await runProgram(
      tools.pgDump,
      ['--format=custom', '--verbose', '--no-password', `--file=${partial}`],
      childEnv(store.connection, password, {}, tools.major),
      {
        onStderrLine: (line) => {
          // "pg_dump: dumping contents of table "public.users"": one per table as it starts, so the one before is done.
          const table = /dumping contents of table "([^"]+)"/.exec(line)?.[1];
          if (!table) return;
          if (current) done += weight.get(current) ?? 0;
          current = table;
          onProgress(Math.min(0.95, (done / total) * 0.95));
        },
      },
    );
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw backupWriteError(error, folder);
  }
  if (result.code !== 0) {
    fs.rmSync(partial, { force: true });
    if (/No space left|could not write/i.test(result.stderr)) throw backupWriteError(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), folder);
    if (/Permission denied|Read-only file system/i.test(result.stderr)) throw backupWriteError(Object.assign(new Error('EACCES'), { code: 'EACCES' }), folder);
    throw new AppError('INTERNAL', `pg_dump 备份没有完成：${tailOf(result.stderr, password) || `退出码 ${String(result.code)}`}`);
  }
  const listed = await listArchive(tools, partial);
  if (!listed.ok || !tablesCreated(listed.list).includes('township_care_schema')) {
    fs.rmSync(partial, { force: true });
    throw new AppError('INTERNAL', '备份文件写完后检查未通过，已删除这个不完整的备份，请重试');
  }
  try {
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, destination);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw backupWriteError(error, folder);
  }
  onProgress(1);
}
