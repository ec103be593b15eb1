// The health file through the real dispatcher on a real SQLite file: check-ups with their attachment, voiding, the
// coverage and the year's summary; family-doctor contracts (overlap, ending, who has none, expiring); the monthly entry
// prefilled from the care log's vitals (a corrected reading counts once), updated and audited; the trends; the
// printed file with orders, pressure injuries and referrals read from their tables; every refusal with its own
// sentence and nothing written; who may do what.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let zhang: string;
let li: string;
let wang: string;
let medical: Session;
let caregiver: Session;
const PDF = `data:application/pdf;base64,${Buffer.from('%PDF-1.4 test').toString('base64')}`;

beforeEach(async () => {
  b = await openTestBackend(); // 2026-03-15 10:00 China time
  const { bed } = await smallCentre(b);
  zhang = (await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) })).id;
  li = (await b.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1940-02-02', '234') }), admission: admission(bed('101', '2'), { agreementNo: 'XY-2026-002' }) })).id;
  wang = (await b.call('residents.admit', { person: person({ name: '王五', idNumber: validIdNumber('1942-03-03', '345') }), admission: admission(bed('102', '1'), { agreementNo: 'XY-2026-003', date: '2025-01-05' }) })).id;
  medical = (await b.signInAs('medical', '卫生院刘医生')).session;
  caregiver = (await b.signInAs('caregiver', '护理员小周')).session;
});
afterEach(async () => b.close());

const checkup = (extra: Partial<In<'health.recordCheckup'>> = {}): In<'health.recordCheckup'> => ({
  requestId: randomUUID(),
  residentId: zhang,
  checkedOn: '2026-03-10',
  institution: '测试镇卫生院',
  results: '血常规、尿常规、肝肾功能正常；心电图窦性心律',
  ...extra,
});

function insertVitals(residentId: string, at: string, data: Record<string, unknown>, amendsId: string | null = null) {
  const id = randomUUID();
  b.database.sqlite
    .prepare(
      `INSERT INTO care_entries (id, resident_id, kind, task_id, slot, data, shift_id, shift_date, occurred_at, recorded_by_id, recorded_by, amends_id, amend_reason, request_id, created_at)
       VALUES (?, ?, 'vitals', NULL, NULL, ?, (SELECT id FROM shifts LIMIT 1), ?, ?, 'u', '护理员', ?, ?, ?, ?)`,
    )
    .run(id, residentId, JSON.stringify({ kind: 'vitals', temperature: null, systolic: null, diastolic: null, pulse: null, glucose: null, weight: null, confirmedUnusual: false, ...data }), at.slice(0, 10), at, amendsId, amendsId ? '录错' : null, randomUUID(), at);
  return id;
}

