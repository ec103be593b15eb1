// The medication round through the real dispatcher on a real SQLite file: the shift's doses, recording (one tap for a
// normal dose, a second person's PIN for a high-alert one, 按需 doses), every refusal with its own sentence and nothing
// written, corrections with the stock following, the effect of a 按需 dose, the monthly record and medication errors.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { In } from '@shared/api/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { DAY, SHIFT, careDay } from '../helpers/care-day';

let b: TestBackend;
let day: Awaited<ReturnType<typeof careDay>>;
let checker: Awaited<ReturnType<TestBackend['signInAs']>>;

/** Inserts a drug and an order as the orders part would (its methods are tested in medication-orders*.test.ts). */
function order(o: {
  residentId: string;
  drug: string;
  highAlert?: string;
  unit?: string;
  dose?: number;
  frequency?: string;
  times?: string[];
  supply?: 'kept' | 'self';
  startsOn?: string;
  endsOn?: string | null;
  stoppedOn?: string | null;
  prnMax?: number | null;
  /** When the order was typed in (default 1 March). */
  createdAt?: string;
}): string {
  const db = b.database.sqlite;
  const at = '2026-03-01T00:00:00.000Z';
  const drugId = randomUUID();
  db.prepare(
    `INSERT INTO drugs (id, name, form, strength, unit, high_alert, note, retired_at, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'tablet', '5 mg', ?, ?, '', NULL, ?, '王院长', ?, '王院长')`,
  ).run(drugId, o.drug, o.unit ?? 'tablet', o.highAlert ?? 'none', at, at);
  const id = randomUUID();
  const prn = o.frequency === 'prn';
  db.prepare(
    `INSERT INTO medication_orders (id, resident_id, drug_id, prescriber, prescriber_kind, institution, prescribed_on, dose_centi, route, frequency, times, meal_relation, prn_max_per_day, prn_indication, supply, starts_on, ends_on, note, doctor_visit_id, replaces_id, stopped_at, stopped_on, stopped_by, stop_reason, request_id, created_at, created_by_id, created_by)
     VALUES (?, ?, ?, '刘医生', 'township_hospital', '城关镇卫生院', '2026-03-01', ?, 'oral', ?, ?, 'after', ?, ?, ?, ?, ?, '', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, '王院长')`,
  ).run(
    id,
    o.residentId,
    drugId,
    o.dose ?? 100,
    o.frequency ?? 'times',
    JSON.stringify(prn ? [] : (o.times ?? ['08:00'])),
    prn ? (o.prnMax ?? 2) : null,
    prn ? '头痛' : '',
    o.supply ?? 'self',
    o.startsOn ?? '2026-03-01',
    o.endsOn ?? null,
    o.stoppedOn ? at : null,
    o.stoppedOn ?? null,
    o.stoppedOn ? '王院长' : null,
    o.stoppedOn ? '医生停药' : null,
    randomUUID(),
    o.createdAt ?? at,
    b.adminId,
  );
  return id;
}

function receive(residentId: string, orderId: string, quantityCenti: number, expiresOn = '2027-01-01') {
  const db = b.database.sqlite;
  const drugId = (db.prepare('SELECT drug_id AS d FROM medication_orders WHERE id = ?').get(orderId) as { d: string }).d;
  const id = randomUUID();
  const at = '2026-03-01T00:00:00.000Z';
  db.prepare(
    `INSERT INTO medicine_batches (id, resident_id, drug_id, batch_no, expires_on, received_on, quantity_centi, source, from_whom, note, request_id, created_at, created_by_id, created_by) VALUES (?, ?, ?, 'B1', ?, '2026-03-01', ?, 'family', '侄子', '', ?, ?, ?, '王院长')`,
  ).run(id, residentId, drugId, expiresOn, quantityCenti, randomUUID(), at, b.adminId);
  db.prepare(`INSERT INTO medicine_movements (id, batch_id, kind, quantity_centi, at, dose_id, count_id, reason, witness, recorded_by_id, recorded_by) VALUES (?, ?, 'received', ?, ?, NULL, NULL, '', '', ?, '王院长')`).run(
    randomUUID(),
    id,
    quantityCenti,
    at,
    b.adminId,
  );
  return id;
}

