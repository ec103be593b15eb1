// A full disk (issue 25) in the longer flows: a month's package for a USB stick too small for it, an export while the
// data disk is full, a restore with no room for its copies, and a county import whose store refuses with SQLITE_FULL.
// Each: the message says so, nothing is half-written, every earlier record is there, and it works again once there is
// room. On real small disks (a tmpfs this test mounts, which needs root), and with SQLite's own SQLITE_FULL
// (max_page_count) for the county's store, which runs everywhere.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJob } from '@shared/api/sync';
import { MB } from '@shared/domain/disk/bytes';
import { targetFullMessage } from '@shared/domain/disk/messages';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { linkCentreToCounty } from '../helpers/county-link';
import { NO_TMPFS_REASON, fillToLastByte, mountTmpfs, unmountTmpfs } from '../helpers/small-disk';

const canMount = NO_TMPFS_REASON === null;
if (!canMount) console.log(`[disk-full-flows] 跳过真实小硬盘（tmpfs）的测试：${NO_TMPFS_REASON}；县级导入的 max_page_count 测试照常运行`);

const mounted: string[] = [];
const backends: TestBackend[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
  for (const dir of mounted.splice(0)) unmountTmpfs(dir);
});

async function open(...args: Parameters<typeof openTestBackend>): Promise<TestBackend> {
  const b = await openTestBackend(...args);
  backends.push(b);
  return b;
}

/** A real disk of `size` (tmpfs sizes: 4k, 40m), empty: a tmpfs mounted on a fresh folder. */
function smallDisk(size: string): string {
  const dir = mountTmpfs(size);
  mounted.push(dir);
  return dir;
}

const fill = fillToLastByte;

/** A path inside a RegExp, as it is written. */
const re = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A photo as the form sends it, of random bytes (nothing to compress). */
const photo = (kilobytes: number) => `data:image/jpeg;base64,${crypto.randomBytes(kilobytes * 768).toString('base64')}`;

const freeOf = (dir: string) => {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
};

/** What is in a folder besides the fillers. */
const contentsOf = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => !n.startsWith('filler-')).sort() : []);

/** A small centre with one resident (admitted in January), its February over on the test clock (15 March). */
async function centreWithResident(b: TestBackend) {
  const { bed } = await smallCentre(b);
  const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
  return id;
}

/** The county of smallCentre's area code (320102001000), on its SQLite store. */
const COUNTY = { code: '320102', name: '测试县' };