describe('check-ups', () => {
  it('records a check-up with its PDF once, lists and searches it, and voids it with a reason', async () => {
    const input = checkup({ abnormal: '空腹血糖 7.8', followUp: '一个月后复查血糖', attachment: PDF, attachmentName: '体检报告.pdf' });
    const { id } = await b.call('health.recordCheckup', input, medical);
    expect(await b.call('health.recordCheckup', input, medical)).toEqual({ id });
    expect(b.count('health_checkups')).toBe(1);
    const { checkups } = await b.call('health.checkups', { search: '卫生院' }, caregiver);
    expect(checkups).toHaveLength(1);
    expect(checkups[0]).toMatchObject({ resident: '张三', hasAttachment: true, attachmentName: '体检报告.pdf', createdBy: '卫生院刘医生', voided: null });
    expect(await b.call('health.checkupAttachment', { id }, caregiver)).toEqual({ attachment: PDF, name: '体检报告.pdf' });
    expect((await b.call('health.checkups', { search: '李四' })).checkups).toHaveLength(0);

    await b.call('health.voidCheckup', { id, reason: '录错了老人' }, medical);
    expect((await b.call('health.checkups', {})).checkups).toHaveLength(0);
    const all = (await b.call('health.checkups', { includeVoided: true })).checkups;
    expect(all[0]!.voided).toMatchObject({ by: '卫生院刘医生', reason: '录错了老人' });
    const again = await b.raw('health.voidCheckup', { id, reason: '再作废' }, medical);
    expect(again.error).toMatchObject({ code: 'CONFLICT' });
    expect(again.error?.message).toContain('已于');
    const audit = b.database.sqlite.prepare("SELECT action, after FROM audit_log WHERE entity = 'healthCheckups' ORDER BY at").all() as { action: string; after: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'void']);
    expect(audit[0]!.after).not.toContain('base64');
  });

  it('refuses each bad check-up with its own sentence and writes nothing', async () => {
    const refused = async (input: In<'health.recordCheckup'>, message: string | RegExp, session = medical) => {
      const result = await b.raw('health.recordCheckup', input, session);
      expect(result.ok).toBe(false);
      if (typeof message === 'string') expect(result.error?.message).toBe(message);
      else expect(result.error?.message).toMatch(message);
    };
    await refused(checkup({ checkedOn: '2026-03-16' }), '体检日期（2026-03-16）在将来，请在体检后登记');
    await refused(checkup({ abnormal: '血压偏高' }), '填写了异常发现，请同时填写随访处理（如复查、转诊、调整用药）');
    await refused(checkup({ attachment: 'data:text/plain;base64,aGk=' }), '附件应为 JPG、PNG 照片或 PDF 文件');
    await refused(checkup({ attachment: `data:application/pdf;base64,${'A'.repeat(2_800_001)}` }), '附件太大，请选择小于 2MB 的照片或 PDF');
    await refused(checkup({ results: '' }), '请填写主要结果');
    await refused(checkup({ institution: ' ' }), '请填写体检机构');
    await refused(checkup({ residentId: randomUUID() }), '找不到这位老人的档案，请刷新后重试');
    await b.call('residents.discharge', { residentId: li, date: '2026-03-01', reason: 'moved_out', note: '' });
    await refused(checkup({ residentId: li }), '李四已于2026-03-01出院，不能登记2026-03-10的体检');
    const forbidden = await b.raw('health.recordCheckup', checkup(), caregiver);
    expect(forbidden.error?.code).toBe('FORBIDDEN');
    expect(b.count('health_checkups')).toBe(0);
  });

  it('shows who is due (none in the last 12 months) and the year’s summary', async () => {
    await b.call('health.recordCheckup', checkup({ checkedOn: '2025-03-15' }), medical); // exactly a year ago: still covered
    await b.call('health.recordCheckup', checkup({ residentId: wang, checkedOn: '2025-03-14', abnormal: '心电图 ST 段改变', followUp: '转县医院心内科' }), medical);
    await b.call('health.recordCheckup', checkup({ residentId: li, checkedOn: '2026-02-20' }), medical);
    const coverage = await b.call('health.checkupCoverage', {}, caregiver);
    expect(coverage.totals).toEqual({ residents: 3, covered: 2, due: 1 });
    expect(coverage.rows.find((r) => r.name === '王五')).toMatchObject({ due: true, lastCheckedOn: '2025-03-14', lastAbnormal: true });
    expect(coverage.rows.find((r) => r.name === '张三')).toMatchObject({ due: false, lastCheckedOn: '2025-03-15' });
    const later = await b.call('health.checkupCoverage', { on: '2026-03-16' });
    expect(later.totals.due).toBe(2);

    const summary = await b.call('health.checkupSummary', { year: '2025' });
    expect(summary.facility).toBe('测试镇敬老院');
    expect(summary.totals).toEqual({ residents: 1, checked: 1, notChecked: 0, abnormal: 1 }); // only 王五 lived here in 2025
    const thisYear = await b.call('health.checkupSummary', { year: '2026' });
    expect(thisYear.totals).toEqual({ residents: 3, checked: 1, notChecked: 2, abnormal: 0 });
    expect((await b.raw('health.checkupSummary', { year: '2027' })).error?.message).toBe('2027年还没有到');
  });
});

