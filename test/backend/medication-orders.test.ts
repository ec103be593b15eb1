// The medication orders part through the real dispatcher on a real SQLite file: the drug list (one of a name, form and
// strength; identity and unit fixed once an order uses it; retiring refused while orders run), the 服药管理协议 (one
// open per resident, ended with a reason), orders (the centre's times copied for 每日三次, the doctor's own sorted for
// 指定时间, 按需 with its maximum and indication; never edited: stopped once, changed = stop + new in one transaction),
// the centre's and a resident's lists, and who may do what. Every refusal names the problem in Chinese and writes
// nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let nurse: Session;
let carer: Session;
let zhang: string;
let li: string;
let drugs: { aspirin: string; insulin: string; warfarin: string; paracetamol: string };

const TABLES = ['drugs', 'medication_agreements', 'medication_orders', 'audit_log'];
const counts = () => Object.fromEntries(TABLES.map((t) => [t, b.count(t)]));
const snapshot = () => b.database.sqlite.prepare("SELECT group_concat(id || coalesce(stopped_on, '-') || coalesce(stop_reason, '-'), ',') AS s FROM medication_orders").get();

/** Calls a write that must be refused: its code, its Chinese message, and nothing written. */
async function refused<M extends Parameters<TestBackend['raw']>[0]>(method: M, input: In<M>, code: string, message: RegExp, session: Session = nurse) {
  const before = counts();
  const orders = snapshot();
  const result = await b.raw(method, input, session);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error?.code).toBe(code);
  expect(result.error?.message).toMatch(message);
  expect(counts()).toEqual(before);
  expect(snapshot()).toEqual(orders);
  return result.error!;
}

function order(overrides: Partial<In<'medication.startOrder'>> = {}): In<'medication.startOrder'> {
  return {
    requestId: randomUUID(),
    residentId: zhang,
    drugId: drugs.aspirin,
    prescriber: '刘医生',
    prescriberKind: 'township_hospital',
    institution: '柳湾镇卫生院',
    prescribedOn: '2026-03-10',
    dose: 1,
    route: 'oral',
    frequency: 'qd',
    mealRelation: 'after',
    supply: 'kept',
    startsOn: '2026-03-10',
    ...overrides,
  };
}

beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  zhang = (await b.call('residents.admit', { person: person({ name: '张三' }), admission: admission(bed('101', '1')) })).id;
  li = (await b.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1942-02-02', '456') }), admission: admission(bed('101', '2'), { agreementNo: 'XY-2026-002' }) })).id;
  nurse = (await b.signInAs('medical', '医护小刘')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  drugs = {
    aspirin: (await b.call('medication.saveDrug', { name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'tablet' }, nurse)).id,
    insulin: (await b.call('medication.saveDrug', { name: '门冬胰岛素注射液', form: 'injection', strength: '300单位/3ml', unit: 'unit', highAlert: 'insulin' }, nurse)).id,
    warfarin: (await b.call('medication.saveDrug', { name: '华法林钠片', form: 'tablet', strength: '2.5 mg', unit: 'tablet', highAlert: 'anticoagulant' }, nurse)).id,
    paracetamol: (await b.call('medication.saveDrug', { name: '对乙酰氨基酚片', form: 'tablet', strength: '0.5 g', unit: 'tablet' }, nurse)).id,
  };
});
afterEach(async () => b.close());

