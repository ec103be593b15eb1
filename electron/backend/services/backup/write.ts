// Writes a consistent copy of the live database (SQLite online backup) with progress, checks the copy, and only then
// gives it its final name — a half-written backup never looks like a good one.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { inspectBackup } from './inspect';

export type Progress = (fraction: number) => void;

/** A Chinese sentence for a file-system failure while writing a backup. */
export function backupWriteError(error: unknown, folder: string): AppError {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC') return new AppError('CONFLICT', `备份位置空间不足（${folder}），请换一个U盘或清理空间后再试`, 'folder');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('CONFLICT', `不能写入这个文件夹（${folder}），请检查U盘是否写保护`, 'folder');
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('INVALID_INPUT', `找不到这个文件夹：${folder}`, 'folder');
  return new AppError('INTERNAL', `备份没有完成（${folder}）：${(error as Error).message}`);
}

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

export async function writeBackup(sqlite: Database.Database, destination: string, onProgress: Progress = () => {}): Promise<void> {
  const folder = path.dirname(destination);
  const partial = `${destination}.partial`;
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
    throw backupWriteError(error, folder);
  }
  const check = inspectBackup(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new AppError('INTERNAL', '备份文件写完后检查未通过，已删除这个不完整的备份，请重试');
  }
  fs.renameSync(partial, destination);
  onProgress(1);
}
