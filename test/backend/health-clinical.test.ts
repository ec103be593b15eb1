// Health, clinical records (issue 19) through the real dispatcher on a real SQLite file: doctors' visits with the
// residents seen and the orders they started, voiding; hospital referrals open → closed; the pressure-injury register
// with reviews, healing and voiding; the prevalence on a day (in-centre apart from brought-in) and the printed month.
// Every refusal has its own sentence and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { pressurePrevalence } from '../../electron/backend/services/health/pressure';

let b: TestBackend;
let medical: Session;
let carer: Session;
let zhang: string;
let li: string;
let wang: string;
let late: string;

beforeEach(async () => {
  b = await openTestBackend(); // 2026-03-15 10:00 China time
  const { bed } = await smallCentre(b);
  medical = (await b.signInAs('medical', '李医护')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  zhang = (await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) })).id;
  li = (await b.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1940-02-02', '234') }), admission: admission(bed('101', '2'), { agreementNo: 'XY-2' }) })).id;
  wang = (await b.call('residents.admit', { person: person({ name: '王五', idNumber: validIdNumber('1942-03-03', '345') }), admission: admission(bed('102', '1'), { agreementNo: 'XY-3' }) })).id;
  late = (await b.call('residents.admit', { person: person({ name: '赵六', idNumber: validIdNumber('1938-04-04', '456') }), admission: admission(bed('102', '2'), { date: '2026-03-10', agreementNo: 'XY-4' }) })).id;
});
afterEach(async () => b.close());

const tables = ['doctor_visits', 'doctor_visit_residents', 'hospital_referrals', 'pressure_injuries', 'pressure_injury_reviews', 'audit_log'];
const counts = () => Object.fromEntries(tables.map((t) => [t, b.count(t)]));
/** A call refused with this sentence, and nothing written. */
async function refused<M extends Parameters<TestBackend['raw']>[0]>(method: M, input: In<M>, message: string, session: Session = medical) {
  const before = counts();
  const result = await b.raw(method, input, session);
  expect(result.ok).toBe(false);
  expect(result.error?.message).toContain(message);
  expect(counts()).toEqual(before);
  return result.error!;
}

const visit = (extra: Partial<In<'health.recordDoctorVisit'>> = {}): In<'health.recordDoctorVisit'> => ({
  requestId: randomUUID(),
  visitedOn: '2026-03-12',
  doctor: '陈医生',
  institution: '测试镇卫生院',
  residents: [
    { residentId: zhang, findings: '血压150/90', advice: '加用氨氯地平5mg每日一次' },
    { residentId: li, findings: '双下肢轻度水肿', advice: '' },
  ],
  ...extra,
});

