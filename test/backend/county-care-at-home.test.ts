// Care at home through the package to the county (format 4, issue 18), on real SQLite files through the real
// dispatchers: a township's February — services bought for two elders (one visit disputed at 回访 and complained about,
// one missed, one voided), a provider's settlement made in March, a 分散供养特困 agreement with its check, a mutual-aid
// pair and its activity, a 老年协会 activity — exported by the centre, imported by the county, and read back per
// village, item, provider and tier with every figure counted by hand here. The care records are written straight into
// the centre's database (the modules' own tests go through their services): this test is about the package and the
// county. Nothing of an elder's or a carer's name, notes or signatures travels.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';
import { smallCentre } from '../helpers/centre';
import { exportAndImport as exportAndImportMonth, linkCentreToCounty } from '../helpers/county-link';
import { validIdNumber } from '../helpers/ids';

let centre: TestBackend;
let county: TestBackend;
let packageFile = '';
const usb = tempDir('tc-usb-');
const STAMP = `'2026-01-05T01:00:00.000Z', '社工小周', '2026-01-05T01:00:00.000Z', '社工小周'`;
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [CLEANING, BATH, AGENCY, CENTRE_SERVICE, HELPER] = [ID(101), ID(102), ID(201), ID(202), ID(301)];

const exportAndImport = (period: string) => exportAndImportMonth(centre, county, period, usb);

