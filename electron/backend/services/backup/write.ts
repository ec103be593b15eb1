// Writes a consistent copy of the live database (SQLite online backup) with progress, checks the copy, and only then
// gives it its final name — a half-written backup never looks like a good one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { MB } from '@shared/domain/disk/bytes';
import { targetFullMessage } from '@shared/domain/disk/messages';
import { isDiskFull } from '../disk/full-error';
import { type StatFs, freeSpaceOf, systemStatFs } from '../disk/space';
import { inspectBackup } from './inspect';

export type Progress = (fraction: number) => void;

/** A backup that does not fit: the folder, the room there is now and, when known, the room the file needs. */
export function backupTooBig(folder: string, neededBytes: number | null, statfs: StatFs = systemStatFs): AppError {
  const freeBytes = freeSpaceOf(folder, statfs)?.freeBytes ?? null;
  return new AppError('DISK_FULL', targetFullMessage({ what: '备份', folder, freeBytes, neededBytes }), 'folder');
}

/** A Chinese sentence for a file-system failure while writing a backup (never SQLite's or Node's English words). */
export function backupWriteError(error: unknown, folder: string, neededBytes: number | null = null, statfs: StatFs = systemStatFs): AppError {
  if (error instanceof AppError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  if (isDiskFull(error)) return backupTooBig(folder, neededBytes, statfs);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('CONFLICT', `不能写入这个文件夹（${folder}），请检查U盘是否写保护`, 'folder');
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('INVALID_INPUT', `找不到这个文件夹：${folder}`, 'folder');
  // A pulled stick reads as an I/O error: said as such, with the code for the maintainer.
  return new AppError('INTERNAL', `备份没有完成（${folder}），请检查U盘是否插好后重试；如反复出现，请联系维护人员（错误代码：${code || '未知'}）`);
}

/** The size of a SQLite backup: the online backup copies every page of the database. */
export function backupSizeOf(sqlite: Database.Database): number {
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  return pages * pageSize;
}

/** Room enough for the copy and the small journal it writes when it becomes a self-contained file. */
export const BACKUP_MARGIN_BYTES = MB;

export function assertWritableFolder(folder: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new AppError('INVALID_INPUT', `找不到这个文件夹：${folder}`, 'folder');
  }
  if (!stat.isDirectory()) throw new AppError('INVALID_INPUT', `这不是一个文件夹：${folder}`, 'folder');
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    throw backupWriteError(error, folder);
  }
}

export async function writeBackup(sqlite: Database.Database, destination: string, onProgress: Progress = () => {}, statfs: StatFs = systemStatFs): Promise<void> {
  const folder = path.dirname(destination);
  const partial = `${destination}.partial`;
  // Checked before writing: the size is known, and a stick that cannot hold it is said at once, not after minutes.
  const needed = backupSizeOf(sqlite);
  const space = freeSpaceOf(folder, statfs);
  if (space && space.freeBytes < needed + BACKUP_MARGIN_BYTES) throw backupTooBig(folder, needed, statfs);
  try {
    fs.rmSync(partial, { force: true });
    await sqlite.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages === 0 ? 1 : (totalPages - remainingPages) / totalPages);
        return 200; // pages per step: small steps keep the app responsive and the bar moving
      },
    });
    // A backup is one self-contained file: no -wal/-shm beside it when it is opened or copied later.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const fd = fs.openSync(partial, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw backupWriteError(error, folder, needed, statfs);
  }
  const check = inspectBackup(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new AppError('INTERNAL', '备份文件写完后检查未通过，已删除这个不完整的备份，请重试');
  }
  fs.renameSync(partial, destination);
  onProgress(1);
}
