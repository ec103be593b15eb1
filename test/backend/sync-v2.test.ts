// Package format 2 (issue 14 §4) on real SQLite files through the real dispatcher: the sealed payload carries what the
// county needs to match its 特困 roll (full ID, 供养证号, 户籍, 供养方式, tags, tiers, pressure injury, staff training and
// certificates) and the manifest none of it; the county stores the records as sent; a format-1 package still imports,
// upgraded to the v2 shapes with null for what it did not carry; unknown versions and missing files are refused.
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS } from '@shared/domain/assessment/items';
import { FORMAT_VERSION, SECTION_NAMES, type SectionName, sinceFormat } from '@shared/domain/sync/sections';
import { buildPackage } from '../../electron/backend/package/package';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { linkCentreToCounty } from '../helpers/county-link';

let centre: TestBackend;
let county: TestBackend;
const usb = tempDir('tc-usb-v2-');
let countyPublicKey: string;
let centreKey: string;
/** A resident whose file and assessment this test sets, so the package's fields can be checked against them. */
let chosen: { id: string; idNumber: string };
let proposals: { answered: string; open: string; selfPay: string };

async function exportMonth(period: string) {
  const { jobId } = await centre.call('sync.export', { period, folder: usb, correctionReason: null });
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
    if (job.done) return job.reports;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What the county stored for a centre, month and section, by record id. */
async function stored(period: string, section: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await county.query<{ record_id: string; data: string }>('SELECT record_id, data FROM county_records WHERE period = ? AND section = ? ORDER BY centre_code, record_id', period, section);
  return new Map(rows.map((r) => [r.record_id, JSON.parse(r.data) as Record<string, unknown>]));
}

const countyRows = () => county.countRows('county_records');

beforeAll(async () => {
  centre = await openTestBackend();
  await centre.call('system.loadDemo', {});
  county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  const linked = await linkCentreToCounty(centre, county);
  ({ countyPublicKey, centrePrivateKey: centreKey } = linked);

  // One resident in residence: urban, tagged 患精神疾病, assessed in January with a Ⅱ期 pressure injury.
  const row = centre.database.sqlite.prepare("SELECT id FROM residents WHERE status = 'in_residence' AND primary_category = 'tekun_concentrated' AND admitted_on < '2026-01-01' ORDER BY id LIMIT 1").get() as { id: string };
  const file = await centre.call('residents.get', { id: row.id });
  const { idNumber } = await centre.call('residents.revealIdNumber', { id: row.id });
  chosen = { id: row.id, idNumber };
  const { ethnicity, householdAddress, village, primaryCategory, tekunCertNo, allergies, chronicConditions, dietType, photo, note, name } = file;
  await centre.call('residents.update', {
    id: row.id,
    person: { name, idNumber, ethnicity, householdAddress, village, primaryCategory, tekunCertNo, allergies, chronicConditions, dietType, photo, note, tags: ['mental_illness'], hukou: 'urban', contacts: file.contacts },
  });
  const staff = await centre.call('staff.list', { includeLeft: false });
  const [a1, a2] = staff.filter((s) => s.role !== 'cook').map((s) => ({ staffId: s.id, name: '', organisation: '' }));
  const answers = Object.fromEntries(ITEMS.map((i) => [i.code, i.max]));
  const { id } = await centre.call('assessment.saveDraft', {
    residentId: row.id,
    reason: 'routine',
    assessedOn: '2026-01-20',
    answers,
    assessor1: a1,
    assessor2: a2,
    health: { choices: { 'A.5.1': ['Ⅱ期 皮肤真皮层损失、暴露，出现水泡'] }, jointSites: '', other: '' },
  });
  await centre.call('assessment.finalize', { id });
  // 特困 tier: a proposal the county confirmed (二档), then a newer proposal it has not answered yet.
  const indicators = (notMet: string[]) => Object.fromEntries(['eat', 'dress', 'bed', 'toilet', 'walk', 'bathe'].map((i) => [i, !notMet.includes(i)])) as Record<'eat' | 'dress' | 'bed' | 'toilet' | 'walk' | 'bathe', boolean>;
  const first = await centre.call('tier.record', { residentId: row.id, assessedOn: '2026-01-10', indicators: indicators(['eat', 'dress']), assessor: '李评估', note: '' });
  await centre.call('tier.decide', { residentId: row.id, proposalId: first.id, outcome: 'confirmed', decidedOn: '2026-01-25', documentNo: '睢民〔2026〕3号', tier: 'partly_lost', careTier: 2, reason: '县民政局认定书' });
  const open = await centre.call('tier.record', { residentId: row.id, assessedOn: '2026-01-28', indicators: indicators(['eat', 'dress', 'bed', 'toilet']), assessor: '李评估', note: '跌倒后卧床' });
  // A self-paying resident's six-indicator assessment: the county has no tier to decide for them.
  const selfPay = centre.database.sqlite.prepare("SELECT id FROM residents WHERE status = 'in_residence' AND primary_category = 'self_pay' AND admitted_on < '2026-01-01' LIMIT 1").get() as { id: string };
  const other = await centre.call('tier.record', { residentId: selfPay.id, assessedOn: '2026-01-12', indicators: indicators(['bathe']), assessor: '李评估', note: '' });
  proposals = { answered: first.id, open: open.id, selfPay: other.id };
  // A staff member trained within the 12 months before January's end.
  await centre.call('staff.addTraining', { staffId: staff[0].id, date: '2025-12-01', topic: '压疮预防', hours: 2, provider: '' });
}, 180_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

describe('format 2', () => {
  it('carries the full ID, 供养证号, 户籍, 供养方式, tags, pressure injury and staff training in the sealed payload only', async () => {
    const jan = await exportMonth('2026-01');
    const manifestText = strFromU8(unzipSync(jan.bytes)['manifest.json']);
    const manifest = JSON.parse(manifestText) as { formatVersion: number; sectionVersions: Record<string, number> };
    expect(manifest.formatVersion).toBe(FORMAT_VERSION);
    expect(manifest.sectionVersions).toMatchObject({ residents: 2, staff: 2, tier_proposals: 1 });
    // No person's data in the part a lost stick shows.
    const ids = (centre.database.sqlite.prepare('SELECT id_number AS n FROM residents').all() as { n: string }[]).map((r) => r.n);
    for (const n of ids) expect(manifestText).not.toContain(n);
    expect(manifestText).not.toContain('TK1');

    const reports = await importFiles([{ name: jan.fileName, bytes: jan.bytes }]);
    expect(reports[0].outcome).toBe('accepted');
    const residents = await stored('2026-01', 'residents');
    const mine = residents.get(chosen.id)!;
    expect(mine).toMatchObject({ idNumber: chosen.idNumber, hukou: 'urban', mentalIllness: true, severeDisability: false, supportMode: 'concentrated', pressureInjuryStage: 'II' });
    // The official tier is the county's decision; the newer, unanswered proposal travels beside it.
    expect(mine).toMatchObject({ tekunTier: 'partly_lost', tekunCareTier: 2, tekunTierProposed: 'fully_lost' });
    const sent = await stored('2026-01', 'tier_proposals');
    expect(sent.get(proposals.answered)).toMatchObject({ residentId: chosen.id, tier: 'partly_lost', proposedOn: '2026-01-10', indicatorsNotMet: ['自主吃饭', '自主穿衣'] });
    // Only 特困 residents' proposals go to the county.
    const tekunIds = new Set([...residents.values()].filter((r) => r.supportMode !== null).map((r) => r.id));
    expect([...sent.values()].every((p) => tekunIds.has(p.residentId as string))).toBe(true);
    expect(sent.has(proposals.selfPay)).toBe(false);
    expect(sent.get(proposals.open)).toMatchObject({ tier: 'fully_lost', previousTier: 'partly_lost', note: '跌倒后卧床', indicatorsNotMet: ['自主吃饭', '自主穿衣', '自主上下床', '自主如厕'] });
    // Every record against the centre's own database.
    const files = centre.database.sqlite.prepare('SELECT id, id_number, tekun_cert_no, tags, hukou, primary_category FROM residents').all() as { id: string; id_number: string; tekun_cert_no: string; tags: string; hukou: string | null; primary_category: string }[];
    for (const f of files) {
      const r = residents.get(f.id);
      if (!r) continue;
      expect(r.idNumber).toBe(f.id_number);
      expect(r.tekunCertNo).toBe(f.tekun_cert_no);
      expect(r.hukou).toBe(f.hukou);
      expect(r.severeDisability).toBe((JSON.parse(f.tags) as string[]).includes('severe_disability'));
      expect(r.supportMode).toBe(f.primary_category === 'tekun_concentrated' ? 'concentrated' : f.primary_category === 'tekun_dispersed' ? 'dispersed' : null);
      expect(r.tekunTierProposed === null || typeof r.tekunTierProposed === 'string').toBe(true);
    }
    expect([...residents.values()].some((r) => r.hukou === 'rural')).toBe(true);
    const staff = await stored('2026-01', 'staff');
    const trainedIds = new Set((centre.database.sqlite.prepare("SELECT staff_id FROM staff_training WHERE date BETWEEN '2025-02-01' AND '2026-01-31' UNION SELECT a.staff_id FROM fire_training_attendees a JOIN fire_trainings t ON t.id = a.training_id WHERE t.date BETWEEN '2025-02-01' AND '2026-01-31'").all() as { staff_id: string }[]).map((r) => r.staff_id));
    expect(trainedIds.size).toBeGreaterThan(0);
    for (const [id, s] of staff) expect(s.trainedInYear).toBe(trainedIds.has(id));
    const certs = centre.database.sqlite.prepare('SELECT id, cert_level, cert_expiry FROM staff').all() as { id: string; cert_level: string; cert_expiry: string | null }[];
    for (const c of certs) if (staff.has(c.id)) expect(staff.get(c.id)!.certified).toBe(c.cert_level !== 'none' && (c.cert_expiry === null || c.cert_expiry >= '2026-01-31'));
  }, 60_000);
});

describe('before the export', () => {
  it('warns of files whose 户籍 or 特困供养证号 is missing, naming the residents, since the county counts them as 不详', async () => {
    const row = centre.database.sqlite.prepare("SELECT id FROM residents WHERE status = 'in_residence' AND primary_category = 'tekun_concentrated' AND id <> ? ORDER BY id LIMIT 1").get(chosen.id) as { id: string };
    const file = await centre.call('residents.get', { id: row.id });
    const { idNumber } = await centre.call('residents.revealIdNumber', { id: row.id });
    const { ethnicity, householdAddress, village, primaryCategory, allergies, chronicConditions, dietType, photo, note, name, tags } = file;
    const person = { name, idNumber, ethnicity, householdAddress, village, primaryCategory, allergies, chronicConditions, dietType, photo, note, tags, contacts: file.contacts };
    await centre.call('residents.update', { id: row.id, person: { ...person, tekunCertNo: '', hukou: null } });
    const check = await centre.call('sync.precheck', { period: '2026-02' });
    expect(check.warnings.find((w) => w.includes('没有填写户籍类别'))).toContain(name);
    expect(check.warnings.find((w) => w.includes('没有填写特困供养证号'))).toContain(name);
    // The month's proposals and each 特困 resident's latest unanswered one, counted straight from the centre's tables.
    const expected = centre.database.sqlite
      .prepare(
        `SELECT count(*) AS n FROM tier_assessments t JOIN residents r ON r.id = t.resident_id
          WHERE r.primary_category IN ('tekun_concentrated', 'tekun_dispersed') AND r.admitted_on <= '2026-02-28'
            AND (r.discharged_on IS NULL OR r.discharged_on >= '2026-02-01') AND t.assessed_on <= '2026-02-28'
            AND (t.assessed_on >= '2026-02-01' OR (
              t.id NOT IN (SELECT proposal_id FROM tier_decisions WHERE proposal_id IS NOT NULL)
              AND t.id = (SELECT t2.id FROM tier_assessments t2 WHERE t2.resident_id = t.resident_id AND t2.assessed_on <= '2026-02-28'
                          ORDER BY t2.assessed_on DESC, t2.created_at DESC LIMIT 1)))`,
      )
      .get() as { n: number };
    expect(expected.n).toBeGreaterThan(0);
    expect(check.counts.tier_proposals).toBe(expected.n);
    await centre.call('residents.update', { id: row.id, person: { ...person, tekunCertNo: file.tekunCertNo, hukou: file.hukou } });
    expect((await centre.call('sync.precheck', { period: '2026-02' })).warnings.join()).not.toContain('没有填写户籍类别');
  }, 60_000);
});

/** A month's v2 files turned back into format 1: what a centre on the old program sent. */
async function formatOneFiles(period: string) {
  const v1Sections = SECTION_NAMES.filter((s) => sinceFormat(s) === 1);
  const lines = async (section: SectionName) => [...(await stored(period, section)).values()];
  const files: Record<string, string> = {};
  for (const s of v1Sections) {
    let records = await lines(s);
    if (s === 'residents') {
      records = records.map(({ idNumber, tekunCertNo, severeDisability, mentalIllness, hukou, supportMode, tekunTierProposed, tekunCareTier, pressureInjuryStage, ...r }) => {
        void [idNumber, tekunCertNo, severeDisability, mentalIllness, hukou, supportMode, tekunCareTier, pressureInjuryStage];
        return { ...r, tekunTier: tekunTierProposed ?? 'partly_lost' };
      });
    }
    if (s === 'staff') records = records.map(({ trainedInYear, certified, ...r }) => (void [trainedInYear, certified], r));
    if (s === 'incidents') records = records.map(({ medicationError, ...r }) => (void medicationError, r));
    files[`${s}.jsonl`] = records.map((r) => `${JSON.stringify(r)}\n`).join('');
  }
  return { files, sectionVersions: Object.fromEntries(v1Sections.map((s) => [s, 1])) };
}

describe('format 1 still imports', () => {
  it('upgrades each record to the v2 shape with null for what format 1 did not carry', async () => {
    const { files, sectionVersions } = await formatOneFiles('2026-01');
    // January again, as the old program would have written it: sent as a correction, since January is already in.
    const base = { formatVersion: 1, schemaVersion: 16, sectionVersions, centreCode: '411422103000', countyCode: '411422', period: '2026-01', sequence: 1, correction: 1, correctionReason: '旧版程序重报', previousHash: '', createdAt: '2026-02-01T00:00:00.000Z', appVersion: 'old', files };
    const old = buildPackage(base, { signingPrivateKey: centreKey, countyPublicKey }).bytes;
    const reports = await importFiles([{ name: 'old.tcpkg', bytes: old }]);
    expect(reports[0].outcome).toBe('accepted');
    const mine = (await stored('2026-01', 'residents')).get(chosen.id)!;
    // Format 1's tier was the centre's own view: kept as the proposal, never as the county's decision.
    expect(mine).toMatchObject({ idNumber: null, tekunCertNo: null, severeDisability: null, mentalIllness: null, hukou: null, supportMode: null, tekunTier: null, tekunCareTier: null, pressureInjuryStage: null });
    expect(mine.tekunTierProposed).not.toBeNull();
    for (const s of (await stored('2026-01', 'staff')).values()) expect(s).toMatchObject({ trainedInYear: null, certified: null });
    expect((await stored('2026-01', 'tier_proposals')).size).toBe(0);
    // The county's tables read the month like any other.
    const ind = await county.call('county.indicators', { period: '2026-01' });
    expect(ind.reported).toBe(1);
  }, 60_000);

  it('refuses a section version it does not know, and a missing section file, each with its own message, writing nothing', async () => {
    const { files, sectionVersions } = await formatOneFiles('2026-01');
    const base = { formatVersion: 1, schemaVersion: 16, sectionVersions, centreCode: '411422103000', countyCode: '411422', period: '2025-11', sequence: 31, correction: 0, correctionReason: '', previousHash: '', createdAt: '2025-12-01T00:00:00.000Z', appVersion: 'x', files };
    const keys = { signingPrivateKey: centreKey, countyPublicKey };
    const before = await countyRows();
    const unknown = buildPackage({ ...base, sectionVersions: { ...sectionVersions, residents: 3 } }, keys).bytes;
    const missing = buildPackage({ ...base, formatVersion: 2, sectionVersions: { ...sectionVersions, tier_proposals: 1 } }, keys).bytes;
    const { 'residents.jsonl': _r, ...withoutResidents } = files;
    void _r;
    const noResidents = buildPackage({ ...base, files: withoutResidents }, keys).bytes;
    const reports = await importFiles([
      { name: 'unknown.tcpkg', bytes: unknown },
      { name: 'missing.tcpkg', bytes: missing },
    ]);
    const byName = Object.fromEntries(reports.map((r) => [r.fileName, r]));
    expect(byName['unknown.tcpkg'].outcome).toBe('rejected');
    expect(byName['unknown.tcpkg'].errors.join()).toContain('「residents.jsonl」的版本 3 本程序不认识');
    // A format-2 package must carry tier_proposals; a format-1 one need not.
    expect(byName['missing.tcpkg'].errors.join()).toContain('缺少数据文件「tier_proposals.jsonl」');
    const third = await importFiles([{ name: 'nores.tcpkg', bytes: noResidents }]);
    expect(third[0].errors.join()).toContain('缺少数据文件「residents.jsonl」');
    expect(await countyRows()).toEqual(before);
  }, 60_000);
});
