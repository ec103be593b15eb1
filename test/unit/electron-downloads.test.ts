// The save dialog and free-space checks of the window's downloads (issue 25), with `electron` mocked (no Electron
// binary on these machines); real temp folders for the files, an injected statfs for a full USB stick.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MB } from '../../shared/domain/disk/bytes';
import { targetFullMessage } from '../../shared/domain/disk/messages';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn(() => '/nowhere') },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  dialog: {
    showSaveDialogSync: vi.fn((_options: unknown): string | undefined => undefined),
    showMessageBox: vi.fn(async (_options: unknown) => ({ response: 0, checkboxChecked: false })),
  },
}));
vi.mock('electron', () => electron);

import {
  type DiskView,
  doesNotFitMessage,
  folderToOffer,
  freeBytesIn,
  installDownloadChecks,
  interruptedMessage,
  nearestExistingFolder,
  savedFileLabel,
  systemDisk,
} from '../../electron/main/downloads';

/** A DownloadItem as the handler uses it; cancel() ends it the way Electron does, with 'done' / 'cancelled'. */
class FakeItem extends EventEmitter {
  savePath = '';
  cancelled = false;
  constructor(
    private fileName: string,
    private totalBytes: number,
  ) {
    super();
  }
  getFilename = () => this.fileName;
  getTotalBytes = () => this.totalBytes;
  setSavePath = vi.fn((p: string) => {
    this.savePath = p;
  });
  cancel = vi.fn(() => {
    this.cancelled = true;
    this.emit('done', {}, 'cancelled');
  });
}

let root: string;
let downloads: string;
let stick: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-downloads-'));
  downloads = path.join(root, 'Downloads');
  stick = path.join(root, 'E盘');
  fs.mkdirSync(downloads);
  fs.mkdirSync(stick);
  electron.dialog.showSaveDialogSync.mockReset().mockReturnValue(undefined);
  electron.dialog.showMessageBox.mockClear();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** The real file system with the stick's free space chosen by the test. */
const diskWithFree = (free: () => number): DiskView => ({
  ...systemDisk,
  statfsSync: () => ({ bavail: free(), bsize: 1 }),
});

/** Installs the handler on a fake session; returns how to start a download through it. */
function session(disk: DiskView) {
  let handler: ((event: unknown, item: FakeItem, contents: unknown) => void) | undefined;
  installDownloadChecks({ on: (_name: string, fn: typeof handler) => (handler = fn) } as never, { disk, downloadsFolder: () => downloads });
  return (item: FakeItem) => handler!({}, item, {});
}
const download = (item: FakeItem, disk: DiskView) => session(disk)(item);

const messages = () => electron.dialog.showMessageBox.mock.calls.map(([options]) => (options as { message: string }).message);

describe('the decisions', () => {
  it('names what is saved by its extension', () => {
    expect(savedFileLabel('护理记录-2026-11.xlsx')).toBe('Excel 文件');
    expect(savedFileLabel('A.PDF')).toBe('PDF 文件');
    expect(savedFileLabel('月报-520102001-2026-11-001.tcpkg')).toBe('数据包');
    expect(savedFileLabel('机构登记-520102.json')).toBe('文件');
  });

  it('measures a folder still to be made on its nearest existing parent', () => {
    const deeper = path.join(stick, 'not', 'yet');
    expect(nearestExistingFolder(deeper, fs)).toBe(stick);
    const asked: string[] = [];
    expect(freeBytesIn(deeper, { existsSync: fs.existsSync, statfsSync: (f) => (asked.push(f), { bavail: 3, bsize: 4096 }) })).toBe(3 * 4096);
    expect(asked).toEqual([stick]);
    expect(freeBytesIn(stick, { existsSync: () => true, statfsSync: () => { throw new Error('EIO'); } })).toBeNull();
  });

  it('offers the last folder while it is there, else Downloads', () => {
    expect(folderToOffer(null, downloads, fs)).toBe(downloads);
    expect(folderToOffer(stick, downloads, fs)).toBe(stick);
    expect(folderToOffer(path.join(root, 'pulled-stick'), downloads, fs)).toBe(downloads);
  });

  it('checks the fit only when both sizes are known', () => {
    const filePath = path.join(stick, 'a.xlsx');
    expect(doesNotFitMessage({ filePath, totalBytes: 5 * MB, freeBytes: 5 * MB })).toBeNull();
    expect(doesNotFitMessage({ filePath, totalBytes: 0, freeBytes: 0 })).toBeNull();
    expect(doesNotFitMessage({ filePath, totalBytes: 5 * MB, freeBytes: null })).toBeNull();
    expect(doesNotFitMessage({ filePath, totalBytes: 5 * MB, freeBytes: 2 * MB })).toBe(
      targetFullMessage({ what: 'Excel 文件', folder: stick, freeBytes: 2 * MB, neededBytes: 5 * MB }),
    );
  });

  it('tells a full folder from a stick that went away', () => {
    const filePath = path.join(stick, '月报.tcpkg');
    expect(interruptedMessage({ filePath, totalBytes: 0, freeBytes: 100 })).toBe(targetFullMessage({ what: '数据包', folder: stick, freeBytes: 100, neededBytes: null }));
    expect(interruptedMessage({ filePath, totalBytes: 8 * MB, freeBytes: 3 * MB })).toBe(targetFullMessage({ what: '数据包', folder: stick, freeBytes: 3 * MB, neededBytes: 8 * MB }));
    const gone = interruptedMessage({ filePath, totalBytes: 8 * MB, freeBytes: null });
    expect(gone).toContain(`数据包没有完整保存到 ${stick}`);
    expect(gone).toContain('请检查U盘');
  });
});

