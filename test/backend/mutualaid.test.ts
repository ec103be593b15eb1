// The mutualaid module through the real dispatcher on a real SQLite file: a 低龄老人 helper linked to the register (once),
// pairs (one open per helper and elder, only with an elder at home), activities crediting the time bank at the rate
// with the daily and the total cap (saying so), the check before credit, voiding that takes the points back by a new
// entry, redemption and corrections never below zero, the ledger newest first with its running balance, 老年协会
// activities with attendance, the elder's card and the month's sheet — and every refusal writing nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let carer: Session;
let keeper: Session;
let villages: { east: string; west: string };
let serial = 100;

function at(date: string, hhmm = '10:00') {
  b.clock.set(chinaInstant(date, hhmm).toISOString());
  for (const s of [b.admin, carer, keeper]) s.signIn(s.user!, b.clock.now());
}

async function addElder(name: string, birthDate: string, village = villages.east) {
  serial += 1;
  return (await b.call('elders.save', { name, idNumber: validIdNumber(birthDate, String(serial)), villageId: village, address: `${name}家`, phone: '13900000000', categories: [], registeredOn: '2026-01-05' })).id;
}
const helper = async (name: string, over: Partial<In<'visits.saveHelper'>> = {}) => (await b.call('visits.saveHelper', { name, kind: 'volunteer', villageId: villages.east, ...over })).id;
const activity = (helperId: string, doneOn: string, minutes: number, over: Partial<In<'mutualaid.recordActivity'>> = {}): In<'mutualaid.recordActivity'> => ({
  requestId: randomUUID(),
  helperId,
  kind: 'company',
  doneOn,
  minutes,
  ...over,
});
const tables = () => ({
  pairs: b.count('aid_pairs'),
  activities: b.count('aid_activities'),
  entries: b.count('time_bank_entries'),
  assoc: b.count('association_activities'),
  attendance: b.count('association_attendance'),
  helpers: b.count('visit_helpers'),
  audit: b.count('audit_log'),
});
const balance = async (helperId: string) => (await b.call('mutualaid.ledger', { helperId })).helper.balanceTenths;
/** A refusal: its message, and nothing written. */
async function refused<M extends Parameters<TestBackend['raw']>[0]>(method: M, input: In<M>, session: Session = keeper) {
  const before = tables();
  const res = await b.raw(method, input, session);
  expect(res.ok).toBe(false);
  expect(tables()).toEqual(before);
  return res.error!.message;
}