const early = () => day.carers.early.session;
const due = (hhmm: string, date = DAY) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const dose = (orderId: string, extra: Partial<In<'medication.recordDose'>> = {}): In<'medication.recordDose'> => ({ requestId: randomUUID(), orderId, dueAt: due('08:00'), outcome: 'given', reason: '', ...extra });
const stockLeft = () => (b.database.sqlite.prepare('SELECT COALESCE(SUM(quantity_centi), 0) AS n FROM medicine_movements').get() as { n: number }).n;

/** A refusal with its sentence, and nothing written (no dose, no stock movement, no audit entry). */
async function refused(input: In<'medication.recordDose'>, message: string | RegExp) {
  const before = { doses: b.count('medication_doses'), moves: b.count('medicine_movements'), audit: b.count('audit_log') };
  const r = await b.raw('medication.recordDose', input, early());
  expect(r.ok).toBe(false);
  if (typeof message === 'string') expect(r.error?.message).toContain(message);
  else expect(r.error?.message).toMatch(message);
  expect({ doses: b.count('medication_doses'), moves: b.count('medicine_movements'), audit: b.count('audit_log') }).toEqual(before);
  return r.error!;
}

beforeEach(async () => {
  b = await openTestBackend(); // 2026-03-15 10:00 China time: the early shift (07:00–15:00) is on
  day = await careDay(b);
  checker = await b.signInAs('caregiver', '护工小周', '246810');
});
afterEach(async () => b.close());

describe('the shift’s doses', () => {
  it('lists each resident’s doses of the shift in time order, with the late ones overdue and 按需 orders apart', async () => {
    const aspirin = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00', '12:00', '20:00'] });
    order({ residentId: day.li, drug: '氨氯地平片', times: ['07:30'] });
    order({ residentId: day.li, drug: '布洛芬缓释胶囊', frequency: 'prn', prnMax: 2 });
    order({ residentId: day.zhang, drug: '已停的药', times: ['08:00'], stoppedOn: '2026-03-10' });
    const s = await b.call('medication.shiftDoses', {}, early());
    expect(s.shift).toMatchObject({ name: '早班', shiftDate: DAY });
    // 李四 07:30 comes first; 张三 08:00 and 12:00 (20:00 is the middle shift's); the stopped order gives nothing
    expect(s.residents.map((r) => r.name)).toEqual(['李四', '张三']);
    const zhang = s.residents[1];
    expect(zhang.doses.map((d) => [d.drugName, d.slot, d.state, d.overdue, d.tooEarly])).toEqual([
      ['阿司匹林肠溶片', '08:00', 'pending', true, false],
      ['阿司匹林肠溶片', '12:00', 'pending', false, true],
    ]);
    expect(s.residents[0].prn).toMatchObject([{ drugName: '布洛芬缓释胶囊', maxPerDay: 2, givenToday: 0, indication: '头痛' }]);
    expect(s.totals).toEqual({ due: 3, recorded: 0, overdue: 2 });
    expect(s.next).toBe('07:30');
    await b.call('medication.recordDose', dose(aspirin), early());
    const after = await b.call('medication.shiftDoses', {}, early());
    expect(after.totals).toMatchObject({ recorded: 1 });
    expect(after.residents[1].doses[0]).toMatchObject({ state: 'given', record: { recordedBy: '早班小王', lateMinutes: 120 } });
  });

  it('shows a resident on leave greyed, the doses not counted, and refuses a dose for them', async () => {
    const pill = order({ residentId: day.li, drug: '氨氯地平片', times: ['10:00'] });
    b.database.sqlite.prepare("UPDATE residents SET status = 'on_leave' WHERE id = ?").run(day.li);
    const s = await b.call('medication.shiftDoses', {}, early());
    expect(s.residents[0]).toMatchObject({ name: '李四', present: false, status: 'on_leave' });
    expect(s.totals.due).toBe(0);
    await refused(dose(pill, { dueAt: due('10:00') }), '李四目前请假外出，不在院，不能登记服药');
    b.database.sqlite.prepare("UPDATE residents SET status = 'in_hospital' WHERE id = ?").run(day.li);
    await refused(dose(pill, { dueAt: due('10:00') }), '李四目前住院，不在院');
  });

  it('gives one resident’s doses on the resident’s page of the shift', async () => {
    order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00', '20:00'] });
    const r = await b.call('medication.residentDoses', { residentId: day.zhang, shiftId: SHIFT.early, shiftDate: DAY }, early());
    expect(r.resident.doses.map((d) => d.slot)).toEqual(['08:00']);
  });
});