async function exportJob(b: TestBackend, period: string, folder: string | null): Promise<ExportJob> {
  const { jobId } = await b.call('sync.export', { period, folder, correctionReason: null });
  for (;;) {
    const job = await b.call('sync.job', { jobId });
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
}

const exportAudits = (b: TestBackend) => (b.database.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'export'`).get() as { n: number }).n;
const exportsFolderOf = (b: TestBackend) => path.join(b.dataDir, 'exports');

describe.skipIf(!canMount)('a month package on a real small disk', () => {
  it('refuses a USB stick too small for the package with its folder and sizes, leaves nothing, and saves to a bigger one', async () => {
    const county = await open(tempDir(), { county: COUNTY, store: 'sqlite' });
    const b = await open();
    const id = await centreWithResident(b);
    await b.call('residents.update', { id, person: { ...person(), note: '报送之前' } });
    await linkCentreToCounty(b, county);
    const auditBefore = b.count('audit_log');

    const stick = smallDisk('4k');
    expect(freeOf(stick)).toBe(4 * 1024);
    const refused = await exportJob(b, '2026-02', stick);
    expect(refused.result).toBeNull();
    expect(refused.error).toMatch(new RegExp(`^数据包没有保存：${re(stick)} 只剩 4 KB，这个文件需要 .+。请换一个空间更大的U盘`));
    // Nothing on the stick (not even the .part), no archive copy, not recorded, not audited; the records are as they were.
    expect(contentsOf(stick)).toEqual([]);
    expect(contentsOf(exportsFolderOf(b))).toEqual([]);
    expect(b.count('sync_exports')).toBe(0);
    expect(exportAudits(b)).toBe(0);
    expect(b.count('audit_log')).toBe(auditBefore);
    expect((await b.call('residents.get', { id })).note).toBe('报送之前');

    // A stick with room: the same month goes through, with the size the message named.
    const bigger = smallDisk('1m');
    const saved = await exportJob(b, '2026-02', bigger);
    expect(saved.error).toBeNull();
    const fileName = saved.result!.fileName;
    expect(contentsOf(bigger)).toEqual([fileName]);
    expect(contentsOf(exportsFolderOf(b))).toEqual([fileName]);
    expect(b.count('sync_exports')).toBe(1);
    expect(exportAudits(b)).toBe(1);
    const size = fs.statSync(path.join(bigger, fileName)).size;
    expect(size).toBeGreaterThan(4 * 1024);
    // The package is built the same way both times (its sealing keys are random, its length not); the message is
    // targetFullMessage's own sentence for a size within a few bytes of it.
    const near = Array.from({ length: 129 }, (_, i) => size - 64 + i);
    expect(near.map((n) => targetFullMessage({ what: '数据包', folder: stick, freeBytes: 4 * 1024, neededBytes: n }))).toContain(refused.error);
  });

  it('says the data disk is full when the archive copy cannot be written, leaves nothing, and exports once there is room', async () => {
    const dataDir = smallDisk('48m');
    const county = await open(tempDir(), { county: COUNTY, store: 'sqlite' });
    const b = await open(dataDir);
    const id = await centreWithResident(b);
    await linkCentreToCounty(b, county);
    await b.call('residents.update', { id, person: { ...person(), note: '填满之前' } });
    const auditBefore = b.count('audit_log');
    const stick = tempDir('tc-usb-');

    const fillers = fill(dataDir);
    const refused = await exportJob(b, '2026-02', stick);
    expect(refused.result).toBeNull();
    expect(refused.error).toMatch(new RegExp(`^电脑硬盘已满（数据文件夹 ${re(dataDir)} 所在的硬盘(，只剩 [^）]+)?），本次操作没有保存。已保存的记录不受影响。`));
    expect(refused.error).not.toContain('U盘');
    expect(contentsOf(exportsFolderOf(b))).toEqual([]);
    expect(contentsOf(stick)).toEqual([]);
    expect(b.count('sync_exports')).toBe(0);
    expect(exportAudits(b)).toBe(0);
    expect(b.count('audit_log')).toBe(auditBefore);
    expect((await b.call('residents.get', { id })).note).toBe('填满之前');

    for (const f of fillers) fs.rmSync(f);
    const saved = await exportJob(b, '2026-02', stick);
    expect(saved.error).toBeNull();
    const fileName = saved.result!.fileName;
    expect(contentsOf(stick)).toEqual([fileName]);
    expect(contentsOf(exportsFolderOf(b))).toEqual([fileName]);
    expect(b.count('sync_exports')).toBe(1);
    expect(exportAudits(b)).toBe(1);
  });
});

describe.skipIf(!canMount)('a restore on a full data disk', () => {
  /** A centre on its own small disk, a backup of it on a stick, and a record made after that backup. */
  async function backedUp(dataDir: string) {
    const b = await open(dataDir);
    const id = await centreWithResident(b);
    // A database of a few MB (photos), so its copies are larger than the room a test leaves.
    for (let i = 0; i < 6; i++) await b.call('residents.update', { id, person: { ...person(), photo: photo(250), note: '备份时' } });
    const stick = tempDir('tc-usb-');
    const { jobId } = await b.call('backup.toFolder', { folder: stick });
    let job = await b.call('backup.job', { jobId });
    while (!job.done) {
      await new Promise((r) => setTimeout(r, 10));
      job = await b.call('backup.job', { jobId });
    }
    expect(job.error).toBeNull();
    // A record made after the backup: a restore takes it away, a refused one must not.
    await b.call('residents.update', { id, person: { ...person(), note: '备份之后' } });
    const backupsBefore = contentsOf(b.holder.backupDir);
    const auditBefore = b.count('audit_log');
    /** Refused as a full data disk, and nothing changed: the later record there, no half copy, no safety copy. */
    const expectRefused = async (refused: Awaited<ReturnType<TestBackend['raw']>>) => {
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatchObject({ code: 'DISK_FULL' });
      expect(refused.error!.message).toMatch(new RegExp(`^电脑硬盘已满（数据文件夹 ${re(dataDir)} 所在的硬盘(，只剩 [^）]+)?），本次操作没有保存。已保存的记录不受影响。`));
      expect(refused.error!.message).not.toContain('U盘');
      expect((await b.call('residents.get', { id })).note).toBe('备份之后');
      expect(b.count('audit_log')).toBe(auditBefore);
      expect(b.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(contentsOf(path.dirname(b.holder.file)).filter((n) => n.endsWith('.restoring'))).toEqual([]);
      expect(contentsOf(b.holder.backupDir)).toEqual(backupsBefore);
    };
    /** Once there is room: restored, the later record gone, the safety copy kept. */
    const expectRestores = async () => {
      const restored = await b.call('backup.restore', { source: job.file! });
      expect(restored.safetyCopy).toMatch(/^pre-restore-/);
      expect(contentsOf(b.holder.backupDir)).toEqual([...backupsBefore, restored.safetyCopy!].sort());
      expect((await b.call('residents.get', { id })).note).toBe('备份时');
    };
    return { b, file: job.file!, expectRefused, expectRestores };
  }

  it('is refused as a full disk with no room for the safety copy, changes nothing, and restores once there is room', async () => {
    const dataDir = smallDisk('48m');
    const { b, file, expectRefused, expectRestores } = await backedUp(dataDir);
    const fillers = fill(dataDir);
    await expectRefused(await b.raw('backup.restore', { source: file }));
    for (const f of fillers) fs.rmSync(f);
    await expectRestores();
  });

  it('removes the safety copy when the restored file itself does not fit, and restores once there is room', async () => {
    const dataDir = smallDisk('48m');
    const { b, file, expectRefused, expectRestores } = await backedUp(dataDir);
    // Room for the safety copy (the database and the backup margin of 1 MB) and a little more, not for the copy to restore.
    const database = (b.database.sqlite.pragma('page_count', { simple: true }) as number) * (b.database.sqlite.pragma('page_size', { simple: true }) as number);
    expect(fs.statSync(file).size).toBeGreaterThan(MB + 256 * 1024);
    const room = database + MB + 64 * 1024;
    const fillers = fill(dataDir);
    const big = fillers.filter((f) => fs.statSync(f).size === MB);
    const pages = fillers.filter((f) => fs.statSync(f).size === 4096);
    const remove = (f: string) => (fs.rmSync(f), fillers.splice(fillers.indexOf(f), 1));
    while (freeOf(dataDir) + MB <= room) remove(big.pop()!);
    while (freeOf(dataDir) < room) remove(pages.length ? pages.pop()! : big.pop()!);
    expect(freeOf(dataDir) - database).toBeLessThan(fs.statSync(file).size);
    await expectRefused(await b.raw('backup.restore', { source: file }));
    for (const f of fillers) fs.rmSync(f);
    await expectRestores();
  });
});

describe('a county import whose store refuses with SQLITE_FULL (max_page_count), wherever the tests run', () => {
  it('stops with the full disk named, records no refusal and nothing of the package, and imports it once there is room', async () => {
    const county = await open(tempDir(), { county: { code: '411422', name: '睢县' }, store: 'sqlite' });
    // The demo centre: a month big enough that its records need new pages of the county's file.
    const centre = await open();
    await centre.call('system.loadDemo', {});
    await linkCentreToCounty(centre, county);
    const exported = await exportJob(centre, '2026-02', null);
    expect(exported.error).toBeNull();
    const fileName = exported.result!.fileName;
    const bytes = fs.readFileSync(path.join(exportsFolderOf(centre), fileName));
    const files = [{ name: fileName, base64: bytes.toString('base64') }];

    const importOnce = async () => {
      const staged = await county.call('county.stage', { batchId: null, files });
      expect(staged.items.map((i) => i.outcome)).toEqual(['accepted']);
      const { jobId } = await county.call('county.apply', { batchId: staged.batchId });
      for (;;) {
        const job = await county.call('county.job', { jobId });
        if (job.done) return job;
        await new Promise((r) => setTimeout(r, 10));
      }
    };

    const sqlite = county.database.sqlite;
    const tables = ['county_import_reports', 'county_packages', 'county_records', 'county_figures'] as const;
    const counts = () => Object.fromEntries(tables.map((t) => [t, county.count(t)]));
    const before = counts();
    const auditBefore = county.count('audit_log');
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const stopped = await importOnce();
    // The whole job in the failure, so a package reported as refused shows with its message.
    expect(stopped).toMatchObject({ done: true, error: expect.stringMatching(/^导入中断，已导入的包保持不变：电脑硬盘已满（数据文件夹 .+ 所在的硬盘/) });
    expect(stopped.error).not.toMatch(/database|disk is full|系统出错|控制字符/);
    // Not refused (the file is fine; the disk was full), and nothing of it in the county's tables.
    expect(stopped.reports.filter((r) => r.outcome === 'rejected')).toEqual([]);
    expect(await county.call('county.reports', { query: '', outcome: 'rejected' })).toEqual([]);
    expect(counts()).toEqual(before);
    expect(county.count('audit_log')).toBe(auditBefore);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    sqlite.pragma('max_page_count = 4294967294');
    const imported = await importOnce();
    expect(imported.error).toBeNull();
    expect(imported.reports.map((r) => r.outcome)).toEqual(['accepted']);
    expect(county.count('county_packages')).toBe(before.county_packages + 1);
    expect(county.count('county_records')).toBeGreaterThan(before.county_records);
    expect((await county.call('county.reports', { query: '', outcome: null })).map((r) => r.outcome)).toEqual(['accepted']);
  });
});
