// Imports checked in worker threads (issue 20): a batch of several centres' months, a tampered file and a file of an
// unknown centre gives the outcomes and messages the in-thread check gives; a worker lost in the middle of a file
// refuses that file only, writing nothing of it; and closing the backend stops the workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectMonth } from '../../electron/backend/services/sync/collect';
import { monthRange } from '@shared/domain/sync/period';
import { buildPackage } from '../../electron/backend/package/package';
import { generateSigningKeys } from '../../electron/backend/package/keys';
import { countyKeys } from '../../electron/backend/services/county/centres';
import { type CentreSnapshot, checkPackage } from '../../electron/backend/services/county/verdict';
import { dieOnFileForTests, liveCheckWorkers } from '../../electron/backend/services/county/check-pool';
import { sha256 } from '../../electron/backend/package/package';
import { SECTIONS, SECTION_NAMES, type SectionData, fileOf } from '@shared/domain/sync/sections';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { linkCentreToCounty } from '../helpers/county-link';

let centre: TestBackend;
let county: TestBackend;
let countyPublicKey: string;
const months = ['2026-01', '2026-02'];
const data = new Map<string, SectionData>();
/** Three centres: the demo centre itself, and two more carrying its months under their own code and key. */
const centres: Array<{ code: string; name: string; key: string }> = [];

beforeAll(async () => {
  centre = await openTestBackend();
  await centre.call('system.loadDemo', {});
  county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  const linked = await linkCentreToCounty(centre, county);
  countyPublicKey = linked.countyPublicKey;
  for (const m of months) data.set(m, await collectMonth(centre.holder.deps, m, new Date(monthRange(m).toInstant)));
  centres.push({ code: data.get('2026-01')!.centre[0].centreCode, name: data.get('2026-01')!.centre[0].name, key: linked.centrePrivateKey });
  for (const n of [1, 2]) {
    const keys = generateSigningKeys();
    const code = `41142220${n}000`;
    const name = `第${n}敬老院`;
    const enrolled = await county.call('county.enrol', { text: JSON.stringify({ type: 'township-care-centre-registration', version: 1, centreCode: code, name, county: '睢县', township: `第${n}镇`, publicKey: keys.publicKey }) });
    await county.call('county.confirmCentre', { centreCode: code, fingerprint: enrolled.fingerprint });
    centres.push({ code, name, key: keys.privateKey });
  }
}, 180_000);
afterAll(async () => {
  dieOnFileForTests(null);
  await centre.close();
  await county.close();
});

/** One month of one centre, signed by its key: the demo centre's records under that centre's code. */
function packageOf(c: { code: string; name: string; key: string }, period: string, sequence: number, correction = 0): Uint8Array {
  const month = data.get(period)!;
  const files = Object.fromEntries(SECTION_NAMES.map((s) => [fileOf(s), (s === 'centre' ? [{ ...month.centre[0], centreCode: c.code, name: c.name }] : month[s]).map((r) => `${JSON.stringify(r)}\n`).join('')]));
  const input = { schemaVersion: 20, sectionVersions: Object.fromEntries(SECTION_NAMES.map((s) => [s, SECTIONS[s].version])), centreCode: c.code, countyCode: '411422', period, sequence, correction, correctionReason: correction ? '补录漏记的探访' : '', previousHash: '', createdAt: monthRange(period).toInstant, appVersion: 'test', files };
  return buildPackage(input, { signingPrivateKey: c.key, countyPublicKey }).bytes;
}

const asFiles = (files: Array<{ name: string; bytes: Uint8Array }>) => files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));