beforeEach(async () => {
  b = await openTestBackend();
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  villages = {
    east: (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id,
    west: (await b.call('elders.saveVillage', { name: '西村', cadreName: '李主任', cadrePhone: '13800000002' })).id,
  };
  at('2026-03-18');
});
afterEach(async () => b.close());

describe('helpers on the register', () => {
  it('links a 低龄老人 helper to an elder of the register, once', async () => {
    const young = await addElder('刘大妈', '1962-04-04');
    const id = await helper('刘大妈', { kind: 'young_elder', elderId: young });
    const list = await b.call('visits.helpers', {});
    expect(list.find((h) => h.id === id)).toMatchObject({ kind: 'young_elder', elderId: young, elder: '刘大妈' });
    const message = await refused('visits.saveHelper', { name: '另一个', kind: 'young_elder', elderId: young });
    expect(message).toBe('这位在册老人已登记为协助人员“刘大妈”，同一位老人只能登记一次');
    // Saving the same helper again keeps its link.
    await b.call('visits.saveHelper', { id, name: '刘大妈', kind: 'young_elder', elderId: young, phone: '13700000000' });
    expect((await b.call('visits.helpers', {})).find((h) => h.id === id)?.elderId).toBe(young);
  });
});

describe('pairs', () => {
  it('pairs a helper with an elder at home, once while open; ends with a reason', async () => {
    const elder = await addElder('张大爷', '1940-05-01');
    const h = await helper('王小梅');
    const { id } = await b.call('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-03-01', note: '每周两次' }, keeper);
    expect(await refused('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-03-10' })).toBe('王小梅和张大爷已经结对（自2026-03-01起），不能重复结对');
    const [row] = await b.call('mutualaid.pairs', {}, carer);
    expect(row).toMatchObject({ helper: '王小梅', elder: '张大爷', village: '东村', since: '2026-03-01', endedOn: null, minutes: 0 });
    await b.call('mutualaid.endPair', { id, endedOn: '2026-03-15', reason: '帮扶人外出打工' }, keeper);
    expect(await b.call('mutualaid.pairs', {})).toEqual([]);
    expect((await b.call('mutualaid.pairs', { status: 'all' }))[0]).toMatchObject({ endedOn: '2026-03-15', endReason: '帮扶人外出打工' });
    // Ended, they may pair again.
    await b.call('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-03-16' }, keeper);
    expect((await b.raw('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-03-16' }, carer)).error?.code).toBe('FORBIDDEN');
  });

  it('refuses an elder not at home, a retired helper, a future day, oneself', async () => {
    const elder = await addElder('张大爷', '1940-05-01');
    const died = await addElder('钱奶奶', '1936-09-09');
    await b.call('elders.setStatus', { elderId: died, status: 'died', on: '2026-03-14' });
    const h = await helper('王小梅');
    const old = await helper('李老师');
    await b.call('visits.saveHelper', { id: old, name: '李老师', kind: 'volunteer', villageId: villages.east, retired: true });
    const young = await addElder('刘大妈', '1962-04-04');
    const self = await helper('刘大妈', { kind: 'young_elder', elderId: young });
    expect(await refused('mutualaid.savePair', { helperId: h, elderId: died, since: '2026-03-01' })).toBe('钱奶奶已去世（2026-03-14），不在家居住，不能结对帮扶');
    expect(await refused('mutualaid.savePair', { helperId: old, elderId: elder, since: '2026-03-01' })).toBe('李老师已停用，不能登记结对帮扶；如需继续，请先在协助人员名单中恢复');
    expect(await refused('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-03-19' })).toBe('结对日期（2026-03-19）在将来，不能预先登记');
    expect(await refused('mutualaid.savePair', { helperId: self, elderId: young, since: '2026-03-01' })).toBe('刘大妈就是这位老人本人，不能和自己结对');
  });
});

