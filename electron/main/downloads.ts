// Files the window saves through the browser's download (Excel workbooks, data packages, key files; issue 25): we ask
// where to save, refuse a folder (a USB stick) without room for the file before anything is written, and when writing
// stops halfway (the stick filled meanwhile, or was pulled out) we say so in Chinese and remove the half-written file.
//
// Electron only takes a save path set *during* the will-download event (DownloadItem.setSavePath: "only available in
// session's will-download callback"); a path set after an awaited dialog comes too late — Electron has shown its own
// dialog by then. So the handler asks with the synchronous dialog. Electron writes straight to the chosen path (no
// temporary name), and an interrupted download keeps its partial file for resuming, which we never offer: it goes.
//
// The decisions are plain functions over an injected disk view (tested without Electron); the handler only wires them.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, type DownloadItem, type Session, type WebContents } from 'electron';
import { MB } from '@shared/domain/disk/bytes';
import { targetFullMessage } from '@shared/domain/disk/messages';
import { nearestExisting } from '../backend/services/disk/space';

/** The month's data package (electron/backend/services/sync/export.ts names them 月报-….tcpkg). */
export const PACKAGE_EXTENSION = '.tcpkg';
/** Below this the folder counts as full after an interrupted write, whatever the file's size. */
export const NEARLY_FULL_BYTES = MB;

/** The few file-system calls the decisions need; the real `fs` in the app, a chosen statfs in tests. */
export interface DiskView {
  existsSync(target: string): boolean;
  statfsSync(folder: string): { bavail: number; bsize: number };
  rmSync(target: string, options: { force: boolean }): void;
}

export const systemDisk: DiskView = {
  existsSync: (target) => fs.existsSync(target),
  statfsSync: (folder) => fs.statfsSync(folder),
  rmSync: (target, options) => fs.rmSync(target, options),
};

/** What the message calls the file: Excel 文件, PDF 文件, 数据包, or just 文件. */
export function savedFileLabel(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.xlsx') return 'Excel 文件';
  if (extension === '.pdf') return 'PDF 文件';
  if (extension === PACKAGE_EXTENSION) return '数据包';
  return '文件';
}

/** A folder still to be made is on the disk of its nearest existing parent (the backend's rule, on this disk view). */
export function nearestExistingFolder(folder: string, disk: Pick<DiskView, 'existsSync'>): string {
  return nearestExisting(folder, (target) => disk.existsSync(target));
}