describe('the drug list', () => {
  it('lists by name with the running orders, searches, and refuses a second drug of the same name, form and strength', async () => {
    await b.call('medication.startOrder', order(), nurse);
    const rows = await b.call('medication.drugs', {}, carer);
    expect(rows.map((r) => [r.name, r.highAlert, r.activeOrders])).toEqual([
      ['阿司匹林肠溶片', 'none', 1],
      ['对乙酰氨基酚片', 'none', 0],
      ['华法林钠片', 'anticoagulant', 0],
      ['门冬胰岛素注射液', 'insulin', 0],
    ]);
    expect((await b.call('medication.drugs', { query: '胰岛素' }, carer)).map((r) => r.name)).toEqual(['门冬胰岛素注射液']);
    await refused('medication.saveDrug', { name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'tablet' }, 'CONFLICT', /药品目录里已有「阿司匹林肠溶片 100 mg（片剂）」/);
    // Another strength is another drug.
    await b.call('medication.saveDrug', { name: '阿司匹林肠溶片', form: 'tablet', strength: '25 mg', unit: 'tablet' }, nurse);
  });

  it('keeps a used drug’s identity and unit, refuses retiring it while orders run, and retires it once they stop', async () => {
    const id = (await b.call('medication.startOrder', order(), nurse)).id;
    await refused('medication.saveDrug', { id: drugs.aspirin, name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'capsule' }, 'CONFLICT', /已有 1 条医嘱，不能再改名称、剂型、规格或剂量单位/);
    await refused('medication.saveDrug', { id: drugs.aspirin, name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'tablet', retired: true }, 'CONFLICT', /还有 1 条在用或将开始的医嘱使用「阿司匹林肠溶片 100 mg」/);
    // The note and the high-alert class may change.
    await b.call('medication.saveDrug', { id: drugs.aspirin, name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'tablet', note: '饭后服' }, nurse);
    await b.call('medication.stopOrder', { id, stoppedOn: '2026-03-15', reason: '医生停药' }, nurse);
    await b.call('medication.saveDrug', { id: drugs.aspirin, name: '阿司匹林肠溶片', form: 'tablet', strength: '100 mg', unit: 'tablet', retired: true }, nurse);
    expect((await b.call('medication.drugs', {}, nurse)).map((r) => r.name)).not.toContain('阿司匹林肠溶片');
    expect((await b.call('medication.drugs', { includeRetired: true }, nurse)).find((r) => r.id === drugs.aspirin)?.retired).toBe(true);
  });

  it('is kept by the medical staff, not by a caregiver', async () => {
    await refused('medication.saveDrug', { name: '硝苯地平缓释片', form: 'tablet', strength: '20 mg', unit: 'tablet' }, 'FORBIDDEN', /./, carer);
  });
});

describe('服药管理协议', () => {
  it('signs one per resident, lists who has none, and ends it with a reason', async () => {
    const id = (await b.call('medication.startAgreement', { residentId: zhang, signedOn: '2026-03-01', signedBy: '张小明', relation: '侄子' }, nurse)).id;
    const list = await b.call('medication.agreements', {}, carer);
    expect(list.rows.map((r) => [r.residentName, r.signedBy, r.relation, r.hasPhoto])).toEqual([['张三', '张小明', '侄子', false]]);
    expect(list.missing.map((r) => r.name)).toEqual(['李四']);
    await refused('medication.startAgreement', { residentId: zhang, signedOn: '2026-03-02', signedBy: '张三', relation: '本人' }, 'CONFLICT', /张三已有 2026-03-01 签订的服药管理协议；如需重签，请先终止原协议/);
    await refused('medication.startAgreement', { residentId: li, signedOn: '2026-03-16', signedBy: '李四', relation: '本人' }, 'INVALID_INPUT', /签订日期不能晚于今天/);
    await refused('medication.endAgreement', { id, endedOn: '2026-02-01', reason: '家属要求' }, 'INVALID_INPUT', /终止日期不能早于签订日期 2026-03-01/);
    await b.call('medication.endAgreement', { id, endedOn: '2026-03-14', reason: '改由家属自行管理' }, nurse);
    await refused('medication.endAgreement', { id, endedOn: '2026-03-14', reason: '再次终止' }, 'CONFLICT', /已于 2026-03-14 终止/);
    expect((await b.call('medication.agreements', {}, carer)).rows).toEqual([]);
    expect((await b.call('medication.agreements', { includeEnded: true }, carer)).rows.map((r) => r.endReason)).toEqual(['改由家属自行管理']);
    // A new one may be signed once the old one is ended.
    await b.call('medication.startAgreement', { residentId: zhang, signedOn: '2026-03-15', signedBy: '张三', relation: '本人' }, nurse);
  });

  it('keeps the photo out of the list and gives it when asked', async () => {
    const photo = 'data:image/png;base64,iVBORw0KGgo=';
    const id = (await b.call('medication.startAgreement', { residentId: li, signedOn: '2026-03-01', signedBy: '李小红', relation: '女儿', photo }, nurse)).id;
    expect((await b.call('medication.agreements', { residentId: li }, carer)).rows[0].hasPhoto).toBe(true);
    expect((await b.call('medication.agreementPhoto', { id }, carer)).photo).toBe(photo);
  });

  it('refuses a discharged resident', async () => {
    await b.call('residents.discharge', { residentId: li, date: '2026-03-12', reason: 'moved_out', note: '' });
    await refused('medication.startAgreement', { residentId: li, signedOn: '2026-03-13', signedBy: '李四', relation: '本人' }, 'CONFLICT', /李四已离院，不能再签订服药管理协议/);
  });
});

