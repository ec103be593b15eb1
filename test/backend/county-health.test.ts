// Health and medicines through the package to the county (format 5, issue 19), on real SQLite files through the real
// dispatchers: a centre's February — three residents, check-ups (one older than a year, one voided), a family-doctor
// contract, a monthly entry, orders and a few doses (one corrected), pressure injuries (one healed in February, one
// brought in, one acquired in the centre), a 用药差错 — exported by the centre, imported by the county, and read back
// as the county's figures, each counted by hand here. The health records are written straight into the centre's
// database (the modules' own tests go through their services): this test is about the package and the county. No drug
// name, check-up result or injury site travels.
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { exportAndImport, linkCentreToCounty } from '../helpers/county-link';
import { validIdNumber } from '../helpers/ids';
import { ratios } from '@shared/domain/sync/figures';

let centre: TestBackend;
let county: TestBackend;
let packageFile = '';
const usb = tempDir('tc-usb-');
const STAMP = `'2026-01-20T01:00:00.000Z', '院长', '2026-01-20T01:00:00.000Z', '院长'`;
const VOIDABLE = (id: string) => `'${id}', '2026-01-20T01:00:00.000Z', 'u1', '院长'`;
let [a, b, c] = ['', '', ''];
/** A UUID-shaped id for a record the package carries. */
const ID = (tag: string) => `00000000-0000-4000-8000-${Buffer.from(tag).toString('hex').padStart(12, '0')}`;

beforeAll(async () => {
  centre = await openTestBackend(); // clock: 2026-03-15
  const { bed } = await smallCentre(centre);
  county = await openTestBackend(tempDir(), { county: { code: '320102', name: '测试县' } });
  await linkCentreToCounty(centre, county);
  a = (await centre.call('residents.admit', { person: person({ name: '甲爷爷' }), admission: admission(bed('101', '1')) })).id;
  b = (await centre.call('residents.admit', { person: person({ name: '乙奶奶', idNumber: validIdNumber('1940-02-02', '234') }), admission: admission(bed('101', '2')) })).id;
  c = (await centre.call('residents.admit', { person: person({ name: '丙爷爷', idNumber: validIdNumber('1938-03-03', '345') }), admission: admission(bed('102', '1'), { date: '2026-02-03' }) })).id;

  const run = (sql: string, ...args: unknown[]) => centre.database.sqlite.prepare(sql).run(...args);
  const checkup = (id: string, residentId: string, on: string, abnormal: string, voided = false) =>
    run(
      `INSERT INTO health_checkups (id, resident_id, checked_on, institution, results, abnormal, request_id, created_at, created_by_id, created_by, voided_at, voided_by, void_reason)
       VALUES (?, ?, ?, '某镇卫生院', '血压偏高，其余正常', ?, ${VOIDABLE(id)}, ?, ?, ?)`,
      id, residentId, on, abnormal, voided ? '2026-02-20T01:00:00.000Z' : null, voided ? '院长' : null, voided ? '录错了人' : null,
    );
  checkup('ck1', a, '2025-06-10', '血压 160/95');
  checkup('ck2', b, '2025-02-27', '');
  checkup('ck3', c, '2026-02-10', '', true);
  run(`INSERT INTO family_doctor_contracts (id, resident_id, doctor, team, institution, signed_on, valid_from, valid_to, created_at, created_by, updated_at, updated_by)
    VALUES ('fd1', ?, '王医生', '一团队', '某镇卫生院', '2025-12-01', '2026-01-01', '2026-12-31', ${STAMP})`, a);
  run(`INSERT INTO monthly_health_entries (id, resident_id, month, weight_kg, systolic, diastolic, skin, appetite, mood, created_at, created_by, updated_at, updated_by)
    VALUES ('me1', ?, '2026-02', 52.5, 150, 90, 'intact', 'good', 'calm', ${STAMP})`, a);
  run(`INSERT INTO drugs (id, name, form, strength, unit, high_alert, created_at, created_by, updated_at, updated_by) VALUES ('d1', '硝苯地平缓释片', 'tablet', '20 mg', 'tablet', 'none', ${STAMP})`);
  const order = (id: string, residentId: string, stoppedOn: string | null) =>
    run(
      `INSERT INTO medication_orders (id, resident_id, drug_id, prescriber, prescriber_kind, prescribed_on, dose_centi, route, frequency, times, meal_relation, supply, starts_on, stopped_at, stopped_on, stopped_by, stop_reason, request_id, created_at, created_by_id, created_by)
       VALUES (?, ?, 'd1', '王医生', 'township_hospital', '2026-01-15', 100, 'oral', 'bid', '["08:00","17:00"]', 'after', 'self', '2026-01-15', ?, ?, ?, ?, ?, '2026-01-15T02:00:00.000Z', 'u1', '院长')`,
      id, residentId, stoppedOn ? '2026-02-20T02:00:00.000Z' : null, stoppedOn, stoppedOn ? '院长' : null, stoppedOn ? '医生停药' : null, id,
    );
  order('o1', a, null);
  order('o2', b, '2026-02-20');
  const dose = (id: string, residentId: string, orderId: string, day: string, slot: string, outcome: string, extra: { late?: number; amends?: string } = {}) =>
    run(
      `INSERT INTO medication_doses (id, order_id, resident_id, due_at, slot, dose_date, outcome, reason, given_at, dose_centi, late_minutes, amends_id, amend_reason, request_id, recorded_at, recorded_by_id, recorded_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 100, ?, ?, ?, ?, ?, 'u2', '护理员小李')`,
      id, orderId, residentId, `${day}T00:00:00.000Z`, slot, day, outcome, outcome === 'held' ? '血压低' : '', `${day}T00:10:00.000Z`, extra.late ?? null,
      extra.amends ?? null, extra.amends ? '记错了，老人其实吐出来了' : null, id, `${day}T00:10:00.000Z`,
    );
  dose('x1', a, 'o1', '2026-02-01', '08:00', 'given');
  dose('x2', a, 'o1', '2026-02-02', '08:00', 'given', { late: 35 });
  dose('x3', a, 'o1', '2026-02-03', '08:00', 'given');
  dose('x4', a, 'o1', '2026-02-03', '08:00', 'refused', { amends: 'x3' });
  dose('x5', b, 'o2', '2026-02-01', '08:00', 'held');
  dose('x6', b, 'o2', '2026-01-31', '08:00', 'given');
  const injury = (id: string, residentId: string, origin: string, foundOn: string, stage: string, healedOn: string | null, voided = false) =>
    run(
      `INSERT INTO pressure_injuries (id, resident_id, site, origin, found_on, stage, risk_scale, risk_score, healed_on, request_id, created_at, created_by_id, created_by, voided_at, voided_by, void_reason)
       VALUES (?, ?, '骶尾部', ?, ?, ?, 'braden', 12, ?, ${VOIDABLE(id)}, ?, ?, ?)`,
      id, residentId, origin, foundOn, stage, healedOn, voided ? '2026-02-21T01:00:00.000Z' : null, voided ? '院长' : null, voided ? '重复登记' : null,
    );
  injury(ID('p1'), a, 'in_centre', '2026-01-25', 'stage1', '2026-02-14');
  injury(ID('p2'), b, 'in_centre', '2026-02-08', 'stage1', null);
  run(`INSERT INTO pressure_injury_reviews (id, injury_id, reviewed_on, stage, request_id, created_at, created_by_id, created_by) VALUES ('rv1', ?, '2026-02-22', 'stage2', 'rv1', '2026-02-22T01:00:00.000Z', 'u1', '院长')`, ID('p2'));
  run(`INSERT INTO pressure_injury_reviews (id, injury_id, reviewed_on, stage, request_id, created_at, created_by_id, created_by) VALUES ('rv2', ?, '2026-03-05', 'stage3', 'rv2', '2026-03-05T01:00:00.000Z', 'u1', '院长')`, ID('p2'));
  injury(ID('p3'), c, 'on_admission', '2026-02-03', 'stage2', null);
  injury(ID('p4'), c, 'in_centre', '2026-02-05', 'stage1', null, true);
  run(
    `INSERT INTO incidents (id, resident_id, type, medication_error, occurred_at, place, severity, description, action_taken, family_notified, notified_who, notified_at, hospital_transfer, status, reported_by_id, reported_by, request_id, created_at, created_by, updated_at, updated_by)
     VALUES ('00000000-0000-4000-8000-0000000000e1', ?, 'medication_error', 'double', '2026-02-09T01:00:00.000Z', '101室', 'moderate', '早上的降压药白班和夜班各给了一次', '测血压，通知医生观察', 1, '侄子张小明', '2026-02-09T02:00:00.000Z', 0, 'open', 'u2', '护理员小李', 'e1', ${STAMP})`,
    a,
  );
  packageFile = await exportAndImport(centre, county, '2026-02', usb);
});
afterAll(() => {
  centre?.close();
  county?.close();
});