describe("doctors' visits", () => {
  it('records a visit with the residents seen, once even when sent twice, and lists and searches it', async () => {
    const form = visit();
    const first = await b.call('health.recordDoctorVisit', form, medical);
    expect(await b.call('health.recordDoctorVisit', form, medical)).toEqual(first);
    expect(b.count('doctor_visits')).toBe(1);
    expect(b.count('doctor_visit_residents')).toBe(2);
    const [row] = await b.call('health.doctorVisits', { month: '2026-03' }, carer);
    expect(row).toMatchObject({ doctor: '陈医生', institution: '测试镇卫生院', recordedBy: '李医护', voided: null });
    expect(row!.residents.map((r) => [r.name, r.advice])).toEqual([
      ['张三', '加用氨氯地平5mg每日一次'],
      ['李四', ''],
    ]);
    expect(await b.call('health.doctorVisits', { month: '2026-03', search: '水肿' })).toHaveLength(1);
    expect(await b.call('health.doctorVisits', { month: '2026-03', search: 'ww' })).toHaveLength(0);
    expect(await b.call('health.doctorVisits', { month: '2026-03', residentId: wang })).toHaveLength(0);
    expect(await b.call('health.doctorVisits', { month: '2026-02' })).toHaveLength(0);
  });

  it('refuses a visit in the future, a resident not yet admitted, a resident with nothing written, the same resident twice', async () => {
    await refused('health.recordDoctorVisit', visit({ visitedOn: '2026-03-16' }), '巡诊日期（2026-03-16）在将来');
    await refused('health.recordDoctorVisit', visit({ visitedOn: '2026-03-05', residents: [{ residentId: late, findings: '好', advice: '' }] }), '赵六2026-03-10才入住，2026-03-05不在本院');
    await refused('health.recordDoctorVisit', visit({ residents: [{ residentId: wang, findings: '', advice: '' }] }), '请填写王五的检查所见或医嘱建议');
    await refused('health.recordDoctorVisit', visit({ residents: [{ residentId: wang, findings: '好', advice: '' }, { residentId: wang, findings: '好', advice: '' }] }), '同一位老人只能登记一次');
    await refused('health.recordDoctorVisit', visit({ residents: [] }), '请至少选择一位看过的老人');
    const forbidden = await refused('health.recordDoctorVisit', visit(), '', carer);
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  it('refuses a resident away in hospital all that day, but not on the day of leaving or coming back', async () => {
    await b.call('residents.startLeave', { residentId: wang, kind: 'hospital', startDate: '2026-03-05', expectedReturn: null, note: '县医院' });
    await refused('health.recordDoctorVisit', visit({ residents: [{ residentId: wang, findings: '好', advice: '' }] }), '王五2026-03-05起住院，2026-03-12不在院内，不能登记这次巡诊');
    await b.call('health.recordDoctorVisit', visit({ visitedOn: '2026-03-05', residents: [{ residentId: wang, findings: '胸闷，建议转县医院', advice: '' }] }), medical);
    await b.call('residents.endLeave', { residentId: wang, returnDate: '2026-03-13' });
    await b.call('health.recordDoctorVisit', visit({ visitedOn: '2026-03-13', residents: [{ residentId: wang, findings: '出院回来，精神可', advice: '' }] }), medical);
  });

  it('refuses a discharged resident', async () => {
    await b.call('residents.discharge', { residentId: wang, date: '2026-03-01', reason: 'moved_out' });
    await refused('health.recordDoctorVisit', visit({ residents: [{ residentId: wang, findings: '好', advice: '' }] }), '王五已于2026-03-01离院，2026-03-12不在本院');
  });

  it('shows the orders started from the visit, and refuses to void it while they run', async () => {
    const { id } = await b.call('health.recordDoctorVisit', visit(), medical);
    const stamp = ['2026-03-12T02:00:00.000Z', '测试', '2026-03-12T02:00:00.000Z', '测试'];
    b.database.sqlite.prepare("INSERT INTO drugs (id, name, form, strength, unit, created_at, created_by, updated_at, updated_by) VALUES ('d1', '氨氯地平片', 'tablet', '5 mg', 'tablet', ?, ?, ?, ?)").run(...stamp);
    b.database.sqlite
      .prepare(
        `INSERT INTO medication_orders (id, resident_id, drug_id, prescriber, prescriber_kind, prescribed_on, dose_centi, route, frequency, times, meal_relation, supply, starts_on, doctor_visit_id, request_id, created_at, created_by_id, created_by)
         VALUES ('o1', ?, 'd1', '陈医生', 'township_hospital', '2026-03-12', 100, 'oral', 'qd', '["08:00"]', 'after', 'kept', '2026-03-13', ?, ?, '2026-03-12T02:00:00.000Z', ?, '李医护')`,
      )
      .run(zhang, id, randomUUID(), b.adminId);
    const [row] = await b.call('health.doctorVisits', { month: '2026-03' });
    expect(row!.residents[0]!.orders).toEqual([{ id: 'o1', residentId: zhang, drug: '氨氯地平片 5 mg', startsOn: '2026-03-13', stoppedOn: null }]);
    expect(row!.residents[1]!.orders).toEqual([]);
    await refused('health.voidDoctorVisit', { id, reason: '登记错了' }, '这次巡诊开出的医嘱仍在执行（张三：氨氯地平片）');
    b.database.sqlite.prepare("UPDATE medication_orders SET stopped_at = '2026-03-14T02:00:00.000Z', stopped_on = '2026-03-14', stopped_by = '李医护', stop_reason = '停药' WHERE id = 'o1'").run();
    await b.call('health.voidDoctorVisit', { id, reason: '登记错了' }, medical);
    expect(await b.call('health.doctorVisits', { month: '2026-03' })).toHaveLength(0);
    const [voided] = await b.call('health.doctorVisits', { month: '2026-03', includeVoided: true });
    expect(voided!.voided).toMatchObject({ by: '李医护', reason: '登记错了' });
    await refused('health.voidDoctorVisit', { id, reason: '再作废' }, '这次巡诊已由李医护作废（登记错了）');
  });
});

describe('hospital referrals', () => {
  const refer = (extra: Partial<In<'health.referResident'>> = {}): In<'health.referResident'> => ({ residentId: zhang, referredOn: '2026-03-08', hospital: '县人民医院', reason: '胸闷气短', escortedBy: '护理员小王', ...extra });

  it('lists an open referral with its days away, then closes it with the outcome and summary', async () => {
    const { id } = await b.call('health.referResident', refer(), medical);
    const [open] = await b.call('health.referrals', {}, carer);
    expect(open).toMatchObject({ name: '张三', hospital: '县人民医院', outcome: 'open', daysAway: 7, residentStatus: 'in_residence', closedBy: null });
    await b.call('health.closeReferral', { id, outcome: 'returned', closedOn: '2026-03-14', summary: '冠心病，住院6天好转出院，继续口服药' }, medical);
    expect(await b.call('health.referrals', {})).toEqual([]);
    const [closed] = await b.call('health.referrals', { status: 'closed' });
    expect(closed).toMatchObject({ outcome: 'returned', closedOn: '2026-03-14', daysAway: 6, closedBy: '李医护' });
    expect(await b.call('health.referrals', { status: 'all', search: '冠心病' })).toHaveLength(1);
    // closed, a new referral of the same resident is fine
    await b.call('health.referResident', refer({ referredOn: '2026-03-15', reason: '复查' }), medical);
  });

  it('refuses a second open referral, a future day, a resident not yet there, closing twice or before the referral', async () => {
    const { id } = await b.call('health.referResident', refer(), medical);
    await refused('health.referResident', refer({ referredOn: '2026-03-10' }), '张三2026-03-08转诊到县人民医院的记录还没有结束');
    await refused('health.referResident', refer({ residentId: li, referredOn: '2026-03-20' }), '转诊日期（2026-03-20）在将来');
    await refused('health.referResident', refer({ residentId: late, referredOn: '2026-03-01' }), '赵六2026-03-10才入住');
    await refused('health.closeReferral', { id, outcome: 'returned', closedOn: '2026-03-07', summary: '好转' }, '结束日期（2026-03-07）早于转诊日期（2026-03-08）');
    await refused('health.closeReferral', { id, outcome: 'returned', closedOn: '2026-03-16', summary: '好转' }, '结束日期（2026-03-16）在将来');
    await refused('health.closeReferral', { id, outcome: 'returned', closedOn: '2026-03-10', summary: '' }, '请填写出院小结（简要）');
    await b.call('health.closeReferral', { id, outcome: 'died', closedOn: '2026-03-10', summary: '抢救无效' }, medical);
    await refused('health.closeReferral', { id, outcome: 'returned', closedOn: '2026-03-11', summary: '好转' }, '这次转诊已于2026-03-10由李医护登记为已去世，不能再次结束');
  });
});

describe('pressure injuries', () => {
  const injury = (extra: Partial<In<'health.recordPressureInjury'>> = {}): In<'health.recordPressureInjury'> => ({
    requestId: randomUUID(),
    residentId: zhang,
    site: '骶尾部',
    origin: 'in_centre',
    foundOn: '2026-03-02',
    stage: 'stage2',
    lengthCm: 2,
    widthCm: 1.5,
    riskScale: 'braden',
    riskScore: 12,
    repositionHours: 2,
    note: '水胶体敷料',
    ...extra,
  });

  it('records an injury once, reviews it, heals it; the list follows the latest review', async () => {
    const form = injury();
    const { id } = await b.call('health.recordPressureInjury', form, medical);
    expect(await b.call('health.recordPressureInjury', form, medical)).toEqual({ id });
    await b.call('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: id, reviewedOn: '2026-03-09', stage: 'stage1', lengthCm: 1, widthCm: 1, note: '好转' }, medical);
    const [row] = await b.call('health.pressureInjuries', {}, carer);
    expect(row).toMatchObject({ name: '张三', site: '骶尾部', stage: 'stage2', currentStage: 'stage1', currentLengthCm: 1, lastReviewedOn: '2026-03-09', days: 13, healedOn: null });
    expect(row!.reviews).toHaveLength(1);
    await refused('health.healPressureInjury', { id, healedOn: '2026-03-08' }, '愈合日期（2026-03-08）早于最后一次复查（2026-03-09）');
    await b.call('health.healPressureInjury', { id, healedOn: '2026-03-14' }, medical);
    expect(await b.call('health.pressureInjuries', {})).toEqual([]);
    expect(await b.call('health.pressureInjuries', { status: 'healed' })).toHaveLength(1);
    await refused('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: id, reviewedOn: '2026-03-15', stage: 'stage1', note: '' }, '张三的“骶尾部”压疮已于2026-03-14愈合，不能再登记复查');
    await refused('health.healPressureInjury', { id, healedOn: '2026-03-15' }, '已于2026-03-14登记愈合');
    // healed, the same site may break down again
    await b.call('health.recordPressureInjury', injury({ foundOn: '2026-03-15' }), medical);
  });

  it('refuses bad input with its own sentence and writes nothing', async () => {
    await refused('health.recordPressureInjury', injury({ foundOn: '2026-03-16' }), '发现日期（2026-03-16）在将来');
    await refused('health.recordPressureInjury', injury({ riskScale: 'none', riskScore: 12 }), '填写了风险评分，请选择所用的评估量表');
    await refused('health.recordPressureInjury', injury({ riskScore: null }), '请填写Braden评分');
    await refused('health.recordPressureInjury', injury({ riskScore: 30 }), 'Braden评分应在6–23分之间');
    await refused('health.recordPressureInjury', injury({ widthCm: null }), '请同时填写长和宽（厘米），或都不填');
    await refused('health.recordPressureInjury', injury({ residentId: late, foundOn: '2026-03-01', origin: 'on_admission' }), '赵六2026-03-10才入住');
    const { id } = await b.call('health.recordPressureInjury', injury(), medical);
    await refused('health.recordPressureInjury', injury({ stage: 'stage1' }), '张三的“骶尾部”已有未愈合的压疮（2026-03-02发现，Ⅱ期），请在那条记录上登记复查');
    await refused('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: id, reviewedOn: '2026-03-01', stage: 'stage2', note: '' }, '复查日期（2026-03-01）早于发现日期（2026-03-02）');
    await b.call('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: id, reviewedOn: '2026-03-10', stage: 'stage2', note: '' }, medical);
    await refused('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: id, reviewedOn: '2026-03-09', stage: 'stage2', note: '' }, '复查日期（2026-03-09）早于上次复查（2026-03-10）');
    expect((await refused('health.voidPressureInjury', { id, reason: '错' }, '', carer)).code).toBe('FORBIDDEN');
    await b.call('health.voidPressureInjury', { id, reason: '登记错了老人' }, medical);
    await refused('health.voidPressureInjury', { id, reason: '再作废' }, '这条压疮记录已由李医护作废（登记错了老人）');
    await refused('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: id, reviewedOn: '2026-03-12', stage: 'stage2', note: '' }, '这条压疮记录已由李医护作废');
    expect(await b.call('health.pressureInjuries', {})).toEqual([]);
    expect(await b.call('health.pressureInjuries', { includeVoided: true })).toHaveLength(1);
  });

  it('is held by the database too: an injury as found never changes, it heals once and is voided once', async () => {
    const { id } = await b.call('health.recordPressureInjury', injury({ site: '左足跟' }), medical);
    const db = b.database.sqlite;
    expect(() => db.prepare("UPDATE pressure_injuries SET stage = 'stage1' WHERE id = ?").run(id)).toThrow(/never changed/);
    expect(() => db.prepare("UPDATE pressure_injuries SET site = '右足跟' WHERE id = ?").run(id)).toThrow(/never changed/);
    db.prepare("UPDATE pressure_injuries SET healed_on = '2026-03-14' WHERE id = ?").run(id);
    expect(() => db.prepare("UPDATE pressure_injuries SET healed_on = '2026-03-15' WHERE id = ?").run(id)).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM pressure_injuries WHERE id = ?').run(id)).toThrow(/never deleted/);
  });

  it('counts the prevalence on a day: in-centre apart from brought-in, healed, voided and discharged left out', async () => {
    const a = await b.call('health.recordPressureInjury', injury(), medical); // 张三 in centre, Ⅱ期
    await b.call('health.recordPressureInjury', injury({ site: '左足跟', stage: 'stage1', foundOn: '2026-03-05' }), medical); // 张三 again: one resident
    await b.call('health.recordPressureInjury', injury({ residentId: li, origin: 'on_admission', foundOn: '2026-01-10', site: '右髋部', stage: 'stage3' }), medical);
    const healed = await b.call('health.recordPressureInjury', injury({ residentId: wang, foundOn: '2026-02-01', site: '骶尾部' }), medical);
    await b.call('health.healPressureInjury', { id: healed.id, healedOn: '2026-02-20' }, medical);
    const voided = await b.call('health.recordPressureInjury', injury({ residentId: late, foundOn: '2026-03-11', site: '枕部' }), medical);
    await b.call('health.voidPressureInjury', { id: voided.id, reason: '看错了' }, medical);
    await b.call('health.reviewPressureInjury', { requestId: randomUUID(), injuryId: a.id, reviewedOn: '2026-03-12', stage: 'stage3', note: '加重' }, medical);

    const now = await b.call('health.pressurePrevalence', { onDate: '2026-03-15' }, carer);
    expect(now).toMatchObject({ residents: 4, withOpen: 2, withInCentre: 1, withBroughtIn: 1, ratePercent: 50, inCentreRatePercent: 25, month: '2026-03', newInCentre: 2 });
    expect(now.byStage).toEqual({ stage1: 1, stage2: 0, stage3: 2, stage4: 0, unstageable: 0, deep_tissue: 0 });
    // before the review, 张三's first injury was still Ⅱ期; 赵六 not yet admitted; 王五's injury open in February
    expect(await pressurePrevalence(b.database.db, '2026-03-11')).toMatchObject({ residents: 4, withOpen: 2, byStage: { stage1: 1, stage2: 1, stage3: 1 } });
    expect(await pressurePrevalence(b.database.db, '2026-02-10')).toMatchObject({ residents: 3, withOpen: 2, withInCentre: 1, withBroughtIn: 1, newInCentre: 1 });
    expect(await pressurePrevalence(b.database.db, '2026-02-20')).toMatchObject({ withOpen: 1, withInCentre: 0 });
    // a discharged resident leaves the count on the day of discharge
    await b.call('residents.discharge', { residentId: li, date: '2026-03-14', reason: 'moved_out' });
    expect(await b.call('health.pressurePrevalence', { onDate: '2026-03-15' })).toMatchObject({ residents: 3, withOpen: 1, withBroughtIn: 0, ratePercent: 33.3 });
    // the injury stays in the register, marked as the resident's now
    const [gone] = await b.call('health.pressureInjuries', { residentId: li });
    expect(gone).toMatchObject({ site: '右髋部', residentStatus: 'discharged' });

    const sheet = await b.call('health.pressureSheet', { month: '2026-02' });
    expect(sheet.centre).toBe('测试镇敬老院');
    expect(sheet.rows.map((r) => [r.name, r.site])).toEqual([
      ['李四', '右髋部'],
      ['王五', '骶尾部'],
    ]);
    expect(sheet.prevalence).toMatchObject({ onDate: '2026-02-28', withOpen: 1, newInCentre: 1 });
    const march = await b.call('health.pressureSheet', { month: '2026-03' });
    expect(march.rows.map((r) => r.site)).toEqual(['右髋部', '骶尾部', '左足跟']);
    expect(march.prevalence.onDate).toBe('2026-03-15');
  });
});
