// The Chinese sentences of a full disk (issue 25), one place for the backend's errors and Electron's save dialog:
// which disk or folder, how much is free (and needed, when known), that saved records are safe, and what to do.
import { formatBytes } from './bytes';

/** A write to the centre's own records failed because the data disk is full. */
export function dataDiskFullMessage(folder: string, freeBytes: number | null): string {
  const free = freeBytes === null ? '' : `，只剩 ${formatBytes(freeBytes)}`;
  return `电脑硬盘已满（数据文件夹 ${folder} 所在的硬盘${free}），本次操作没有保存。已保存的记录不受影响。请删除不用的文件（如下载的视频、照片）腾出空间后再试，或联系维护人员。`;
}

/** The same on a county's PostgreSQL store: the server's disk is full, not this PC's. */
export function serverDiskFullMessage(server: string): string {
  return `数据库服务器（${server}）的硬盘已满，本次操作没有保存。已保存的记录不受影响。请联系维护人员为服务器腾出空间。`;
}

export interface TargetSpace {
  /** What was being saved: 备份, 数据包, Excel 文件, PDF 文件. */
  what: string;
  folder: string;
  freeBytes: number | null;
  /** The file's size when it is known before writing (a backup's is). */
  neededBytes: number | null;
}

/** A file for a USB stick or another folder does not fit (checked before writing, or found while writing). */
export function targetFullMessage(target: TargetSpace): string {
  const free = target.freeBytes === null ? '空间不足' : `只剩 ${formatBytes(target.freeBytes)}`;
  const needed = target.neededBytes === null ? '' : `，这个文件需要 ${formatBytes(target.neededBytes)}`;
  return `${target.what}没有保存：${target.folder} ${free}${needed}。请换一个空间更大的U盘，或删除不用的文件后再试。已保存的记录不受影响。`;
}
