// The homecare setup part through the real dispatcher on a real SQLite file: the catalogue (a unit that cannot change
// once used, retiring), dated prices and subsidy per price class (the one in force, a price that would reprice a
// settled month refused), entitlements (hours typed as minutes, only for elders at home, no two of an item in force on
// one day, ended with a reason; once used, its item, quota and start stay), providers and their workers (one 本院, retiring refused while plans run), recurring
// plans (a worker of another provider, a retired item or worker, an elder not at home refused; an item without an
// entitlement marked), and who may do what. Every refusal names the problem in Chinese and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import type { ElderCategory } from '@shared/domain/elders/vocab';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let keeper: Session;
let carer: Session;
let village: string;
let serial = 300;

async function addElder(name: string, birthDate: string, categories: ElderCategory[]) {
  serial += 1;
  const { id } = await b.call('elders.save', {
    name,
    idNumber: validIdNumber(birthDate, String(serial)),
    villageId: village,
    address: `${name}家`,
    phone: '13900000000',
    categories,
    registeredOn: '2026-01-05',
  });
  return id;
}

const TABLES = ['home_service_items', 'home_service_prices', 'home_service_entitlements', 'home_service_providers', 'home_service_workers', 'home_service_plans', 'audit_log'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, b.count(t)]));

/** Calls a write that must be refused: its code, its Chinese message, and nothing written. */
async function refused<M extends Parameters<TestBackend['raw']>[0]>(method: M, input: In<M>, code: string, message: RegExp, session?: Session) {
  const before = counts();
  const snapshot = b.database.sqlite.prepare('SELECT count(*) AS n, max(updated_at) AS u FROM home_service_plans').get();
  const result = await b.raw(method, input, session);
  expect(result.ok).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.error?.message).toMatch(message);
  expect(counts()).toEqual(before);
  expect(b.database.sqlite.prepare('SELECT count(*) AS n, max(updated_at) AS u FROM home_service_plans').get()).toEqual(snapshot);
  return result.error!;
}

async function catalogue() {
  const clean = (await b.call('homecare.saveItem', { name: '助洁', category: 'life_care', unit: 'hour' }, keeper)).id;
  const bath = (await b.call('homecare.saveItem', { name: '助浴', category: 'life_care', unit: 'visit' }, keeper)).id;
  const hair = (await b.call('homecare.saveItem', { name: '理发', category: 'life_care', unit: 'visit' }, keeper)).id;
  return { clean, bath, hair };
}

async function providers() {
  const centre = (await b.call('homecare.saveProvider', { name: '柳湾镇敬老院', kind: 'centre' }, keeper)).id;
  const org = (await b.call('homecare.saveProvider', { name: '康乐家政服务社', kind: 'organisation', contactName: '刘经理', phone: '13700000001', contractNo: 'GM-2026-01', contractFrom: '2026-01-01', contractTo: '2026-12-31' }, keeper)).id;
  const wang = (await b.call('homecare.saveWorker', { providerId: centre, name: '王护理员', phone: '13700000002' }, keeper)).id;
  const liu = (await b.call('homecare.saveWorker', { providerId: org, name: '刘阿姨' }, keeper)).id;
  return { centre, org, wang, liu };
}

