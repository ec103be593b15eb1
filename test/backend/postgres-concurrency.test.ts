// Several county PCs on one PostgreSQL store (issue 20): two clerks applying the same package at the same moment give
// one import and one 已导入过, each attempt audited under its own clerk; a clerk reading the indicators is never made
// to wait by an import still writing (readers see the last committed state); two administrators cannot disable each other. No timings here: how long things
// take is measured in `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFile } from '../../electron/backend/db/store-config';
import { Session } from '../../electron/backend/security/session';
import { openTestBackend, tempDir, type TestBackend } from '../helpers/backend';
import { type Linked, linkCentreToCounty } from '../helpers/county-link';
import { SECTIONS, SECTION_NAMES, fileOf } from '@shared/domain/sync/sections';
import { FIGURES_VERSION } from '@shared/domain/sync/figures';
import { monthRange } from '@shared/domain/sync/period';
import { buildPackage } from '../../electron/backend/package/package';
import { generateSigningKeys } from '../../electron/backend/package/keys';
import { collectMonth } from '../../electron/backend/services/sync/collect';
import { toJsonLines } from '../../electron/backend/services/sync/export';

let centre: TestBackend;
let first: TestBackend;
let second: TestBackend;
let clerk: Session;
let packageFile: { name: string; base64: string };
let linked: Linked;

/** A second county PC: its own data folder, the same server's store (its settings copied), nothing set up locally. */
async function joinSameStore(of: TestBackend): Promise<TestBackend> {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.copyFileSync(storeFile(of.dataDir), storeFile(dir));
  return openTestBackend(dir, { withAdmin: false });
}

