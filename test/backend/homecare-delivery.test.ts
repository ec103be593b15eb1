// Homecare delivery through the real dispatcher on a real SQLite file: the planned visits derived from the plans (weekly,
// every two weeks, ended, an elder who died), recording a planned visit as done with its items and the three kinds of
// confirmation, a missed one with its reason, voiding; the elder's month (quota / used / left); the month's list and its
// search; every refusal with its own sentence and nothing written; who may do what. The setup rows (items, providers,
// workers, entitlements, plans) are inserted as B1's services would write them.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { ElderCategory } from '@shared/domain/elders/vocab';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';
import { demoHomecareDelivery } from '../../electron/backend/demo/homecare-delivery';
import { seededRandom } from '../../electron/backend/demo/random';

let b: TestBackend;
let carer: Session;
let keeper: Session;
let village: string;
let serial = 300;
const SIG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function at(date: string, hhmm = '18:00') {
  b.clock.set(chinaInstant(date, hhmm).toISOString());
  for (const s of [b.admin, carer, keeper]) s.signIn(s.user!, b.clock.now());
}

async function addElder(name: string, birthDate: string, categories: ElderCategory[]) {
  serial += 1;
  const { id } = await b.call('elders.save', { name, idNumber: validIdNumber(birthDate, String(serial)), villageId: village, address: `${name}家`, phone: '13900000000', categories, registeredOn: '2026-01-05' });
  return id;
}

const stamp = { created_at: '2026-01-01T00:00:00.000Z', created_by: '测试', updated_at: '2026-01-01T00:00:00.000Z', updated_by: '测试' };
function insert(table: string, row: Record<string, unknown>, stamped = true) {
  const values = stamped ? { ...row, ...stamp } : row;
  const cols = Object.keys(values);
  b.database.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(values).map((v) => (Array.isArray(v) ? JSON.stringify(v) : v)));
  return row.id as string;
}
let planSerial = 0;
function insertPlan(p: { elder: string; provider: string; worker: string | null; items: string[]; weekdays: number[]; every?: number; start: string; minutes: number; from: string; to?: string; ended?: string }) {
  planSerial += 1;
  const id = randomUUID();
  insert('home_service_plans', {
    id,
    elder_id: p.elder,
    provider_id: p.provider,
    worker_id: p.worker,
    item_ids: p.items,
    weekdays: p.weekdays,
    every_weeks: p.every ?? 1,
    start_time: p.start,
    minutes: p.minutes,
    from_on: p.from,
    to_on: p.to ?? null,
    ended_on: p.ended ?? null,
    end_reason: p.ended ? '老人不再需要' : null,
  });
  // creation order decides the plan's number on the slips
  b.database.sqlite.prepare('UPDATE home_service_plans SET created_at = ? WHERE id = ?').run(`2026-01-01T00:00:${String(planSerial).padStart(2, '0')}.000Z`, id);
  return id;
}

let s: {
  elderA: string; elderB: string; elderDied: string; elderCentre: string;
  p1: string; p2: string; pRetired: string; w1: string; w2: string; w3: string; wRetired: string; wOfRetired: string;
  clean: string; bath: string; haircut: string;
  planA: string; planB: string; planEnded: string;
};