describe('recording a dose', () => {
  it('records a normal dose with one call, once even when sent twice, and takes it from the kept stock', async () => {
    const pill = order({ residentId: day.zhang, drug: '二甲双胍片', times: ['10:00'], supply: 'kept', dose: 50 });
    receive(day.zhang, pill, 1000);
    const input = dose(pill, { dueAt: due('10:00') });
    const first = await b.call('medication.recordDose', input, early());
    expect(first).toMatchObject({ repeated: false, lateMinutes: null });
    expect(await b.call('medication.recordDose', input, early())).toEqual({ ...first, repeated: true });
    expect(b.count('medication_doses')).toBe(1);
    expect(stockLeft()).toBe(950);
  });

  it('flags a late dose with its minutes and refuses one too early', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00', '12:00'] });
    await refused(dose(pill, { dueAt: due('12:00') }), '还没到时间：最早 11:00 才能服');
    const late = await b.call('medication.recordDose', dose(pill), early());
    expect(late.lateMinutes).toBe(120);
  });

  it('refuses a dose already recorded with a clear sentence, not a database error', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['10:00'] });
    await b.call('medication.recordDose', dose(pill, { dueAt: due('10:00') }), early());
    const e = await refused(dose(pill, { dueAt: due('10:00') }), '张三 10:00 的阿司匹林肠溶片 5 mg已由早班小王在 10:00 登记为“已服”，不能再登记一次');
    expect(e.code).toBe('CONFLICT');
    // even as refused: a dose is recorded once
    await refused(dose(pill, { dueAt: due('10:00'), outcome: 'refused', reason: '不肯吃' }), '不能再登记一次');
  });

  it('refuses a stopped order, one not yet started, one ended, and a time that is not the order’s', async () => {
    const stopped = order({ residentId: day.zhang, drug: '地高辛片', times: ['10:00'], stoppedOn: '2026-03-14' });
    await refused(dose(stopped, { dueAt: due('10:00') }), '地高辛片 5 mg的医嘱已于 2026-03-14 停止（医生停药），不能再服');
    const later = order({ residentId: day.zhang, drug: '新开的药', times: ['10:00'], startsOn: '2026-03-16' });
    await refused(dose(later, { dueAt: due('10:00') }), '新开的药 5 mg的医嘱从 2026-03-16 才开始，2026-03-15 还不能服');
    const ended = order({ residentId: day.zhang, drug: '疗程药', times: ['10:00'], endsOn: '2026-03-14' });
    await refused(dose(ended, { dueAt: due('10:00') }), '疗程药 5 mg的医嘱已到期（最后一天 2026-03-14），不能再服');
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['10:00'] });
    await refused(dose(pill, { dueAt: due('09:00') }), '阿司匹林肠溶片 5 mg的医嘱在 09:00 没有服药时间（医嘱时间：10:00）');
  });

  it('refuses a kept medicine short of the dose, and an expired one, naming what is left', async () => {
    const pill = order({ residentId: day.zhang, drug: '二甲双胍片', times: ['10:00'], supply: 'kept', dose: 100 });
    receive(day.zhang, pill, 50);
    await refused(dose(pill, { dueAt: due('10:00') }), '二甲双胍片 5 mg代管库存不足：只剩 0.5 片，这次要服 1 片');
    const other = order({ residentId: day.li, drug: '氨氯地平片', times: ['10:00'], supply: 'kept' });
    receive(day.li, other, 1000, '2026-03-01');
    await refused(dose(other, { dueAt: due('10:00') }), /氨氯地平片 5 mg代管的药已过期（批号 B1，有效期至 2026-03-01），不能服用/);
    // 缺药 is recorded, and takes nothing
    await b.call('medication.recordDose', dose(other, { dueAt: due('10:00'), outcome: 'not_available', reason: '药已过期，已联系家属' }), early());
    expect(b.count('medicine_movements')).toBe(2);
  });

  it('asks a second person’s PIN for a high-alert dose: missing, oneself, a wrong PIN (counted) and the right one', async () => {
    const insulin = order({ residentId: day.zhang, drug: '门冬胰岛素注射液', times: ['10:00'], highAlert: 'insulin', unit: 'unit', dose: 800 });
    const base = dose(insulin, { dueAt: due('10:00') });
    await refused(base, '门冬胰岛素注射液 5 mg是高警示药品，要第二个人核对');
    await b.call('users.resetPin', { id: day.carers.early.userId, pin: '135790' });
    await refused({ ...base, checker: { userId: day.carers.early.userId, pin: '135790' } }, '核对人不能是您自己');
    const failsBefore = (b.database.sqlite.prepare('SELECT failed_attempts AS n FROM users WHERE id = ?').get(checker.id) as { n: number }).n;
    const wrong = await b.raw('medication.recordDose', { ...base, checker: { userId: checker.id, pin: '000000' } }, early());
    expect(wrong.error).toMatchObject({ code: 'INVALID_INPUT', field: 'checker' });
    expect(wrong.error?.message).toMatch(/^护工小周的PIN码不正确（再错 \d 次将锁定）/);
    expect(b.count('medication_doses')).toBe(0);
    // the wrong PIN counts towards the checker's lockout, like a sign-in
    expect((b.database.sqlite.prepare('SELECT failed_attempts AS n FROM users WHERE id = ?').get(checker.id) as { n: number }).n).toBe(failsBefore + 1);
    const ok = await b.call('medication.recordDose', { ...base, checker: { userId: checker.id, pin: '246810' } }, early());
    const row = b.database.sqlite.prepare('SELECT checker_name, recorded_by FROM medication_doses WHERE id = ?').get(ok.id);
    expect(row).toEqual({ checker_name: '护工小周', recorded_by: '早班小王' });
    const audit = b.database.sqlite.prepare("SELECT entity_id FROM audit_log WHERE action = 'second_check'").all();
    expect(audit).toEqual([{ entity_id: checker.id }]);
    // a refusal needs no check
    const other = order({ residentId: day.li, drug: '华法林钠片', times: ['10:00'], highAlert: 'anticoagulant' });
    await b.call('medication.recordDose', dose(other, { dueAt: due('10:00'), outcome: 'refused', reason: '老人拒绝' }), early());
  });

  it('lists the colleagues who may check, those on shift first', async () => {
    const list = await b.call('medication.checkers', {}, early());
    expect(list.map((c) => c.name)).toEqual(['护工小周']);
  });

  it('records a 按需 dose with its reason, up to the daily maximum, and its effect once', async () => {
    const prn = order({ residentId: day.li, drug: '布洛芬缓释胶囊', frequency: 'prn', prnMax: 2 });
    const base = dose(prn, { dueAt: null });
    const noReason = await b.raw('medication.recordDose', base, early());
    expect(noReason.error).toMatchObject({ field: 'reason', message: '按需用药请写明这次用药的原因（如：头痛、血压 170/100）' });
    const first = await b.call('medication.recordDose', { ...base, reason: '头痛' }, early());
    await b.call('medication.recordDose', { ...base, requestId: randomUUID(), reason: '仍头痛' }, early());
    await refused({ ...base, requestId: randomUUID(), reason: '又痛' }, '李四今天已按需服布洛芬缓释胶囊 5 mg 2 次，医嘱每天最多 2 次，不能再服');
    await refused({ ...base, requestId: randomUUID(), reason: '头痛', dueAt: due('10:00') }, '是按需用药，没有固定的服药时间');
    await b.call('medication.prnEffect', { doseId: first.id, effect: '半小时后头痛缓解' }, early());
    const again = await b.raw('medication.prnEffect', { doseId: first.id, effect: '又写一次' }, early());
    expect(again.error?.message).toBe('这次按需用药的效果已经记录过了（半小时后头痛缓解），不能再改');
    const s = await b.call('medication.shiftDoses', {}, early());
    expect(s.residents[0].prn[0]).toMatchObject({ givenToday: 2 });
    expect(s.residents[0].prn[0].doses.map((d) => d.prnEffect)).toEqual([null, '半小时后头痛缓解']);
  });

  it('refuses someone not on the roster now', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['10:00'] });
    const r = await b.raw('medication.recordDose', dose(pill, { dueAt: due('10:00') }), day.carers.night.session);
    expect(r.error?.message).toContain('您现在没有排班，不能登记服药');
    expect(b.count('medication_doses')).toBe(0);
  });
});