describe('orders', () => {
  it('copies the centre’s times for 每日三次, sorts the doctor’s own times, and keeps 按需 without times', async () => {
    await b.call('medication.saveSettings', { ...(await b.call('medication.settings', {})).settings, tidTimes: ['07:00', '11:00', '17:00'] }, nurse);
    const tid = (await b.call('medication.startOrder', order({ frequency: 'tid', dose: 0.5 }), nurse)).id;
    const own = (await b.call('medication.startOrder', order({ drugId: drugs.insulin, frequency: 'times', times: ['17:30', '06:30'], dose: 8, route: 'subcutaneous', mealRelation: 'before' }), nurse)).id;
    const prn = (await b.call('medication.startOrder', order({ drugId: drugs.paracetamol, frequency: 'prn', prnMaxPerDay: 3, prnIndication: '体温超过 38.5℃ 或疼痛时' }), nurse)).id;
    const { resident, orders, agreementSignedOn } = await b.call('medication.residentOrders', { residentId: zhang }, carer);
    expect(resident.name).toBe('张三');
    expect(agreementSignedOn).toBeNull();
    const byId = new Map(orders.map((o) => [o.id, o]));
    expect(byId.get(tid)).toMatchObject({ times: ['07:00', '11:00', '17:00'], doseCenti: 50, state: 'active', createdBy: '医护小刘' });
    expect(byId.get(own)).toMatchObject({ times: ['06:30', '17:30'], doseCenti: 800, highAlert: 'insulin', unit: 'unit' });
    expect(byId.get(prn)).toMatchObject({ times: [], prnMaxPerDay: 3, prnIndication: '体温超过 38.5℃ 或疼痛时' });
    // The PRN order comes last; scheduled ones by their first time.
    expect(orders.map((o) => o.id)).toEqual([own, tid, prn]);
    // A later change of the centre's times never moves an order.
    await b.call('medication.saveSettings', { ...(await b.call('medication.settings', {})).settings, tidTimes: ['07:30', '11:30', '17:30'] }, nurse);
    expect((await b.call('medication.residentOrders', { residentId: zhang }, carer)).orders.find((o) => o.id === tid)?.times).toEqual(['07:00', '11:00', '17:00']);
  });

  it('links an order to the doctor’s visit that gave it, only for a resident seen at a visit still standing', async () => {
    const visit = (
      await b.call('health.recordDoctorVisit', { requestId: randomUUID(), visitedOn: '2026-03-14', doctor: '王建国', institution: '柳湾镇卫生院', residents: [{ residentId: zhang, findings: '血压 150/90', advice: '加用氨氯地平' }] }, nurse)
    ).id;
    const id = (await b.call('medication.startOrder', order({ doctorVisitId: visit, prescribedOn: '2026-03-14', startsOn: '2026-03-15' }), nurse)).id;
    expect((await b.call('medication.residentOrders', { residentId: zhang }, carer)).orders.find((o) => o.id === id)?.doctorVisitId).toBe(visit);
    await refused('medication.startOrder', order({ residentId: li, doctorVisitId: visit }), 'CONFLICT', /李四不在这次医生巡诊看过的老人中/);
    const other = (await b.call('health.recordDoctorVisit', { requestId: randomUUID(), visitedOn: '2026-03-14', doctor: '李秀梅', residents: [{ residentId: li, findings: '咳嗽', advice: '多饮水' }] }, nurse)).id;
    await b.call('health.voidDoctorVisit', { id: other, reason: '记错了日期' }, nurse);
    await refused('medication.startOrder', order({ residentId: li, doctorVisitId: other }), 'CONFLICT', /该次医生巡诊记录已作废，不能据此开医嘱/);
  });

  it('writes a form sent twice once', async () => {
    const input = order();
    const first = await b.call('medication.startOrder', input, nurse);
    const again = await b.call('medication.startOrder', input, nurse);
    expect(again).toEqual({ id: first.id, repeated: true });
    expect(b.count('medication_orders')).toBe(1);
  });

  it('refuses bad orders, each with its own message, writing nothing', async () => {
    await b.call('medication.saveDrug', { id: drugs.warfarin, name: '华法林钠片', form: 'tablet', strength: '2.5 mg', unit: 'tablet', highAlert: 'anticoagulant', retired: true }, nurse);
    await refused('medication.startOrder', order({ drugId: drugs.warfarin }), 'CONFLICT', /「华法林钠片 2.5 mg」已在药品目录中停用，不能用于新医嘱/);
    await refused('medication.startOrder', order({ startsOn: '2026-03-12', endsOn: '2026-03-11' }), 'INVALID_INPUT', /结束日期不能早于开始日期/);
    await refused('medication.startOrder', order({ frequency: 'prn', prnIndication: '疼痛时' }), 'INVALID_INPUT', /按需（必要时）医嘱请填写每日最多次数/);
    await refused('medication.startOrder', order({ frequency: 'prn', prnMaxPerDay: 2 }), 'INVALID_INPUT', /按需（必要时）医嘱请填写用药指征/);
    await refused('medication.startOrder', order({ dose: 0.125 }), 'INVALID_INPUT', /每次剂量最多保留两位小数/);
    await refused('medication.startOrder', order({ dose: 0 }), 'INVALID_INPUT', /每次剂量应大于 0/);
    await refused('medication.startOrder', order({ frequency: 'times', times: [] }), 'INVALID_INPUT', /指定时间的医嘱请至少填写一个服药时间/);
    await refused('medication.startOrder', order({ frequency: 'times', times: ['08:00', '08:00'] }), 'INVALID_INPUT', /服药时间不能重复/);
    await refused('medication.startOrder', order({ frequency: 'times', times: ['8点'] }), 'INVALID_INPUT', /服药时间格式应为 时:分/);
    await refused('medication.startOrder', order({ prescribedOn: '2026-03-16', startsOn: '2026-03-16' }), 'INVALID_INPUT', /开具日期不能晚于今天/);
    await refused('medication.startOrder', order({ startsOn: '2026-03-09' }), 'INVALID_INPUT', /开始日期不能早于开具日期 2026-03-10/);
    await refused('medication.startOrder', order({ doctorVisitId: randomUUID() }), 'NOT_FOUND', /医生巡诊记录/);
    await refused('medication.startOrder', order(), 'FORBIDDEN', /./, carer);
    await b.call('residents.discharge', { residentId: li, date: '2026-03-12', reason: 'moved_out', note: '' });
    await refused('medication.startOrder', order({ residentId: li }), 'CONFLICT', /李四已离院，不能再开医嘱/);
  });

  it('stops an order once, from a date on, and never edits it', async () => {
    const id = (await b.call('medication.startOrder', order(), nurse)).id;
    await refused('medication.stopOrder', { id, stoppedOn: '2026-03-09', reason: '医生停药' }, 'INVALID_INPUT', /停止日期不能早于医嘱开始日期 2026-03-10/);
    await refused('medication.stopOrder', { id, stoppedOn: '2026-03-16', reason: '' }, 'INVALID_INPUT', /请填写停止原因/);
    await b.call('medication.stopOrder', { id, stoppedOn: '2026-03-16', reason: '血压平稳，医生停药' }, nurse);
    await refused('medication.stopOrder', { id, stoppedOn: '2026-03-17', reason: '再停一次' }, 'CONFLICT', /该医嘱已于 2026-03-16 停止（血压平稳，医生停药），不能再次停止或调整/);
    // Running until the day before the stop: still active today (the 15th), stopped from the 16th.
    const [o] = (await b.call('medication.residentOrders', { residentId: zhang }, carer)).orders;
    expect(o).toMatchObject({ state: 'active', stoppedOn: '2026-03-16', stoppedBy: '医护小刘', stopReason: '血压平稳，医生停药' });
    // Stopped from today: no longer running, shown only with the history.
    const today = (await b.call('medication.startOrder', order({ drugId: drugs.paracetamol }), nurse)).id;
    await b.call('medication.stopOrder', { id: today, stoppedOn: '2026-03-15', reason: '医生停药' }, nurse);
    expect((await b.call('medication.residentOrders', { residentId: zhang }, carer)).orders.map((x) => x.id)).toEqual([id]);
    expect((await b.call('medication.residentOrders', { residentId: zhang, includeEnded: true }, carer)).orders.map((x) => [x.id, x.state])).toEqual([
      [id, 'active'],
      [today, 'stopped'],
    ]);
    // A caregiver reads orders but neither stops nor changes them; the stop is in the audit log with who and why.
    await refused('medication.stopOrder', { id, stoppedOn: '2026-03-17', reason: '护理员停药' }, 'FORBIDDEN', /./, carer);
    const audit = b.database.sqlite.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'medicationOrders' AND entity_id = ? ORDER BY rowid").all(id) as { actor: string; action: string; after: string }[];
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['医护小刘', 'create'],
      ['医护小刘', 'update'],
    ]);
    expect(JSON.parse(audit[1].after)).toMatchObject({ stoppedOn: '2026-03-16', stopReason: '血压平稳，医生停药', stoppedBy: '医护小刘' });
    // The database refuses an edit of the order itself.
    expect(() => b.database.sqlite.prepare('UPDATE medication_orders SET dose_centi = 200 WHERE id = ?').run(id)).toThrow(/never edited/);
  });

  it('refuses a stop past the order’s end and one before a recorded dose', async () => {
    const id = (await b.call('medication.startOrder', order({ endsOn: '2026-03-20' }), nurse)).id;
    await refused('medication.stopOrder', { id, stoppedOn: '2026-03-21', reason: '医生停药' }, 'CONFLICT', /该医嘱到 2026-03-20 已结束，无需停止/);
    const { adminId } = b;
    b.database.sqlite
      .prepare(
        `INSERT INTO medication_doses (id, order_id, resident_id, due_at, slot, dose_date, outcome, given_at, dose_centi, request_id, recorded_at, recorded_by_id, recorded_by)
         VALUES (?, ?, ?, '2026-03-14T00:00:00.000Z', '08:00', '2026-03-14', 'given', '2026-03-14T00:05:00.000Z', 100, ?, '2026-03-14T00:05:00.000Z', ?, '王院长')`,
      )
      .run(randomUUID(), id, zhang, randomUUID(), adminId);
    await refused('medication.stopOrder', { id, stoppedOn: '2026-03-13', reason: '补记停药' }, 'CONFLICT', /该医嘱 2026-03-14 已有服药记录，停止日期不能早于 2026-03-14 的次日/);
    await b.call('medication.stopOrder', { id, stoppedOn: '2026-03-15', reason: '医生停药' }, nurse);
  });

  it('changes an order: the old stops the day the new starts, in one step, and a refused change leaves both as they were', async () => {
    const old = (await b.call('medication.startOrder', order({ drugId: drugs.warfarin, dose: 1, frequency: 'qd' }), nurse)).id;
    const change = (o: Partial<In<'medication.startOrder'>>) => {
      const { requestId: _r, residentId: _p, ...fields } = order({ drugId: drugs.warfarin, prescribedOn: '2026-03-15', startsOn: '2026-03-16', dose: 0.75, ...o });
      return { requestId: randomUUID(), replacesId: old, reason: 'INR 偏高，减量', order: fields };
    };
    // The new order is checked like any other: nothing happens to the old one when it is refused.
    await refused('medication.changeOrder', change({ dose: 0.755 }), 'INVALID_INPUT', /每次剂量最多保留两位小数/);
    await refused('medication.changeOrder', change({ frequency: 'prn', prnIndication: '出血时' }), 'INVALID_INPUT', /按需（必要时）医嘱请填写每日最多次数/);
    await refused('medication.changeOrder', change({ startsOn: '2026-03-09', prescribedOn: '2026-03-09' }), 'INVALID_INPUT', /停止日期不能早于医嘱开始日期 2026-03-10/);
    const input = change({});
    const { id } = await b.call('medication.changeOrder', input, nurse);
    expect(await b.call('medication.changeOrder', input, nurse)).toEqual({ id, repeated: true });
    const all = (await b.call('medication.residentOrders', { residentId: zhang, includeEnded: true }, carer)).orders;
    const before = all.find((o) => o.id === old)!;
    const after = all.find((o) => o.id === id)!;
    expect(before).toMatchObject({ stoppedOn: '2026-03-16', stopReason: '调整医嘱：INR 偏高，减量', replacedById: id, state: 'active' });
    expect(after).toMatchObject({ replacesId: old, doseCenti: 75, startsOn: '2026-03-16', state: 'upcoming', residentId: zhang });
    await refused('medication.changeOrder', { ...change({}), requestId: randomUUID() }, 'CONFLICT', /该医嘱已于 2026-03-16 停止/);
  });

  it('lists the centre’s residents with their running orders and whether they signed, searchable by name, initials or drug', async () => {
    await b.call('medication.startAgreement', { residentId: zhang, signedOn: '2026-03-01', signedBy: '张小明', relation: '侄子' }, nurse);
    await b.call('medication.startOrder', order(), nurse);
    await b.call('medication.startOrder', order({ residentId: li, drugId: drugs.insulin, frequency: 'bid', dose: 6, route: 'subcutaneous' }), nurse);
    const ended = (await b.call('medication.startOrder', order({ residentId: li, startsOn: '2026-03-10', endsOn: '2026-03-12' }), nurse)).id;
    const all = await b.call('medication.orders', {}, carer);
    expect(all.map((r) => [r.name, r.agreementSignedOn, r.orders.map((o) => o.drugName)])).toEqual([
      ['张三', '2026-03-01', ['阿司匹林肠溶片']],
      ['李四', null, ['门冬胰岛素注射液']],
    ]);
    expect(all[1].orders.map((o) => o.id)).not.toContain(ended);
    expect((await b.call('medication.orders', { query: '胰岛素' }, carer)).map((r) => r.name)).toEqual(['李四']);
    expect((await b.call('medication.orders', { query: 'ZS' }, carer)).map((r) => r.name)).toEqual(['张三']);
  });
});