describe('family doctors', () => {
  const contract = (extra: Partial<In<'health.saveFamilyDoctor'>> = {}): In<'health.saveFamilyDoctor'> => ({
    residentId: zhang,
    doctor: '陈医生',
    team: '第一签约团队',
    institution: '测试镇卫生院',
    phone: '13900000001',
    signedOn: '2026-01-05',
    validFrom: '2026-01-05',
    validTo: '2027-01-04',
    ...extra,
  });

  it('lists contracts in force, expiring ones and who has none; an overlap is refused, ending frees the period', async () => {
    const { id } = await b.call('health.saveFamilyDoctor', contract(), medical);
    await b.call('health.saveFamilyDoctor', contract({ residentId: li, doctor: '孙医生', validFrom: '2025-04-01', validTo: '2026-03-31', signedOn: '2025-03-20' }), medical);
    const list = await b.call('health.familyDoctors', {}, caregiver);
    expect(list.totals).toEqual({ residents: 3, signed: 2, expiring: 1, without: 1 });
    expect(list.without.map((w) => w.name)).toEqual(['王五']);
    expect(list.contracts.map((c) => [c.resident, c.state])).toEqual([
      ['李四', 'expiring'],
      ['张三', 'current'],
    ]);

    const overlap = await b.raw('health.saveFamilyDoctor', contract({ doctor: '赵医生', validFrom: '2026-06-01', validTo: '2027-05-31' }), medical);
    expect(overlap.error?.message).toBe('张三已与陈医生签约（2026-01-05 至 2027-01-04），与新的签约期重叠；请先解约或让新签约从到期后开始');
    expect((await b.raw('health.saveFamilyDoctor', contract({ validTo: '2025-12-31' }), medical)).error?.message).toBe('到期日期（2025-12-31）不能早于生效日期（2026-01-05）');
    expect((await b.raw('health.saveFamilyDoctor', contract({ signedOn: '2026-03-20' }), medical)).error?.message).toBe('签约日期（2026-03-20）在将来，请在签约后登记');
    expect(b.count('family_doctor_contracts')).toBe(2);

    expect((await b.raw('health.endFamilyDoctor', { id, endedOn: '2025-12-01', reason: '医生调走' }, medical)).error?.message).toBe('解约日期（2025-12-01）不能早于生效日期（2026-01-05）');
    await b.call('health.endFamilyDoctor', { id, endedOn: '2026-03-15', reason: '医生调走' }, medical);
    expect((await b.raw('health.endFamilyDoctor', { id, endedOn: '2026-03-15', reason: '再解约' }, medical)).error?.message).toBe('这份签约已于2026-03-15解约（医生调走）');
    await b.call('health.saveFamilyDoctor', contract({ doctor: '赵医生', signedOn: '2026-03-15', validFrom: '2026-03-15', validTo: '2027-03-14' }), medical);
    const after = await b.call('health.familyDoctors', {});
    expect(after.contracts.find((c) => c.doctor === '陈医生')?.state).toBe('ended');
    expect((await b.call('health.residentCard', { residentId: zhang })).familyDoctor).toMatchObject({ doctor: '赵医生', state: 'current' });
    expect((await b.raw('health.saveFamilyDoctor', contract({ residentId: wang }), caregiver)).error?.code).toBe('FORBIDDEN');
  });
});

