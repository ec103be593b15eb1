// The monthly package end to end on real SQLite files: a demo centre exports a month through the real dispatcher,
// a county in county mode enrols it and imports the file; replays, corrections, older sequences, gaps and the
// bad-input corpus are judged, and a refused package changes none of the county's data.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSyncCli } from '../../electron/cli/sync';
import { FORMAT_VERSION } from '@shared/domain/sync/sections';
import { buildPackage } from '../../electron/backend/package/package';
import { generateEncryptionKeys, generateSigningKeys } from '../../electron/backend/package/keys';
import { SHIFT } from '../helpers/care-day';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { changesBesidesLogs, storeDump } from '../helpers/canonical-dump';

let centre: TestBackend;
let county: TestBackend;
const usb = tempDir('tc-usb-');

async function exportMonth(period: string, correctionReason: string | null = null) {
  const { jobId } = await centre.call('sync.export', { period, folder: usb, correctionReason });
  for (;;) {
    const job = await centre.call('sync.job', { jobId });
    if (job.done) {
      if (job.error) throw new Error(job.error);
      return { ...job.result!, bytes: fs.readFileSync(path.join(usb, job.result!.fileName)) };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importFiles(files: { name: string; bytes: Uint8Array }[]) {
  const staged = await county.call('county.stage', { batchId: null, files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })) });
  const { jobId } = await county.call('county.apply', { batchId: staged.batchId });
  for (;;) {
    const job = await county.call('county.job', { jobId });
    if (job.done) return { preview: staged.items, reports: job.reports };
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every table of the county, canonically (a refusal may only add its report and audit row). */
const countyData = () => storeDump(county);

beforeAll(async () => {
  centre = await openTestBackend();
  await centre.call('system.loadDemo', {});
  // The demo's care log is the health file's vitals of residents with 高血压 or 糖尿病: three residents get a note on the
  // morning shift of 15 March.
  const inResidence = centre.database.sqlite.prepare("SELECT id FROM residents WHERE status = 'in_residence' LIMIT 3").all() as { id: string }[];
  const nurse = await centre.signInAs('caregiver', '李护理');
  const { id: staffId } = await centre.call('staff.save', { name: '李护理', role: 'caregiver', hireDate: '2025-01-01', userId: nurse.id });
  await centre.call('roster.assign', { staffId, date: '2026-03-15', shifts: [{ shiftId: SHIFT.early, area: [] }] });
  for (const [i, r] of inResidence.entries()) {
    await centre.call('care.record', { shiftId: SHIFT.early, shiftDate: '2026-03-15', residentId: r.id, requestId: `01900000-0000-7000-8000-00000000990${i}`, data: { kind: 'note', text: '精神好' } }, nurse.session);
  }
  county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  const countyKey = await county.call('county.status', {});
  const linked = await centre.call('sync.importCountyKey', { text: countyKey.keyFile.text });
  expect(linked.county?.state).toBe('pending');
  await centre.call('sync.confirmCountyKey', { fingerprint: countyKey.fingerprint });
  const registration = await centre.call('sync.registrationFile', {});
  const enrolled = await county.call('county.enrol', { text: registration.text });
  expect(enrolled.fingerprint).toBe(registration.fingerprint);
  expect(enrolled.state).toBe('pending');
  await county.call('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
}, 120_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

describe('keys and enrolment', () => {
  it('shows the same fingerprints on both sides', async () => {
    const status = await centre.call('sync.status', {});
    const countyStatus = await county.call('county.status', {});
    expect(status.county?.fingerprint).toBe(countyStatus.fingerprint);
    expect(status.county?.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const centres = await county.call('county.centres', {});
    expect(centres.map((c) => c.fingerprint)).toEqual([status.fingerprint]);
  });

  it('refuses a key file that is not one, and a centre of another county', async () => {
    const notKey = await centre.raw('sync.importCountyKey', { text: '{"hello":1}' });
    expect(notKey.error?.message).toContain('不是有效的县级公钥文件');
    const registration = JSON.parse((await centre.call('sync.registrationFile', {})).text) as Record<string, string>;
    const foreign = await county.raw('county.enrol', { text: JSON.stringify({ ...registration, centreCode: '320102001000' }) });
    expect(foreign.error?.message).toContain('不属于本县');
    const impostor = await county.raw('county.enrol', { text: JSON.stringify({ ...registration, publicKey: generateSigningKeys().publicKey }) });
    expect(impostor.error?.message).toContain('另一把密钥');
  });

  it('enrols a centre only after the clerk confirms the fingerprint heard by phone, and can undo it before any import', async () => {
    const keys = generateSigningKeys();
    const file = JSON.stringify({ type: 'township-care-centre-registration', version: 1, centreCode: '411422104000', name: '孙集乡敬老院', county: '睢县', township: '孙集乡', publicKey: keys.publicKey });
    const enrolled = await county.call('county.enrol', { text: file });
    expect(enrolled.state).toBe('pending');
    expect((await county.call('county.centres', {})).find((c) => c.centreCode === '411422104000')?.state).toBe('pending');
    // Its packages are refused until it is confirmed, with a message saying why.
    const countyKey = JSON.parse((await county.call('county.status', {})).keyFile.text) as { publicKey: string };
    const early = buildPackage(
      { schemaVersion: 11, sectionVersions: {}, centreCode: '411422104000', countyCode: '411422', period: '2026-01', sequence: 1, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-02-01T00:00:00.000Z', appVersion: 'x', files: { 'centre.jsonl': '' } },
      { signingPrivateKey: keys.privateKey, countyPublicKey: countyKey.publicKey },
    ).bytes;
    const before = await countyData();
    const { reports } = await importFiles([{ name: 'early.tcpkg', bytes: early }]);
    expect(reports[0].outcome).toBe('rejected');
    expect(reports[0].message).toContain('孙集乡敬老院 的登记还没有确认指纹');
    expect(changesBesidesLogs(before, await countyData())).toEqual([]);
    // A pending centre's months are all 未登记 in the matrix: nothing was expected of it.
    const pendingRow = (await county.call('county.matrix', { year: 2026 })).centres.find((c) => c.centreCode === '411422104000')!;
    expect(new Set(pendingRow.cells.map((c) => c.status))).toEqual(new Set(['unregistered']));
    // A fingerprint that does not match what the file says is refused, and nothing changes.
    const wrong = await county.raw('county.confirmCentre', { centreCode: '411422104000', fingerprint: '0000-0000-0000-0000' });
    expect(wrong.error?.code).toBe('INVALID_INPUT');
    expect(wrong.error?.message).toContain('不一致');
    expect((await county.raw('county.confirmCentre', { centreCode: '411422104000', fingerprint: '  ' })).error?.message).toBe('请填写电话里听到的指纹');
    // Typed as heard: lower case, spaces instead of dashes.
    const confirmed = await county.call('county.confirmCentre', { centreCode: '411422104000', fingerprint: enrolled.fingerprint.toLowerCase().replaceAll('-', ' ') });
    expect(confirmed.state).toBe('confirmed');
    expect(confirmed.confirmedBy).toBeTruthy();
    expect((await county.raw('county.confirmCentre', { centreCode: '411422104000', fingerprint: enrolled.fingerprint })).error?.message).toContain('已经确认过了');
    // Undone before any import: gone from the lists, kept in the audit log, and it can be enrolled again (pending).
    await county.call('county.withdrawCentre', { centreCode: '411422104000' });
    expect((await county.call('county.centres', {})).map((c) => c.centreCode)).not.toContain('411422104000');
    // Audit ids are UUIDv7, time-ordered: in id order is in the order written.
    const audit = await county.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'countyCentres' AND entity_id = '411422104000' ORDER BY id");
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'retire']);
    expect((await county.call('county.enrol', { text: file })).state).toBe('pending');
    await county.call('county.withdrawCentre', { centreCode: '411422104000' });
  });

  it("takes the county's key on the centre only after the manager confirms its fingerprint, and can undo it before the first export", async () => {
    const fresh = await openTestBackend();
    try {
      const countyStatus = await county.call('county.status', {});
      const linked = await fresh.call('sync.importCountyKey', { text: countyStatus.keyFile.text });
      expect(linked.county).toMatchObject({ state: 'pending', fingerprint: countyStatus.fingerprint, canUndo: true });
      expect((await fresh.call('sync.precheck', { period: '2026-01' })).blockers.join()).toContain('县级公钥的指纹还没有确认');
      const wrong = await fresh.raw('sync.confirmCountyKey', { fingerprint: 'ABCD-ABCD-ABCD-ABCD' });
      expect(wrong.error?.message).toContain('不一致');
      expect((await fresh.call('sync.status', {})).county?.state).toBe('pending');
      expect((await fresh.call('sync.undoCountyKey', {})).county).toBeNull();
      await fresh.call('sync.importCountyKey', { text: countyStatus.keyFile.text });
      const confirmed = await fresh.call('sync.confirmCountyKey', { fingerprint: countyStatus.fingerprint });
      expect(confirmed.county?.state).toBe('confirmed');
      expect((await fresh.call('sync.precheck', { period: '2026-01' })).blockers.join()).not.toContain('指纹');
      const audit = fresh.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'syncCounty' ORDER BY rowid").all() as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(['create', 'retire', 'create', 'update']);
    } finally {
      await fresh.close();
    }
  });

  it('keeps a confirmed county key confirmed when the same file is imported again, and asks again for a new key', async () => {
    const fresh = await openTestBackend();
    try {
      const countyStatus = await county.call('county.status', {});
      await fresh.call('sync.importCountyKey', { text: countyStatus.keyFile.text });
      await fresh.call('sync.confirmCountyKey', { fingerprint: countyStatus.fingerprint });
      const again = await fresh.call('sync.importCountyKey', { text: countyStatus.keyFile.text });
      expect(again.county).toMatchObject({ state: 'confirmed', fingerprint: countyStatus.fingerprint });
      expect((await fresh.call('sync.precheck', { period: '2026-01' })).blockers.join()).not.toContain('指纹');
      const swapped = JSON.stringify({ ...JSON.parse(countyStatus.keyFile.text), publicKey: generateEncryptionKeys().publicKey });
      expect((await fresh.call('sync.importCountyKey', { text: swapped })).county?.state).toBe('pending');
    } finally {
      await fresh.close();
    }
  });

  it('keeps centre methods away from the county and county methods away from the centre', async () => {
    expect((await county.raw('residents.search', { query: '' })).error?.code).toBe('FORBIDDEN');
    expect((await centre.raw('county.indicators', { period: '2026-02' })).error?.code).toBe('FORBIDDEN');
    expect((await county.call('system.info', {})).mode).toBe('county');
  });
});

describe('a reporting round', () => {
  it('lists what is missing before the export, and refuses a month that has not ended', async () => {
    const check = await centre.call('sync.precheck', { period: '2026-02' });
    expect(check.blockers).toEqual([]);
    expect(check.counts.residents).toBeGreaterThan(50);
    // The demo's care log holds only vitals of some residents: the others are named as without a care record.
    expect(check.warnings.join()).toMatch(/位在院老人本月没有任何护理记录/);
    const current = await centre.call('sync.precheck', { period: '2026-03' });
    expect(current.blockers.join()).toContain('还没有结束');
  });

  it('exports a month, the county imports it, and its figures match the centre', async () => {
    const jan = await exportMonth('2026-01');
    expect(jan.sequence).toBe(1);
    const feb = await exportMonth('2026-02');
    expect(feb.sequence).toBe(2);
    const { preview, reports } = await importFiles([
      { name: feb.fileName, bytes: feb.bytes },
      { name: jan.fileName, bytes: jan.bytes },
    ]);
    expect(preview.map((p) => p.outcome)).toEqual(['accepted', 'accepted']);
    // The dry run says what will happen, the receipt what did.
    expect(preview.map((p) => p.message)).toEqual(['检查通过，确认后导入', '检查通过，确认后导入']);
    expect(reports.map((r) => r.message)).toEqual(['已导入', '已导入']);
    expect(reports.map((r) => [r.period, r.outcome])).toEqual([
      ['2026-01', 'accepted'],
      ['2026-02', 'accepted'],
    ]);
    expect(reports[1].warnings).toEqual([]);
    const census = await centre.call('facility.bedMap', {});
    const ind = await county.call('county.indicators', { period: '2026-02' });
    expect(ind.reported).toBe(1);
    expect(ind.total.beds).toBeGreaterThan(0);
    expect(ind.total.beds).toBeLessThanOrEqual(census.counts.total);
    const residentsAtFebEnd = centre.database.sqlite
      .prepare("SELECT count(*) AS n FROM residents WHERE admitted_on <= '2026-02-28' AND (discharged_on IS NULL OR discharged_on > '2026-02-28')")
      .get() as { n: number };
    expect(ind.total.residents).toBe(residentsAtFebEnd.n);
    expect(ind.trend.at(-1)?.reported).toBe(1);
    const detail = await county.call('county.centre', { centreCode: '411422103000', period: '2026-02' });
    const presentInFeb = centre.database.sqlite.prepare("SELECT count(*) AS n FROM residents WHERE admitted_on <= '2026-02-28' AND (discharged_on IS NULL OR discharged_on >= '2026-02-01')").get() as { n: number };
    expect(detail.residents).toHaveLength(presentInFeb.n);
    expect(detail.residents.filter((r) => r.status !== 'discharged')).toHaveLength(residentsAtFebEnd.n);
    const matrix = await county.call('county.matrix', { year: 2026 });
    expect(matrix.centres[0].cells.slice(0, 3).map((c) => c.status)).toEqual(['late', 'late', 'not_due']);
    // Before the centre was enrolled nothing was expected of it: 未登记, not 未报.
    expect(new Set((await county.call('county.matrix', { year: 2025 })).centres[0].cells.map((c) => c.status))).toEqual(new Set(['unregistered']));
  });

  it("prints the centre's monthly report with the figures the county computes from its package", async () => {
    const report = await centre.call('sync.monthReport', { period: '2026-02' });
    const ind = await county.call('county.indicators', { period: '2026-02' });
    expect(report.centre.name).toBe('清河县柳湾镇敬老院（演示）');
    expect(report.figures.residents).toBe(ind.total.residents);
    expect(report.figures.beds).toBe(ind.total.beds);
    expect(report.exported?.sequence).toBe(2);
    expect((await centre.raw('sync.monthReport', { period: '2027-05' })).error?.message).toContain('还没有到');
  });

  it('refuses to undo an enrolment once a package was imported, and the county key once a package was exported', async () => {
    const withdraw = await county.raw('county.withdrawCentre', { centreCode: '411422103000' });
    expect(withdraw.error?.message).toContain('已经导入过 清河县柳湾镇敬老院（演示） 的数据包（2026-01），不能撤销登记');
    expect((await county.call('county.centres', {})).find((c) => c.centreCode === '411422103000')?.state).toBe('confirmed');
    const undo = await centre.raw('sync.undoCountyKey', {});
    expect(undo.error?.message).toContain('已经用这把县级公钥导出过月报（2026-01），不能撤销');
    expect((await centre.call('sync.status', {})).county).toMatchObject({ state: 'confirmed', canUndo: false });
    // The database refuses it too, whatever the code above it does.
    await expect(county.query("UPDATE county_centres SET state = 'withdrawn' WHERE centre_code = '411422103000'")).rejects.toThrow(/keeps its confirmed key/);
    expect(() => centre.database.sqlite.prepare('DELETE FROM sync_county').run()).toThrow(/kept once a package was exported/);
  });

  it('says "already imported" for the same package again and changes nothing', async () => {
    const [row] = (await centre.call('sync.status', {})).exports.filter((e) => e.period === '2026-02');
    const again = await centre.call('sync.download', { id: row.id });
    const before = await countyData();
    const { reports } = await importFiles([{ name: row.fileName, bytes: Buffer.from(again.base64, 'base64') }]);
    expect(reports[0].outcome).toBe('already_imported');
    expect(reports[0].message).toContain('已经导入过');
    expect(changesBesidesLogs(before, await countyData())).toEqual([]);
  });

  it('re-exports a month only as a correction with a reason, which supersedes the earlier package', async () => {
    const noReason = await centre.raw('sync.export', { period: '2026-02', folder: usb, correctionReason: null });
    const job = noReason.ok ? await (async () => {
      for (;;) {
        const j = await centre.call('sync.job', { jobId: (noReason.value as { jobId: string }).jobId });
        if (j.done) return j;
        await new Promise((r) => setTimeout(r, 20));
      }
    })() : null;
    expect(job?.error).toContain('请填写更正原因');
    const fixed = await exportMonth('2026-02', '补录两条护理记录');
    expect([fixed.sequence, fixed.correction]).toEqual([2, 1]);
    const { reports } = await importFiles([{ name: fixed.fileName, bytes: fixed.bytes }]);
    expect(reports[0].outcome).toBe('accepted');
    expect(reports[0].message).toContain('更正1');
    const packages = await county.query<{ correction: number; superseded_by: string | null }>("SELECT correction, superseded_by FROM county_packages WHERE period = '2026-02' ORDER BY correction");
    expect(packages.map((p) => p.superseded_by !== null)).toEqual([true, false]);
    const matrix = await county.call('county.matrix', { year: 2026 });
    expect(matrix.centres[0].cells[1].status).toBe('corrected');
    // The original, arriving late on another stick, no longer counts.
    const original = (await centre.call('sync.status', {})).exports.find((e) => e.period === '2026-02' && e.correction === 0)!;
    const late = await importFiles([{ name: original.fileName, bytes: Buffer.from((await centre.call('sync.download', { id: original.id })).base64, 'base64') }]);
    expect(late.reports[0].outcome).toBe('already_imported');
  });

  it('warns of a gap naming the missing month, and refuses an older sequence unless it is a correction', async () => {
    centre.clock.set('2026-05-20T02:00:00.000Z');
    // The county imports April once April is over by its own clock too (the clerk signs in again after the idle lock).
    county.clock.set('2026-05-20T03:00:00.000Z');
    await county.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await centre.call('auth.login', { username: ADMIN.username, password: ADMIN.password }); // idle for two months: locked
    const apr = await exportMonth('2026-04');
    expect(apr.sequence).toBe(3);
    const mar = await exportMonth('2026-03');
    expect(mar.sequence).toBe(4);
    const gap = await importFiles([{ name: apr.fileName, bytes: apr.bytes }]);
    expect(gap.reports[0].outcome).toBe('accepted');
    expect(gap.reports[0].warnings.join()).toContain('2026-03 未收到');
    // March carries sequence 4, newer than April's 3: it fills the gap.
    const filled = await importFiles([{ name: mar.fileName, bytes: mar.bytes }]);
    expect(filled.reports[0].outcome).toBe('accepted');
    const stored = (await county.call('county.reports', { query: '', outcome: null })).length;
    expect(stored).toBeGreaterThanOrEqual(6);
    const receipt = await county.call('county.reportFile', { id: filled.reports[0].reportId });
    expect(receipt.text).toContain('结果：已导入');
    // March holds the demo's vitals and the three notes of 15 March: the county sees the resident-days the centre counts.
    const march = await county.call('county.indicators', { period: '2026-03' });
    const own = (await centre.call('sync.monthReport', { period: '2026-03' })).figures;
    expect(march.total.careDaysRecorded).toBe(own.careDaysRecorded);
    expect(march.total.careEntries).toBe(own.careEntries);
    expect(march.total.careEntries).toBeGreaterThanOrEqual(3);
    expect(march.total.careDaysRecorded).toBeLessThanOrEqual(march.total.residentDays);
    // The 特困 proposals waiting at the county: the longest waiting first, those received the same day in the order proposed.
    const waiting = (await county.call('tier.countyProposals', {})).rows.filter((r) => !r.answer && !r.superseded);
    expect(waiting.length).toBeGreaterThan(1);
    for (const [i, r] of waiting.slice(1).entries()) {
      const p = waiting[i];
      expect(p.receivedOn < r.receivedOn || (p.receivedOn === r.receivedOn && p.proposedOn <= r.proposedOn), `${p.residentName} before ${r.residentName}`).toBe(true);
    }
  });

  it('exports the county workbook with the 特困 quarterly table', async () => {
    const book = await county.call('county.exportExcel', { period: '2026-02' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(book.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标汇总', '月度趋势', '报送情况', '特困人员季度表', '机构基本情况表', '农村老人关爱', '居家与互助', '服务项目', '服务机构结算', '分散供养照料', '导入记录']);
    const tekun = await county.call('county.tekunQuarter', { year: 2026, quarter: 1 });
    expect(tekun.rows[0].figures['tekun.present']).toBeGreaterThan(0);
    expect(wb.getWorksheet('特困人员季度表')!.getRow(3).getCell(1).value).toBe(tekun.rows[0].name);
  });
});

describe('command line', () => {
  it('exports a month from a centre folder and imports a folder into the county, printing the receipts', async () => {
    const out = tempDir('tc-cli-out-');
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      expect(await runSyncCli(['export', '--data', centre.dataDir, '--month', '2026-05', '--out', out])).toBe(0);
      expect(lines.join('\n')).toMatch(/已导出 月报-411422103000-2026-05-005\.tcpkg/);
      expect(await runSyncCli(['import', '--data', county.dataDir, '--folder', out, '--dry-run'])).toBe(0);
      expect(lines.join('\n')).toContain('未写入任何数据');
      expect(await runSyncCli(['import', '--data', county.dataDir, '--folder', out])).toBe(0);
      expect(lines.join('\n')).toContain('结果：已导入');
      expect(await runSyncCli(['import', '--data', centre.dataDir, '--folder', out])).toBe(1);
      expect(await runSyncCli(['export', '--data', centre.dataDir])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    const [audit] = await county.query<{ actor: string }>("SELECT actor FROM audit_log WHERE entity = 'countyImportReports' ORDER BY at DESC, id DESC LIMIT 1");
    expect(audit.actor).toMatch(/^命令行（npm run sync/);
    // Searching is blind to the case of Latin letters, on either store: the log by who, the receipts by file name.
    const byActor = await county.call('audit.search', { actor: 'NPM RUN SYNC' });
    expect(byActor.total).toBe(1);
    expect(byActor.rows[0].actor).toBe(audit.actor);
    const receipts = await county.call('county.reports', { query: '2026-05-005.TCPKG', outcome: null });
    expect(receipts.map((r) => r.fileName)).toEqual(['月报-411422103000-2026-05-005.tcpkg']);
    expect(await county.call('county.reports', { query: '2026-05-005.tcpkg', outcome: null })).toEqual(receipts);
  }, 60_000);
});

describe('bad input: each refused with its own message, the county data unchanged', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    const row = (await centre.call('sync.status', {})).exports.find((e) => e.period === '2026-01')!;
    good = Buffer.from((await centre.call('sync.download', { id: row.id })).base64, 'base64');
  });

  const tamper = (edit: (files: Record<string, Uint8Array>) => void) => {
    const files = unzipSync(good);
    edit(files);
    return zipSync(files);
  };

  const cases: Array<[string, () => Uint8Array, string]> = [
    ['truncated file', () => good.slice(0, good.length - 100), '文件不完整或已损坏'],
    ['flipped byte in the data', () => tamper((f) => (f['payload.enc'][100] ^= 0xff)), '校验值不对'],
    ['manifest changed (signature no longer matches)', () => tamper((f) => (f['manifest.json'] = strToU8(strFromU8(f['manifest.json']).replace('"sequence": 1', '"sequence": 9')))), '签名不对'],
    ['path traversal entry', () => tamper((f) => (f['../evil.txt'] = strToU8('x'))), '不允许的文件名'],
    ['extra entry', () => tamper((f) => (f['notes.txt'] = strToU8('x'))), '多余的文件'],
    ['missing entry', () => tamper((f) => delete f['manifest.sig']), '缺少「manifest.sig」'],
    ['future format version', () => tamper((f) => (f['manifest.json'] = strToU8(strFromU8(f['manifest.json']).replace(`"formatVersion": ${FORMAT_VERSION}`, '"formatVersion": 7')))), '格式版本 7'],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const before = await countyData();
      const { reports } = await importFiles([{ name: `${name}.tcpkg`, bytes: make() }]);
      expect(reports[0].outcome).toBe('rejected');
      expect(reports[0].message).toContain(message);
      expect(changesBesidesLogs(before, await countyData())).toEqual([]);
    });
  }

  it('a package signed by a stranger for this county, and one for another county', async () => {
    const stranger = generateSigningKeys();
    const countyKey = JSON.parse((await county.call('county.status', {})).keyFile.text) as { publicKey: string };
    const base = { schemaVersion: 11, sectionVersions: {}, centreCode: '411422103000', countyCode: '411422', period: '2026-06', sequence: 9, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-07-01T00:00:00.000Z', appVersion: 'x', files: { 'centre.jsonl': '' } };
    const forged = buildPackage(base, { signingPrivateKey: stranger.privateKey, countyPublicKey: countyKey.publicKey }).bytes;
    const other = buildPackage({ ...base, countyCode: '320102', centreCode: '320102001000' }, { signingPrivateKey: stranger.privateKey, countyPublicKey: countyKey.publicKey }).bytes;
    const unregistered = buildPackage({ ...base, centreCode: '411422999000' }, { signingPrivateKey: stranger.privateKey, countyPublicKey: countyKey.publicKey }).bytes;
    const before = await countyData();
    const { reports } = await importFiles([
      { name: 'forged.tcpkg', bytes: forged },
      { name: 'other.tcpkg', bytes: other },
      { name: 'unregistered.tcpkg', bytes: unregistered },
    ]);
    const byName = Object.fromEntries(reports.map((r) => [r.fileName, r]));
    expect(byName['forged.tcpkg'].message).toContain('签名不对');
    expect(byName['other.tcpkg'].message).toContain('不是本县');
    expect(byName['unregistered.tcpkg'].message).toContain('还没有登记');
    expect(changesBesidesLogs(before, await countyData())).toEqual([]);
  });

  it('malformed records and wrong types are listed line by line, and nothing of the package is applied', async () => {
    // Signed correctly by the centre's own key (read from its database), so only the record checks can catch it.
    const key = (centre.database.sqlite.prepare('SELECT private_key AS k FROM sync_identity').get() as { k: string }).k;
    const countyKey = JSON.parse((await county.call('county.status', {})).keyFile.text) as { publicKey: string };
    const sections = ['centre', 'beds', 'residents', 'staff', 'grades', 'assessments', 'stay_events', 'care_days', 'incidents', 'meals', 'meal_aid', 'fire_rounds', 'fire_compliance', 'fire_dangers', 'fire_drills'];
    const files = Object.fromEntries(sections.map((s) => [`${s}.jsonl`, '']));
    files['centre.jsonl'] = `${JSON.stringify({ id: '00000000-0000-4000-8000-0000000000c1', centreCode: '411422103000', name: 'x', creditCode: 'x', county: 'x', township: 'x', type: 'x', licensedBeds: 1 })}\n`;
    files['residents.jsonl'] = '{"id":"00000000-0000-4000-8000-0000000000a1","name":"张三","sex":"male","birthDate":"1940-01-01","ageAtMonthEnd":"八十"}\n';
    const base = { formatVersion: 2, schemaVersion: 11, sectionVersions: Object.fromEntries(sections.map((s) => [s, 1])), centreCode: '411422103000', countyCode: '411422', period: '2026-07', sequence: 20, correction: 0, correctionReason: '', previousHash: '', createdAt: '2026-08-01T00:00:00.000Z', appVersion: 'x', files };
    const wrongTypes = buildPackage(base, { signingPrivateKey: key, countyPublicKey: countyKey.publicKey }).bytes;
    // July and August are over by the county's clock: only the records can be wrong.
    county.clock.set('2026-09-01T03:00:00.000Z');
    await county.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const before = await countyData();
    const { reports } = await importFiles([{ name: 'types.tcpkg', bytes: wrongTypes }]);
    expect(reports[0].outcome).toBe('rejected');
    expect(reports[0].errors[0]).toContain('「residents.jsonl」第 1 行');
    const badJson = buildPackage({ ...base, files: { ...files, 'residents.jsonl': '{"id": \n' } }, { signingPrivateKey: key, countyPublicKey: countyKey.publicKey }).bytes;
    const second = await importFiles([{ name: 'json.tcpkg', bytes: badJson }]);
    expect(second.reports[0].message).toMatch(/不是合法的 JSON|应有 1 行/);
    // Seventy bad lines: every one is counted, only the first 50 are listed (issue 15).
    const bad = Array.from({ length: 70 }, () => '{"id":"00000000-0000-4000-8000-0000000000a1","name":"张三","sex":"male","birthDate":"1940-01-01","ageAtMonthEnd":"八十"}').join('\n') + '\n';
    const many = buildPackage({ ...base, files: { ...files, 'residents.jsonl': bad } }, { signingPrivateKey: key, countyPublicKey: countyKey.publicKey }).bytes;
    const third = await importFiles([{ name: 'many.tcpkg', bytes: many }]);
    expect(third.reports[0].outcome).toBe('rejected');
    expect(third.reports[0].message).toMatch(/数据内容有 \d+ 处错误/);
    const total = Number(/数据内容有 (\d+) 处错误/.exec(third.reports[0].message)![1]);
    expect(total).toBeGreaterThanOrEqual(70);
    expect(third.reports[0].errors).toHaveLength(51);
    expect(third.reports[0].errors[50]).toBe(`还有 ${total - 50} 处`);
    // A correction without its reason, and a sequence number far beyond the last one, are refused by name.
    const empty = { ...files, 'residents.jsonl': '', 'tier_proposals.jsonl': '' };
    const versions = { ...base.sectionVersions, residents: 2, staff: 2, tier_proposals: 1 };
    const unexplained = buildPackage({ ...base, sectionVersions: versions, files: empty, correction: 1, correctionReason: '  ' }, { signingPrivateKey: key, countyPublicKey: countyKey.publicKey }).bytes;
    const absurd = buildPackage({ ...base, sectionVersions: versions, files: empty, period: '2026-06', sequence: 100_000 }, { signingPrivateKey: key, countyPublicKey: countyKey.publicKey }).bytes;
    const fourth = await importFiles([{ name: 'unexplained.tcpkg', bytes: unexplained }, { name: 'absurd.tcpkg', bytes: absurd }]);
    expect(fourth.reports.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(fourth.reports[0].message).toBe('2026-07 的更正1没有写更正原因，未导入。请让该院重新导出并写明为什么更正');
    expect(fourth.reports[1].message).toMatch(/^2026-06（第 100000 号）的序号比已导入的第 \d+ 号大了 \d+，超过 120，不像真实的月报，已拒绝/);
    expect(changesBesidesLogs(before, await countyData())).toEqual([]);
    // The receipts, newest first: all of this instant (the county's clock stood still) in the order they were written.
    const newestFirst = (await county.call('county.reports', { query: '', outcome: 'rejected' })).map((r) => r.fileName);
    expect(newestFirst.slice(0, 2).sort()).toEqual(['absurd.tcpkg', 'unexplained.tcpkg']);
    expect(newestFirst.slice(2, 5)).toEqual(['many.tcpkg', 'json.tcpkg', 'types.tcpkg']);
  });
});
