// The village register through the package to the county (format 3, issue 17), on real SQLite files through the real
// dispatchers: a township's February — five elders in two villages, visits, a follow-up, a special report, a death —
// exported by the centre, imported by the county, and read back per village with every figure counted by hand here.
// The package carries no name, ID number, phone or address of an elder.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { smallCentre } from '../helpers/centre';
import { exportAndImport, linkCentreToCounty } from '../helpers/county-link';
import { validIdNumber } from '../helpers/ids';
import { ITEMS } from '@shared/domain/assessment/items';

let centre: TestBackend;
let county: TestBackend;
const usb = tempDir('tc-usb-');
const fine = { problem: false, note: '' };
const findings = (over: Partial<In<'visits.record'>['findings']> = {}): In<'visits.record'>['findings'] => ({
  health: fine,
  mood: fine,
  safety: fine,
  house: fine,
  daily_care: fine,
  livelihood: fine,
  family: fine,
  needs: fine,
  ...over,
});
const at = (day: string) => `${day}T09:30:00+08:00`;

beforeAll(async () => {
  centre = await openTestBackend(); // clock: 2026-03-15
  await smallCentre(centre);
  county = await openTestBackend(tempDir(), { county: { code: '320102', name: '测试县' } });
  await linkCentreToCounty(centre, county);

  const east = (await centre.call('elders.saveVillage', { name: '东村', code: '320102001201' })).id;
  const west = (await centre.call('elders.saveVillage', { name: '西村' })).id;
  const elder = async (name: string, birth: string, seq: string, villageId: string, household: In<'elders.save'>['household'], categories: In<'elders.save'>['categories']) =>
    (await centre.call('elders.save', { name, idNumber: validIdNumber(birth, seq), villageId, household, categories, phone: '13900001111', address: `${name}家`, registeredOn: '2026-01-05' })).id;
  // A: 84, alone → 高 (weekly), 特殊困难. B: 低保 with children → 低 (quarterly). C: 66, alone → 中 (monthly), 特殊困难.
  // D: 分散供养特困 → 中, not 特殊困难. E: dies on 20 February.
  const a = await elder('甲奶奶', '1941-07-07', '456', east, 'alone', ['living_alone']);
  await elder('乙爷爷', '1960-01-01', '567', east, 'with_children', ['dibao']);
  const c = await elder('丙奶奶', '1960-02-02', '678', east, 'alone', ['living_alone']);
  const d = await elder('丁爷爷', '1955-03-03', '789', west, 'with_spouse', ['tekun_dispersed']);
  const e = await elder('戊奶奶', '1950-04-04', '890', west, 'alone', []);
  const visit = (elderId: string, kind: 'phone' | 'home', day: string, over: Partial<In<'visits.record'>> = {}) =>
    centre.call('visits.record', { requestId: randomUUID(), elderId, kind, visitedAt: at(day), findings: findings(), ...over });
  await visit(a, 'home', '2026-01-20');
  await visit(a, 'phone', '2026-02-03');
  await visit(a, 'home', '2026-02-24', { findings: findings({ safety: { problem: true, note: '电线老化' } }), followups: [{ kind: 'home_service', need: '请电工上门换线' }] });
  const toVoid = await visit(a, 'home', '2026-02-25');
  await centre.call('visits.void', { id: toVoid.id, reason: '记错了老人' });
  await visit(d, 'phone', '2026-02-10', { followups: [{ kind: 'doctor', need: '陪同去镇卫生院复查' }] });
  const doctor = (await centre.call('visits.followups', { status: 'open' })).find((f) => f.kind === 'doctor')!;
  await centre.call('visits.closeFollowup', { id: doctor.id, closedOn: '2026-03-15', result: '已复查，血压正常' });
  await centre.call('visits.reportSpecial', { elderId: c, foundAt: at('2026-02-26'), situation: '独居老人摔倒在家', actions: '送镇卫生院', reportedTo: '村委会、镇民政办', reportedAt: at('2026-02-26') });
  await centre.call('elders.setStatus', { elderId: e, status: 'died', on: '2026-02-20', note: '' });
  // D (分散供养特困) assessed at home in February; B (低保) never: half of the 特困/低保 elders in the township covered.
  const outside = (name: string) => ({ staffId: null, name, organisation: '县老年人能力评估中心' });
  const { id: assessment } = await centre.call('assessment.saveDraft', {
    elderId: d,
    reason: 'first',
    assessedOn: '2026-02-12',
    answers: Object.fromEntries(ITEMS.map((i) => [i.code, i.max])),
    assessor1: outside('李评估'),
    assessor2: outside('王评估'),
  });
  await centre.call('assessment.finalize', { id: assessment });
  // A 赡养协议 signed last year, and meal aid from today (March: not in February's figures).
  await centre.call('meals.saveDiner', { elderId: a, category: 'elderly' });
  await centre.call('elders.saveAgreement', { elderId: a, signedOn: '2025-06-01', parties: '甲奶奶的儿子', terms: '每月给付生活费', elderConsent: true });

  await exportAndImport(centre, county, '2026-02', usb);
}, 120_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

describe('the village register at the county', () => {
  it('counts each village: groups, levels, visit coverage, the monthly rate with and without calls, overdue, open follow-ups and reports', async () => {
    const table = await county.call('county.villages', { period: '2026-02' });
    expect(table.reported).toBe(1);
    expect(table.withoutRegister).toEqual([]);
    const [east, west] = table.rows;
    expect(east).toMatchObject({
      township: '测试镇',
      village: '东村',
      code: '320102001201',
      atHome: 3,
      byRisk: { high: 1, medium: 1, low: 1 },
      // A and C fell due in February (A weekly from 20 January, C monthly from registration); only A was visited.
      due: 2,
      dueVisited: 1,
      coverage: 0.5,
      // 特殊困难: A and C (独居). A had a call and a home visit (the voided one does not count); C none.
      hardship: 2,
      hardshipVisited: 1,
      hardshipVisitedHome: 1,
      rate: 0.5,
      rateHomeOnly: 0.5,
      // C: registered 5 January, monthly, never visited — overdue since 4 February.
      overdue: 1,
      openFollowups: 1,
      openSpecialReports: 1,
      mealAid: 0,
      agreements: 1,
      // 特困/低保/计生: B (低保), never assessed.
      assessmentCounted: 1,
      assessmentCurrent: 0,
      assessmentCoverage: 0,
    });
    expect(east.byGroup).toMatchObject({ living_alone: 2, over_80: 1, dibao: 1, tekun_dispersed: 0 });
    // West: D visited by phone on 10 February (due 4 February); E died on the 20th and is no longer counted at home.
    // D's follow-up was still open at the end of February (closed on 15 March).
    expect(west).toMatchObject({ village: '西村', code: null, atHome: 1, due: 1, dueVisited: 1, coverage: 1, hardship: 0, rate: null, overdue: 0, openFollowups: 1, openSpecialReports: 0, assessmentCounted: 1, assessmentCurrent: 1, assessmentCoverage: 1 });
  });

  it('carries no name, ID number, phone or address of an elder in the package', async () => {
    const file = fs.readdirSync(usb).find((f) => f.endsWith('.tcpkg'))!;
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(usb, file))));
    expect(Object.keys(zip)).toContain('payload.enc');
    const stored = await county.query<{ data: string }>("SELECT data FROM county_records WHERE section IN ('elders', 'villages', 'visits', 'followups', 'special_reports', 'home_assessments')");
    const text = stored.map((r) => r.data).join('\n');
    expect(stored.length).toBe(2 + 5 + 4 + 2 + 1 + 1);
    for (const secret of ['甲奶奶', validIdNumber('1941-07-07', '456'), '13900001111', '甲奶奶家', '电线老化', '独居老人摔倒']) expect(text).not.toContain(secret);
    expect(strFromU8(zip['manifest.json'])).toContain('"elders"');
  });

  it('puts the villages in the county workbook', async () => {
    const { base64 } = await county.call('county.exportExcel', { period: '2026-02' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('农村老人关爱')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const eastRow = rows.find((r) => r[1] === '东村')!;
    expect(eastRow.slice(0, 3)).toEqual(['测试镇', '东村', '3']);
    expect(eastRow).toContain('50.0%');
  });
});