beforeAll(async () => {
  centre = await openTestBackend(); // clock: 2026-03-15
  await smallCentre(centre);
  county = await openTestBackend(tempDir(), { county: { code: '320102', name: '测试县' } });
  await linkCentreToCounty(centre, county);

  const east = (await centre.call('elders.saveVillage', { name: '东村' })).id;
  const west = (await centre.call('elders.saveVillage', { name: '西村' })).id;
  const elder = async (name: string, birth: string, seq: string, villageId: string, categories: ('tekun_dispersed' | 'living_alone')[]) =>
    (await centre.call('elders.save', { name, idNumber: validIdNumber(birth, seq), villageId, household: 'alone', categories, phone: '', address: '', registeredOn: '2026-01-05' })).id;
  const a = await elder('甲奶奶', '1941-07-07', '456', east, ['tekun_dispersed']);
  const b = await elder('乙爷爷', '1950-01-01', '567', east, ['living_alone']);
  const c = await elder('丙奶奶', '1945-02-02', '678', west, ['living_alone']);

  const db = centre.database.sqlite;
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  run(`INSERT INTO home_service_items (id, name, category, unit, created_at, created_by, updated_at, updated_by) VALUES (?, '助洁', 'life_care', 'hour', ${STAMP})`, CLEANING);
  run(`INSERT INTO home_service_items (id, name, category, unit, created_at, created_by, updated_at, updated_by) VALUES (?, '助浴', 'life_care', 'visit', ${STAMP})`, BATH);
  run(`INSERT INTO home_service_providers (id, name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, '安康家政', 'organisation', ${STAMP})`, AGENCY);
  run(`INSERT INTO home_service_providers (id, name, kind, created_at, created_by, updated_at, updated_by) VALUES (?, '本院', 'centre', ${STAMP})`, CENTRE_SERVICE);
  const entitlement = (id: string, itemId: string, quota: number) =>
    run(`INSERT INTO home_service_entitlements (id, elder_id, item_id, monthly_quota, document_no, granted_on, valid_from, created_at, created_by, updated_at, updated_by)
      VALUES (?, ?, ?, ?, '某民〔2026〕1号', '2025-12-20', '2026-01-01', ${STAMP})`, id, a, itemId, quota);
  entitlement(ID(401), CLEANING, 480);
  entitlement(ID(402), BATH, 2);
  const visit = (id: string, elderId: string, providerId: string, day: string, start: string, end: string | null, items: [string, number][], extra: { missed?: string; voided?: boolean } = {}) => {
    run(
      `INSERT INTO home_service_visits (id, elder_id, provider_id, outcome, service_on, start_time, end_time, price_class, missed_reason, confirmation, slip_no, notes, request_id, created_at, created_by_id, created_by, voided_at, voided_by, void_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'tekun_dispersed', ?, ?, ?, '老人说谢谢', ?, ?, 'u1', '社工小周', ?, ?, ?)`,
      id, elderId, providerId, extra.missed ? 'missed' : 'done', day, start, end, extra.missed ?? null, extra.missed ? null : 'paper_slip', extra.missed ? null : `QR-${id.slice(-3)}`, id, `${day}T04:00:00.000Z`,
      extra.voided ? `${day}T06:00:00.000Z` : null, extra.voided ? '社工小周' : null, extra.voided ? '录错了' : null,
    );
    for (const [itemId, quantity] of items) run('INSERT INTO home_service_visit_items (visit_id, item_id, quantity) VALUES (?, ?, ?)', id, itemId, quantity);
  };
  visit(ID(501), a, AGENCY, '2026-02-03', '09:00', '11:00', [[CLEANING, 120]]);
  visit(ID(502), a, AGENCY, '2026-02-10', '09:00', '11:00', [[CLEANING, 120], [BATH, 1]]);
  visit(ID(503), a, AGENCY, '2026-02-17', '09:00', null, [], { missed: '老人住院' });
  visit(ID(504), b, CENTRE_SERVICE, '2026-02-05', '15:00', '16:00', [[CLEANING, 60]]);
  visit(ID(505), b, CENTRE_SERVICE, '2026-02-06', '15:00', '16:00', [[CLEANING, 60]], { voided: true });
  run(`INSERT INTO home_service_checks (id, visit_id, kind, checked_on, checker, outcome, note, created_at, created_by) VALUES (?, ?, 'phone', '2026-02-20', '社工小周', 'disputed', '老人说只来了半小时', '2026-02-20T02:00:00.000Z', '社工小周')`, ID(601), ID(502));
  run(`INSERT INTO home_service_complaints (id, visit_id, received_on, from_whom, complaint, created_at, created_by, updated_at, updated_by) VALUES (?, ?, '2026-02-21', '甲奶奶的女儿', '服务时间不足', ${STAMP})`, ID(602), ID(502));
  // February settled on 2 March: one visit paid (100 元, 特困 fully subsidised), the disputed one (130 元) not paid.
  run(`INSERT INTO home_service_settlements (id, provider_id, month, visits, disputed, amount_fen, disputed_fen, subsidy_fen, personal_fen, lines, request_id, created_at, created_by_id, created_by)
    VALUES (?, ?, '2026-02', 1, 1, 10000, 13000, 10000, 0, '[]', 's1', '2026-03-02T02:00:00.000Z', 'u1', '社工小周')`, ID(701), AGENCY);
  run(`INSERT INTO entrusted_care_agreements (id, elder_id, carer_kind, carer_name, carer_phone, parties, tier, care_tier, tier_document_no, tier_decided_on, monthly_subsidy_fen, signed_on, elder_consent, from_on, created_at, created_by, updated_at, updated_by)
    VALUES (?, ?, 'relative', '甲奶奶的侄女', '13900001234', '村委会、代养人、老人', 'partly_lost', 2, '某民〔2025〕9号', '2025-12-01', 30000, '2025-12-28', 1, '2026-01-01', ${STAMP})`, ID(801), a);
  run(`INSERT INTO entrusted_care_checks (id, agreement_id, elder_id, month, checked_on, kind, delivered, carer_rating, findings, checker, request_id, created_at, created_by_id, created_by)
    VALUES (?, ?, ?, '2026-02', '2026-02-12', 'home', 'partly', 'poor', '被褥没有换洗', '社工小周', 'k1', '2026-02-12T02:00:00.000Z', 'u1', '社工小周')`, ID(802), ID(801), a);
  run(`INSERT INTO visit_helpers (id, name, kind, phone, village_id, elder_id, created_at, created_by, updated_at, updated_by) VALUES (?, '丙奶奶', 'young_elder', '13900005678', ?, ?, ${STAMP})`, HELPER, west, c);
  run(`INSERT INTO aid_pairs (id, helper_id, elder_id, since, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, '2026-01-10', ${STAMP})`, ID(901), HELPER, b);
  const activity = (id: string, day: string, minutes: number, voided: boolean) =>
    run(`INSERT INTO aid_activities (id, helper_id, elder_id, pair_id, kind, done_on, minutes, note, request_id, created_at, created_by_id, created_by, voided_at, voided_by, void_reason)
      VALUES (?, ?, ?, ?, 'company', ?, ?, '陪着聊天', ?, ?, 'u1', '社工小周', ?, ?, ?)`, id, HELPER, b, ID(901), day, minutes, id, `${day}T08:00:00.000Z`, voided ? `${day}T09:00:00.000Z` : null, voided ? '社工小周' : null, voided ? '记重了' : null);
  activity(ID(902), '2026-02-08', 90, false);
  activity(ID(903), '2026-02-09', 60, true);
  run(`INSERT INTO association_activities (id, village_id, held_on, title, place, created_at, created_by, updated_at, updated_by) VALUES (?, ?, '2026-02-14', '元宵猜灯谜', '村活动室', ${STAMP})`, ID(1001), west);
  for (const [n, who] of [[1002, { elder: a }], [1003, { helper: HELPER }]] as const)
    run(`INSERT INTO association_attendance (id, activity_id, elder_id, helper_id, created_at, created_by) VALUES (?, ?, ?, ?, '2026-02-14T06:00:00.000Z', '社工小周')`, ID(n), ID(1001), 'elder' in who ? who.elder : null, 'helper' in who ? who.helper : null);

  packageFile = await exportAndImport('2026-02');
}, 120_000);
afterAll(async () => {
  await centre.close();
  await county.close();
});