/** Free bytes for this user where `folder` is (statfs bavail × bsize), or null when the system cannot say (a pulled stick). */
export function freeBytesIn(folder: string, disk: Pick<DiskView, 'existsSync' | 'statfsSync'>): number | null {
  try {
    const s = disk.statfsSync(nearestExistingFolder(folder, disk));
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** The folder the save dialog opens in: the last one used while it is still there (a stick may be gone), else Downloads. */
export function folderToOffer(lastFolder: string | null, downloadsFolder: string, disk: Pick<DiskView, 'existsSync'>): string {
  return lastFolder !== null && disk.existsSync(lastFolder) ? lastFolder : downloadsFolder;
}

export interface SaveTarget {
  /** The chosen file path. */
  filePath: string;
  /** The download's size; 0 when the browser does not know it (then there is no check before writing). */
  totalBytes: number;
  /** Free bytes of the chosen folder's disk, null when unknown. */
  freeBytes: number | null;
}

const neededOf = (target: SaveTarget) => (target.totalBytes > 0 ? target.totalBytes : null);

/** The Chinese message when the file cannot fit where it is to go, or null when it fits (or either size is unknown). */
export function doesNotFitMessage(target: SaveTarget): string | null {
  if (target.totalBytes <= 0 || target.freeBytes === null || target.freeBytes >= target.totalBytes) return null;
  return targetFullMessage({
    what: savedFileLabel(target.filePath),
    folder: path.dirname(target.filePath),
    freeBytes: target.freeBytes,
    neededBytes: target.totalBytes,
  });
}

/** Whether a write that stopped halfway stopped for want of room: the folder is below the file's size or below 1 MB. */
export function ranOutOfRoom(target: SaveTarget): boolean {
  if (target.freeBytes === null) return false;
  return target.freeBytes < NEARLY_FULL_BYTES || (target.totalBytes > 0 && target.freeBytes < target.totalBytes);
}

/** The Chinese message for a download that ended without the whole file (free space measured when it stopped). */
export function interruptedMessage(target: SaveTarget): string {
  const what = savedFileLabel(target.filePath);
  const folder = path.dirname(target.filePath);
  if (ranOutOfRoom(target)) return targetFullMessage({ what, folder, freeBytes: target.freeBytes, neededBytes: neededOf(target) });
  return `${what}没有完整保存到 ${folder}：写到一半中断了。请检查U盘是否插好、能否打开，然后重新保存一次。已保存的记录不受影响。`;
}

/** Removes what an interrupted download left at its path; a pulled stick cannot be cleaned, which is no further error. */
export function removePartialFile(filePath: string, disk: Pick<DiskView, 'rmSync'>): void {
  try {
    disk.rmSync(filePath, { force: true });
  } catch {
    // The folder is gone with the stick; nothing is left to remove from here.
  }
}

export interface DownloadCheckOptions {
  disk?: DiskView;
  /** Where the dialog opens the first time; Electron's Downloads folder by default. */
  downloadsFolder?: () => string;
}

function tell(window: BrowserWindow | null, message: string): void {
  const options = { type: 'warning' as const, title: '文件没有保存', message, buttons: ['知道了'], noLink: true };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/** Installs the save dialog and the free-space checks for every download of `session`. */
export function installDownloadChecks(session: Pick<Session, 'on'>, options: DownloadCheckOptions = {}): void {
  const disk = options.disk ?? systemDisk;
  const downloadsFolder = options.downloadsFolder ?? (() => app.getPath('downloads'));
  let lastFolder: string | null = null;

  session.on('will-download', (_event: unknown, item: DownloadItem, contents: WebContents) => {
    const window = BrowserWindow.fromWebContents(contents) ?? null;
    const fileName = item.getFilename();
    const what = savedFileLabel(fileName);
    const extension = path.extname(fileName).slice(1);
    const dialogOptions = {
      title: `保存${what}`,
      defaultPath: path.join(folderToOffer(lastFolder, downloadsFolder(), disk), fileName),
      buttonLabel: '保存',
      filters: extension ? [{ name: what, extensions: [extension] }] : [],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    // Synchronous on purpose: the path must be set before this handler returns (see the top of the file).
    const filePath = window ? dialog.showSaveDialogSync(window, dialogOptions) : dialog.showSaveDialogSync(dialogOptions);
    if (!filePath) {
      item.cancel();
      return;
    }
    const folder = path.dirname(filePath);
    lastFolder = folder;
    const totalBytes = item.getTotalBytes();
    const full = doesNotFitMessage({ filePath, totalBytes, freeBytes: freeBytesIn(folder, disk) });
    if (full) {
      item.cancel();
      tell(window, full);
      return;
    }
    item.setSavePath(filePath);

    // An interruption we could resume ('updated') is ended here: measure the room while the partial file still takes
    // it, then cancel, and 'done' reports it. One that cannot be resumed arrives at 'done' directly.
    let stoppedWithFree: number | null | undefined;
    const stop = () => {
      if (stoppedWithFree === undefined) stoppedWithFree = freeBytesIn(folder, disk);
    };
    item.on('updated', (_e, state) => {
      if (state !== 'interrupted') return;
      stop();
      item.cancel();
    });
    item.once('done', (_e, state) => {
      if (state === 'completed' || (state === 'cancelled' && stoppedWithFree === undefined)) return;
      stop();
      removePartialFile(filePath, disk);
      tell(window, interruptedMessage({ filePath, totalBytes, freeBytes: stoppedWithFree ?? null }));
    });
  });
}