describe('corrections', () => {
  it('corrects a given dose to refused with a reason: a new record, the old superseded, the stock put back', async () => {
    const pill = order({ residentId: day.zhang, drug: '二甲双胍片', times: ['10:00'], supply: 'kept' });
    receive(day.zhang, pill, 1000);
    const given = await b.call('medication.recordDose', dose(pill, { dueAt: due('10:00') }), early());
    expect(stockLeft()).toBe(900);
    const noReason = await b.raw('medication.amendDose', { requestId: randomUUID(), doseId: given.id, outcome: 'refused', reason: '', amendReason: '' }, early());
    expect(noReason.error?.message).toBe('请填写更正原因');
    const fixed = await b.call('medication.amendDose', { requestId: randomUUID(), doseId: given.id, outcome: 'refused', reason: '吐出来了', amendReason: '点错了' }, early());
    expect(stockLeft()).toBe(1000);
    const twice = await b.raw('medication.amendDose', { requestId: randomUUID(), doseId: given.id, outcome: 'held', reason: '睡觉', amendReason: '再改' }, early());
    expect(twice.error?.message).toBe('这条服药记录已经更正过，请更正最新的那一条');
    await b.call('medication.amendDose', { requestId: randomUUID(), doseId: fixed.id, outcome: 'given', reason: '', amendReason: '后来服下了' }, early());
    expect(stockLeft()).toBe(900);
    const s = await b.call('medication.shiftDoses', {}, early());
    const d = s.residents[0].doses[0];
    expect(d).toMatchObject({ state: 'given', record: { amended: true, amendReason: '后来服下了' } });
    expect(d.superseded.map((x) => x.outcome)).toEqual(['given', 'refused']);
  });

  it('puts the stock back after a chain given → given (reason changed) → refused, and counts only a given dose as late', async () => {
    const pill = order({ residentId: day.zhang, drug: '二甲双胍片', times: ['08:00'], supply: 'kept' });
    receive(day.zhang, pill, 1000);
    const given = await b.call('medication.recordDose', dose(pill, { dueAt: due('08:00') }), early());
    expect(given.lateMinutes).toBe(120);
    const reworded = await b.call('medication.amendDose', { requestId: randomUUID(), doseId: given.id, outcome: 'given', reason: '分两次咽下', amendReason: '补充说明' }, early());
    expect(stockLeft()).toBe(900);
    const refusedNow = await b.call('medication.amendDose', { requestId: randomUUID(), doseId: reworded.id, outcome: 'refused', reason: '吐出来了', amendReason: '其实没服下' }, early());
    expect(stockLeft()).toBe(1000);
    const late = b.database.sqlite.prepare('SELECT late_minutes AS m FROM medication_doses WHERE id = ?').get(refusedNow.id) as { m: number | null };
    expect(late.m).toBeNull();
  });

  it('records a refusal at a late hour without calling it a late dose', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00'] });
    const r = await b.call('medication.recordDose', dose(pill, { dueAt: due('08:00'), outcome: 'refused', reason: '不肯吃' }), early());
    expect(r.lateMinutes).toBeNull();
  });

  it('refuses to correct a 按需 dose to given beyond the day\'s maximum, writing nothing', async () => {
    const prn = order({ residentId: day.li, drug: '布洛芬缓释胶囊', frequency: 'prn', prnMax: 1 });
    const base = dose(prn, { dueAt: null });
    await b.call('medication.recordDose', { ...base, reason: '头痛' }, early());
    const no = await b.call('medication.recordDose', { ...base, requestId: randomUUID(), outcome: 'refused', reason: '不想吃' }, early());
    const before = b.count('medication_doses');
    const r = await b.raw('medication.amendDose', { requestId: randomUUID(), doseId: no.id, outcome: 'given', reason: '头痛', amendReason: '后来吃了' }, early());
    expect(r.error?.message).toContain('医嘱每天最多 1 次，不能再改为已服');
    expect(b.count('medication_doses')).toBe(before);
  });

  it('asks the second PIN when a high-alert dose is corrected to given', async () => {
    const insulin = order({ residentId: day.zhang, drug: '门冬胰岛素注射液', times: ['10:00'], highAlert: 'insulin', unit: 'unit', dose: 800 });
    const held = await b.call('medication.recordDose', dose(insulin, { dueAt: due('10:00'), outcome: 'held', reason: '血糖偏低，先进食' }), early());
    const fix = { requestId: randomUUID(), doseId: held.id, outcome: 'given' as const, reason: '', amendReason: '进食后已注射' };
    const missing = await b.raw('medication.amendDose', fix, early());
    expect(missing.error).toMatchObject({ field: 'checker' });
    expect(missing.error?.message).toContain('是高警示药品，要第二个人核对');
    expect(b.count('medication_doses')).toBe(1);
    await b.call('medication.amendDose', { ...fix, checker: { userId: checker.id, pin: '246810' } }, early());
    const s = await b.call('medication.shiftDoses', {}, early());
    expect(s.residents[0].doses[0]).toMatchObject({ state: 'given', record: { checkerName: '护工小周', amended: true } });
  });

  it('asks a colleague again when the one correcting a checked dose was its checker', async () => {
    const lead = await b.signInAs('care_lead', '组长老赵', '112233');
    const insulin = order({ residentId: day.zhang, drug: '门冬胰岛素注射液', times: ['10:00'], highAlert: 'insulin', unit: 'unit', dose: 800 });
    const given = await b.call('medication.recordDose', dose(insulin, { dueAt: due('10:00'), checker: { userId: lead.id, pin: '112233' } }), early());
    const fix = { requestId: randomUUID(), doseId: given.id, outcome: 'given' as const, reason: '腹部皮下', amendReason: '补写注射部位' };
    const alone = await b.raw('medication.amendDose', fix, lead.session);
    expect(alone.error).toMatchObject({ field: 'checker' });
    expect(b.count('medication_doses')).toBe(1);
    await b.call('medication.amendDose', { ...fix, checker: { userId: checker.id, pin: '246810' } }, lead.session);
    expect(b.count('medication_doses')).toBe(2);
  });

  it('lets only the one who recorded it or the care lead correct a dose', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['10:00'] });
    const given = await b.call('medication.recordDose', dose(pill, { dueAt: due('10:00') }), early());
    const r = await b.raw('medication.amendDose', { requestId: randomUUID(), doseId: given.id, outcome: 'refused', reason: '', amendReason: '不对' }, day.carers.middle.session);
    expect(r.error?.message).toBe('这条记录是早班小王登记的；更正别人的服药记录请找护理组长');
    await b.call('medication.amendDose', { requestId: randomUUID(), doseId: given.id, outcome: 'refused', reason: '', amendReason: '组长核实' });
  });
});

