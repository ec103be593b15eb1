// Medicines kept for residents (代管药品) through the real dispatcher on a real SQLite file: receiving (the batch and its
// 'received' movement), the stock per resident and drug with days of supply at the active kept orders and its warnings,
// the dashboard's alerts, a count (盘点) with a reason for the difference, return and destruction with a witness, a
// batch's ledger and the printed sheet; every refusal with its own sentence and nothing written; who may do what. The
// drug list, agreements and orders are inserted as the orders part's services would write them.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { demoMedicationCount, demoMedicationStock } from '../../electron/backend/demo/medication-stock';
import { seededRandom } from '../../electron/backend/demo/random';

let b: TestBackend;
let carer: Session;
let r1: string;
let r2: string;
let drugA: string; // 硝苯地平缓释片 tablet
let drugB: string; // 二甲双胍 tablet
let insulin: string; // unit

const stamp = { created_at: '2026-01-01T00:00:00.000Z', created_by: '测试', updated_at: '2026-01-01T00:00:00.000Z', updated_by: '测试' };
function insert(table: string, row: Record<string, unknown>, stamped = true) {
  const values = stamped ? { ...row, ...stamp } : row;
  const cols = Object.keys(values);
  b.database.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(values).map((v) => (Array.isArray(v) ? JSON.stringify(v) : v)));
  return row.id as string;
}
const drug = (name: string, unit: string, extra: Record<string, unknown> = {}) => insert('drugs', { id: randomUUID(), name, form: unit === 'unit' ? 'injection' : 'tablet', strength: '10 mg', unit, ...extra });
const agreement = (residentId: string) => insert('medication_agreements', { id: randomUUID(), resident_id: residentId, signed_on: '2026-01-10', signed_by: '张小明', relation: '侄子' });
function order(residentId: string, drugId: string, o: { dose: number; times: string[]; frequency?: string; supply?: string; starts?: string; stopped?: string }) {
  return insert(
    'medication_orders',
    {
      id: randomUUID(),
      resident_id: residentId,
      drug_id: drugId,
      prescriber: '李医生',
      prescriber_kind: 'township_hospital',
      prescribed_on: '2026-03-01',
      dose_centi: o.dose,
      route: 'oral',
      frequency: o.frequency ?? 'bid',
      times: o.times,
      meal_relation: 'after',
      prn_max_per_day: o.frequency === 'prn' ? 3 : null,
      prn_indication: o.frequency === 'prn' ? '头痛' : '',
      supply: o.supply ?? 'kept',
      starts_on: o.starts ?? '2026-03-01',
      stopped_on: o.stopped ?? null,
      stopped_at: o.stopped ? '2026-03-10T00:00:00.000Z' : null,
      stopped_by: o.stopped ? '测试' : null,
      stop_reason: o.stopped ? '医生停药' : null,
      request_id: randomUUID(),
      created_at: '2026-03-01T00:00:00.000Z',
      created_by_id: 'x',
      created_by: '测试',
    },
    false,
  );
}

function receiveInput(overrides: Partial<In<'medication.receive'>> = {}): In<'medication.receive'> {
  return { requestId: randomUUID(), residentId: r1, drugId: drugA, batchNo: 'B2026-01', expiresOn: '2027-06-30', quantity: 28, source: 'family', fromWhom: '张小明', receivedOn: '2026-03-15', ...overrides };
}

function counts() {
  return { batches: b.count('medicine_batches'), movements: b.count('medicine_movements'), counts: b.count('medicine_counts'), lines: b.count('medicine_count_lines'), audit: b.count('audit_log') };
}

async function refused(method: Parameters<TestBackend['raw']>[0], input: unknown, pattern: RegExp, session?: Session) {
  const before = counts();
  const result = await b.raw(method, input as never, session);
  expect(result.ok).toBe(false);
  expect(result.error?.message).toMatch(pattern);
  expect(counts()).toEqual(before);
  return result.error!;
}

beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  r1 = (await b.call('residents.admit', { person: person({ name: '张三' }), admission: admission(bed('101', '1')) })).id;
  r2 = (await b.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1946-02-01', '456') }), admission: admission(bed('101', '2'), { agreementNo: 'XY-2026-002' }) })).id;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  drugA = drug('硝苯地平缓释片', 'tablet');
  drugB = drug('二甲双胍片', 'tablet', { strength: '0.5 g' });
  insulin = drug('门冬胰岛素注射液', 'unit', { high_alert: 'insulin', strength: '300单位/支' });
  agreement(r1);
});
afterEach(async () => {
  await b.close();
});

describe('receiving', () => {
  it('writes the batch and its received movement, once for the same form', async () => {
    const input = receiveInput();
    const { id } = await b.call('medication.receive', input);
    const again = await b.call('medication.receive', input);
    expect(again.id).toBe(id);
    expect(b.count('medicine_batches')).toBe(1);
    const moves = b.database.sqlite.prepare('SELECT kind, quantity_centi AS q FROM medicine_movements WHERE batch_id = ?').all(id);
    expect(moves).toEqual([{ kind: 'received', q: 2800 }]);
    const ledger = await b.call('medication.batchLedger', { batchId: id });
    expect(ledger.batch.leftCenti).toBe(2800);
    expect(ledger.movements.map((m) => [m.kind, m.quantityCenti, m.balanceCenti])).toEqual([['received', 2800, 2800]]);
    expect(b.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'medicineBatches'").get()).toEqual({ n: 1 });
    const choices = await b.call('medication.receiveChoices', {});
    expect(choices.residents.map((r) => [r.name, r.hasAgreement])).toEqual([['张三', true], ['李四', false]]);
    expect(choices.drugs).toHaveLength(3);
    expect((await b.raw('medication.receiveChoices', {}, carer)).ok).toBe(false);
  });

  it('refuses with its own sentence and writes nothing', async () => {
    await refused('medication.receive', receiveInput({ expiresOn: '2026-03-01' }), /已于2026-03-01过期，不能接收/);
    // typed in late with an earlier 收药日期: expired by today all the same
    await refused('medication.receive', receiveInput({ receivedOn: '2026-03-01', expiresOn: '2026-03-10' }), /已于2026-03-10过期，不能接收/);
    await refused('medication.receive', receiveInput({ residentId: r2 }), /李四还没有签订服药管理协议/);
    await refused('medication.receive', receiveInput({ receivedOn: '2026-03-16' }), /在将来/);
    await refused('medication.receive', receiveInput({ quantity: 1.005 }), /最多两位小数/);
    await refused('medication.receive', receiveInput({ quantity: 0 }), /数量应大于0/);
    await refused('medication.receive', receiveInput({ batchNo: '  ' }), /请填写批号/);
    b.database.sqlite.prepare("UPDATE drugs SET retired_at = '2026-03-01T00:00:00.000Z' WHERE id = ?").run(drugB);
    await refused('medication.receive', receiveInput({ drugId: drugB }), /二甲双胍片”已停用/);
    await refused('medication.receive', receiveInput(), /权限|无权/, carer);
    await b.call('residents.discharge', { residentId: r1, date: '2026-03-14', reason: 'moved_out', note: '' });
    await refused('medication.receive', receiveInput(), /张三已于2026-03-14出院，不能再接收代管药品/);
  });

  it('receives without an agreement when the settings do not ask for one', async () => {
    const { settings } = await b.call('medication.settings', {});
    await b.call('medication.saveSettings', { ...settings, agreementRequired: false });
    await b.call('medication.receive', receiveInput({ residentId: r2 }));
    expect(b.count('medicine_batches')).toBe(1);
  });
});

describe('the drug list and the kept stock', () => {
  it('keeps a drug with kept stock in its unit: changing it is refused and nothing written', async () => {
    await b.call('medication.receive', receiveInput());
    const drug = (await b.call('medication.drugs', { query: '', includeRetired: true })).find((d) => d.id === drugA)!;
    await refused('medication.saveDrug', { id: drugA, name: drug.name, form: drug.form, strength: drug.strength, unit: 'ml', highAlert: drug.highAlert, note: drug.note, retired: false }, /已有 1 批代管药品按原来的单位记账/);
  });

  it('warns of nothing short for a discharged resident whose order was never stopped', async () => {
    order(r1, drugB, { dose: 50, times: ['07:30'], frequency: 'qd' });
    expect((await b.call('medication.stockAlerts', {})).items.map((i) => i.warning)).toEqual(['none_left']);
    await b.call('residents.discharge', { residentId: r1, date: '2026-03-14', reason: 'moved_out', note: '' });
    expect((await b.call('medication.stockAlerts', {})).items).toEqual([]);
  });
});

describe('stock, days of supply and warnings', () => {
  it('counts days at the active kept orders and warns of expiry and low supply', async () => {
    // 硝苯地平: 1 片 twice a day, 28 片 + 4 片 expired → 14 days
    order(r1, drugA, { dose: 100, times: ['08:00', '17:00'] });
    // a stopped order, a self-kept one and a PRN one are not counted
    order(r1, drugA, { dose: 100, times: ['12:00'], stopped: '2026-03-10' });
    order(r1, drugA, { dose: 100, times: ['21:00'], frequency: 'qn', supply: 'self' });
    order(r1, drugA, { dose: 100, times: [], frequency: 'prn' });
    await b.call('medication.receive', receiveInput());
    await b.call('medication.receive', receiveInput({ batchNo: 'OLD-1', expiresOn: '2026-03-15', receivedOn: '2026-03-01', quantity: 4 }));
    // 胰岛素: 8 单位 a day, 300 left → 37 days, expiring within 30 days
    order(r1, insulin, { dose: 800, times: ['07:30'], frequency: 'qd' });
    await b.call('medication.receive', receiveInput({ drugId: insulin, batchNo: 'INS-9', expiresOn: '2026-04-10', quantity: 300 }));
    // 二甲双胍: ordered, nothing received
    order(r1, drugB, { dose: 50, times: ['07:30', '11:30', '17:30'], frequency: 'tid' });

    b.clock.set('2026-03-16T02:00:00.000Z'); // OLD-1 expired yesterday
    for (const s of [b.admin, carer]) s.signIn(s.user!, b.clock.now());
    const stock = await b.call('medication.stock', { residentId: r1 });
    const byName = new Map(stock.residents[0].drugs.map((d) => [d.drugName, d]));
    const a = byName.get('硝苯地平缓释片')!;
    expect([a.leftCenti, a.usableCenti, a.dailyCenti, a.daysOfSupply]).toEqual([3200, 2800, 200, 14]);
    expect(a.warnings).toEqual(['expired']);
    expect(a.batches.map((x) => [x.batchNo, x.expired])).toEqual([['OLD-1', true], ['B2026-01', false]]);
    const ins = byName.get('门冬胰岛素注射液')!;
    expect([ins.daysOfSupply, ins.warnings]).toEqual([37, ['expiring']]);
    const met = byName.get('二甲双胍片')!;
    expect([met.leftCenti, met.daysOfSupply, met.warnings, met.batches]).toEqual([0, 0, ['none_left'], []]);

    const alerts = await b.call('medication.stockAlerts', {});
    expect([alerts.expired, alerts.expiring, alerts.low]).toEqual([1, 1, 1]);
    expect(alerts.items.map((i) => i.warning)).toEqual(['expired', 'none_left', 'expiring']);
    expect(alerts.items[0]).toMatchObject({ resident: '张三', drugName: '硝苯地平缓释片', expiresOn: '2026-03-15' });
    // the caregiver reads it too
    expect((await b.call('medication.stockAlerts', {}, carer)).expired).toBe(1);

    const warned = await b.call('medication.stock', { residentId: null, warningsOnly: true });
    expect(warned.residents[0].drugs).toHaveLength(3);
    // fewer than 7 days: 10 片 at 2 a day
    const { settings } = await b.call('medication.settings', {});
    await b.call('medication.saveSettings', { ...settings, supplyWarnDays: 15 });
    expect((await b.call('medication.stock', { residentId: r1 })).residents[0].drugs.find((d) => d.drugId === drugA)!.warnings).toEqual(['expired', 'low']);
  });
});

describe('counts', () => {
  it('writes the difference as a count movement with its reason and witness', async () => {
    const { id: batch } = await b.call('medication.receive', receiveInput());
    const { id: other } = await b.call('medication.receive', receiveInput({ drugId: drugB, batchNo: 'M-1', quantity: 60 }));
    const result = await b.call('medication.count', {
      requestId: randomUUID(),
      countedOn: '2026-03-15',
      witness: '李护士',
      lines: [
        { batchId: batch, counted: 27, expectedCenti: 2800, reason: '掉地上一片已销毁' },
        { batchId: other, counted: 60, expectedCenti: 6000, reason: '' },
      ],
    });
    expect(result.differences).toBe(1);
    const ledger = await b.call('medication.batchLedger', { batchId: batch });
    expect(ledger.batch.leftCenti).toBe(2700);
    expect(ledger.movements.at(-1)).toMatchObject({ kind: 'count', quantityCenti: -100, reason: '掉地上一片已销毁', witness: '李护士' });
    const list = await b.call('medication.counts', {});
    expect(list[0]).toMatchObject({ witness: '李护士', lines: 2, differences: 1 });
    const detail = await b.call('medication.countDetail', { id: result.id });
    expect(detail.items.map((i) => [i.drugName, i.expectedCenti, i.countedCenti])).toEqual([
      ['二甲双胍片', 6000, 6000],
      ['硝苯地平缓释片', 2800, 2700],
    ]);
  });

  it('refuses a difference without reason, a moved batch, no witness, a future date; writes nothing', async () => {
    const { id: batch } = await b.call('medication.receive', receiveInput());
    const base = { requestId: randomUUID(), countedOn: '2026-03-15', witness: '李护士' };
    await refused('medication.count', { ...base, lines: [{ batchId: batch, counted: 26 }] }, /清点 26 片，账面 28 片，不一致，请填写差异原因/);
    await refused('medication.count', { ...base, lines: [{ batchId: batch, counted: 28, expectedCenti: 3000 }] }, /账面数量已变化/);
    await refused('medication.count', { ...base, witness: '', lines: [{ batchId: batch, counted: 28 }] }, /请填写监盘人/);
    await refused('medication.count', { ...base, countedOn: '2026-03-20', lines: [{ batchId: batch, counted: 28 }] }, /在将来/);
    await refused('medication.count', { ...base, lines: [] }, /请至少清点一个批次/);
    await refused('medication.count', { ...base, lines: [{ batchId: batch, counted: 28 }, { batchId: batch, counted: 28 }] }, /同一批次只能清点一次/);
    await refused('medication.count', { ...base, lines: [{ batchId: batch, counted: 28 }] }, /权限|无权/, carer);
  });
});

describe('return and destruction', () => {
  it('takes the quantity off with the reason and witness; refuses more than is left', async () => {
    const { id: batch } = await b.call('medication.receive', receiveInput());
    const input = { requestId: randomUUID(), batchId: batch, kind: 'destroyed' as const, quantity: 8, reason: '医嘱停用', witness: '李护士' };
    await b.call('medication.dispose', input);
    await b.call('medication.dispose', input); // the same form twice: once
    await refused('medication.dispose', { ...input, requestId: randomUUID(), quantity: 21 }, /只剩 20 片，不能销毁 21 片/);
    await refused('medication.dispose', { ...input, requestId: randomUUID(), witness: '' }, /请填写见证人/);
    await refused('medication.dispose', { ...input, requestId: randomUUID(), reason: '' }, /请填写原因/);
    await b.call('medication.dispose', { ...input, requestId: randomUUID(), kind: 'returned', quantity: 20, reason: '老人出院', witness: '家属张小明' });
    await refused('medication.dispose', { ...input, requestId: randomUUID(), quantity: 1 }, /已经没有剩余/);
    const ledger = await b.call('medication.batchLedger', { batchId: batch });
    expect(ledger.movements.map((m) => [m.kind, m.quantityCenti, m.balanceCenti])).toEqual([
      ['received', 2800, 2800],
      ['destroyed', -800, 2000],
      ['returned', -2000, 0],
    ]);
    // the database itself refuses below zero
    expect(() =>
      b.database.sqlite
        .prepare("INSERT INTO medicine_movements (id, batch_id, kind, quantity_centi, at, reason, witness, recorded_by_id, recorded_by) VALUES (?, ?, 'destroyed', -1, 'x', 'r', 'w', 'u', 'n')")
        .run(randomUUID(), batch),
    ).toThrow(/never goes below zero/);
    // an empty batch leaves the stock list, and the sheet of one resident keeps it
    expect((await b.call('medication.stock', { residentId: r1 })).residents).toEqual([]);
    const sheet = await b.call('medication.stockSheet', { residentId: r1 });
    expect(sheet.residents[0].batches[0].events.map((e) => [e.kind, e.witness])).toEqual([
      ['destroyed', '李护士'],
      ['returned', '家属张小明'],
    ]);
    expect((await b.call('medication.stockSheet', {})).residents).toEqual([]);
  });
});

describe('demo', () => {
  it('receives for the kept orders (one low, one expiring), destroys one batch, and counts with one difference', async () => {
    order(r1, drugA, { dose: 100, times: ['08:00', '17:00'], starts: '2026-01-20' });
    order(r1, drugB, { dose: 50, times: ['07:30', '11:30', '17:30'], frequency: 'tid', starts: '2026-01-20' });
    order(r1, insulin, { dose: 800, times: ['07:30'], frequency: 'qd', starts: '2026-01-20' });
    order(r1, drugA, { dose: 100, times: [], frequency: 'prn', starts: '2026-01-20' });
    const drugC = drug('阿托伐他汀钙片', 'tablet');
    const drugD = drug('华法林钠片', 'tablet');
    order(r1, drugC, { dose: 100, times: ['21:00'], frequency: 'qn', starts: '2026-01-20' });
    order(r1, drugD, { dose: 100, times: ['08:00'], frequency: 'qd', starts: '2026-01-20' });
    order(r2, drugA, { dose: 100, times: ['08:00'], frequency: 'qd', starts: '2026-01-20' }); // no agreement: none
    const deps = { db: b.database.db, clock: b.clock };
    const actor = { userId: 'demo', name: '演示数据', role: 'admin' as const };
    const events = await demoMedicationStock(deps, actor, seededRandom(5), '2026-03-15');
    expect(events).toBeGreaterThanOrEqual(6);
    expect(await demoMedicationCount(deps, actor, '2026-03-15')).toBe(1);
    const stock = await b.call('medication.stock', { residentId: null });
    expect(stock.residents.map((r) => [r.name, r.drugs.some((d) => d.batches.length > 0)])).toEqual([['张三', true], ['李四', false]]);
    expect(stock.residents[1].drugs[0].warnings).toEqual(['none_left']);
    const warnings = stock.residents[0].drugs.flatMap((d) => d.warnings);
    expect(warnings).toContain('expiring');
    const list = await b.call('medication.counts', {});
    expect(list[0].differences).toBe(1);
    expect(b.database.sqlite.prepare("SELECT count(*) AS n FROM medicine_movements WHERE kind = 'destroyed'").get()).toEqual({ n: 1 });
  });
});
