import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/security/session';
import { backupsToRemove } from '../../electron/backend/services/backup/rotation';
import { backupWriteError } from '../../electron/backend/services/backup/write';
import { startBackend } from '../../electron/backend/app';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
let dataDir: string;
beforeEach(async () => {
  dataDir = tempDir();
  b = await openTestBackend(dataDir);
  await smallCentre(b);
});
afterEach(async () => b.close());

async function waitForJob(jobId: string) {
  for (;;) {
    const job = await b.call('backup.job', { jobId });
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('automatic backups', () => {
  it('writes today’s daily and this month’s monthly copy once, and keeps 14 daily and 12 monthly', async () => {
    expect(await b.backups.runAutomatic()).toEqual(['daily-2026-03-15.sqlite', 'monthly-2026-03.sqlite']);
    expect(await b.backups.runAutomatic()).toEqual([]);
    const names = (await b.call('backup.list', {})).backups.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['daily-2026-03-15.sqlite', 'monthly-2026-03.sqlite']));
  });

  it('rotation removes only old automatic copies', () => {
    const daily = Array.from({ length: 20 }, (_, i) => `daily-2026-01-${String(i + 1).padStart(2, '0')}.sqlite`);
    const monthly = Array.from({ length: 15 }, (_, i) => `monthly-${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}.sqlite`);
    const removed = backupsToRemove([...daily, ...monthly, 'pre-migrate-v1-v2-x.sqlite', 'notes.txt']);
    expect(removed).toEqual([...daily.slice(0, 6).reverse(), ...monthly.slice(0, 3).reverse()]);
  });

  it('rotates a PostgreSQL store’s .dump copies apart from the .sqlite ones (a county that moved keeps both kinds)', () => {
    const dumps = Array.from({ length: 16 }, (_, i) => `daily-2026-02-${String(i + 1).padStart(2, '0')}.dump`);
    const files = Array.from({ length: 14 }, (_, i) => `daily-2026-01-${String(i + 1).padStart(2, '0')}.sqlite`);
    expect(backupsToRemove([...dumps, ...files, 'pre-restore-x.dump'])).toEqual(['daily-2026-02-02.dump', 'daily-2026-02-01.dump']);
  });
});

describe('backup to a folder', () => {
  it('copies the database with progress to 100%, checks it, and records who did it', async () => {
    const usb = tempDir('tc-usb-');
    const { jobId } = await b.call('backup.toFolder', { folder: usb });
    const job = await waitForJob(jobId);
    expect(job).toMatchObject({ done: true, error: null, percent: 100 });
    const files = fs.readdirSync(usb);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^敬老院数据备份-2026-03-15-.*\.sqlite$/);
    expect((await b.call('audit.search', { action: 'backup' })).total).toBe(1);
  });

  it('refuses a folder that does not exist or is a file, in Chinese, writing nothing', async () => {
    const missing = await b.raw('backup.toFolder', { folder: path.join(tempDir(), 'no-such-usb') });
    expect(missing.error).toMatchObject({ field: 'folder', message: expect.stringMatching(/^找不到这个文件夹/) });
    const aFile = path.join(tempDir(), 'file.txt');
    fs.writeFileSync(aFile, 'x');
    expect((await b.raw('backup.toFolder', { folder: aFile })).error?.message).toMatch(/^这不是一个文件夹/);
  });

  it('names a full disk and a read-only stick plainly', () => {
    const stick = () => ({ freeBytes: 20 * 1024 * 1024, totalBytes: 4 * 1024 ** 3 });
    for (const code of ['ENOSPC', 'SQLITE_FULL']) {
      const error = backupWriteError(Object.assign(new Error('database or disk is full'), { code }), 'E:\\', 120 * 1024 * 1024, stick);
      expect(error).toMatchObject({ code: 'DISK_FULL', field: 'folder' });
      expect(error.message).toBe('备份没有保存：E:\\ 只剩 20 MB，这个文件需要 120 MB。请换一个空间更大的U盘，或删除不用的文件后再试。已保存的记录不受影响。');
    }
    expect(backupWriteError(Object.assign(new Error('ro'), { code: 'EROFS' }), 'E:\\').message).toMatch(/写保护/);
  });
});

describe('restore', () => {
  it('brings back the backup, keeps a safety copy of the current data, and records the restore', async () => {
    const usb = tempDir('tc-usb-');
    const job = await waitForJob((await b.call('backup.toFolder', { folder: usb })).jobId);
    const map = await b.call('facility.bedMap', {});
    await b.call('residents.admit', { person: person(), admission: admission(map.rooms[0].beds[0].id) });
    expect(b.count('residents')).toBe(1);

    const result = await b.call('backup.restore', { source: job.file! });
    expect(result.safetyCopy).toMatch(/^pre-restore-/);
    expect(b.count('residents')).toBe(0);
    // The admission made after the backup is kept in the safety copy.
    const undo = await b.call('backup.restore', { source: result.safetyCopy! });
    expect(undo.safetyCopy).toMatch(/^pre-restore-/);
    expect(b.count('residents')).toBe(1);
    expect((await b.call('audit.search', { action: 'restore' })).total).toBeGreaterThanOrEqual(1);
  });

  it('refuses a file that is not a backup of this app, or from a newer version, and changes nothing', async () => {
    const notDb = path.join(tempDir(), 'photo.sqlite');
    fs.writeFileSync(notDb, 'this is not a database at all');
    const before = b.backups.list().length;
    expect((await b.raw('backup.restore', { source: notDb })).error?.message).toBe('这个文件不是本系统的备份文件');
    const usb = tempDir('tc-usb-');
    const job = await waitForJob((await b.call('backup.toFolder', { folder: usb })).jobId);
    const newer = path.join(usb, 'newer.sqlite');
    fs.copyFileSync(job.file!, newer);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    expect((await b.raw('backup.restore', { source: newer })).error?.message).toMatch(/更新版本/);
    expect(b.backups.list().length).toBe(before);
    expect(b.count('rooms')).toBe(2);
  });
});

describe('start-up integrity check', () => {
  it('offers the newest good backup instead of crashing on a damaged database', async () => {
    await b.backups.runAutomatic();
    await b.close();
    const file = path.join(dataDir, 'data', 'township-care.sqlite');
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    const bytes = fs.readFileSync(file);
    bytes.fill(0x42, 0, 100); // wreck the header
    fs.writeFileSync(file, bytes);

    const damaged = await startBackend({ dataDir });
    const visitor = new Session();
    expect((await damaged.dispatch(visitor, 'auth.status', {})).ok).toBe(false);
    const status = (await damaged.dispatch(visitor, 'backup.recoveryStatus', {})) as { ok: true; value: { needed: boolean; backups: { name: string }[] } };
    expect(status.value.needed).toBe(true);
    expect(status.value.backups[0].name).toMatch(/^(daily|monthly)-/);
    const restored = await damaged.dispatch(visitor, 'backup.recoveryRestore', { name: status.value.backups[0].name });
    expect(restored).toMatchObject({ ok: true, value: { safetyCopy: expect.stringMatching(/^damaged-/) } });
    expect((await damaged.dispatch(visitor, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    await damaged.close();
  });
});