describe('the monthly record', () => {
  it('gives days × dose times with who gave each, the 按需 doses and the counts', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00', '20:00'], startsOn: '2026-03-14' });
    const prn = order({ residentId: day.zhang, drug: '布洛芬缓释胶囊', frequency: 'prn' });
    await b.call('medication.recordDose', dose(pill), early());
    await b.call('medication.recordDose', dose(prn, { dueAt: null, reason: '头痛' }), early());
    const m = await b.call('medication.monthRecord', { residentId: day.zhang, month: '2026-03' });
    expect(m.days).toHaveLength(31);
    expect(m.orders).toHaveLength(1);
    const [morning, evening] = m.orders[0].slots;
    expect(morning.slot).toBe('08:00');
    expect(morning.cells[12]).toBeNull(); // 13 March: before the order
    expect(morning.cells[13]).toMatchObject({ state: 'pending' }); // 14 March: never recorded
    expect(morning.cells[14]).toMatchObject({ state: 'given', recordedBy: '早班小王', late: true });
    expect(evening.cells[14]).toBeNull(); // 20:00 of today is still to come
    expect(m.prn[0].doses).toMatchObject([{ reason: '头痛', recordedBy: '早班小王', date: DAY }]);
    expect(m.counts).toMatchObject({ due: 3, given: 1, pending: 2, late: 1 });
    expect(m.givers).toEqual(['早班小王']);
  });

  it('shows a dose given a little before its time (10:30 given at 10:00), and leaves the rest of the day blank', async () => {
    const pill = order({ residentId: day.li, drug: '氨氯地平片', times: ['10:30', '18:00'], startsOn: DAY });
    await b.call('medication.recordDose', dose(pill, { dueAt: due('10:30') }), early());
    const m = await b.call('medication.monthRecord', { residentId: day.li, month: '2026-03' });
    expect(m.orders[0].slots.map((s) => s.cells[14]?.state ?? null)).toEqual(['given', null]);
    expect(m.counts).toMatchObject({ due: 1, given: 1, pending: 0 });
  });
});