describe('activities and the time bank', () => {
  it('credits hours at the rate (1 per hour), up to 2 a day, saying so', async () => {
    const elder = await addElder('张大爷', '1940-05-01');
    const h = await helper('王小梅');
    const { id: pairId } = await b.call('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-03-01' }, keeper);
    const first = await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 90, { pairId, note: '陪聊天' }), carer);
    expect(first).toMatchObject({ creditedTenths: 15, notice: null });
    const second = await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 60, { kind: 'shopping' }), carer);
    expect(second.creditedTenths).toBe(5);
    expect(second.notice).toBe('每人每天最多存入2分：王小梅在2026-03-17已存入1.5分，这次只存入0.5分（应得1分）。');
    const third = await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 30), carer);
    expect(third).toMatchObject({ creditedTenths: 0 });
    expect(third.notice).toBe('每人每天最多存入2分：王小梅在2026-03-17已存满2分，这次的0.5分不再存入。');
    // Another day has its own cap.
    expect((await b.call('mutualaid.recordActivity', activity(h, '2026-03-18', 45), carer)).creditedTenths).toBe(8);
    expect(await balance(h)).toBe(28);
    const list = await b.call('mutualaid.activities', { month: '2026-03' }, carer);
    expect(list.map((a) => [a.doneOn, a.minutes, a.creditedTenths])).toEqual([
      ['2026-03-18', 45, 8],
      ['2026-03-17', 30, 0],
      ['2026-03-17', 60, 5],
      ['2026-03-17', 90, 15],
    ]);
    expect(list[3]).toMatchObject({ elder: '张大爷', village: '东村', pairId, note: '陪聊天', pending: false });
    expect((await b.call('mutualaid.pairs', {}))[0]).toMatchObject({ minutes: 90, lastActivityOn: '2026-03-17' });
    // The same form sent twice is written once.
    const again = activity(h, '2026-03-16', 60);
    const one = await b.call('mutualaid.recordActivity', again, carer);
    expect((await b.call('mutualaid.recordActivity', again, carer)).id).toBe(one.id);
    expect(await balance(h)).toBe(38);
  });

  it('stops at the total cap, saying the rest may be donated (南京)', async () => {
    const h = await helper('王小梅');
    await b.call('mutualaid.saveSettings', { rateTenthsPerHour: 10, dailyCapTenths: 20, totalCapTenths: 30, checkBeforeCredit: false }, keeper);
    await b.call('mutualaid.recordActivity', activity(h, '2026-03-16', 120), carer);
    const partly = await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 120), carer);
    expect(partly.creditedTenths).toBe(10);
    expect(partly.notice).toBe('王小梅的时间银行积分将达总上限3分：这次只存入1分（应得2分），其余不再存入。按南京的做法，超出上限的部分可以捐赠给他人。');
    const none = await b.call('mutualaid.recordActivity', activity(h, '2026-03-18', 60), carer);
    expect(none.creditedTenths).toBe(0);
    expect(none.notice).toBe('王小梅的时间银行积分已达总上限3分（现有3分），这次活动的1分不再存入。按南京的做法，超出上限的部分可以捐赠给他人。');
    expect(await balance(h)).toBe(30);
  });

  it('refuses minutes ≤ 0 or over 12 hours, a retired helper, a future day, an elder not at home', async () => {
    const h = await helper('王小梅');
    const gone = await addElder('孙大爷', '1946-01-01');
    await b.call('elders.setStatus', { elderId: gone, status: 'moved_away', on: '2026-03-10' });
    const old = await helper('李老师');
    await b.call('visits.saveHelper', { id: old, name: '李老师', kind: 'volunteer', villageId: villages.east, retired: true });
    expect(await refused('mutualaid.recordActivity', activity(h, '2026-03-17', 0), carer)).toBe('活动时长应大于0');
    expect(await refused('mutualaid.recordActivity', activity(h, '2026-03-17', -30), carer)).toBe('活动时长应大于0');
    expect(await refused('mutualaid.recordActivity', activity(h, '2026-03-17', 721), carer)).toBe('一次活动最长12小时（720分钟），请分开登记');
    expect(await refused('mutualaid.recordActivity', activity(old, '2026-03-17', 60), carer)).toBe('李老师已停用，不能登记互助活动；如需继续，请先在协助人员名单中恢复');
    expect(await refused('mutualaid.recordActivity', activity(h, '2026-03-19', 60), carer)).toBe('活动日期（2026-03-19）在将来，不能预先登记');
    expect(await refused('mutualaid.recordActivity', activity(h, '2026-03-12', 60, { elderId: gone }), carer)).toBe('孙大爷已于2026-03-10迁出，不能登记2026-03-12的互助活动');
    // Before the move it is fine.
    expect((await b.call('mutualaid.recordActivity', activity(h, '2026-03-09', 60, { elderId: gone }), carer)).creditedTenths).toBe(10);
  });

  it('credits only when checked, when the setting asks for a check', async () => {
    const h = await helper('王小梅');
    await b.call('mutualaid.saveSettings', { rateTenthsPerHour: 15, dailyCapTenths: 20, totalCapTenths: 6000, checkBeforeCredit: true }, keeper);
    expect(await b.call('mutualaid.settings', {}, carer)).toMatchObject({ rateTenthsPerHour: 15, checkBeforeCredit: true });
    const { id, creditedTenths, notice } = await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 60), carer);
    expect(creditedTenths).toBe(0);
    expect(notice).toBe('已登记。按设置，这次活动由管理人员审核后才存入积分。');
    expect(await balance(h)).toBe(0);
    expect((await b.call('mutualaid.activities', { month: '2026-03', status: 'pending' })).map((a) => a.id)).toEqual([id]);
    expect((await b.raw('mutualaid.checkActivity', { id }, carer)).error?.code).toBe('FORBIDDEN');
    expect(await b.call('mutualaid.checkActivity', { id }, keeper)).toMatchObject({ creditedTenths: 15 });
    expect(await refused('mutualaid.checkActivity', { id })).toBe('这条活动记录已由关爱专干小陈审核过');
    expect(await b.call('mutualaid.activities', { month: '2026-03', status: 'pending' })).toEqual([]);
    expect(await balance(h)).toBe(15);
  });

  it('voids an activity with a reason: the points come back off by a new correcting entry', async () => {
    const h = await helper('王小梅');
    const { id } = await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 120), carer);
    expect(await balance(h)).toBe(20);
    const res = await b.call('mutualaid.voidActivity', { id, reason: '重复登记' }, keeper);
    expect(res).toMatchObject({ creditedTenths: -20, notice: '已从王小梅的积分中扣回2分（一条更正记录）。' });
    const ledger = await b.call('mutualaid.ledger', { helperId: h });
    expect(ledger.entries.map((e) => [e.kind, e.pointsTenths, e.note, e.balanceTenths])).toEqual([
      ['correct', -20, '作废活动：重复登记', 0],
      ['earn', 20, '', 20],
    ]);
    expect(await refused('mutualaid.voidActivity', { id, reason: '再作废' })).toBe('这条活动记录已由关爱专干小陈作废');
    // The day's cap is free again once the activity is voided.
    expect((await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 120), carer)).creditedTenths).toBe(20);
    // Redeemed since: voiding would take the balance below zero — refused.
    const { id: later } = await b.call('mutualaid.recordActivity', activity(h, '2026-03-18', 60), carer);
    await b.call('mutualaid.redeem', { requestId: randomUUID(), helperId: h, pointsTenths: 25, redeemedFor: '理发一次', on: '2026-03-18' }, keeper);
    expect(await refused('mutualaid.voidActivity', { id: later, reason: '记错' })).toBe('作废这次活动要扣回已存入的1分，但王小梅的积分余额只有0.5分（已兑换掉一部分），余额不能为负数，不能作废。请先核对兑换记录');
  });

  it('redeems and corrects, never below zero; the ledger is newest first with its running balance', async () => {
    const h = await helper('王小梅');
    await b.call('mutualaid.recordActivity', activity(h, '2026-03-16', 120), carer);
    await b.call('mutualaid.recordActivity', activity(h, '2026-03-17', 90), carer);
    expect(await refused('mutualaid.redeem', { requestId: randomUUID(), helperId: h, pointsTenths: 40, redeemedFor: '米一袋', on: '2026-03-18' })).toBe('王小梅的积分余额只有3.5分，不能兑换4分');
    expect(await refused('mutualaid.redeem', { requestId: randomUUID(), helperId: h, pointsTenths: 10, redeemedFor: '米一袋', on: '2026-03-19' })).toBe('兑换日期（2026-03-19）在将来，不能预先登记');
    expect((await b.raw('mutualaid.redeem', { requestId: randomUUID(), helperId: h, pointsTenths: 10, redeemedFor: '米一袋', on: '2026-03-18' }, carer)).error?.code).toBe('FORBIDDEN');
    await b.call('mutualaid.redeem', { requestId: randomUUID(), helperId: h, pointsTenths: 30, redeemedFor: '上门理发一次', on: '2026-03-18' }, keeper);
    expect(await refused('mutualaid.correct', { requestId: randomUUID(), helperId: h, pointsTenths: -10, on: '2026-03-18', note: '多记了' })).toBe('王小梅的积分余额只有0.5分，扣减1分后将为负数，余额不能为负');
    expect(await refused('mutualaid.correct', { requestId: randomUUID(), helperId: h, pointsTenths: 10, on: '2026-03-18', note: '' })).toBe('请填写更正原因');
    await b.call('mutualaid.correct', { requestId: randomUUID(), helperId: h, pointsTenths: 5, on: '2026-03-18', note: '3月16日少记半小时' }, keeper);
    const ledger = await b.call('mutualaid.ledger', { helperId: h });
    expect(ledger.helper).toMatchObject({ name: '王小梅', balanceTenths: 10, earnedTenths: 35, redeemedTenths: 30, minutes: 210 });
    expect(ledger.entries.map((e) => [e.kind, e.pointsTenths, e.balanceTenths, e.redeemedFor])).toEqual([
      ['correct', 5, 10, null],
      ['redeem', -30, 5, '上门理发一次'],
      ['earn', 15, 35, null],
      ['earn', 20, 20, null],
    ]);
    expect(ledger.entries[3].activity).toEqual({ kind: 'company', doneOn: '2026-03-16', minutes: 120 });
    expect((await b.call('mutualaid.balances', {})).map((r) => [r.name, r.balanceTenths])).toEqual([['王小梅', 10]]);
    // The table refuses a balance below zero on its own too.
    expect(() =>
      b.database.sqlite
        .prepare("INSERT INTO time_bank_entries (id, helper_id, kind, points_tenths, entry_on, redeemed_for, request_id, created_at, created_by) VALUES ('x', ?, 'redeem', -20, '2026-03-18', '米', 'r', 'now', 'me')")
        .run(h),
    ).toThrow(/never goes below zero/);
  });
});