beforeEach(async () => {
  b = await openTestBackend();
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  village = (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  at('2026-03-20'); // a Friday
  const elderA = await addElder('张桂英', '1944-05-01', ['tekun_dispersed']);
  const elderB = await addElder('李长山', '1956-02-01', []);
  const elderDied = await addElder('王福来', '1940-01-01', ['dibao']);
  const elderCentre = await addElder('赵秀珍', '1941-01-01', []);
  b.database.sqlite.prepare("UPDATE elders SET status = 'died', status_on = '2026-03-10' WHERE id = ?").run(elderDied);
  b.database.sqlite.prepare("UPDATE elders SET status = 'in_centre', status_on = '2026-02-01' WHERE id = ?").run(elderCentre);
  const id = () => randomUUID();
  const p1 = insert('home_service_providers', { id: id(), name: '康乐居家服务中心', kind: 'organisation' });
  const p2 = insert('home_service_providers', { id: id(), name: '本院', kind: 'centre' });
  const pRetired = insert('home_service_providers', { id: id(), name: '旧服务社', kind: 'organisation', retired_at: '2026-02-01T00:00:00.000Z' });
  const w1 = insert('home_service_workers', { id: id(), provider_id: p1, name: '刘芳' });
  const w2 = insert('home_service_workers', { id: id(), provider_id: p1, name: '陈静' });
  const w3 = insert('home_service_workers', { id: id(), provider_id: p2, name: '周护理' });
  const wRetired = insert('home_service_workers', { id: id(), provider_id: p1, name: '孙离职', retired_at: '2026-02-01T00:00:00.000Z' });
  const wOfRetired = insert('home_service_workers', { id: id(), provider_id: pRetired, name: '旧员工' });
  const clean = insert('home_service_items', { id: id(), name: '助洁', category: 'life_care', unit: 'hour' });
  const bath = insert('home_service_items', { id: id(), name: '助浴', category: 'life_care', unit: 'visit' });
  const haircut = insert('home_service_items', { id: id(), name: '理发', category: 'life_care', unit: 'visit', retired_at: '2026-02-01T00:00:00.000Z' });
  insert('home_service_entitlements', { id: id(), elder_id: elderA, item_id: clean, monthly_quota: 480, document_no: '民社〔2026〕3号', granted_on: '2026-01-10', valid_from: '2026-01-01' });
  insert('home_service_entitlements', { id: id(), elder_id: elderA, item_id: bath, monthly_quota: 2, document_no: '民社〔2026〕3号', granted_on: '2026-01-10', valid_from: '2026-01-01' });
  // an ended entitlement of an earlier period: not counted in March
  insert('home_service_entitlements', { id: id(), elder_id: elderA, item_id: bath, monthly_quota: 8, document_no: '民社〔2025〕9号', granted_on: '2025-01-10', valid_from: '2025-01-01', valid_to: '2025-12-31' });
  const planA = insertPlan({ elder: elderA, provider: p1, worker: w1, items: [clean, bath], weekdays: [2, 4], start: '09:00', minutes: 60, from: '2026-03-01' });
  const planB = insertPlan({ elder: elderB, provider: p1, worker: w2, items: [clean], weekdays: [2], every: 2, start: '14:00', minutes: 90, from: '2026-03-03' });
  const planEnded = insertPlan({ elder: elderA, provider: p2, worker: w3, items: [clean], weekdays: [5], start: '10:00', minutes: 30, from: '2026-03-01', ended: '2026-03-12' });
  insertPlan({ elder: elderDied, provider: p1, worker: w1, items: [clean], weekdays: [1], start: '15:00', minutes: 60, from: '2026-03-01' });
  s = { elderA, elderB, elderDied, elderCentre, p1, p2, pRetired, w1, w2, w3, wRetired, wOfRetired, clean, bath, haircut, planA, planB, planEnded };
});
afterEach(async () => b.close());

const visit = (over: Partial<In<'homecare.recordVisit'>> = {}): In<'homecare.recordVisit'> => ({
  requestId: randomUUID(),
  elderId: s.elderA,
  providerId: s.p1,
  workerId: s.w1,
  serviceOn: '2026-03-17',
  startTime: '09:00',
  endTime: '10:00',
  items: [{ itemId: s.clean, quantity: 60 }],
  confirmation: { kind: 'paper_slip', slipNo: '260317-1' },
  ...over,
});
const written = () => ({ visits: b.count('home_service_visits'), items: b.count('home_service_visit_items'), audit: b.count('audit_log') });

describe('planned visits', () => {
  it('follows the weekdays, every two weeks, the end of a plan and an elder who died', async () => {
    const week1 = await b.call('homecare.planned', { date: '2026-03-04', span: 'week' });
    expect(week1.from).toBe('2026-03-02');
    expect(week1.visits.map((v) => `${v.on} ${v.elder} ${v.startTime}`)).toEqual([
      '2026-03-02 王福来 15:00',
      '2026-03-03 张桂英 09:00',
      '2026-03-03 李长山 14:00',
      '2026-03-05 张桂英 09:00',
      '2026-03-06 张桂英 10:00',
    ]);
    const week2 = await b.call('homecare.planned', { date: '2026-03-09', span: 'week' });
    // the elder died on 03-10: her Monday 03-09 still planned; plan B every two weeks; the plan ended 03-12 (its last day) has no 03-13
    expect(week2.visits.map((v) => `${v.on} ${v.elder}`)).toEqual(['2026-03-09 王福来', '2026-03-10 张桂英', '2026-03-12 张桂英']);
    const week3 = await b.call('homecare.planned', { date: '2026-03-22', span: 'week' });
    expect(week3.visits.map((v) => `${v.on} ${v.elder}`)).toEqual(['2026-03-17 张桂英', '2026-03-17 李长山', '2026-03-19 张桂英']);
    const first = week3.visits[0];
    expect(first).toMatchObject({ endTime: '10:00', worker: '刘芳', provider: '康乐居家服务中心', state: 'todo', slipNo: '260317-1' });
    expect(first.items).toEqual([
      { itemId: s.clean, name: '助洁', unit: 'hour', quantity: 60 },
      { itemId: s.bath, name: '助浴', unit: 'visit', quantity: 1 },
    ]);
    expect(week3.visits[1].slipNo).toBe('260317-2');
    // filters
    expect((await b.call('homecare.planned', { date: '2026-03-17', workerId: s.w2 })).visits.map((v) => v.elder)).toEqual(['李长山']);
    expect((await b.call('homecare.planned', { date: '2026-03-17', providerId: s.p2 })).visits).toEqual([]);
    expect((await b.call('homecare.planned', { date: '2026-03-17', villageId: village })).totals).toEqual({ planned: 2, done: 0, missed: 0, todo: 2 });
  });

  it('a planned visit done as planned: recorded with its items, then shown done; a missed one with its reason; voiding puts it back to do', async () => {
    const day = await b.call('homecare.planned', { date: '2026-03-17' }, carer);
    const planned = day.visits[0];
    const before = written();
    const { id } = await b.call(
      'homecare.recordVisit',
      visit({ planId: planned.planId, items: planned.items.map((i) => ({ itemId: i.itemId, quantity: i.quantity })), confirmation: { kind: 'paper_slip', slipNo: planned.slipNo } }),
      carer,
    );
    expect(written()).toEqual({ visits: before.visits + 1, items: before.items + 2, audit: before.audit + 1 });
    const missed = await b.call('homecare.recordMissed', { requestId: randomUUID(), planId: s.planB, serviceOn: '2026-03-17', reason: '老人住院' }, carer);
    let after = await b.call('homecare.planned', { date: '2026-03-17' });
    expect(after.visits.map((v) => [v.elder, v.state, v.visitId, v.missedReason])).toEqual([
      ['张桂英', 'done', id, null],
      ['李长山', 'missed', missed.id, '老人住院'],
    ]);
    expect(after.totals).toEqual({ planned: 2, done: 1, missed: 1, todo: 0 });
    const row = b.database.sqlite.prepare('SELECT price_class, confirmation, slip_no, plan_id FROM home_service_visits WHERE id = ?').get(id);
    expect(row).toEqual({ price_class: 'tekun_dispersed', confirmation: 'paper_slip', slip_no: '260317-1', plan_id: s.planA });

    await b.call('homecare.voidVisit', { id: missed.id, reason: '登记错了，老人当天在家' }, keeper);
    after = await b.call('homecare.planned', { date: '2026-03-17' });
    expect(after.visits[1]).toMatchObject({ state: 'todo', visitId: null });
    // voided twice: refused
    const again = await b.raw('homecare.voidVisit', { id: missed.id, reason: '再作废' }, keeper);
    expect(again.error?.message).toMatch(/已于.*作废/);
  });

  it('the same form sent twice is written once', async () => {
    const input = visit();
    const one = await b.call('homecare.recordVisit', input);
    const before = written();
    const two = await b.call('homecare.recordVisit', input);
    expect(two.id).toBe(one.id);
    expect(written()).toEqual(before);
  });
});

describe('the three kinds of confirmation and the elder month', () => {
  it('signature, paper slip and family; quota, used and left; the month list and its search', async () => {
    await b.call('homecare.recordVisit', visit({ confirmation: { kind: 'signature', signature: SIG }, notes: '打扫卧室和厨房' }));
    await b.call('homecare.recordVisit', visit({ serviceOn: '2026-03-19', items: [{ itemId: s.clean, quantity: 45 }, { itemId: s.bath, quantity: 1 }], startTime: '09:00', endTime: '10:15', confirmation: { kind: 'family', confirmedBy: '张小明（儿子）' } }));
    await b.call('homecare.recordVisit', visit({ elderId: s.elderB, workerId: s.w2, startTime: '14:00', endTime: '15:30', items: [{ itemId: s.clean, quantity: 90 }], overQuotaReason: '村委会申请，县民政口头同意', confirmation: { kind: 'paper_slip', slipNo: '260317-2' } }));
    const month = await b.call('homecare.elderMonth', { elderId: s.elderA, month: '2026-03' }, carer);
    expect(month.priceClass).toBe('tekun_dispersed');
    expect(month.quota.map((q) => [q.name, q.quota, q.used, q.left])).toEqual([
      ['助洁', 480, 105, 375],
      ['助浴', 2, 1, 1],
    ]);
    expect(month.quota[1].documentNos).toEqual(['民社〔2026〕3号']);
    expect(month.visits.map((v) => [v.serviceOn, v.confirmation, v.minutes])).toEqual([
      ['2026-03-17', 'signature', 60],
      ['2026-03-19', 'family', 75],
    ]);
    expect(month.visits[0].signature).toBe(SIG);
    expect(month.plans.map((p) => p.id)).toEqual([s.planA]);
    const monthB = await b.call('homecare.elderMonth', { elderId: s.elderB, month: '2026-03' });
    expect(monthB.quota.map((q) => [q.name, q.quota, q.used, q.left])).toEqual([['助洁', 0, 90, -90]]);
    expect(monthB.visits[0].overQuotaReason).toBe('村委会申请，县民政口头同意');

    const list = await b.call('homecare.visits', { month: '2026-03' });
    expect(list.totals).toEqual({ done: 3, missed: 0, voided: 0, minutes: 225 });
    expect((await b.call('homecare.visits', { month: '2026-03', search: '陈静' })).visits.map((v) => v.elder)).toEqual(['李长山']);
    expect((await b.call('homecare.visits', { month: '2026-03', search: '260317-2' })).visits.map((v) => v.elder)).toEqual(['李长山']);
    expect((await b.call('homecare.visits', { month: '2026-03', search: '厨房' })).visits.map((v) => v.serviceOn)).toEqual(['2026-03-17']);
    expect((await b.call('homecare.visits', { month: '2026-03', elderId: s.elderA })).visits).toHaveLength(2);
    expect((await b.call('homecare.visits', { month: '2026-02' })).visits).toEqual([]);
  });
});

describe('refusals: each its own sentence, nothing written', () => {
  async function refused(input: In<'homecare.recordVisit'>, pattern: RegExp, session?: Session) {
    const before = written();
    const result = await b.raw('homecare.recordVisit', input, session);
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(pattern);
    expect(written()).toEqual(before);
    return result.error!;
  }

  it('beyond the entitlement, unless a reason is given', async () => {
    await b.call('homecare.recordVisit', visit({ items: [{ itemId: s.bath, quantity: 2 }] }));
    const error = await refused(visit({ serviceOn: '2026-03-19', items: [{ itemId: s.bath, quantity: 1 }] }), /超出享受额度：“助浴”本月额度2次，已用2次，这次1次/);
    expect(error.field).toBe('overQuotaReason');
    await refused(visit({ serviceOn: '2026-03-19', items: [{ itemId: s.clean, quantity: 481 }], endTime: '17:01' }), /“助洁”本月额度8小时，已用0小时，这次481分钟/);
    const ok = await b.call('homecare.recordVisit', visit({ serviceOn: '2026-03-19', items: [{ itemId: s.bath, quantity: 1 }], overQuotaReason: '老人失禁，需加洗一次' }));
    expect(b.database.sqlite.prepare('SELECT over_quota_reason AS r FROM home_service_visits WHERE id = ?').get(ok.id)).toEqual({ r: '老人失禁，需加洗一次' });
    // a voided visit gives its quota back
    const month = await b.call('homecare.elderMonth', { elderId: s.elderA, month: '2026-03' });
    expect(month.quota.find((q) => q.name === '助浴')!.used).toBe(3);
  });

  it("a worker's overlapping visits (not voided ones)", async () => {
    const first = await b.call('homecare.recordVisit', visit({ startTime: '09:00', endTime: '10:00' }));
    await refused(visit({ elderId: s.elderB, startTime: '09:30', endTime: '10:30', overQuotaReason: '试' }), /刘芳2026-03-17 09:00–10:00正在为张桂英服务，与这次（09:30–10:30）时间重叠/);
    await refused(visit({ elderId: s.elderB, startTime: '08:00', endTime: '11:00', overQuotaReason: '试' }), /时间重叠/);
    // back to back is fine, another worker is fine
    await b.call('homecare.recordVisit', visit({ elderId: s.elderB, startTime: '10:00', endTime: '10:30', items: [{ itemId: s.clean, quantity: 30 }], overQuotaReason: '试' }));
    await b.call('homecare.recordVisit', visit({ elderId: s.elderB, workerId: s.w2, startTime: '09:30', endTime: '10:00', items: [{ itemId: s.clean, quantity: 30 }], overQuotaReason: '试' }));
    await b.call('homecare.voidVisit', { id: first.id, reason: '重复登记' });
    await b.call('homecare.recordVisit', visit({ startTime: '09:00', endTime: '09:45', items: [{ itemId: s.clean, quantity: 45 }] }));
  });

  it('end before start, hourly minutes beyond the visit, a date in the future', async () => {
    await refused(visit({ startTime: '10:00', endTime: '09:00' }), /^结束时间（09:00）应晚于开始时间（10:00）$/);
    await refused(visit({ startTime: '10:00', endTime: '10:00' }), /应晚于开始时间/);
    // Hourly items are paid by the minute: no more minutes than the visit lasted.
    const longer = await refused(visit({ startTime: '09:00', endTime: '10:00', items: [{ itemId: s.clean, quantity: 240 }], overQuotaReason: '试' }), /^按小时计的服务项目共240分钟，超过这次服务的时长（09:00–10:00，60分钟），请核对时间或分钟数$/);
    expect(longer.field).toBe('items');
    await refused(visit({ serviceOn: '2026-03-21' }), /^服务日期（2026-03-21）在将来，不能预先登记/);
    // Today (20 March, 18:00): a visit ending at 19:00 is not done yet; one ending at 18:05 (a fast device clock) is.
    const later = await refused(visit({ serviceOn: '2026-03-20', startTime: '17:00', endTime: '19:00', items: [{ itemId: s.clean, quantity: 120 }], overQuotaReason: '试' }), /^结束时间（19:00）还没到，请在服务完成后登记$/);
    expect(later.field).toBe('endTime');
    // Tied to its plan only on the plan's days and with the plan's provider; otherwise it is a visit outside the plan.
    const wednesday = await refused(visit({ planId: s.planA, serviceOn: '2026-03-18' }), /^这个服务计划在2026-03-18没有安排上门；计划外的服务请用「登记计划外服务」$/);
    expect(wednesday.field).toBe('serviceOn');
    await refused(visit({ planId: s.planA, serviceOn: '2026-03-19', providerId: s.p2, workerId: s.w3 }), /^这个服务计划是另一家服务机构的/);
    const missed = await b.raw('homecare.recordMissed', { requestId: randomUUID(), planId: s.planA, serviceOn: '2026-03-24', reason: '老人外出' });
    expect(missed.error?.message).toMatch(/在将来/);
  });

  it('an elder who died, lives in the centre, moved away', async () => {
    await refused(visit({ elderId: s.elderDied, overQuotaReason: '试' }), /^王福来已于2026-03-10去世，不再居家，不能登记2026-03-17的上门服务$/);
    await refused(visit({ elderId: s.elderCentre, overQuotaReason: '试' }), /赵秀珍已于2026-02-01入住本院/);
    b.database.sqlite.prepare("UPDATE elders SET status = 'moved_away', status_on = '2026-03-15' WHERE id = ?").run(s.elderB);
    await refused(visit({ elderId: s.elderB, workerId: s.w2, overQuotaReason: '试' }), /^李长山已于2026-03-15迁出，不再居家/);
    const missedAway = await b.raw('homecare.recordMissed', { requestId: randomUUID(), planId: s.planB, serviceOn: '2026-03-17', reason: '老人外出' });
    expect(missedAway.error?.message).toMatch(/迁出/);
    // a visit before the death is still recorded (late paperwork)
    await b.call('homecare.recordVisit', visit({ elderId: s.elderDied, serviceOn: '2026-03-09', startTime: '15:00', endTime: '16:00', overQuotaReason: '试' }));
  });

  it('a settled month: no visit, missed visit or void in it', async () => {
    const done = await b.call('homecare.recordVisit', visit());
    insert('home_service_settlements', {
      id: randomUUID(), provider_id: s.p1, month: '2026-03', visits: 1, disputed: 0, amount_fen: 3000, disputed_fen: 0, subsidy_fen: 3000, personal_fen: 0, lines: '[]',
      request_id: randomUUID(), created_at: '2026-04-01T00:00:00.000Z', created_by_id: 'x', created_by: '测试',
    }, false);
    await refused(visit({ serviceOn: '2026-03-19' }), /^康乐居家服务中心2026-03月已结算，不能再登记上门服务；如需更正，请先作废该月结算$/);
    const before = written();
    const v = await b.raw('homecare.voidVisit', { id: done.id, reason: '错了' });
    expect(v.error?.message).toMatch(/已结算，不能再作废这条服务记录/);
    const m = await b.raw('homecare.recordMissed', { requestId: randomUUID(), planId: s.planB, serviceOn: '2026-03-17', reason: '老人外出' });
    expect(m.error?.message).toMatch(/已结算，不能再登记未上门/);
    expect(written()).toEqual(before);
    // another provider's month is open
    await b.call('homecare.recordVisit', visit({ providerId: s.p2, workerId: s.w3 }));
  });

  it('retired item, provider, worker; a worker of another provider; unknown item', async () => {
    await refused(visit({ items: [{ itemId: s.haircut, quantity: 1 }] }), /^服务项目“理发”已停用，不能再登记$/);
    await refused(visit({ providerId: s.pRetired, workerId: s.wOfRetired }), /^服务机构“旧服务社”已停用/);
    await refused(visit({ workerId: s.wRetired }), /^服务人员“孙离职”已停用，请另选$/);
    await refused(visit({ workerId: s.w3 }), /^服务人员“周护理”不属于康乐居家服务中心/);
    await refused(visit({ items: [{ itemId: randomUUID(), quantity: 1 }] }), /服务项目不在目录中/);
    await refused(visit({ items: [{ itemId: s.clean, quantity: 30 }, { itemId: s.clean, quantity: 30 }] }), /同一服务项目只能填一次/);
    await refused(visit({ confirmation: { kind: 'signature', signature: '' } }), /请老人在屏幕上签名/);
    await refused(visit({ confirmation: { kind: 'family', confirmedBy: ' ' } }), /请填写确认的家属姓名/);
    await refused(visit({ confirmation: { kind: 'paper_slip', slipNo: '' } }), /请填写服务确认单编号/);
  });

  it("a plan's visit of a day recorded twice; a missed visit on a day the plan has none; a plan of another elder", async () => {
    await b.call('homecare.recordMissed', { requestId: randomUUID(), planId: s.planA, serviceOn: '2026-03-17', reason: '服务人员请假' });
    await refused(visit({ planId: s.planA }), /计划上门服务已由.*登记为未上门，不能重复登记/);
    await refused(visit({ planId: s.planB }), /服务计划不是这位老人的/);
    const before = written();
    const wrongDay = await b.raw('homecare.recordMissed', { requestId: randomUUID(), planId: s.planA, serviceOn: '2026-03-18', reason: '老人外出' });
    expect(wrongDay.error?.message).toBe('这个服务计划在2026-03-18没有安排上门，不能登记为未上门');
    const ended = await b.raw('homecare.recordMissed', { requestId: randomUUID(), planId: s.planEnded, serviceOn: '2026-03-13', reason: '老人外出' });
    expect(ended.error?.message).toMatch(/没有安排上门/);
    const noReason = await b.raw('homecare.recordMissed', { requestId: randomUUID(), planId: s.planB, serviceOn: '2026-03-17', reason: '' });
    expect(noReason.error?.message).toBe('请填写未上门的原因');
    expect(written()).toEqual(before);
  });
});

describe('the record form choices', () => {
  it('lists providers and workers in service, items in service, and the worker who is the person signed in', async () => {
    const { id: staffId } = await b.call('staff.save', { name: '刘芳', role: 'caregiver', hireDate: '2024-01-01' });
    const me = await b.signInAs('caregiver', '刘芳');
    b.database.sqlite.prepare('UPDATE users SET staff_id = ? WHERE id = ?').run(staffId, me.id);
    b.database.sqlite.prepare('UPDATE home_service_workers SET staff_id = ? WHERE id = ?').run(staffId, s.w1);
    const choices = await b.call('homecare.recordChoices', {}, me.session);
    expect(choices.providers.map((p) => [p.name, p.workers.map((w) => w.name)])).toEqual([
      ['本院', ['周护理']],
      ['康乐居家服务中心', ['陈静', '刘芳']],
    ]);
    expect(choices.items.map((i) => i.name)).toEqual(['助洁', '助浴']);
    expect(choices.mine).toEqual([s.w1]);
    expect((await b.call('homecare.recordChoices', {}, keeper)).mine).toEqual([]);
  });
});

describe('who may do what', () => {
  it('a caregiver records but does not void; a cook reads nothing', async () => {
    const { id } = await b.call('homecare.recordVisit', visit(), carer);
    const v = await b.raw('homecare.voidVisit', { id, reason: '错了' }, carer);
    expect(v.error?.code).toBe('FORBIDDEN');
    const cook = (await b.signInAs('kitchen', '厨师老刘')).session;
    expect((await b.raw('homecare.planned', { date: '2026-03-17' }, cook)).error?.code).toBe('FORBIDDEN');
  });
});

describe('the demo', () => {
  it('records the planned visits up to yesterday through the services: done with all three confirmations, some missed, one voided and redone, beyond quota with a reason', async () => {
    const events = await demoHomecareDelivery({ db: b.database.db, clock: b.clock }, { userId: b.adminId, name: '演示数据', role: 'admin' }, seededRandom(11), '2026-03-20');
    expect(events).toBeGreaterThan(8);
    const planned = await b.call('homecare.planned', { date: '2026-03-02', span: 'week' });
    const later = [...planned.visits, ...(await b.call('homecare.planned', { date: '2026-03-09', span: 'week' })).visits, ...(await b.call('homecare.planned', { date: '2026-03-16', span: 'week' })).visits];
    expect(later.filter((v) => v.on < '2026-03-20' && v.state === 'todo')).toEqual([]);
    expect(later.filter((v) => v.on >= '2026-03-20').every((v) => v.state === 'todo')).toBe(true);
    const kinds = b.database.sqlite.prepare('SELECT DISTINCT confirmation AS k FROM home_service_visits WHERE confirmation IS NOT NULL ORDER BY k').all();
    expect(kinds).toEqual([{ k: 'family' }, { k: 'paper_slip' }, { k: 'signature' }]);
    expect(b.count('home_service_visits WHERE voided_at IS NOT NULL')).toBe(1);
    expect(b.count("home_service_visits WHERE over_quota_reason IS NOT NULL")).toBeGreaterThan(0);
    const sig = b.database.sqlite.prepare("SELECT signature FROM home_service_visits WHERE confirmation = 'signature' LIMIT 1").get() as { signature: string };
    expect(Buffer.from(sig.signature.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG');
  });
});