/** A leave or hospital stay as the residents part writes it: away from `date` to the day before `endDate`. */
function stay(residentId: string, type: 'leave' | 'hospital', date: string, endDate: string | null) {
  const at = '2026-03-01T00:00:00.000Z';
  b.database.sqlite
    .prepare(`INSERT INTO stay_events (id, resident_id, type, date, end_date, note, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, '', ?, '王院长', ?, '王院长')`)
    .run(randomUUID(), residentId, type, date, endDate, at, at);
}

describe('the monthly record: away, before the order was written, and the exceptions', () => {
  it('marks days on leave 外 and in hospital 住, leaves doses before the order was written blank, and counts neither as missed', async () => {
    // typed in on the evening of 7 March with a start of 5 March; on leave 9–11 March (back on the 12th), in hospital on the 13th
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00'], startsOn: '2026-03-05', createdAt: '2026-03-07T12:00:00.000Z' });
    stay(day.zhang, 'leave', '2026-03-09', '2026-03-12');
    stay(day.zhang, 'hospital', '2026-03-13', '2026-03-14');
    stay(day.li, 'hospital', '2026-03-01', null); // another resident's stay changes nothing here
    const m = await b.call('medication.monthRecord', { residentId: day.zhang, month: '2026-03' });
    const cells = m.orders.find((o) => o.orderId === pill)!.slots[0].cells.slice(0, 15).map((c) => c?.state ?? null);
    expect(cells).toEqual([null, null, null, null, null, null, null, 'pending', 'away', 'away', 'away', 'pending', 'hospital', 'pending', 'pending']);
    expect(m.counts).toMatchObject({ due: 4, pending: 4, away: 4, given: 0 });
    expect(m.exceptions).toEqual([]);
    const file = await b.call('medication.exportMonthRecord', { residentId: day.zhang, month: '2026-03' }, early());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('服药记录单')!.getRow(3);
    expect([5, 8, 9, 12, 13].map((d) => row.getCell(3 + d).value ?? '')).toEqual(['', '漏', '外', '漏', '住']);
  });

  it('lists each refusal, checked and corrected dose with its reason, who recorded and who checked, on screen and in Excel', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00'], startsOn: '2026-03-14' });
    const insulin = order({ residentId: day.zhang, drug: '门冬胰岛素注射液', times: ['10:00'], highAlert: 'insulin', unit: 'unit', dose: 800, startsOn: '2026-03-14' });
    const no = await b.call('medication.recordDose', dose(pill, { outcome: 'refused', reason: '老人说胃不舒服' }), early());
    await b.call('medication.amendDose', { requestId: randomUUID(), doseId: no.id, outcome: 'held', reason: '老人在睡觉', amendReason: '登记错了，是暂缓' }, early());
    await b.call('medication.recordDose', { ...dose(insulin, { dueAt: due('10:00') }), checker: { userId: checker.id, pin: '246810' } }, early());
    const m = await b.call('medication.monthRecord', { residentId: day.zhang, month: '2026-03' });
    // the 14th's doses, never recorded, are 漏 in their cells and not in the list
    expect(m.exceptions).toEqual([
      { date: DAY, slot: '08:00', orderId: pill, drug: '阿司匹林肠溶片 5 mg', state: 'held', reason: '老人在睡觉', recordedBy: '早班小王', checkerName: null, late: false, amendReason: '登记错了，是暂缓' },
      { date: DAY, slot: '10:00', orderId: insulin, drug: '门冬胰岛素注射液 5 mg', state: 'given', reason: '', recordedBy: '早班小王', checkerName: '护工小周', late: false, amendReason: null },
    ]);
    const file = await b.call('medication.exportMonthRecord', { residentId: day.zhang, month: '2026-03' }, early());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const notes = workbook.getWorksheet('情况说明')!;
    expect(notes.getRow(2).values).toEqual([undefined, '序号', '日期', '时间', '药品', '标记', '原因', '登记人', '核对人', '更正原因']);
    expect(notes.getRow(3).values).toEqual([undefined, 1, DAY, '08:00', '阿司匹林肠溶片 5 mg', '缓改', '老人在睡觉', '早班小王', '', '登记错了，是暂缓']);
    expect(notes.getRow(4).values).toEqual([undefined, 2, DAY, '10:00', '门冬胰岛素注射液 5 mg', '核', '', '早班小王', '护工小周', '']);
  });
});