describe('discharge', () => {
  it('stops the running and future orders the day after the discharge, audited, and leaves the others alone', async () => {
    const running = (await b.call('medication.startOrder', order(), nurse)).id;
    const future = (await b.call('medication.startOrder', order({ drugId: drugs.warfarin, startsOn: '2026-03-20' }), nurse)).id;
    const ended = (await b.call('medication.startOrder', order({ drugId: drugs.paracetamol, endsOn: '2026-03-12' }), nurse)).id;
    const other = (await b.call('medication.startOrder', order({ residentId: li }), nurse)).id;
    await b.call('residents.discharge', { residentId: zhang, date: '2026-03-14', reason: 'moved_out', note: '' });
    const rows = b.database.sqlite.prepare('SELECT id, stopped_on AS stoppedOn, stop_reason AS reason FROM medication_orders').all() as { id: string; stoppedOn: string | null; reason: string | null }[];
    const of = (id: string) => rows.find((r) => r.id === id);
    expect(of(running)).toMatchObject({ stoppedOn: '2026-03-15', reason: '老人离院' });
    expect(of(future)).toMatchObject({ stoppedOn: '2026-03-20', reason: '老人离院' });
    expect(of(ended)).toMatchObject({ stoppedOn: null });
    expect(of(other)).toMatchObject({ stoppedOn: null });
    const audited = b.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'medicationOrders' AND action = 'update'").get() as { n: number };
    expect(audited.n).toBe(2);
  });
});