beforeEach(async () => {
  b = await openTestBackend();
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  village = (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
});
afterEach(async () => b.close());

describe('the catalogue', () => {
  it('lists items by category and name, retires them, and refuses a second item of the same name', async () => {
    const items = await catalogue();
    const rows = await b.call('homecare.items', {}, carer);
    expect(rows.map((r) => [r.name, r.unit, r.retired])).toEqual([
      ['理发', 'visit', false],
      ['助洁', 'hour', false],
      ['助浴', 'visit', false],
    ]);
    await refused('homecare.saveItem', { name: '助浴', category: 'life_care', unit: 'visit' }, 'CONFLICT', /已有名为「助浴」的服务项目/, keeper);
    await b.call('homecare.saveItem', { id: items.hair, name: '理发', category: 'life_care', unit: 'visit', retired: true }, keeper);
    expect((await b.call('homecare.items', {}, carer)).map((r) => r.name)).toEqual(['助洁', '助浴']);
    expect((await b.call('homecare.items', { includeRetired: true }, carer)).find((r) => r.name === '理发')?.retired).toBe(true);
  });

  it('refuses changing the unit of an item already priced', async () => {
    const items = await catalogue();
    await b.call('homecare.savePrice', { itemId: items.clean, priceClass: 'ordinary', effectiveFrom: '2026-01-01', priceFen: 3000, subsidyFen: 0 }, keeper);
    await refused('homecare.saveItem', { id: items.clean, name: '助洁', category: 'life_care', unit: 'visit' }, 'CONFLICT', /已有1 条价格，不能把计量单位从「小时」改为「次」/, keeper);
  });

  it('lets readers read and only keepers write', async () => {
    await refused('homecare.saveItem', { name: '助行', category: 'life_care', unit: 'hour' }, 'FORBIDDEN', /./, carer);
    expect(await b.call('homecare.items', {}, carer)).toEqual([]);
  });
});

describe('prices', () => {
  it('keeps dated prices per price class and marks the one in force', async () => {
    const items = await catalogue();
    await b.call('homecare.savePrice', { itemId: items.clean, priceClass: 'tekun_dispersed', effectiveFrom: '2026-01-01', priceFen: 3000, subsidyFen: 3000 }, keeper);
    await b.call('homecare.savePrice', { itemId: items.clean, priceClass: 'tekun_dispersed', effectiveFrom: '2026-04-01', priceFen: 3500, subsidyFen: 3500 }, keeper);
    await b.call('homecare.savePrice', { itemId: items.clean, priceClass: 'over_80', effectiveFrom: '2026-01-01', priceFen: 3000, subsidyFen: 1500 }, keeper);
    const rows = await b.call('homecare.prices', { onDate: '2026-03-15' }, carer);
    expect(rows.map((r) => [r.item, r.priceClass, r.effectiveFrom, r.priceFen, r.subsidyFen, r.personalFen, r.current])).toEqual([
      ['助洁', 'tekun_dispersed', '2026-04-01', 3500, 3500, 0, false],
      ['助洁', 'tekun_dispersed', '2026-01-01', 3000, 3000, 0, true],
      ['助洁', 'over_80', '2026-01-01', 3000, 1500, 1500, true],
    ]);
    // The same slot again changes that row, it does not add one.
    await b.call('homecare.savePrice', { itemId: items.clean, priceClass: 'over_80', effectiveFrom: '2026-01-01', priceFen: 3200, subsidyFen: 1600 }, keeper);
    expect(b.count('home_service_prices')).toBe(3);
    expect((await b.call('homecare.items', {}, carer)).find((i) => i.name === '助洁')?.pricedClasses).toBe(2);
  });

  it('refuses a subsidy above the price, a retired item, and a price that would reprice a settled month', async () => {
    const items = await catalogue();
    const { org } = await providers();
    await refused('homecare.savePrice', { itemId: items.bath, priceClass: 'dibao', effectiveFrom: '2026-04-01', priceFen: 2000, subsidyFen: 2500 }, 'INVALID_INPUT', /「助浴」低保的补贴（25.00 元）不能高于价格（20.00 元）/, keeper);
    await b.call('homecare.saveItem', { id: items.hair, name: '理发', category: 'life_care', unit: 'visit', retired: true }, keeper);
    await refused('homecare.savePrice', { itemId: items.hair, priceClass: 'dibao', effectiveFrom: '2026-04-01', priceFen: 1000, subsidyFen: 500 }, 'CONFLICT', /服务项目「理发」已停用/, keeper);

    const settle = (month: string, voided = false) =>
      b.database.sqlite
        .prepare(
          `INSERT INTO home_service_settlements (id, provider_id, month, visits, disputed, amount_fen, disputed_fen, subsidy_fen, personal_fen, lines, request_id, created_at, created_by_id, created_by, voided_at, voided_by, void_reason)
           VALUES (?, ?, ?, 0, 0, 0, 0, 0, 0, '[]', ?, '2026-03-01T00:00:00.000Z', 'x', '王院长', ?, ?, ?)`,
        )
        .run(randomUUID(), org, month, randomUUID(), voided ? '2026-03-02T00:00:00.000Z' : null, voided ? '王院长' : null, voided ? '算错了' : null);
    settle('2026-01');
    settle('2026-02');
    settle('2026-03', true); // voided: March may be repriced
    const error = await refused('homecare.savePrice', { itemId: items.bath, priceClass: 'dibao', effectiveFrom: '2026-01-20', priceFen: 2000, subsidyFen: 1500 }, 'CONFLICT', /2026年2月已结算（康乐家政服务社）.*新价格最早从 2026-03-01 起执行/, keeper);
    expect(error.field).toBe('effectiveFrom');
    await refused('homecare.savePrice', { itemId: items.bath, priceClass: 'dibao', effectiveFrom: '2026-02-28', priceFen: 2000, subsidyFen: 1500 }, 'CONFLICT', /2026年2月已结算/, keeper);
    await b.call('homecare.savePrice', { itemId: items.bath, priceClass: 'dibao', effectiveFrom: '2026-03-01', priceFen: 2000, subsidyFen: 1500 }, keeper);
    expect(b.count('home_service_prices')).toBe(1);
  });
});

describe('entitlements', () => {
  it('grants a monthly quota in the item unit for an elder at home, lists it by elder, village and day, and ends it', async () => {
    const items = await catalogue();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    const li = await addElder('李奶奶', '1950-02-02', ['dibao']);
    const { id } = await b.call('homecare.saveEntitlement', { elderId: zhang, itemId: items.clean, monthlyQuota: 480, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: '2026-12-31' }, keeper);
    await b.call('homecare.saveEntitlement', { elderId: zhang, itemId: items.bath, monthlyQuota: 2, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: null }, keeper);
    await b.call('homecare.saveEntitlement', { elderId: li, itemId: items.bath, monthlyQuota: 1, documentNo: '清民〔2026〕13号', grantedOn: '2026-03-20', validFrom: '2026-04-01', validTo: null }, keeper);

    const all = await b.call('homecare.entitlements', {}, carer);
    expect(all.map((e) => [e.elder, e.item, e.unit, e.monthlyQuota, e.active])).toEqual([
      ['张大爷', '助洁', 'hour', 480, true],
      ['张大爷', '助浴', 'visit', 2, true],
      ['李奶奶', '助浴', 'visit', 1, false],
    ]);
    expect((await b.call('homecare.entitlements', { elderId: li }, carer)).length).toBe(1);
    expect((await b.call('homecare.entitlements', { villageId: village, activeOn: '2026-03-15' }, carer)).length).toBe(2);
    expect((await b.call('homecare.entitlements', { activeOn: '2026-04-01' }, carer)).length).toBe(3);
    expect((await b.call('homecare.entitlements', { query: '13号' }, carer)).map((e) => e.elder)).toEqual(['李奶奶']);

    await b.call('homecare.endEntitlement', { id, endedOn: '2026-03-31', reason: '县民政局复核，改为每月4小时' }, keeper);
    expect((await b.call('homecare.entitlements', { activeOn: '2026-03-31' }, carer)).length).toBe(2);
    expect((await b.call('homecare.entitlements', { activeOn: '2026-04-01' }, carer)).map((e) => e.item)).toEqual(['助浴', '助浴']);
    // A new one from the day after the end does not overlap.
    await b.call('homecare.saveEntitlement', { elderId: zhang, itemId: items.clean, monthlyQuota: 240, documentNo: '清民〔2026〕30号', grantedOn: '2026-03-25', validFrom: '2026-04-01', validTo: null }, keeper);
    const audit = b.database.sqlite.prepare("SELECT action, after FROM audit_log WHERE entity = 'homeServiceEntitlements' ORDER BY at, rowid").all() as { action: string; after: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'create', 'close', 'create']);
  });

  it('refuses an elder not at home, an overlapping entitlement of the same item, a period ending before it starts, a retired item, and changing an ended one', async () => {
    const items = await catalogue();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    const zhao = await addElder('赵大爷', '1938-05-01', []);
    await b.call('elders.setStatus', { elderId: zhao, status: 'died', on: '2026-03-01' });
    const grant = (over: Partial<In<'homecare.saveEntitlement'>> = {}): In<'homecare.saveEntitlement'> => ({ elderId: zhang, itemId: items.clean, monthlyQuota: 480, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: '2026-06-30', ...over });

    await refused('homecare.saveEntitlement', grant({ elderId: zhao }), 'CONFLICT', /赵大爷已去世（2026-03-01），不在家居住，不能登记居家服务享受额度/, keeper);
    const { id } = await b.call('homecare.saveEntitlement', grant(), keeper);
    const overlap = await refused('homecare.saveEntitlement', grant({ documentNo: '清民〔2026〕20号', validFrom: '2026-06-01', validTo: null }), 'CONFLICT', /张大爷已有「助洁」的享受额度（清民〔2026〕12号，2026-02-01 至 2026-06-30），与 2026-06-01 至 长期 重叠/, keeper);
    expect(overlap.field).toBe('validFrom');
    await b.call('homecare.saveEntitlement', grant({ itemId: items.bath, monthlyQuota: 2 }), keeper); // another item: fine
    await refused('homecare.saveEntitlement', grant({ itemId: items.hair, validFrom: '2026-05-01', validTo: '2026-04-01' }), 'INVALID_INPUT', /有效期结束日期不能早于开始日期/, keeper);
    await b.call('homecare.saveItem', { id: items.hair, name: '理发', category: 'life_care', unit: 'visit', retired: true }, keeper);
    await refused('homecare.saveEntitlement', grant({ itemId: items.hair }), 'CONFLICT', /服务项目「理发」已停用/, keeper);
    await refused('homecare.saveEntitlement', grant({ monthlyQuota: 0 }), 'INVALID_INPUT', /每月额度不能小于1/, keeper);
    await refused('homecare.endEntitlement', { id, endedOn: '2026-01-31', reason: '复核' }, 'INVALID_INPUT', /终止日期不能早于有效期开始日期 2026-02-01/, keeper);
    await b.call('homecare.endEntitlement', { id, endedOn: '2026-03-31', reason: '复核' }, keeper);
    await refused('homecare.endEntitlement', { id, endedOn: '2026-04-30', reason: '复核' }, 'CONFLICT', /已于 2026-03-31 终止/, keeper);
    await refused('homecare.saveEntitlement', grant({ id, monthlyQuota: 600 }), 'CONFLICT', /已于 2026-03-31 终止，不能再修改/, keeper);
    // Ended on 03-31: an overlapping one from 03-15 is still refused, one from 04-01 is not.
    await refused('homecare.saveEntitlement', grant({ validFrom: '2026-03-15', validTo: null }), 'CONFLICT', /2026-02-01 至 2026-03-31/, keeper);
    await refused('homecare.saveEntitlement', grant({ monthlyQuota: 240 }), 'FORBIDDEN', /./, carer);
  });

  it('keeps an entitlement already used as the months counted it: item, quota and start stay, and it cannot end before its last use', async () => {
    const items = await catalogue();
    const { org, liu } = await providers();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    const grant = { elderId: zhang, itemId: items.clean, monthlyQuota: 480, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: null };
    const { id } = await b.call('homecare.saveEntitlement', grant, keeper);
    // Not yet used: anything may still be corrected.
    await b.call('homecare.saveEntitlement', { ...grant, id, monthlyQuota: 420 }, keeper);
    await b.call('homecare.recordVisit', { requestId: randomUUID(), elderId: zhang, providerId: org, workerId: liu, serviceOn: '2026-03-10', startTime: '09:00', endTime: '10:00', items: [{ itemId: items.clean, quantity: 60 }], confirmation: { kind: 'paper_slip', slipNo: 'QR-1' } }, keeper);
    const used = { ...grant, id, monthlyQuota: 420 };
    const quota = await refused('homecare.saveEntitlement', { ...used, monthlyQuota: 600 }, 'CONFLICT', /这份「助洁」额度已经用过（最近一次服务在 2026-03-10），改每月额度会改动以前月份的数字；请终止这份额度并写明原因，再从新的日期起另登记一份/, keeper);
    expect(quota.field).toBe('monthlyQuota');
    await refused('homecare.saveEntitlement', { ...used, validFrom: '2026-03-01' }, 'CONFLICT', /改开始日期会改动以前月份的数字/, keeper);
    await refused('homecare.saveEntitlement', { ...used, validTo: '2026-03-09' }, 'CONFLICT', /这份额度在 2026-03-10 还用过，有效期不能在那天之前结束/, keeper);
    // The document number, a note and an end after the last use are still corrections.
    await b.call('homecare.saveEntitlement', { ...used, documentNo: '清民〔2026〕12号（复印件）', validTo: '2026-12-31', note: '县里补发文件' }, keeper);
    const [row] = await b.call('homecare.entitlements', { elderId: zhang }, keeper);
    expect(row).toMatchObject({ monthlyQuota: 420, validFrom: '2026-02-01', validTo: '2026-12-31', documentNo: '清民〔2026〕12号（复印件）' });
    // Ending it before its last use would take March's quota away (the 03-10 visit would turn over the entitlement).
    const end = await refused('homecare.endEntitlement', { id, endedOn: '2026-02-20', reason: '复核' }, 'CONFLICT', /这份额度在 2026-03-10 还用过，终止日期（2026-02-20）不能在那天之前/, keeper);
    expect(end.field).toBe('endedOn');
    expect((await b.call('homecare.elderMonth', { elderId: zhang, month: '2026-03' }, keeper)).quota.map((q) => [q.name, q.quota, q.used])).toEqual([['助洁', 420, 60]]);
    await b.call('homecare.endEntitlement', { id, endedOn: '2026-03-10', reason: '老人搬去女儿家住' }, keeper);
  });
});