describe('the monthly health entry', () => {
  it('starts from the month’s latest vitals (a corrected reading counts once), is saved once per month and updated with an audit', async () => {
    insertVitals(zhang, '2026-03-02T01:00:00.000Z', { weight: 61.5, systolic: 150, diastolic: 92 });
    const wrong = insertVitals(zhang, '2026-03-09T01:00:00.000Z', { systolic: 190, diastolic: 110 });
    insertVitals(zhang, '2026-03-09T01:05:00.000Z', { systolic: 138, diastolic: 86 }, wrong);
    insertVitals(zhang, '2026-02-27T01:00:00.000Z', { weight: 70 });
    const month = await b.call('health.monthly', { month: '2026-03' }, caregiver);
    expect(month.totals).toEqual({ residents: 3, done: 0, missing: 3 });
    expect(month.rows.find((r) => r.name === '张三')!.vitals).toMatchObject({ weightKg: 61.5, systolic: 138, diastolic: 86, bpAt: '2026-03-09T01:05:00.000Z' });

    const entry = { residentId: zhang, month: '2026-03', weightKg: 61.5, systolic: 138, diastolic: 86, skin: 'intact', appetite: 'good', mood: 'calm', note: '' } as const;
    const { id } = await b.call('health.saveMonthly', entry, medical);
    const again = await b.call('health.saveMonthly', { ...entry, appetite: 'poor', note: '近几天吃得少' }, medical);
    expect(again.id).toBe(id);
    expect(b.count('monthly_health_entries')).toBe(1);
    const row = (await b.call('health.monthly', { month: '2026-03' })).rows.find((r) => r.name === '张三')!;
    expect(row.entry).toMatchObject({ appetite: 'poor', note: '近几天吃得少', updatedBy: '卫生院刘医生' });
    const update = b.database.sqlite.prepare("SELECT before, after FROM audit_log WHERE entity = 'monthlyHealthEntries' AND action = 'update'").get() as { before: string; after: string };
    expect(JSON.parse(update.before)).toMatchObject({ appetite: 'good', note: '' });
    expect(JSON.parse(update.after)).toMatchObject({ appetite: 'poor', note: '近几天吃得少' });

    const refused = async (input: In<'health.saveMonthly'>, message: string) => expect((await b.raw('health.saveMonthly', input, medical)).error?.message).toBe(message);
    await refused({ ...entry, month: '2026-04' }, '2026-04还没有到，不能预先登记月度健康');
    await refused({ ...entry, systolic: null }, '血压请同时填写高压和低压');
    await refused({ ...entry, systolic: 80, diastolic: 90 }, '高压应大于低压，请核对');
    await refused({ ...entry, weightKg: 5 }, '体重应大于 10 公斤，请核对');
    await refused({ ...entry, residentId: li, month: '2025-12' }, '李四2025-12还没有入住，不能登记这个月的月度健康');
    expect(b.count('monthly_health_entries')).toBe(1);
    expect((await b.raw('health.saveMonthly', entry, caregiver)).error?.code).toBe('FORBIDDEN');
  });
});