describe('health and medicines in the package', () => {
  it('carries one health line per resident and the register, without drug names, results or sites', () => {
    const text = JSON.stringify(Object.values(unzipSync(new Uint8Array(fs.readFileSync(packageFile)))).map((f) => strFromU8(f, true)));
    expect(text).not.toContain('硝苯地平');
    expect(text).not.toContain('骶尾部');
    expect(text).not.toContain('血压偏高');
  });

  it('gives the county the figures counted by hand', async () => {
    const { centres } = await county.call('county.indicators', { period: '2026-02' });
    const f = centres[0].figures!;
    // 甲 had a check-up 2025-06-10 (within 12 months of 28 Feb); 乙's of 2025-02-27 is older; 丙's was voided.
    expect(f['checkup.covered']).toBe(1);
    expect(ratios(f).checkupCoverage).toBeCloseTo(1 / 3);
    expect(f['familyDoctor.signed']).toBe(1);
    expect(f['healthEntry.recorded']).toBe(1);
    // 甲's order runs on; 乙's was stopped on 20 February.
    expect(f['medication.residents']).toBe(1);
    // February: 甲 given twice (once late) + the corrected dose now refused; 乙 one held (31 January is not February).
    expect([f['doses.given'], f['doses.refused'], f['doses.held'], f['doses.late']]).toEqual([2, 1, 1, 1]);
    // Open at month end: 乙's (Ⅱ期 by the review of 22 February; the Ⅲ期 review is in March) and 丙's brought in;
    // 甲's healed on 14 February; the voided one is not reported.
    expect(f['pressureRegister.residents']).toBe(2);
    expect(f['pressureRegister.stage2plus']).toBe(2);
    expect(f['pressureRegister.inCentre']).toBe(1);
    expect(f['pressureRegister.newInCentre']).toBe(1);
    expect(f['health.unknown'] ?? 0).toBe(0);
    expect(f['incident.medication_error']).toBe(1);
    expect(f['medicationError.double']).toBe(1);
  });
});