async function waitForJob(backend: TestBackend, jobId: string, session: Session) {
  for (;;) {
    const job = await backend.call('county.job', { jobId }, session);
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The demo centre's month as a signed package (base64), numbered as given. */
async function month(period: string, correction: number, correctionReason: string) {
  const data = await collectMonth(centre.holder.deps, period, new Date(monthRange(period).toInstant));
  const files = Object.fromEntries(SECTION_NAMES.map((s) => [fileOf(s), toJsonLines(data[s])]));
  const input = { schemaVersion: 11, sectionVersions: Object.fromEntries(SECTION_NAMES.map((s) => [s, SECTIONS[s].version])), centreCode: data.centre[0].centreCode, countyCode: '411422', period, sequence: 1, correction, correctionReason, previousHash: '', createdAt: monthRange(period).toInstant, appVersion: 'test', files };
  return Buffer.from(buildPackage(input, { signingPrivateKey: linked.centrePrivateKey, countyPublicKey: linked.countyPublicKey }).bytes).toString('base64');
}

/** A client of its own on the store, as another county PC's import is. */
async function anotherPc(): Promise<pg.Client> {
  const connection = first.holder.postgres!.connection;
  const config = JSON.parse(fs.readFileSync(storeFile(first.dataDir), 'utf8')) as { password: { value: string } };
  const client = new pg.Client({ host: connection.host, port: connection.port, database: connection.database, user: connection.user, password: config.password.value });
  await client.connect();
  return client;
}

/** Waits until some session is waiting for an advisory lock (a turn) held by another. */
async function someoneWaitsForATurn(what: string) {
  for (let polls = 0; (await first.query<{ n: number }>("SELECT CAST(count(*) AS INTEGER) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"))[0].n === 0; polls++) {
    if (polls > 1000) throw new Error(`${what} never waited for its turn`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  centre = await openTestBackend();
  await centre.call('system.loadDemo', {});
  centre.clock.set('2026-02-03T02:00:00.000Z');
  first = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' }, store: 'postgres' });
  first.clock.set('2026-02-03T02:00:00.000Z');
  linked = await linkCentreToCounty(centre, first);
  const { id } = await first.call('users.create', { username: 'clerk2', displayName: '第二位办事员', role: 'county_admin', password: 'Temp-password-1', pin: null });
  expect(id).toBeTruthy();
  second = await joinSameStore(first);
  second.clock.set('2026-02-03T02:00:00.000Z');
  clerk = new Session();
  await second.call('auth.login', { username: 'clerk2', password: 'Temp-password-1' }, clerk);
  await second.call('auth.changePassword', { current: 'Temp-password-1', next: 'Own-password-1' }, clerk);
  const folder = tempDir('tc-usb-');
  const { jobId } = await centre.call('sync.export', { period: '2026-01', folder, correctionReason: null });
  for (;;) {
    const job = await centre.call('sync.job', { jobId });
    if (job.done) {
      packageFile = { name: job.result!.fileName, base64: fs.readFileSync(path.join(folder, job.result!.fileName)).toString('base64') };
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}, 120_000);

afterAll(async () => {
  await second?.close();
  await first?.close();
  await centre?.close();
});

describe('several county PCs on one PostgreSQL store', () => {
  it('two clerks applying the same package at the same moment: one import, one 已导入过, each audited under its clerk', async () => {
    const [a, b] = await Promise.all([
      first.call('county.stage', { batchId: null, files: [packageFile] }),
      second.call('county.stage', { batchId: null, files: [packageFile] }, clerk),
    ]);
    // Both previews say it can be imported: neither has been applied yet.
    expect([a.items[0].outcome, b.items[0].outcome]).toEqual(['accepted', 'accepted']);
    const [jobA, jobB] = await Promise.all([first.call('county.apply', { batchId: a.batchId }), second.call('county.apply', { batchId: b.batchId }, clerk)]);
    const [doneA, doneB] = await Promise.all([waitForJob(first, jobA.jobId, first.admin), waitForJob(second, jobB.jobId, clerk)]);
    expect([doneA.error, doneB.error]).toEqual([null, null]);
    expect([doneA.reports[0].outcome, doneB.reports[0].outcome].sort()).toEqual(['accepted', 'already_imported']);
    expect(await first.countRows('county_packages')).toBe(1);
    const reports = await first.query<{ by_name: string; outcome: string }>('SELECT by_name, outcome FROM county_import_reports ORDER BY by_name');
    expect(reports.map((r) => r.by_name).sort()).toEqual(['王院长', '第二位办事员'].sort());
    const audit = await first.query<{ actor: string }>("SELECT actor FROM audit_log WHERE entity = 'countyImportReports'");
    expect(audit.map((r) => r.actor).sort()).toEqual(['王院长', '第二位办事员'].sort());
    // Both PCs now read the same county.
    expect(await second.call('county.indicators', { period: '2026-01' }, clerk)).toEqual(await first.call('county.indicators', { period: '2026-01' }));
  }, 120_000);

  it('a clerk reading indicators is not made to wait by an import still writing, and does not see it until it commits', async () => {
    const before = await second.call('county.indicators', { period: '2026-01' }, clerk);
    // Another PC's import, mid-way: its transaction has written a month's figures and records and holds them uncommitted.
    const connection = first.holder.postgres!.connection;
    const config = JSON.parse(fs.readFileSync(storeFile(first.dataDir), 'utf8')) as { password: { value: string } };
    const writer = new pg.Client({ host: connection.host, port: connection.port, database: connection.database, user: connection.user, password: config.password.value });
    await writer.connect();
    await writer.query('BEGIN');
    const code = (await first.query<{ centre_code: string }>('SELECT centre_code FROM county_centres'))[0].centre_code;
    await writer.query("UPDATE county_figures SET figures = '{}' WHERE centre_code = $1", [code]);
    await writer.query("INSERT INTO county_records VALUES ($1, '2026-01', 'staff', 'uncommitted-row', '{}', 'p')", [code]);
    // The reader answers while the writer still holds its rows, and sees the committed state only.
    const during = await second.call('county.indicators', { period: '2026-01' }, clerk);
    expect(during).toEqual(before);
    expect(await second.query("SELECT record_id FROM county_records WHERE record_id = 'uncommitted-row'")).toEqual([]);
    await writer.query('ROLLBACK');
    await writer.end();
  });

  it('a package with text the server cannot store (a NUL character) is refused on its own; the rest of the batch is imported', async () => {
    const files = [
      { name: 'nul.tcpkg', base64: await month('2026-01', 1, '漏报\u0000一位老人') },
      { name: 'clean.tcpkg', base64: await month('2026-01', 2, '漏报一位老人') },
    ];
    const staged = await first.call('county.stage', { batchId: null, files });
    const { jobId } = await first.call('county.apply', { batchId: staged.batchId });
    const job = await waitForJob(first, jobId, first.admin);
    expect(job.error).toBeNull();
    const byFile = Object.fromEntries(job.reports.map((r) => [r.fileName, r]));
    expect(byFile['nul.tcpkg'].outcome).toBe('rejected');
    expect(byFile['nul.tcpkg'].message).toContain('数据库存不下的内容');
    expect(byFile['clean.tcpkg'].outcome).toBe('accepted');
    expect(await first.query('SELECT correction FROM county_packages ORDER BY correction')).toEqual([{ correction: 0 }, { correction: 2 }]);
  }, 120_000);

  it('a centre cannot be withdrawn under another PC\'s import of it: the withdrawal waits for that import and is then refused', async () => {
    const code = '411422109000';
    const keys = generateSigningKeys();
    const text = JSON.stringify({ type: 'township-care-centre-registration', version: 1, centreCode: code, name: '第九敬老院', county: '睢县', township: '第九镇', publicKey: keys.publicKey });
    const enrolled = await first.call('county.enrol', { text });
    await first.call('county.confirmCentre', { centreCode: code, fingerprint: enrolled.fingerprint });
    // Another PC's import of this centre, mid-way: it holds the centre's turn and has written its package row.
    const importer = await anotherPc();
    await importer.query('BEGIN');
    await importer.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`township-care: centre ${code}`]);
    await importer.query("INSERT INTO county_packages VALUES ('p-ninth', 'h-ninth', $1, '2026-01', 1, 0, '', 'x', 'x', '其他电脑', NULL)", [code]);
    const withdrawal = second.raw('county.withdrawCentre', { centreCode: code }, clerk);
    // The withdrawal is now waiting for the centre's turn (its own checks found no committed package yet).
    await someoneWaitsForATurn('the withdrawal');
    await importer.query('COMMIT');
    await importer.end();
    const result = await withdrawal;
    expect(result.ok).toBe(false);
    expect(await first.query('SELECT state FROM county_centres WHERE centre_code = ?', code)).toEqual([{ state: 'confirmed' }]);
  });

  it('two centres of one county imported on two PCs at once: the county\'s kept sum for the month counts both', async () => {
    const other = '411422110000';
    // Another PC's import of another centre of 睢县 for January, mid-way: its figures written, its county's sum its turn.
    const importer = await anotherPc();
    await importer.query('BEGIN');
    await importer.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['township-care: figure sums 411422 2026-01']);
    await importer.query("INSERT INTO county_figures VALUES ($1, '2026-01', $2, 'p-tenth')", [other, JSON.stringify({ _version: FIGURES_VERSION, beds: 7 })]);
    const before = await first.query<{ figures: string }>("SELECT figures FROM county_figures WHERE period = '2026-01'");
    const bedsBefore = JSON.parse(before[0].figures).beds as number;
    // This PC imports the demo centre's January again (a correction): it must add up after the other import commits.
    const staged = await second.call('county.stage', { batchId: null, files: [{ name: 'again.tcpkg', base64: await month('2026-01', 3, '再次更正') }] }, clerk);
    expect(staged.items[0].outcome).toBe('accepted');
    const { jobId } = await second.call('county.apply', { batchId: staged.batchId }, clerk);
    await someoneWaitsForATurn('the second import');
    await importer.query('COMMIT');
    await importer.end();
    expect((await waitForJob(second, jobId, clerk)).reports[0].outcome).toBe('accepted');
    const [sum] = await first.query<{ figures: string; centres: number }>("SELECT figures, centres FROM county_figure_sums WHERE county_code = '411422' AND period = '2026-01'");
    expect(Number(sum.centres)).toBe(2);
    expect(JSON.parse(sum.figures).beds).toBe(bedsBefore + 7);
  }, 120_000);

  it('two administrators on two PCs cannot each disable the other: one of them stays', async () => {
    const firstAdmin = first.adminId;
    const secondAdmin = (await first.query<{ id: string }>("SELECT id FROM users WHERE username = 'clerk2'"))[0].id;
    const [a, b] = await Promise.all([
      first.raw('users.update', { id: secondAdmin, displayName: '第二位办事员', role: 'county_admin', disabled: true }),
      second.raw('users.update', { id: firstAdmin, displayName: '王院长', role: 'county_admin', disabled: true }, clerk),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)!.error!.message).toContain('这是唯一的管理员账号');
    expect(await first.query("SELECT id FROM users WHERE role = 'county_admin' AND disabled_at IS NULL")).toHaveLength(1);
  });
});