describe('the monthly record as Excel', () => {
  it('writes days × times with who gave each, and audits the export', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['08:00'], startsOn: DAY });
    await b.call('medication.recordDose', dose(pill), early());
    const file = await b.call('medication.exportMonthRecord', { residentId: day.zhang, month: '2026-03' }, early());
    expect(file.fileName).toBe('服药记录单-张三-2026-03.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('服药记录单')!;
    expect(sheet.getRow(3).getCell(1).value).toBe('阿司匹林肠溶片 5 mg');
    expect(sheet.getRow(3).getCell(3 + 15).value).toBe('早班小王＊');
    expect(b.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export' AND entity = 'medicationDoses'").get()).toEqual({ n: 1 });
  });
});

describe('medication errors', () => {
  const incident = (extra: Partial<In<'incidents.report'>>): In<'incidents.report'> => ({
    requestId: randomUUID(),
    residentId: day.zhang,
    type: 'medication_error',
    occurredAt: '2026-03-15T09:00:00+08:00',
    place: '101室',
    severity: 'minor',
    description: '把李四的药给了张三',
    actionTaken: '通知医生，观察',
    ...extra,
  });

  it('needs the kind for a 用药差错, refuses it for other types, and links the dose', async () => {
    const pill = order({ residentId: day.zhang, drug: '阿司匹林肠溶片', times: ['10:00'] });
    const given = await b.call('medication.recordDose', dose(pill, { dueAt: due('10:00') }), early());
    const none = await b.raw('incidents.report', incident({}), early());
    expect(none.error).toMatchObject({ field: 'medicationError', message: '用药差错请选择差错种类（给错药、给错人、剂量错误……）' });
    const wrongType = await b.raw('incidents.report', incident({ type: 'fall', medicationError: 'wrong_drug' }), early());
    expect(wrongType.error?.message).toBe('只有“用药差错”才填差错种类和服药记录');
    const otherResident = await b.raw('incidents.report', incident({ residentId: day.li, medicationError: 'wrong_person', doseId: given.id }), early());
    expect(otherResident.error?.message).toBe('这条服药记录不是这位老人的');
    expect(b.count('incidents')).toBe(0);
    await b.call('incidents.report', incident({ medicationError: 'wrong_person', doseId: given.id }), early());
    const [row] = await b.call('incidents.list', { residentId: day.zhang });
    expect(row).toMatchObject({ type: 'medication_error', medicationError: 'wrong_person', doseId: given.id });
  });
});