describe('老年协会', () => {
  it('records an activity, ticks elders and helpers in and out, cancels with a reason', async () => {
    const e1 = await addElder('张大爷', '1940-05-01');
    const e2 = await addElder('李奶奶', '1941-02-02');
    await addElder('冯奶奶', '1938-03-03', villages.west);
    const h = await helper('王小梅');
    const { id } = await b.call('mutualaid.saveAssociation', { villageId: villages.east, heldOn: '2026-03-15', title: '重阳茶话会', place: '村文化室' }, carer);
    expect(await refused('mutualaid.saveAssociation', { villageId: villages.east, heldOn: '2026-03-20', title: '戏曲' }, carer)).toBe('活动日期（2026-03-20）在将来，不能预先登记');
    let att = await b.call('mutualaid.attendance', { activityId: id }, carer);
    expect(att.present).toEqual([]);
    expect(att.candidates.map((p) => [p.kind, p.name])).toEqual([
      ['helper', '王小梅'],
      ['elder', '张大爷'],
      ['elder', '李奶奶'],
    ]);
    expect((await b.call('mutualaid.attendance', { activityId: id, search: '李' })).candidates.map((p) => p.name)).toEqual(['李奶奶']);
    await b.call('mutualaid.attend', { activityId: id, kind: 'elder', id: e1, present: true }, carer);
    await b.call('mutualaid.attend', { activityId: id, kind: 'elder', id: e1, present: true }, carer); // twice: once
    await b.call('mutualaid.attend', { activityId: id, kind: 'elder', id: e2, present: true }, carer);
    await b.call('mutualaid.attend', { activityId: id, kind: 'helper', id: h, present: true }, carer);
    await b.call('mutualaid.attend', { activityId: id, kind: 'elder', id: e2, present: false }, carer);
    att = await b.call('mutualaid.attendance', { activityId: id }, carer);
    expect(att.present.map((p) => p.name)).toEqual(['张大爷', '王小梅']);
    expect(att.activity).toMatchObject({ title: '重阳茶话会', village: '东村', elders: 1, helpers: 1 });
    expect((await b.call('mutualaid.associations', { month: '2026-03' })).map((a) => [a.title, a.elders, a.helpers])).toEqual([['重阳茶话会', 1, 1]]);
    await b.call('mutualaid.cancelAssociation', { id, reason: '下雨改期' }, keeper);
    expect(await refused('mutualaid.attend', { activityId: id, kind: 'elder', id: e2, present: true }, carer)).toBe('这次活动已取消，不能再登记参加人员');
    expect((await b.call('mutualaid.associations', {}))[0].cancelled?.reason).toBe('下雨改期');
  });

  it('refuses to tick in an elder not at home that day or a retired helper, and a cancelled activity is not changed', async () => {
    const gone = await addElder('孙大爷', '1946-01-01');
    await b.call('elders.setStatus', { elderId: gone, status: 'moved_away', on: '2026-03-10' });
    const old = await helper('李老师');
    await b.call('visits.saveHelper', { id: old, name: '李老师', kind: 'volunteer', villageId: villages.east, retired: true });
    const { id } = await b.call('mutualaid.saveAssociation', { villageId: villages.east, heldOn: '2026-03-15', title: '茶话会' }, carer);
    expect(await refused('mutualaid.attend', { activityId: id, kind: 'elder', id: gone, present: true }, carer)).toBe('孙大爷已于2026-03-10迁出，不能登记2026-03-15的老年协会活动');
    expect(await refused('mutualaid.attend', { activityId: id, kind: 'helper', id: old, present: true }, carer)).toBe('李老师已停用，不能登记老年协会活动；如需继续，请先在协助人员名单中恢复');
    // Ticking out someone who is not in writes nothing.
    const before = tables();
    await b.call('mutualaid.attend', { activityId: id, kind: 'elder', id: gone, present: false }, carer);
    expect(tables()).toEqual(before);
    expect((await b.raw('mutualaid.cancelAssociation', { id, reason: '改期' }, carer)).error?.code).toBe('FORBIDDEN');
    await b.call('mutualaid.cancelAssociation', { id, reason: '改期' }, keeper);
    expect(await refused('mutualaid.saveAssociation', { id, villageId: villages.east, heldOn: '2026-03-15', title: '茶话会（改）' }, carer)).toBe('这次活动已取消，不能再修改');
    expect(await refused('mutualaid.cancelAssociation', { id, reason: '再取消' })).toBe('这次活动已经取消了');
  });
});

