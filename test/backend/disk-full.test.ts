// A full disk (issue 25): the write that cannot be saved says so — which disk, how much is left, that saved records are
// safe — nothing half-written stays, reads keep working, the program starts with 0 bytes free, and writes work again
// once there is room. On a real small disk (a tmpfs this test mounts, which needs root), and everywhere with SQLite's
// own SQLITE_FULL (max_page_count) and an injected view of the disk's room.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiskStatus } from '@shared/api/disk';
import type { Settings } from '@shared/api/settings';
import { GB, MB } from '@shared/domain/disk/bytes';
import { CRITICAL_FREE_BYTES } from '@shared/domain/disk/space-level';
import { startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import type { Space } from '../../electron/backend/services/disk/space';
import { ADMIN, type TestBackend, fixedClock, openTestBackend, tempDir } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { NO_TMPFS_REASON, fillToLastByte, mountTmpfs, unmountTmpfs } from '../helpers/small-disk';

const canMount = NO_TMPFS_REASON === null;
if (!canMount) console.log(`[disk-full] 跳过真实小硬盘（tmpfs）的测试：${NO_TMPFS_REASON}；max_page_count 与注入的空间读数的测试照常运行`);

const mounted: string[] = [];
const backends: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
  for (const dir of mounted.splice(0)) unmountTmpfs(dir);
});

/** A real disk of `megabytes`, empty: a tmpfs mounted on a fresh folder. */
function smallDisk(megabytes: number): string {
  const dir = mountTmpfs(`${megabytes}m`);
  mounted.push(dir);
  return dir;
}

const fill = fillToLastByte;

const freeOf = (dir: string) => {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
};

/** A photo as the form sends it, of random bytes (nothing to compress). */
const photo = (kilobytes: number) => `data:image/jpeg;base64,${crypto.randomBytes(kilobytes * 768).toString('base64')}`;

async function centreWithResident(b: TestBackend) {
  const { bed } = await smallCentre(b);
  const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
  return id;
}

const auditCount = (b: TestBackend) => b.count('audit_log');