describe('a download through the save dialog', () => {
  it('asks in the Downloads folder first, then in the last folder used', () => {
    const start = session(diskWithFree(() => 100 * MB));
    electron.dialog.showSaveDialogSync.mockReturnValue(path.join(stick, '护理记录.xlsx'));
    start(new FakeItem('护理记录.xlsx', MB));
    start(new FakeItem('月报.tcpkg', MB));
    const asked = electron.dialog.showSaveDialogSync.mock.calls.map(([options]) => options);
    expect(asked[0]).toMatchObject({
      title: '保存Excel 文件',
      defaultPath: path.join(downloads, '护理记录.xlsx'),
      filters: [{ name: 'Excel 文件', extensions: ['xlsx'] }],
    });
    expect(asked[1]).toMatchObject({ title: '保存数据包', defaultPath: path.join(stick, '月报.tcpkg') });
  });

  it('saves a file that fits where it was asked to', () => {
    const target = path.join(stick, '护理记录.xlsx');
    electron.dialog.showSaveDialogSync.mockReturnValue(target);
    const item = new FakeItem('护理记录.xlsx', 2 * MB);
    download(item, diskWithFree(() => 2 * MB));
    expect(item.setSavePath).toHaveBeenCalledWith(target);
    expect(item.cancel).not.toHaveBeenCalled();
    item.emit('done', {}, 'completed');
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('cancels a file that does not fit, naming the folder, the size needed and the room left', () => {
    electron.dialog.showSaveDialogSync.mockReturnValue(path.join(stick, '月报-520102001-2026-11-001.tcpkg'));
    const item = new FakeItem('月报-520102001-2026-11-001.tcpkg', 12 * MB);
    download(item, diskWithFree(() => 3 * MB));
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(messages()).toEqual([targetFullMessage({ what: '数据包', folder: stick, freeBytes: 3 * MB, neededBytes: 12 * MB })]);
    expect(messages()[0]).toContain(stick);
    expect(fs.readdirSync(stick)).toEqual([]);
  });

  it('cancels the download when the dialog is cancelled, without a message', () => {
    const item = new FakeItem('护理记录.xlsx', MB);
    download(item, diskWithFree(() => 100 * MB));
    expect(item.cancel).toHaveBeenCalled();
    expect(item.setSavePath).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('skips the check when the size is unknown', () => {
    const target = path.join(stick, '回执.txt');
    electron.dialog.showSaveDialogSync.mockReturnValue(target);
    const item = new FakeItem('回执.txt', 0);
    download(item, diskWithFree(() => 0));
    expect(item.setSavePath).toHaveBeenCalledWith(target);
  });
});

describe('a download that stops halfway', () => {
  it('on a full stick: the full message with the room now left, and no partial file', () => {
    const target = path.join(stick, '护理记录.xlsx');
    electron.dialog.showSaveDialogSync.mockReturnValue(target);
    let free = 10 * MB;
    const item = new FakeItem('护理记录.xlsx', 6 * MB);
    download(item, diskWithFree(() => free));
    expect(item.setSavePath).toHaveBeenCalledWith(target);
    // Electron writes straight to the chosen path; something else fills the stick meanwhile.
    fs.writeFileSync(target, Buffer.alloc(1024, 1));
    free = 200 * 1024;
    item.emit('done', {}, 'interrupted');
    expect(fs.existsSync(target)).toBe(false);
    expect(messages()).toEqual([targetFullMessage({ what: 'Excel 文件', folder: stick, freeBytes: 200 * 1024, neededBytes: 6 * MB })]);
  });

  it('a resumable interruption is ended (cancelled) and told the same way', () => {
    const target = path.join(stick, '月报.tcpkg');
    electron.dialog.showSaveDialogSync.mockReturnValue(target);
    let free = 50 * MB;
    const item = new FakeItem('月报.tcpkg', 0);
    download(item, diskWithFree(() => free));
    fs.writeFileSync(target, Buffer.alloc(2048, 1));
    free = 4096;
    item.emit('updated', {}, 'interrupted');
    expect(item.cancel).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(target)).toBe(false);
    expect(messages()).toEqual([targetFullMessage({ what: '数据包', folder: stick, freeBytes: 4096, neededBytes: null })]);
  });

  it('with room left (the stick was pulled out): asks to check the stick, and no partial file', () => {
    const target = path.join(stick, '护理记录.xlsx');
    electron.dialog.showSaveDialogSync.mockReturnValue(target);
    const item = new FakeItem('护理记录.xlsx', MB);
    download(item, diskWithFree(() => 100 * MB));
    fs.writeFileSync(target, Buffer.alloc(512, 1));
    item.emit('done', {}, 'interrupted');
    expect(fs.existsSync(target)).toBe(false);
    expect(messages()).toEqual([interruptedMessage({ filePath: target, totalBytes: MB, freeBytes: 100 * MB })]);
    expect(messages()[0]).toContain('请检查U盘是否插好');
  });

  it('a cancel from elsewhere (the app closing) is no error', () => {
    electron.dialog.showSaveDialogSync.mockReturnValue(path.join(stick, '护理记录.xlsx'));
    const item = new FakeItem('护理记录.xlsx', MB);
    download(item, diskWithFree(() => 100 * MB));
    item.emit('done', {}, 'cancelled');
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});