describe('the elder card and the month sheet', () => {
  it('shows an elder’s pairs, help received and, for a 低龄老人 helper, the balance; a month per village', async () => {
    const elder = await addElder('张大爷', '1940-05-01');
    const west = await addElder('冯奶奶', '1938-03-03', villages.west);
    const young = await addElder('刘大妈', '1962-04-04');
    const h = await helper('刘大妈', { kind: 'young_elder', elderId: young });
    const { id: pairId } = await b.call('mutualaid.savePair', { helperId: h, elderId: elder, since: '2026-02-01' }, keeper);
    await b.call('mutualaid.recordActivity', activity(h, '2026-02-20', 60, { pairId }), carer);
    await b.call('mutualaid.recordActivity', activity(h, '2026-03-10', 90, { pairId, kind: 'shopping' }), carer);
    await b.call('mutualaid.recordActivity', activity(h, '2026-03-11', 30, { elderId: west, kind: 'visit' }), carer);
    const card = await b.call('mutualaid.ofElder', { elderId: elder }, carer);
    expect(card.pairs.map((p) => p.helper)).toEqual(['刘大妈']);
    expect(card.received.map((a) => [a.doneOn, a.kind])).toEqual([
      ['2026-03-10', 'shopping'],
      ['2026-02-20', 'company'],
    ]);
    expect(card.asHelper).toBeNull();
    expect((await b.call('mutualaid.ofElder', { elderId: young })).asHelper).toMatchObject({ name: '刘大妈', balanceTenths: 30 });
    const sheet = await b.call('mutualaid.sheet', { month: '2026-03' }, carer);
    expect(sheet.villages.map((v) => [v.village, v.pairs.length, v.totals])).toEqual([
      ['东村', 1, { activities: 1, minutes: 90, earnedTenths: 15 }],
      ['西村', 0, { activities: 1, minutes: 30, earnedTenths: 5 }],
    ]);
    expect(sheet.villages[0].helpers).toEqual([{ helperId: h, name: '刘大妈', activities: 1, minutes: 90, earnedTenths: 15, balanceTenths: 30 }]);
    expect((await b.call('mutualaid.sheet', { month: '2026-03', villageId: villages.west })).villages.map((v) => v.village)).toEqual(['西村']);
    expect((await b.call('mutualaid.sheet', { month: '2026-01' })).villages).toEqual([]);
  });
});