describe.skipIf(!canMount)('on a real small disk that fills up', () => {
  it('names the full data disk, writes nothing, keeps every record, and saves again once there is room', async () => {
    const dir = smallDisk(40);
    const b = await openTestBackend(dir);
    backends.push(b);
    const id = await centreWithResident(b);
    const before = photo(250);
    await b.call('residents.update', { id, person: { ...person(), photo: before, note: '填满之前' } });
    const fillers = fill(dir);
    // The write-ahead log may still hold a few writes; big ones (a photo each) soon need room the disk has not got.
    let saved = 0;
    let refused: Awaited<ReturnType<TestBackend['raw']>> | null = null;
    let auditBefore = 0;
    for (let i = 0; i < 60 && !refused; i++) {
      auditBefore = auditCount(b);
      const result = await b.raw('residents.update', { id, person: { ...person(), photo: photo(250), note: `第${i}次` } });
      if (result.ok) saved = i + 1;
      else refused = result;
    }
    expect(refused?.error).toMatchObject({ code: 'DISK_FULL' });
    const message = refused!.error!.message;
    expect(message).toContain(`数据文件夹 ${dir} 所在的硬盘，只剩`);
    expect(message).toContain('本次操作没有保存。已保存的记录不受影响。');
    expect(message).not.toMatch(/database|disk is full|系统出错/);
    // Nothing of the refused write; everything before it, readable.
    expect(auditCount(b)).toBe(auditBefore);
    const file = await b.call('residents.get', { id });
    expect(file.note).toBe(saved === 0 ? '填满之前' : `第${saved - 1}次`);
    if (saved === 0) expect(file.photo).toBe(before);
    expect((await b.call('residents.search', {})).total).toBe(1);
    expect(b.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // The notice turns red for everyone, and says what uses the room.
    const status = await b.call('disk.status', { fresh: true });
    expect(status).toMatchObject({ level: 'critical', folder: dir });
    expect(status.usage?.databaseBytes).toBeGreaterThan(0);
    expect(status.usage?.photosBytes).toBeGreaterThan(0);
    // Room again: the same write goes through.
    for (const f of fillers) fs.rmSync(f);
    expect((await b.raw('residents.update', { id, person: { ...person(), photo: photo(250), note: '有空间了' } })).ok).toBe(true);
    expect((await b.call('residents.get', { id })).note).toBe('有空间了');
  });

  it('starts with 0 bytes free, lets people sign in and read, and writes the sign-in once there is room', async () => {
    const dir = smallDisk(24);
    const first = await openTestBackend(dir);
    const id = await centreWithResident(first);
    await first.close();
    const fillers = fill(dir);
    expect(freeOf(dir)).toBe(0);

    const b = await startBackend({ dataDir: dir, clock: fixedClock('2026-03-16T01:00:00.000Z'), checkOutput: true });
    backends.push(b);
    expect(b.holder.recovery).toBeNull();
    const manager = new Session();
    const signIns = () => b.database.sqlite.prepare(`SELECT after FROM audit_log WHERE action = 'sign_in'`).all() as Array<{ after: string }>;
    const before = signIns().length;
    const signedIn = await b.dispatch(manager, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(signedIn.ok).toBe(true);
    const read = await b.dispatch(manager, 'residents.get', { id });
    expect(read.ok && read.value).toMatchObject({ name: '张三' });
    const status = await b.dispatch(manager, 'disk.status', { fresh: false });
    expect(status.ok && status.value).toMatchObject({ level: 'critical', freeBytes: 0 });
    const write = await b.dispatch(manager, 'residents.update', { id, person: { ...person(), note: '写不进去' } });
    expect(write.ok ? null : write.error).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining('只剩 0 字节') });
    expect(signIns()).toHaveLength(before);

    for (const f of fillers) fs.rmSync(f);
    // 再检查 (a read, through the dispatcher) finds room and writes what was held back.
    const recheck = await b.dispatch(manager, 'disk.status', { fresh: true });
    expect(recheck.ok && (recheck.value as DiskStatus).freeBytes).toBeGreaterThan(MB);
    const after = signIns();
    expect(after).toHaveLength(before + 1);
    expect(JSON.parse(after.at(-1)!.after)).toMatchObject({ by: 'password', happenedAt: '2026-03-16T01:00:00.000Z', writtenLaterDiskFull: true });
    const again = await b.dispatch(manager, 'residents.update', { id, person: { ...person(), note: '有空间了' } });
    expect(again.ok).toBe(true);
  });

  it('still counts wrong passwords on a full disk, locks the account, and writes every try once there is room', async () => {
    const dir = smallDisk(24);
    const first = await openTestBackend(dir);
    await centreWithResident(first);
    await first.close();
    const fillers = fill(dir);
    const clock = fixedClock('2026-03-16T01:00:00.000Z');
    const b = await startBackend({ dataDir: dir, clock, checkOutput: true });
    const s = new Session();
    const login = async (password: string) => {
      const r = await b.dispatch(s, 'auth.login', { username: ADMIN.username, password });
      return r.ok ? 'signed in' : r.error.message;
    };
    for (let left = 4; left >= 1; left--) expect(await login('wrong-password')).toBe(`登录名或密码不正确（再错 ${left} 次将锁定账号）`);
    expect(await login('wrong-password')).toBe('输错次数过多，账号已锁定 15 分钟，请稍后再试，或请管理员重置密码');
    // The right password does not get round a lockout the disk could not store.
    expect(await login(ADMIN.password)).toMatch(/^输错次数过多，账号已锁定，请 15 分钟后再试/);
    // Room again; closing the program writes what was held back.
    for (const f of fillers) fs.rmSync(f);
    await b.close();
    const again = await openTestBackend(dir, { withAdmin: false });
    backends.push(again);
    const row = again.database.sqlite.prepare(`SELECT failed_attempts AS failed, locked_until AS lockedUntil FROM users WHERE username = ?`).get(ADMIN.username) as { failed: number; lockedUntil: string };
    expect(row).toEqual({ failed: 0, lockedUntil: '2026-03-16T01:15:00.000Z' });
    const tries = again.database.sqlite.prepare(`SELECT action, after FROM audit_log WHERE action IN ('sign_in_failed', 'locked_out') ORDER BY rowid`).all() as Array<{ action: string; after: string }>;
    expect(tries.map((t) => t.action)).toEqual(['sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'locked_out']);
    expect(tries.every((t) => (JSON.parse(t.after) as { writtenLaterDiskFull?: boolean }).writtenLaterDiskFull)).toBe(true);
    expect((await again.raw('auth.login', { username: ADMIN.username, password: ADMIN.password }, new Session())).error?.message).toMatch(/账号已锁定/);
  });

  it('finishes a backup to a USB stick while the data disk is full, and records it once there is room', async () => {
    const dir = smallDisk(24);
    const first = await openTestBackend(dir);
    await centreWithResident(first);
    await first.close();
    const fillers = fill(dir);
    const b = await startBackend({ dataDir: dir, clock: fixedClock('2026-03-16T01:00:00.000Z'), checkOutput: true });
    backends.push(b);
    const manager = new Session();
    expect((await b.dispatch(manager, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    const stick = tempDir('tc-usb-');
    const started = await b.dispatch(manager, 'backup.toFolder', { folder: stick });
    if (!started.ok) throw new Error(started.error.message);
    let job = { done: false, error: null as string | null, file: null as string | null };
    while (!job.done) {
      await new Promise((r) => setTimeout(r, 10));
      const r = await b.dispatch(manager, 'backup.job', { jobId: (started.value as { jobId: string }).jobId });
      if (!r.ok) throw new Error(r.error.message);
      job = r.value as typeof job;
    }
    expect(job.error).toBeNull();
    expect(fs.existsSync(job.file!)).toBe(true);
    const backupsRecorded = () => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'backup'`).get() as { n: number }).n;
    expect(backupsRecorded()).toBe(0);
    for (const f of fillers) fs.rmSync(f);
    await b.dispatch(manager, 'disk.status', { fresh: true });
    expect(backupsRecorded()).toBe(1);
  });

  it('says a full disk that keeps the file from opening, offers 再试 instead of a restore, and opens it once there is room', async () => {
    const dir = smallDisk(24);
    const first = await openTestBackend(dir);
    const id = await centreWithResident(first);
    await first.backups.runAutomatic();
    const version = first.database.sqlite.pragma('user_version', { simple: true }) as number;
    // As after installing an update: one migration to run, which first copies the file (pre-migrate) — no room for it.
    first.database.sqlite.pragma(`user_version = ${version - 1}`);
    await first.close();
    const fillers = fill(dir);
    const b = await startBackend({ dataDir: dir, clock: fixedClock(), checkOutput: true });
    backends.push(b);
    const visitor = new Session();
    const status = await b.dispatch(visitor, 'backup.recoveryStatus', {});
    expect(status.ok && status.value).toMatchObject({ needed: true, diskFull: true, backups: [], problem: expect.stringMatching(new RegExp(`^电脑硬盘已满（数据文件夹 ${dir} 所在的硬盘`)) });
    const restore = await b.dispatch(visitor, 'backup.recoveryRestore', { name: 'daily-2026-03-15.sqlite' });
    expect(restore.ok ? null : restore.error.message).toMatch(/^数据文件没有损坏，是硬盘满了/);
    for (const f of fillers) fs.rmSync(f);
    // Room made (and, for this test, the version put back so the retried opening has nothing left to migrate).
    const Database = (await import('better-sqlite3')).default;
    const direct = new Database(b.holder.file);
    direct.pragma(`user_version = ${version}`);
    direct.close();
    expect((await b.dispatch(visitor, 'store.retry', {})).ok).toBe(true);
    expect(b.holder.recovery).toBeNull();
    const s = new Session();
    expect((await b.dispatch(s, 'auth.login', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    const read = await b.dispatch(s, 'residents.get', { id });
    expect(read.ok).toBe(true);
  });

  it('refuses a backup a USB stick cannot hold before writing, and cleans up one the stick runs out of room for', async () => {
    const data = tempDir();
    const b = await openTestBackend(data);
    backends.push(b);
    const id = await centreWithResident(b);
    for (let i = 0; i < 12; i++) await b.call('residents.update', { id, person: { ...person(), photo: photo(250), note: `第${i}次` } });
    const size = fs.statSync(b.holder.file).size;

    const tiny = smallDisk(1);
    const refused = await b.raw('backup.toFolder', { folder: tiny });
    expect(refused.error).toMatchObject({ code: 'DISK_FULL', field: 'folder' });
    expect(refused.error!.message).toMatch(new RegExp(`^备份没有保存：${tiny} 只剩 1 MB，这个文件需要 \\d+(\\.\\d)? MB。`));
    expect(fs.readdirSync(tiny)).toEqual([]);

    // Room enough when it starts; the stick fills (another copy onto it) while the backup is written.
    const stick = smallDisk(Math.ceil(size / MB) + 4);
    const { jobId } = await b.call('backup.toFolder', { folder: stick });
    fill(stick);
    let job = await b.call('backup.job', { jobId });
    while (!job.done) {
      await new Promise((r) => setTimeout(r, 10));
      job = await b.call('backup.job', { jobId });
    }
    expect(job.error).toMatch(new RegExp(`^备份没有保存：${stick} 只剩 .+，这个文件需要 .+。请换一个空间更大的U盘`));
    expect(fs.readdirSync(stick).filter((n) => !n.startsWith('filler-'))).toEqual([]);
    expect((await b.call('audit.search', { action: 'backup' })).total).toBe(0);
  });
});

describe('a write SQLite refuses with SQLITE_FULL (max_page_count), wherever the tests run', () => {
  it('says the disk is full with the data folder, keeps earlier records, and writes again when the room is back', async () => {
    const dataDir = tempDir();
    const b = await openTestBackend(dataDir);
    backends.push(b);
    const id = await centreWithResident(b);
    const sqlite = b.database.sqlite;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages}`);
    const auditBefore = auditCount(b);
    const refused = await b.raw('residents.update', { id, person: { ...person(), photo: photo(250) } });
    expect(refused.error).toMatchObject({ code: 'DISK_FULL' });
    expect(refused.error!.message).toMatch(new RegExp(`^电脑硬盘已满（数据文件夹 ${dataDir.replaceAll('\\', '\\\\')} 所在的硬盘，只剩 .+），本次操作没有保存。已保存的记录不受影响。`));
    expect(auditCount(b)).toBe(auditBefore);
    expect((await b.call('residents.get', { id })).photo).toBeNull();
    sqlite.pragma('max_page_count = 4294967294');
    expect((await b.raw('residents.update', { id, person: { ...person(), photo: photo(250) } })).ok).toBe(true);
  });
});

describe('the warning before the disk is full, on an injected view of its room', () => {
  async function backendWithRoom(room: { free: number }) {
    const statfs = (): Space => ({ freeBytes: room.free, totalBytes: 64 * GB });
    const dataDir = tempDir();
    await openTestBackend(dataDir).then((b) => b.close());
    const b = await startBackend({ dataDir, clock: fixedClock(), checkOutput: true, statfs });
    backends.push(b);
    const s = new Session();
    const login = await b.dispatch(s, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.ok).toBe(true);
    const status = async (fresh = true): Promise<DiskStatus> => {
      const r = await b.dispatch(s, 'disk.status', { fresh });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as DiskStatus;
    };
    return { b, s, status };
  }

  it('is quiet with room, yellow below the setting with what uses the room, red below 200 MB', async () => {
    const room = { free: 5 * GB };
    const { b, s, status } = await backendWithRoom(room);
    expect(await status()).toMatchObject({ level: 'ok', usage: null, warnBelowBytes: GB, criticalBelowBytes: CRITICAL_FREE_BYTES });
    room.free = 900 * MB;
    const low = await status();
    expect(low).toMatchObject({ level: 'low', freeBytes: 900 * MB });
    expect(low.usage).toMatchObject({ databaseBytes: expect.any(Number), backupsBytes: expect.any(Number), exportsBytes: 0, photosBytes: 0 });
    expect(low.usage!.databaseBytes).toBeGreaterThan(0);
    // The last check's figures until asked again (the home page polls; 再检查 asks now).
    room.free = 150 * MB;
    expect((await status(false)).level).toBe('low');
    expect((await status(true)).level).toBe('critical');
    // The centre's own setting moves the yellow line.
    room.free = 1500 * MB;
    const settings = await b.dispatch(s, 'settings.get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    expect((await b.dispatch(s, 'settings.update', { ...(settings.value as Settings), diskWarnMegabytes: 2048 })).ok).toBe(true);
    expect(await status()).toMatchObject({ level: 'low', warnBelowBytes: 2048 * MB });
  });

  it('tells a caregiver how full it is, not where the data is or what uses it', async () => {
    const room = { free: 150 * MB };
    const { b, s } = await backendWithRoom(room);
    const hired = await b.dispatch(s, 'staff.hire', { name: '李秀英', role: 'caregiver', hireDate: '2026-03-15', accountRole: 'caregiver', pin: '246810' });
    if (!hired.ok) throw new Error(hired.error.message);
    const caregiver = new Session();
    expect((await b.dispatch(caregiver, 'auth.pinLogin', { userId: (hired.value as { userId: string }).userId, pin: '246810' })).ok).toBe(true);
    const seen = await b.dispatch(caregiver, 'disk.status', { fresh: true });
    expect(seen.ok && seen.value).toMatchObject({ level: 'critical', freeBytes: 150 * MB, folder: '', usage: null, skippedBackup: null });
  });

  it('skips an automatic backup that would leave less than 200 MB, says so, and writes it once there is room', async () => {
    const room = { free: CRITICAL_FREE_BYTES + 64 * 1024 };
    const { b, status } = await backendWithRoom(room);
    expect(await b.backups.runAutomatic()).toEqual([]);
    expect(fs.existsSync(b.holder.backupDir) ? fs.readdirSync(b.holder.backupDir).filter((n) => n.startsWith('daily-')) : []).toEqual([]);
    const skipped = (await status(false)).skippedBackup;
    expect(skipped).toMatchObject({ freeBytes: room.free, at: '2026-03-15T02:00:00.000Z' });
    expect(skipped!.neededBytes).toBeGreaterThan(64 * 1024);
    room.free = 5 * GB;
    expect(await b.backups.runAutomatic()).toEqual(['daily-2026-03-15.sqlite', 'monthly-2026-03.sqlite']);
    expect((await status(false)).skippedBackup).toBeNull();
  });
});
