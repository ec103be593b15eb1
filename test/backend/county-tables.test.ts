// The county's tables against the centre's own database (issue 14 §4): a demo centre exports February, a county
// imports it, and every cell of the 特困 quarterly table, the facility table and the rates the county watches is
// checked against direct queries on the centre's SQLite file. Also: the ID numbers the county shows are masked, and
// only the county administrator sees one in full, audited.
import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '@shared/domain/dates';
import { TEKUN_AGE_BANDS, indicatorValue } from '@shared/domain/sync/figures';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { linkCentreToCounty } from '../helpers/county-link';

const PERIOD = '2026-02';
const FIRST = '2026-02-01';
const LAST = '2026-02-28';
const CENTRE = '411422103000';
let centre: TestBackend;
let county: TestBackend;

async function exportMonth(period: string) {
  const usb = tempDir('tc-usb-');
  const { jobId } = await centre.call('sync.export', { period, folder: usb, correctionReason: null });
  for (;;) {
    const job = await centre.call('sync.job', { jobId });
    if (job.done) {
      if (job.error) throw new Error(job.error);
      return { name: job.result!.fileName, bytes: fs.readFileSync(path.join(usb, job.result!.fileName)) };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function importFile(file: { name: string; bytes: Uint8Array }) {
  const staged = await county.call('county.stage', { batchId: null, files: [{ name: file.name, base64: Buffer.from(file.bytes).toString('base64') }] });
  const { jobId } = await county.call('county.apply', { batchId: staged.batchId });
  for (;;) {
    const job = await county.call('county.job', { jobId });
    if (job.done) return job.reports;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rows = <T>(sql: string, ...args: unknown[]) => centre.database.sqlite.prepare(sql).all(...args) as T[];

interface Person {
  id: string;
  sex: string;
  birth_date: string;
  primary_category: string;
  tags: string;
  hukou: string | null;
  admitted_on: string;
  discharged_on: string | null;
}

/** Everyone whose stay overlaps February, and who was still there at its end. */
function people() {
  const all = rows<Person>('SELECT id, sex, birth_date, primary_category, tags, hukou, admitted_on, discharged_on FROM residents WHERE admitted_on IS NOT NULL AND admitted_on <= ? AND (discharged_on IS NULL OR discharged_on >= ?)', LAST, FIRST);
  const present = all.filter((p) => p.discharged_on === null || p.discharged_on > LAST);
  return { all, present };
}
const isTekun = (p: Person) => p.primary_category === 'tekun_concentrated' || p.primary_category === 'tekun_dispersed';
const count = <T>(list: T[], test: (x: T) => boolean) => list.filter(test).length;

/** The official tier: the county's latest confirmed decision up to the month's end. */
function officialTiers() {
  const decisions = rows<{ resident_id: string; tier: string; decided_on: string; care_tier: number | null }>(
    "SELECT resident_id, tier, decided_on, care_tier FROM tier_decisions WHERE outcome = 'confirmed' AND decided_on <= ? ORDER BY decided_on, created_at",
    LAST,
  );
  return new Map(decisions.map((d) => [d.resident_id, d]));
}

/** The latest final ability assessment up to the month's end, per resident. */
function latestAssessments() {
  const list = rows<{ resident_id: string; assessed_on: string; health: string }>("SELECT resident_id, assessed_on, health FROM assessments WHERE status = 'final' AND assessed_on <= ? ORDER BY assessed_on", LAST);
  return new Map(list.map((a) => [a.resident_id, a]));
}

beforeAll(async () => {
  centre = await openTestBackend();
  await centre.call('system.loadDemo', {});
  // Two falls in February (China time: the second on the 28th at 23:30, the last half hour of the month), one in March.
  const [someone] = people().present;
  const fall = (i: number, occurredAt: string) =>
    centre.call('incidents.report', { requestId: `01900000-0000-7000-8000-0000000077${i}0`, residentId: someone.id, type: 'fall', occurredAt, place: '卫生间', severity: 'minor', description: '起身时滑倒', actionTaken: '扶起检查，无外伤' });
  await fall(1, '2026-02-10T01:00:00.000Z');
  await fall(2, '2026-02-28T15:30:00.000Z');
  await fall(3, '2026-02-28T16:30:00.000Z');
  county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
  await linkCentreToCounty(centre, county);
  const [report] = await importFile(await exportMonth(PERIOD));
  expect(report.outcome, report.errors.join('\n')).toBe('accepted');
}, 180_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

describe('特困人员救助供养 quarterly table', () => {
  it('matches the centre’s own database cell by cell', async () => {
    const table = await county.call('county.tekunQuarter', { year: 2026, quarter: 1 });
    const row = table.rows.find((r) => r.centreCode === CENTRE)!;
    expect(row.reported).toBe(true);
    const f = row.figures;
    const { all, present } = people();
    const tekun = present.filter(isTekun);
    expect(tekun.length).toBeGreaterThan(0);
    const tiers = officialTiers();
    const expected: Record<string, number> = {
      'tekun.present': tekun.length,
      'tekun.concentrated': count(tekun, (p) => p.primary_category === 'tekun_concentrated'),
      'tekun.dispersed': count(tekun, (p) => p.primary_category === 'tekun_dispersed'),
      'tekun.tier.self_sufficient': count(tekun, (p) => tiers.get(p.id)?.tier === 'self_sufficient'),
      'tekun.tier.partly_lost': count(tekun, (p) => tiers.get(p.id)?.tier === 'partly_lost'),
      'tekun.tier.fully_lost': count(tekun, (p) => tiers.get(p.id)?.tier === 'fully_lost'),
      'tekun.tier.none': count(tekun, (p) => !tiers.has(p.id)),
      'tekun.female': count(tekun, (p) => p.sex === 'female'),
      'tekun.severeDisability': count(tekun, (p) => (JSON.parse(p.tags) as string[]).includes('severe_disability')),
      'tekun.mentalIllness': count(tekun, (p) => (JSON.parse(p.tags) as string[]).includes('mental_illness')),
      'tekun.hukou.urban': count(tekun, (p) => p.hukou === 'urban'),
      'tekun.hukou.rural': count(tekun, (p) => p.hukou === 'rural'),
      'tekun.hukou.unknown': count(tekun, (p) => p.hukou === null),
      'tekun.new': count(all.filter(isTekun), (p) => p.admitted_on >= FIRST),
      'tekun.exited': count(all.filter(isTekun), (p) => p.discharged_on !== null && p.discharged_on <= LAST),
      ...Object.fromEntries(TEKUN_AGE_BANDS.map((b, i) => [`tekun.age.${b.key}`, count(tekun, (p) => { const age = ageOn(p.birth_date, LAST); return age <= b.max && (i === 0 || age > TEKUN_AGE_BANDS[i - 1].max); })])),
      ...Object.fromEntries([1, 2, 3].map((c) => [`tekun.careTier.${c}`, count(tekun, (p) => tiers.get(p.id)?.care_tier === c)])),
    };
    for (const [key, value] of Object.entries(expected)) expect(f[key] ?? 0, key).toBe(value);
    // The demo has the county's decisions on file for most 特困 residents: the official columns are really exercised.
    expect(expected['tekun.tier.none']).toBeLessThan(tekun.length);
    // Every person of the current package is either known or counted as 不详 — never silently as "no".
    expect((f['tekun.severeDisability.unknown'] ?? 0) + (f['tekun.mentalIllness.unknown'] ?? 0)).toBe(0);
    expect(table.total['tekun.present']).toBe(tekun.length);
  });
});

describe('facility basic-situation table', () => {
  it('matches beds, residents, staff by post, training and certificates', async () => {
    const table = await county.call('county.facilityTable', { period: PERIOD });
    const f = table.rows.find((r) => r.centreCode === CENTRE)!.figures!;
    const beds = rows<{ bed_type: string }>("SELECT bed_type FROM beds WHERE retired_at IS NULL AND setting <> 'disabled'");
    const staff = rows<{ id: string; role: string; cert_level: string; cert_expiry: string | null }>('SELECT id, role, cert_level, cert_expiry FROM staff WHERE hire_date <= ? AND (left_on IS NULL OR left_on > ?)', LAST, LAST);
    // Trained: a staff training or a fire-safety training attended in the 12 months to the month's end.
    const yearAgo = dayjs(LAST).subtract(12, 'month').format('YYYY-MM-DD');
    const trained = new Set(
      rows<{ staff_id: string }>(
        'SELECT staff_id FROM staff_training WHERE date > ? AND date <= ? UNION SELECT a.staff_id FROM fire_training_attendees a JOIN fire_trainings t ON t.id = a.training_id WHERE t.date > ? AND t.date <= ?',
        yearAgo,
        LAST,
        yearAgo,
        LAST,
      ).map((t) => t.staff_id),
    );
    const carers = staff.filter((s) => s.role === 'caregiver' || s.role === 'care_lead');
    expect(f.beds).toBe(beds.length);
    expect(f.nursingBeds).toBe(count(beds, (b) => b.bed_type === 'nursing'));
    expect(f.residents).toBe(people().present.length);
    expect(f.staff).toBe(staff.length);
    for (const role of new Set(staff.map((s) => s.role))) expect(f[`staff.role.${role}`], role).toBe(count(staff, (s) => s.role === role));
    expect(f['staff.trained']).toBe(count(staff, (s) => trained.has(s.id)));
    expect(f['staff.trained.unknown'] ?? 0).toBe(0);
    expect(f.carers).toBe(carers.length);
    // Certified: a care-worker certificate level that had not expired by the month's end.
    expect(f['carers.certified'] ?? 0).toBe(count(carers, (s) => s.cert_level !== 'none' && (s.cert_expiry === null || s.cert_expiry >= LAST)));
    const socialWorkers = count(staff, (s) => s.role === 'social_worker');
    const per100 = indicatorValue({ key: 'socialWorkersPer100Beds', label: '', group: '', rate: true }, f);
    expect(per100).toBeCloseTo((socialWorkers * 100) / beds.length);
    expect(table.total.staff).toBe(staff.length);
  });
});

describe('rates the county watches', () => {
  it('pressure injuries, falls per 1,000 bed-days and assessment coverage match the centre', async () => {
    const ind = await county.call('county.indicators', { period: PERIOD });
    const f = ind.centres.find((c) => c.centreCode === CENTRE)!.figures!;
    const { all, present } = people();
    const latest = latestAssessments();
    // A.5.1 as the assessor chose it: the standard's option words (Ⅱ期…, 不可分期…), or nothing recorded.
    const answers = present.map((p) => {
      const chosen = latest.has(p.id) ? (JSON.parse(latest.get(p.id)!.health) as { choices?: Record<string, string[]> }).choices?.['A.5.1']?.[0] : undefined;
      return chosen ?? null;
    });
    expect(f['pressure.stage2plus'] ?? 0).toBe(count(answers, (a) => a !== null && /^(Ⅱ期|Ⅲ期|Ⅳ期|不可分期)/.test(a)));
    expect(f['pressure.unknown'] ?? 0).toBe(count(answers, (a) => a === null));
    expect(f['pressure.stage2plus']).toBeGreaterThan(0); // the demo has some, so the count is really checked
    const days = all.reduce((n, p) => {
      const from = p.admitted_on > FIRST ? p.admitted_on : FIRST;
      const to = p.discharged_on && p.discharged_on < LAST ? p.discharged_on : LAST;
      return n + dayjs(to).diff(from, 'day') + 1;
    }, 0);
    // February in China time: from 1 February 00:00 (+08:00) to 1 March 00:00.
    const falls = rows("SELECT id FROM incidents WHERE type = 'fall' AND occurred_at >= '2026-01-31T16:00:00.000Z' AND occurred_at < '2026-02-28T16:00:00.000Z'").length;
    expect(f.residentDays).toBe(days);
    expect(f['incident.fall'] ?? 0).toBe(falls);
    expect(falls).toBeGreaterThanOrEqual(2);
    const dueAfter = dayjs(LAST).subtract(6, 'month').format('YYYY-MM-DD');
    const covered = count(present, (p) => (latest.get(p.id)?.assessed_on ?? '') >= dueAfter);
    expect(f.assessmentsValid ?? 0).toBe(covered);
    const rate = (key: string) => indicatorValue({ key, label: '', group: '', share: true }, f);
    expect(rate('assessmentCoverage')).toBeCloseTo(covered / present.length);
    expect(rate('fallsPer1000')).toBeCloseTo((falls * 1000) / days);
  });
});

describe('the Excel workbook', () => {
  it('holds both official tables with the same cells as the screen', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const file = await county.call('county.exportExcel', { period: PERIOD });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const tekun = book.getWorksheet('特困人员季度表')!;
    const header = (tekun.getRow(2).values as string[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['本季度末保障人数', '供养方式·集中供养', '按年龄划分·16岁以下', '按年龄划分·80岁以上', '按特殊身份划分·重度残疾人', '户籍·农村', '动态管理·本季度退出']));
    const row = (tekun.getRow(3).values as string[]).slice(1);
    const q = await county.call('county.tekunQuarter', { year: 2026, quarter: 1 });
    expect(row[header.indexOf('本季度末保障人数')]).toBe(String(q.rows[0].figures['tekun.present']));
    const facility = book.getWorksheet('机构基本情况表')!;
    expect((facility.getRow(2).values as string[]).slice(1)).toEqual(expect.arrayContaining(['工作人员（按岗位）·护理员', '每百张床位社工数', '培训·培训覆盖率', '持证·护理员持证率']));
  });
});

describe('ID numbers at the county', () => {
  it('are masked in the resident list; the administrator sees one in full, audited; a viewer may not', async () => {
    const detail = await county.call('county.centre', { centreCode: CENTRE, period: PERIOD });
    const someone = detail.residents.find((r) => r.idMasked)!;
    expect(someone.idMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const full = rows<{ id_number: string }>('SELECT id_number FROM residents WHERE id = ?', someone.id)[0].id_number;
    const before = await county.countRows('audit_log');
    const { idNumber } = await county.call('county.revealIdNumber', { centreCode: CENTRE, period: PERIOD, residentId: someone.id });
    expect(idNumber).toBe(full);
    // Audit ids are UUIDv7, time-ordered: the greatest is the newest row.
    const [audit] = await county.query<Record<string, string>>('SELECT action, entity, entity_id, actor FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(await county.countRows('audit_log')).toBe(before + 1);
    expect(audit).toMatchObject({ action: 'view_id_number', entity: 'countyRecords', entity_id: `${CENTRE}/${PERIOD}/${someone.id}` });
    const viewer = await county.signInAs('county_viewer', '县局查看员');
    expect((await county.raw('county.revealIdNumber', { centreCode: CENTRE, period: PERIOD, residentId: someone.id }, viewer.session)).error?.code).toBe('FORBIDDEN');
    expect((await county.raw('county.revealIdNumber', { centreCode: CENTRE, period: PERIOD, residentId: 'nobody' })).error?.message).toContain('找不到');
  });
});

describe("the county's accounts", () => {
  it('are listed in the order they were made, whatever was changed since (made in the same instant too)', async () => {
    const before = (await county.call('users.list', {})).map((u) => u.id);
    const first = await county.signInAs('county_viewer', '县局甲');
    const second = await county.signInAs('county_viewer', '县局乙');
    // Changed after the second was made (on PostgreSQL an updated row moves within the table).
    await county.call('users.update', { id: first.id, displayName: '县局甲（改名）', role: 'county_viewer', disabled: false });
    expect((await county.call('users.list', {})).map((u) => u.id)).toEqual([...before, first.id, second.id]);
  });
});

describe('figures stored before this version, from a format-1 package', () => {
  it('are counted again from the kept records, the facts format 1 did not carry as 不详', async () => {
    // As a format-1 import left it: residents and staff without the v2 fields, figures without a version.
    const v2Resident = ['idNumber', 'tekunCertNo', 'severeDisability', 'mentalIllness', 'hukou', 'supportMode', 'tekunTierProposed', 'tekunCareTier', 'pressureInjuryStage'];
    for (const r of await county.query<{ record_id: string; section: string; data: string }>("SELECT record_id, section, data FROM county_records WHERE section IN ('residents', 'staff')")) {
      const record = JSON.parse(r.data) as Record<string, unknown>;
      for (const k of r.section === 'residents' ? v2Resident : ['trainedInYear', 'certified']) delete record[k];
      await county.query('UPDATE county_records SET data = ? WHERE record_id = ? AND section = ?', JSON.stringify(record), r.record_id, r.section);
    }
    const [stored] = await county.query<{ figures: string }>('SELECT figures FROM county_figures WHERE centre_code = ? AND period = ?', CENTRE, PERIOD);
    const old = JSON.parse(stored.figures) as Record<string, number>;
    delete old._version;
    for (const k of Object.keys(old)) if (k.startsWith('tekun.') || k.startsWith('staff.') || k.startsWith('pressure.')) delete old[k];
    await county.query('UPDATE county_figures SET figures = ? WHERE centre_code = ? AND period = ?', JSON.stringify(old), CENTRE, PERIOD);

    const f = (await county.call('county.tekunQuarter', { year: 2026, quarter: 1 })).rows.find((r) => r.centreCode === CENTRE)!.figures;
    const tekun = people().present.filter(isTekun).length;
    expect(f['tekun.present']).toBe(tekun);
    expect(f['tekun.severeDisability.unknown']).toBe(tekun);
    expect(f['tekun.severeDisability'] ?? 0).toBe(0);
    expect(f['tekun.hukou.unknown']).toBe(tekun);
    // Format 1's tier was the centre's own view: not official.
    expect(f['tekun.tier.none']).toBe(tekun);
    const facility = (await county.call('county.facilityTable', { period: PERIOD })).rows.find((r) => r.centreCode === CENTRE)!.figures!;
    expect(facility['staff.trained.unknown']).toBe(facility.staff);
    expect(indicatorValue({ key: 'trainingCoverage', label: '', group: '', share: true }, facility)).toBeNull();
    const detail = await county.call('county.centre', { centreCode: CENTRE, period: PERIOD });
    expect(detail.residents.every((r) => r.idMasked === null && r.hukou === null)).toBe(true);
  });
});