describe('care at home at the county', () => {
  it('counts each village: elders served, visits done and missed, hours, disputed, complaints, entrusted care checked, mutual aid', async () => {
    const table = await county.call('county.careAtHome', { period: '2026-02' });
    expect(table.reported).toBe(1);
    expect(table.withoutCare).toEqual([]);
    expect(table.villages.map((v) => v.village)).toEqual(['东村', '西村']);
    const [east, west] = table.villages;
    expect(east).toMatchObject({
      township: '测试镇',
      // 甲 and 乙; the voided visit of 乙 does not count, the missed one of 甲 counts as missed.
      servedElders: 2,
      visitsDone: 3,
      visitsMissed: 1,
      serviceMinutes: 120 + 120 + 60,
      disputed: 1,
      complaints: 1,
      overQuota: 0,
      entrusted: 1,
      entrustedChecked: 1,
      // 丙 (a 低龄老人 helper from 西村) keeps 乙 of 东村 company: the pair and its hours count where the elder lives.
      pairs: 1,
      helpers: 1,
      aidActivities: 1,
      aidMinutes: 90,
      associationActivities: 0,
    });
    expect(west).toMatchObject({ servedElders: 0, visitsDone: 0, entrusted: 0, pairs: 0, associationActivities: 1, attendance: 2 });
  });

  it('counts each item against the entitlements, each provider with the settlement made in March, and the 分散供养特困 by tier', async () => {
    const table = await county.call('county.careAtHome', { period: '2026-02' });
    expect(table.items.map(({ item, unit, visits, quantity, entitledElders, quota, used }) => ({ item, unit, visits, quantity, entitledElders, quota, used }))).toEqual([
      { item: '助洁', unit: 'hour', visits: 3, quantity: 300, entitledElders: 1, quota: 480, used: 240 },
      { item: '助浴', unit: 'visit', visits: 1, quantity: 1, entitledElders: 1, quota: 2, used: 1 },
    ]);
    const providers = Object.fromEntries(table.providers.map((p) => [p.provider, p]));
    expect(providers['安康家政']).toMatchObject({ kind: 'organisation', visitsDone: 2, visitsMissed: 1, disputed: 1 });
    expect(providers['安康家政'].settlement).toEqual({ visits: 1, disputed: 1, amountFen: 10000, disputedFen: 13000, subsidyFen: 10000, personalFen: 0, settledOn: '2026-03-02' });
    expect(providers['本院']).toMatchObject({ kind: 'centre', visitsDone: 1, visitsMissed: 0, settlement: null });
    expect(table.tiers.map(({ tier, agreements, checked, notDelivered, poorCarer, subsidyFen }) => ({ tier, agreements, checked, notDelivered, poorCarer, subsidyFen }))).toEqual([
      { tier: 'fully_lost', agreements: 0, checked: 0, notDelivered: 0, poorCarer: 0, subsidyFen: 0 },
      { tier: 'partly_lost', agreements: 1, checked: 1, notDelivered: 0, poorCarer: 1, subsidyFen: 30000 },
      { tier: 'self_sufficient', agreements: 0, checked: 0, notDelivered: 0, poorCarer: 0, subsidyFen: 0 },
    ]);
  });

  it('names a township that reported a month with nothing of care at home', async () => {
    const table = await county.call('county.careAtHome', { period: '2026-01' });
    expect(table.reported).toBe(0);
    await exportAndImport('2026-01');
    const january = await county.call('county.careAtHome', { period: '2026-01' });
    // January had the entitlements, the agreement and the pair in force, so it is not empty — but no visit.
    expect(january.withoutCare).toEqual([]);
    expect(january.villages.find((v) => v.village === '东村')).toMatchObject({ visitsDone: 0, entrusted: 1, entrustedChecked: 0, pairs: 1 });
  });

  it('carries no name, phone, note, signature or slip number of the care records', async () => {
    const zip = unzipSync(new Uint8Array(fs.readFileSync(packageFile)));
    expect(strFromU8(zip['manifest.json'])).toContain('"home_service_visits"');
    const stored = await county.query<{ data: string }>(
      "SELECT data FROM county_records WHERE period = '2026-02' AND (section LIKE 'home_service_%' OR section LIKE 'entrusted_%' OR section LIKE 'aid_%' OR section = 'association_activities')",
    );
    // 2 items, 2 providers, 2 entitlements, 5 visits, 1 settlement, 1 agreement, 1 check, 1 helper, 1 pair, 2 activities, 1 association activity
    expect(stored.length).toBe(2 + 2 + 2 + 5 + 1 + 1 + 1 + 1 + 1 + 2 + 1);
    const text = stored.map((r) => r.data).join('\n');
    expect(text).toContain('助洁'); // the catalogue travels, so the county can name items
    for (const secret of ['甲奶奶', '侄女', '13900001234', '13900005678', '老人说谢谢', '被褥没有换洗', '陪着聊天', 'QR-', '只来了半小时', '服务时间不足', '元宵猜灯谜', '某民']) expect(text).not.toContain(secret);
  });

  it('puts care at home in the county workbook: by village, by item, by provider with its settlement, by tier', async () => {
    const { base64 } = await county.call('county.exportExcel', { period: '2026-02' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const rowsOf = (name: string) => {
      const rows: string[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    expect(rowsOf('居家与互助').find((r) => r[1] === '东村')).toEqual(['测试镇', '东村', '2', '3', '1', '5.0', '1', '1', '0', '1', '1', '1', '1', '1', '1.5', '0', '0']);
    expect(rowsOf('服务项目').find((r) => r[1] === '助洁')).toEqual(['测试镇', '助洁', '小时', '3', '5.0 小时', '1', '8.0 小时', '4.0 小时', '50.0%']);
    expect(rowsOf('服务机构结算').find((r) => r[1] === '安康家政')).toEqual(['测试镇', '安康家政', '服务机构', '2', '1', '1', '2026-03-02', '1', '100.00', '130.00', '100.00', '0.00']);
    expect(rowsOf('分散供养照料').find((r) => r[1] === '部分丧失生活自理能力')).toEqual(['测试镇', '部分丧失生活自理能力', '1', '1', '0', '1', '300.00']);
  });
});