async function apply(batchId: string) {
  const { jobId } = await county.call('county.apply', { batchId });
  for (;;) {
    const job = await county.call('county.job', { jobId });
    if (job.done) return job.reports;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The in-thread check of today's code path, on the same snapshot of the registry the workers get. */
async function serialCheck(name: string, bytes: Uint8Array) {
  const rows = await county.query<{ centre_code: string; name: string; public_key: string; state: string }>("SELECT centre_code, name, public_key, state FROM county_centres WHERE state <> 'withdrawn'");
  const snapshot: CentreSnapshot = Object.fromEntries(rows.map((r) => [r.centre_code, { name: r.name, publicKey: r.public_key, state: r.state }]));
  return checkPackage(snapshot, await countyKeys(county.holder.deps, undefined), name, bytes, sha256(bytes), county.clock.now());
}

describe('a batch checked in worker threads', () => {
  it('gives each file the outcome and message of the in-thread check, and imports the good ones in order', async () => {
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const c of centres) for (const [i, m] of months.entries()) files.push({ name: `${c.code}-${m}.tcpkg`, bytes: packageOf(c, m, i + 1) });
    // Tampered: one byte of the payload changed after signing.
    const tampered = Uint8Array.from(files[3].bytes);
    tampered[tampered.length - 200] ^= 0xff;
    files.push({ name: 'tampered.tcpkg', bytes: tampered });
    files.push({ name: 'unknown.tcpkg', bytes: packageOf({ code: '411422299000', name: '未登记', key: generateSigningKeys().privateKey }, '2026-01', 1) });
    files.reverse(); // the batch is applied in its own order (centre, sequence), whatever order the files come in

    const staged = await county.call('county.stage', { batchId: null, files: asFiles(files) });
    for (const [i, item] of staged.items.entries()) {
      const serial = await serialCheck(files[i].name, files[i].bytes);
      expect(item.outcome === 'accepted', item.fileName).toBe(serial.ok);
      if (!serial.ok) expect(item.message).toBe(serial.verdict.message);
    }
    const byName = Object.fromEntries(staged.items.map((i) => [i.fileName, i]));
    expect(byName['tampered.tcpkg'].message).toMatch(/签名不对|校验值不对|校验码（CRC-32）不对|无法解密/);
    expect(byName['unknown.tcpkg'].message).toBe('机构代码 411422299000 还没有登记，请先导入该院的登记文件');
    expect(staged.items.filter((i) => i.outcome === 'accepted')).toHaveLength(6);

    const reports = await apply(staged.batchId);
    expect(Object.fromEntries(reports.map((r) => [r.fileName, r.outcome]))).toEqual(Object.fromEntries(files.map((f) => [f.name, f.name.endsWith('d.tcpkg') || f.name === 'unknown.tcpkg' ? 'rejected' : 'accepted'])));
    // Applied by centre, then sequence.
    const applied = reports.filter((r) => r.outcome === 'accepted').map((r) => r.fileName);
    expect(applied).toEqual(centres.flatMap((c) => months.map((m) => `${c.code}-${m}.tcpkg`)));
    expect(reports.find((r) => r.fileName === `${centres[1].code}-2026-01.tcpkg`)!.message).toBe('已导入');

    // The stored records and figures are the in-thread check's.
    const good = files.find((f) => f.name === `${centres[2].code}-2026-02.tcpkg`)!;
    const serial = await serialCheck(good.name, good.bytes);
    if (!serial.ok) throw new Error('expected accepted');
    const [figures] = await county.query<{ figures: string }>('SELECT figures FROM county_figures WHERE centre_code = ? AND period = ?', centres[2].code, '2026-02');
    expect(JSON.parse(figures.figures)).toEqual(serial.figures);
    const stored = await county.query<{ n: number }>('SELECT count(*) AS n FROM county_records WHERE centre_code = ? AND period = ?', centres[2].code, '2026-02');
    expect(Number(stored[0].n)).toBe(Object.values(serial.counts).reduce((a, b) => a + b, 0));

    // Staged again: each is 已导入过, as in-thread.
    const again = await county.call('county.stage', { batchId: null, files: asFiles([good]) });
    expect(again.items[0].outcome).toBe('already_imported');
  }, 120_000);

  it('refuses the file whose worker died, writes nothing of it, and imports the rest', async () => {
    // Two corrections that would both be imported; the worker checking the first one dies.
    const dying = `${centres[0].code}-2026-02-更正1.tcpkg`;
    const files = [
      { name: dying, bytes: packageOf(centres[0], '2026-02', 2, 1) },
      { name: 'next.tcpkg', bytes: packageOf(centres[1], '2026-02', 2, 1) },
    ];
    dieOnFileForTests(dying);
    const staged = await county.call('county.stage', { batchId: null, files: asFiles(files) });
    dieOnFileForTests(null);
    expect(staged.items[0]).toMatchObject({ outcome: 'rejected', message: `检查「${dying}」时检查程序意外退出，这个数据包没有导入，也没有写入任何数据。请重新导入这个文件；如果每次都这样，请联系技术支持` });
    expect(staged.items[1]).toMatchObject({ outcome: 'accepted', message: '更正1，导入后取代之前的数据（原因：补录漏记的探访）' });

    const packagesBefore = await county.countRows('county_packages');
    const reports = await apply(staged.batchId);
    expect(reports.map((r) => [r.fileName, r.outcome, r.message])).toEqual(
      expect.arrayContaining([
        ['next.tcpkg', 'accepted', '已导入更正1，取代了之前的数据（原因：补录漏记的探访）'],
        [dying, 'rejected', staged.items[0].message],
      ]),
    );
    expect(await county.countRows('county_packages')).toBe(packagesBefore + 1);
    // Nothing of the lost file: the demo centre's February is still its first package, superseded by nothing.
    const feb = await county.query<{ package_id: string; superseded_by: string | null }>('SELECT package_id, superseded_by FROM county_packages WHERE centre_code = ? AND period = ?', centres[0].code, '2026-02');
    expect(feb).toHaveLength(1);
    expect(feb[0].superseded_by).toBeNull();
    const ids = await county.query<{ package_id: string }>('SELECT DISTINCT package_id FROM county_records WHERE centre_code = ? AND period = ?', centres[0].code, '2026-02');
    expect(ids).toEqual([{ package_id: feb[0].package_id }]);

    // The pool goes on: the same file, staged again, is checked by a fresh worker and imported.
    const again = await county.call('county.stage', { batchId: null, files: asFiles([files[0]]) });
    expect(again.items[0].outcome).toBe('accepted');
    expect((await apply(again.batchId))[0].outcome).toBe('accepted');
  }, 120_000);

  it('stops every worker when the backend closes', async () => {
    expect(liveCheckWorkers()).toBeGreaterThan(0);
    await county.close();
    expect(liveCheckWorkers()).toBe(0);
  });
});