describe('trends and the printed file', () => {
  it('gives the blood pressure and glucose of the last months with the high readings counted', async () => {
    insertVitals(zhang, '2025-12-01T01:00:00.000Z', { systolic: 160, diastolic: 95 }); // before the 3 months
    insertVitals(zhang, '2026-01-10T01:00:00.000Z', { systolic: 150, diastolic: 88, glucose: 8.2 });
    insertVitals(zhang, '2026-02-10T01:00:00.000Z', { systolic: 130, diastolic: 80, glucose: 6.1 });
    insertVitals(zhang, '2026-03-10T01:00:00.000Z', { temperature: 36.5 });
    const t = await b.call('health.trends', { residentId: zhang, months: 3 }, caregiver);
    expect(t.from).toBe('2025-12-16');
    expect(t.points).toHaveLength(2);
    expect(t.summary).toEqual({ bpReadings: 2, bpHigh: 1, systolicAvg: 140, diastolicAvg: 84, glucoseReadings: 2, glucoseHigh: 1, glucoseAvg: 7.2 });
  });

  it('prints the whole file: basics, family doctor, check-ups, orders running, pressure injuries, referrals, monthly entries', async () => {
    b.database.sqlite.prepare("UPDATE residents SET allergies = '青霉素', chronic_conditions = '高血压、2型糖尿病' WHERE id = ?").run(zhang);
    await b.call('health.recordCheckup', checkup(), medical);
    await b.call('health.saveFamilyDoctor', { residentId: zhang, doctor: '陈医生', team: '', institution: '测试镇卫生院', phone: '', signedOn: '2026-01-05', validFrom: '2026-01-05', validTo: '2027-01-04' }, medical);
    await b.call('health.saveMonthly', { residentId: zhang, month: '2026-02', skin: 'red', appetite: 'fair', mood: 'low' }, medical);
    const stamp = { created_at: '2026-01-01T00:00:00.000Z', created_by: '测试', updated_at: '2026-01-01T00:00:00.000Z', updated_by: '测试' };
    const insert = (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      b.database.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row));
    };
    const drug = randomUUID();
    insert('drugs', { id: drug, name: '硝苯地平缓释片', form: 'tablet', strength: '20 mg', unit: 'tablet', high_alert: 'none', ...stamp });
    const order = { resident_id: zhang, drug_id: drug, prescriber: '陈医生', prescriber_kind: 'township_hospital', institution: '测试镇卫生院', prescribed_on: '2026-01-05', dose_centi: 100, route: 'oral', frequency: 'bid', times: '["08:00","20:00"]', meal_relation: 'after', supply: 'kept', starts_on: '2026-01-05', created_at: '2026-01-05T00:00:00.000Z', created_by_id: 'u', created_by: '测试' };
    insert('medication_orders', { id: randomUUID(), request_id: randomUUID(), ...order });
    insert('medication_orders', { id: randomUUID(), request_id: randomUUID(), ...order, dose_centi: 50, stopped_at: '2026-02-01T00:00:00.000Z', stopped_on: '2026-02-01', stopped_by: '测试', stop_reason: '血压平稳' });
    const injury = randomUUID();
    insert('pressure_injuries', { id: injury, resident_id: zhang, site: '骶尾部', origin: 'in_centre', found_on: '2026-03-01', stage: 'stage2', risk_scale: 'braden', risk_score: 12, request_id: randomUUID(), created_at: '2026-03-01T00:00:00.000Z', created_by_id: 'u', created_by: '测试' });
    insert('pressure_injury_reviews', { id: randomUUID(), injury_id: injury, reviewed_on: '2026-03-08', stage: 'stage1', request_id: randomUUID(), created_at: '2026-03-08T00:00:00.000Z', created_by_id: 'u', created_by: '测试' });
    insert('hospital_referrals', { id: randomUUID(), resident_id: zhang, referred_on: '2026-02-03', hospital: '县人民医院', reason: '肺部感染', outcome: 'returned', closed_on: '2026-02-12', summary: '抗感染治疗后好转', ...stamp });

    const file = await b.call('health.file', { residentId: zhang }, caregiver);
    expect(file.resident).toMatchObject({ name: '张三', sex: 'male', bedLabel: expect.stringContaining('101'), guardian: '张小明（侄子）', allergies: '青霉素', chronicConditions: '高血压、2型糖尿病' });
    expect(file.familyDoctor).toMatchObject({ doctor: '陈医生' });
    expect(file.checkups).toHaveLength(1);
    expect(file.orders).toEqual([expect.objectContaining({ drug: '硝苯地平缓释片 20 mg', dose: '1 片', frequency: '每日两次', times: ['08:00', '20:00'] })]);
    expect(file.pressureInjuries).toEqual([expect.objectContaining({ site: '骶尾部', stage: 'stage2', latestStage: 'stage1', healedOn: null })]);
    expect(file.referrals).toEqual([expect.objectContaining({ hospital: '县人民医院', outcome: 'returned' })]);
    expect(file.monthly.map((m) => m.month)).toEqual(['2026-02']);
    const card = await b.call('health.residentCard', { residentId: zhang }, caregiver);
    expect(card).toEqual({
      lastCheckup: { checkedOn: '2026-03-10', institution: '测试镇卫生院', abnormal: '' },
      checkupDue: false,
      familyDoctor: { doctor: '陈医生', institution: '测试镇卫生院', phone: '', validTo: '2027-01-04', state: 'current' },
      openPressureInjuries: 1,
      monthlyThisMonth: false,
    });
    expect((await b.call('health.residentCard', { residentId: wang })).checkupDue).toBe(true);
  });
});