describe('providers and workers', () => {
  it('lists providers with their workers, the centre first, and a passed contract marked', async () => {
    const p = await providers();
    const staffId = (await b.call('staff.save', { name: '王护理员', role: 'caregiver', hireDate: '2025-01-01' })).id;
    await b.call('homecare.saveWorker', { id: p.wang, providerId: p.centre, name: '王护理员', phone: '13700000002', staffId }, keeper);
    await b.call('homecare.saveProvider', { name: '夕阳红服务中心', kind: 'organisation', contractFrom: '2025-01-01', contractTo: '2025-12-31' }, keeper);
    const rows = await b.call('homecare.providers', {}, carer);
    expect(rows.map((r) => [r.name, r.kind, r.contractEnded, r.workers.map((w) => `${w.name}${w.staffName ? '=本院' : ''}`)])).toEqual([
      ['柳湾镇敬老院', 'centre', false, ['王护理员=本院']],
      ['康乐家政服务社', 'organisation', false, ['刘阿姨']],
      ['夕阳红服务中心', 'organisation', true, []],
    ]);
  });

  it('refuses a second 本院, a duplicate name, a contract ending before it starts, moving a worker, a worker of a retired provider, and retiring while plans run', async () => {
    const p = await providers();
    const items = await catalogue();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    await refused('homecare.saveProvider', { name: '本院上门服务队', kind: 'centre' }, 'CONFLICT', /「柳湾镇敬老院」已是本院的服务机构，本院只能有一个/, keeper);
    await refused('homecare.saveProvider', { name: '康乐家政服务社', kind: 'organisation' }, 'CONFLICT', /已有名为「康乐家政服务社」的服务机构/, keeper);
    await refused('homecare.saveProvider', { name: '新机构', kind: 'organisation', contractFrom: '2026-05-01', contractTo: '2026-04-01' }, 'INVALID_INPUT', /合同结束日期不能早于开始日期/, keeper);
    await refused('homecare.saveWorker', { id: p.liu, providerId: p.centre, name: '刘阿姨' }, 'INVALID_INPUT', /不能转到另一家机构/, keeper);

    const plan = (await b.call('homecare.savePlan', { elderId: zhang, providerId: p.org, workerId: p.liu, itemIds: [items.clean], weekdays: [2], everyWeeks: 1, startTime: '09:00', minutes: 120, fromOn: '2026-03-01', toOn: null }, keeper)).id;
    await refused('homecare.saveProvider', { id: p.org, name: '康乐家政服务社', kind: 'organisation', retired: true }, 'CONFLICT', /还有 1 个服务计划在执行/, keeper);
    await refused('homecare.saveWorker', { id: p.liu, providerId: p.org, name: '刘阿姨', retired: true }, 'CONFLICT', /刘阿姨还有 1 个服务计划在执行/, keeper);
    await refused('homecare.saveItem', { id: items.clean, name: '助洁', category: 'life_care', unit: 'hour', retired: true }, 'CONFLICT', /还有 1 个服务计划包含「助洁」/, keeper);
    await b.call('homecare.endPlan', { id: plan, endedOn: '2026-03-14', reason: '老人搬去女儿家住' }, keeper);
    const grant = (await b.call('homecare.saveEntitlement', { elderId: zhang, itemId: items.clean, monthlyQuota: 240, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: null }, keeper)).id;
    await refused('homecare.saveItem', { id: items.clean, name: '助洁', category: 'life_care', unit: 'hour', retired: true }, 'CONFLICT', /还有 1 位老人享有「助洁」的有效额度，请先终止这些享受额度再停用/, keeper);
    await b.call('homecare.endEntitlement', { id: grant, endedOn: '2026-03-14', reason: '老人搬去女儿家住' }, keeper);
    await b.call('homecare.saveItem', { id: items.clean, name: '助洁', category: 'life_care', unit: 'hour', retired: true }, keeper);
    await b.call('homecare.saveProvider', { id: p.org, name: '康乐家政服务社', kind: 'organisation', retired: true }, keeper);
    await refused('homecare.saveWorker', { providerId: p.org, name: '张阿姨' }, 'CONFLICT', /服务机构「康乐家政服务社」已停用/, keeper);
    expect((await b.call('homecare.providers', {}, carer)).map((r) => r.name)).toEqual(['柳湾镇敬老院']);
  });
});

describe('plans', () => {
  it('keeps a weekly plan, marks an item without an entitlement, and ends it with a reason', async () => {
    const p = await providers();
    const items = await catalogue();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    await b.call('homecare.saveEntitlement', { elderId: zhang, itemId: items.clean, monthlyQuota: 480, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: null }, keeper);
    const { id } = await b.call(
      'homecare.savePlan',
      { elderId: zhang, providerId: p.centre, workerId: p.wang, itemIds: [items.clean, items.bath, items.clean], weekdays: [4, 2, 2], everyWeeks: 2, startTime: '09:30', minutes: 90, fromOn: '2026-03-02', toOn: null },
      keeper,
    );
    const [row] = await b.call('homecare.plans', {}, carer);
    expect(row).toMatchObject({ elder: '张大爷', village: '东村', provider: '柳湾镇敬老院', worker: '王护理员', weekdays: [2, 4], everyWeeks: 2, startTime: '09:30', minutes: 90, active: true });
    expect(row.items.map((i) => [i.name, i.entitled])).toEqual([
      ['助洁', true],
      ['助浴', false],
    ]);
    expect(JSON.parse((b.database.sqlite.prepare('SELECT item_ids FROM home_service_plans').get() as { item_ids: string }).item_ids)).toEqual([items.clean, items.bath]);
    expect(await b.call('homecare.plans', { query: '康乐' }, carer)).toEqual([]);
    expect((await b.call('homecare.plans', { query: '王护理' }, carer)).length).toBe(1);

    await b.call('homecare.endPlan', { id, endedOn: '2026-03-10', reason: '老人住院' }, keeper);
    expect(await b.call('homecare.plans', {}, carer)).toEqual([]);
    const [ended] = await b.call('homecare.plans', { includeEnded: true, elderId: zhang }, carer);
    expect([ended.endedOn, ended.endReason, ended.active]).toEqual(['2026-03-10', '老人住院', false]);
  });

  it('refuses a worker of another provider, a retired worker, provider or item, a provider whose contract ended before the plan starts, an elder not at home, an end before the start, and changing an ended plan', async () => {
    const p = await providers();
    const items = await catalogue();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    const qian = await addElder('钱奶奶', '1939-05-01', []);
    await b.call('elders.setStatus', { elderId: qian, status: 'moved_away', on: '2026-03-01' });
    const plan = (over: Partial<In<'homecare.savePlan'>> = {}): In<'homecare.savePlan'> => ({ elderId: zhang, providerId: p.centre, workerId: p.wang, itemIds: [items.clean], weekdays: [2], everyWeeks: 1, startTime: '09:00', minutes: 60, fromOn: '2026-03-02', toOn: null, ...over });

    const other = await refused('homecare.savePlan', plan({ workerId: p.liu }), 'CONFLICT', /刘阿姨是「康乐家政服务社」的服务人员，不能安排在「柳湾镇敬老院」的计划里/, keeper);
    expect(other.field).toBe('workerId');
    await refused('homecare.savePlan', plan({ elderId: qian }), 'CONFLICT', /钱奶奶已迁出（2026-03-01），不在家居住，不能安排居家上门服务/, keeper);
    await refused('homecare.savePlan', plan({ toOn: '2026-03-01' }), 'INVALID_INPUT', /结束日期不能早于开始日期/, keeper);
    await refused('homecare.savePlan', plan({ startTime: '9:00' }), 'INVALID_INPUT', /上门时间格式应为 时:分/, keeper);
    await refused('homecare.savePlan', plan({ weekdays: [8] }), 'INVALID_INPUT', /星期应为1到7/, keeper);
    await refused('homecare.savePlan', plan({ everyWeeks: 3 as 1 }), 'INVALID_INPUT', /请选择每1周、每2周或每4周/, keeper);
    await refused('homecare.savePlan', plan({ itemIds: [] }), 'INVALID_INPUT', /请至少选择一个服务项目/, keeper);
    await b.call('homecare.saveItem', { id: items.hair, name: '理发', category: 'life_care', unit: 'visit', retired: true }, keeper);
    await refused('homecare.savePlan', plan({ itemIds: [items.clean, items.hair] }), 'CONFLICT', /服务项目「理发」已停用/, keeper);
    const extra = (await b.call('homecare.saveWorker', { providerId: p.centre, name: '赵护理员' }, keeper)).id;
    await b.call('homecare.saveWorker', { id: extra, providerId: p.centre, name: '赵护理员', retired: true }, keeper);
    await refused('homecare.savePlan', plan({ workerId: extra }), 'CONFLICT', /服务人员赵护理员已停用/, keeper);
    const gone = (await b.call('homecare.saveProvider', { name: '夕阳红服务中心', kind: 'organisation', retired: true }, keeper)).id;
    await refused('homecare.savePlan', plan({ providerId: gone, workerId: null }), 'CONFLICT', /服务机构「夕阳红服务中心」已停用/, keeper);

    const lapsed = await refused('homecare.savePlan', plan({ providerId: p.org, workerId: p.liu, fromOn: '2027-01-04' }), 'CONFLICT', /「康乐家政服务社」的服务合同（GM-2026-01）已于 2026-12-31 到期，不能安排 2027-01-04 起的服务/, keeper);
    expect(lapsed.field).toBe('providerId');
    const { id } = await b.call('homecare.savePlan', plan(), keeper);
    await b.call('homecare.savePlan', plan({ id, minutes: 90 }), keeper);
    await refused('homecare.endPlan', { id, endedOn: '2026-03-01', reason: '老人住院' }, 'INVALID_INPUT', /终止日期不能早于计划开始日期 2026-03-02/, keeper);
    await b.call('homecare.endPlan', { id, endedOn: '2026-03-10', reason: '老人住院' }, keeper);
    await refused('homecare.savePlan', plan({ id, minutes: 60 }), 'CONFLICT', /已于 2026-03-10 终止，不能再修改/, keeper);
    await refused('homecare.endPlan', { id, endedOn: '2026-03-12', reason: '老人住院' }, 'CONFLICT', /已于 2026-03-10 终止/, keeper);
    await refused('homecare.savePlan', plan(), 'FORBIDDEN', /./, carer);
  });

  it('keeps the schedule of a plan with recorded visits (a new schedule is a new plan), and marks an elder no longer at home', async () => {
    const p = await providers();
    const items = await catalogue();
    const zhang = await addElder('张大爷', '1940-05-01', ['tekun_dispersed']);
    const plan = (over: Partial<In<'homecare.savePlan'>> = {}): In<'homecare.savePlan'> => ({ elderId: zhang, providerId: p.centre, workerId: p.wang, itemIds: [items.clean], weekdays: [2], everyWeeks: 1, startTime: '09:00', minutes: 60, fromOn: '2026-03-02', toOn: null, ...over });
    const { id } = await b.call('homecare.savePlan', plan(), keeper);
    await b.call('homecare.savePlan', plan({ id, weekdays: [2, 4] }), keeper); // nothing recorded yet: free to change
    b.database.sqlite
      .prepare(
        `INSERT INTO home_service_visits (id, elder_id, provider_id, worker_id, plan_id, outcome, service_on, start_time, price_class, missed_reason, request_id, created_at, created_by_id, created_by)
         VALUES (?, ?, ?, ?, ?, 'missed', '2026-03-03', '09:00', 'tekun_dispersed', '老人去女儿家了', ?, '2026-03-03T02:00:00.000Z', 'x', '王护理员')`,
      )
      .run(randomUUID(), zhang, p.centre, p.wang, id, randomUUID());
    await refused('homecare.savePlan', plan({ id, weekdays: [3] }), 'CONFLICT', /这个计划已有 1 次服务记录，改上门星期会改变以前的上门安排；请终止这个计划/, keeper);
    await refused('homecare.savePlan', plan({ id, weekdays: [2, 4], everyWeeks: 2, fromOn: '2026-03-09' }), 'CONFLICT', /改频次、开始日期/, keeper);
    await refused('homecare.savePlan', plan({ id, weekdays: [2, 4], providerId: p.org, workerId: p.liu }), 'CONFLICT', /改服务机构/, keeper);
    // The time, length, worker, items and end may change.
    await b.call('homecare.savePlan', plan({ id, weekdays: [4, 2], startTime: '14:30', minutes: 90, itemIds: [items.clean, items.bath], toOn: '2026-12-31' }), keeper);

    await b.call('homecare.saveEntitlement', { elderId: zhang, itemId: items.clean, monthlyQuota: 480, documentNo: '清民〔2026〕12号', grantedOn: '2026-01-10', validFrom: '2026-02-01', validTo: null }, keeper);
    await b.call('elders.setStatus', { elderId: zhang, status: 'died', on: '2026-03-14' });
    expect((await b.call('homecare.plans', {}, carer)).map((r) => r.elderStatus)).toEqual(['died']);
    expect((await b.call('homecare.entitlements', {}, carer)).map((r) => r.elderStatus)).toEqual(['died']);
    // Nothing new for him, but what is open can be ended.
    await refused('homecare.savePlan', plan({ id, minutes: 60 }), 'CONFLICT', /张大爷已去世/, keeper);
    await b.call('homecare.endPlan', { id, endedOn: '2026-03-14', reason: '老人去世' }, keeper);
  });
});
