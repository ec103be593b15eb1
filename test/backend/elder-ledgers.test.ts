// The three printed ledgers of issue 17 through the real dispatcher on a real SQLite file: 农村留守老年人信息台账
// (elders at home by village and name, with family, carer, contact person, level, agreement in force), 赡养协议登记表
// (every agreement, ended ones too, with its state today) and 探访记录表 (the visits of a period, oldest first, with
// helpers, problems, follow-ups and their state; voided ones marked). The full ID number never leaves in any of them.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { ElderCategory } from '@shared/domain/elders/vocab';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let carer: Session;
let keeper: Session;
let villages: { east: string; west: string };
const idNumbers: string[] = [];
let serial = 200;

const instant = (date: string, hhmm = '10:00') => chinaInstant(date, hhmm).toISOString();

async function addElder(name: string, birthDate: string, categories: ElderCategory[], over: Partial<In<'elders.save'>> = {}) {
  serial += 1;
  const idNumber = validIdNumber(birthDate, String(serial));
  idNumbers.push(idNumber);
  const { id } = await b.call('elders.save', { name, idNumber, villageId: villages.east, address: `${name}家`, phone: '13900000000', categories, registeredOn: '2026-01-05', ...over }, keeper);
  return id;
}

const fine = { problem: false, note: '' };
const allFine = (): In<'visits.record'>['findings'] => ({ health: fine, mood: fine, safety: fine, house: fine, daily_care: fine, livelihood: fine, family: fine, needs: fine });

/** Nothing the ledgers send may hold a full ID number of anyone on the register. */
function expectNoIdNumber(output: unknown) {
  const text = JSON.stringify(output);
  for (const n of idNumbers) expect(text).not.toContain(n);
}

beforeEach(async () => {
  b = await openTestBackend(); // today 2026-03-15 (China)
  idNumbers.length = 0;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  keeper = (await b.signInAs('social_worker', '关爱专干小陈')).session;
  villages = {
    west: (await b.call('elders.saveVillage', { name: '西村', cadreName: '李主任', cadrePhone: '13800000002' })).id,
    east: (await b.call('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id,
  };
});
afterEach(async () => b.close());

/**
 * 东村: 张大爷 (1940, 留守+独居, 高 by the rules; son away in 东莞 as guardian, a daughter nearby, a removed nephew; contact
 *        李婶; agreement in force), 安奶奶 (1950, 低保, level set 中 by hand; agreement past its renewal date), 陈大爷 (died;
 *        an ended agreement). 西村: 王奶奶 (1948, no family on file, an agreement ended and a newer one in force).
 */
async function seedRegister() {
  const zhang = await addElder('张大爷', '1940-05-01', ['left_behind', 'living_alone'], {
    household: 'alone',
    incomeSources: ['farming', 'family_aid'],
    chronicDiseases: '高血压',
    disability: '右腿行动不便',
    carer: 'neighbour',
    contactName: '李婶',
    contactRelation: '邻居',
    contactPhone: '13700000001',
  });
  const an = await addElder('安奶奶', '1950-02-02', ['dibao'], { household: 'with_spouse', carer: 'spouse', incomeSources: ['government_aid'] });
  const chen = await addElder('陈大爷', '1942-03-03', []);
  const wang = await addElder('王奶奶', '1948-04-04', ['empty_nest'], { villageId: villages.west, registeredOn: '2025-06-01' });
  await b.call('elders.setRisk', { elderId: an, level: 'medium', reason: '村委会评估：老伴体弱' }, keeper);
  await b.call('elders.saveRelative', { elderId: zhang, name: '张建国', relation: 'son', phone: '13800000011', worksIn: '广东东莞', awayHalfYear: true, guardian: true }, keeper);
  await b.call('elders.saveRelative', { elderId: zhang, name: '张秀英', relation: 'daughter', phone: '13800000012', worksIn: '', awayHalfYear: false }, keeper);
  const { id: nephew } = await b.call('elders.saveRelative', { elderId: zhang, name: '张小侄', relation: 'other' }, keeper);
  await b.call('elders.removeRelative', { id: nephew }, keeper);
  const agreement = (elderId: string, signedOn: string, renewOn: string | null, parties: string) => ({ elderId, signedOn, parties, terms: '每月生活费300元，每周电话一次', supervisor: '东村村委会', elderConsent: true as const, photo: null, renewOn });
  const zhangAgreement = (await b.call('elders.saveAgreement', agreement(zhang, '2025-10-01', '2027-10-01', '张建国、张秀英'), keeper)).id;
  const anAgreement = (await b.call('elders.saveAgreement', agreement(an, '2024-03-01', '2026-03-01', '安小军'), keeper)).id;
  const chenAgreement = (await b.call('elders.saveAgreement', agreement(chen, '2025-01-01', null, '陈大勇'), keeper)).id;
  await b.call('elders.endAgreement', { id: chenAgreement, endedOn: '2026-02-10', reason: '老人去世' }, keeper);
  await b.call('elders.setStatus', { elderId: chen, status: 'died', on: '2026-02-10' }, keeper);
  const wangOld = (await b.call('elders.saveAgreement', agreement(wang, '2025-07-01', null, '王一'), keeper)).id;
  await b.call('elders.endAgreement', { id: wangOld, endedOn: '2026-01-31', reason: '重新签订' }, keeper);
  const wangNew = (await b.call('elders.saveAgreement', agreement(wang, '2026-02-01', null, '王一、王二'), keeper)).id;
  return { zhang, an, chen, wang, zhangAgreement, anAgreement, chenAgreement, wangOld, wangNew };
}

describe('农村留守老年人信息台账 (elders.ledger)', () => {
  it('lists the elders at home by village and name, with family, carer, contact person, level and agreement', async () => {
    const e = await seedRegister();
    const ledger = await b.call('elders.ledger', { villageId: null }, carer);
    expect(ledger.asOf).toBe('2026-03-15');
    expect(ledger.rows.map((r) => [r.village, r.name])).toEqual([
      ['东村', '安奶奶'],
      ['东村', '张大爷'],
      ['西村', '王奶奶'],
    ]);
    const zhang = ledger.rows[1];
    expect(zhang).toMatchObject({
      elderId: e.zhang,
      sex: 'male',
      age: 85,
      address: '张大爷家',
      phone: '13900000000',
      household: 'alone',
      groups: ['left_behind', 'living_alone', 'over_80'],
      incomeSources: ['farming', 'family_aid'],
      chronicDiseases: '高血压',
      disability: '右腿行动不便',
      carer: 'neighbour',
      contact: { name: '李婶', relation: '邻居', phone: '13700000001' },
      risk: 'high',
      riskOverridden: false,
      agreement: 'in_force',
      registeredOn: '2026-01-05',
    });
    expect(zhang.idNumberMasked).toMatch(/^3201\*{10}\w{4}$/);
    expect(zhang.relatives).toEqual([
      { name: '张建国', relation: 'son', phone: '13800000011', worksIn: '广东东莞', awayHalfYear: true, guardian: true },
      { name: '张秀英', relation: 'daughter', phone: '13800000012', worksIn: '', awayHalfYear: false, guardian: false },
    ]);
    expect(ledger.rows[0]).toMatchObject({ name: '安奶奶', age: 76, sex: 'female', groups: ['dibao'], risk: 'medium', riskOverridden: true, agreement: 'renewal_due', relatives: [], carer: 'spouse' });
    expect(ledger.rows[2]).toMatchObject({ name: '王奶奶', village: '西村', risk: 'medium', agreement: 'in_force', household: null, carer: null, contact: { name: '', relation: '', phone: '' } });
    expectNoIdNumber(ledger);
  });

  it('keeps to one village when asked, and is empty for a village without elders', async () => {
    await seedRegister();
    const west = await b.call('elders.ledger', { villageId: villages.west }, carer);
    expect(west.rows.map((r) => r.name)).toEqual(['王奶奶']);
    const { id: north } = await b.call('elders.saveVillage', { name: '北村' });
    expect((await b.call('elders.ledger', { villageId: north })).rows).toEqual([]);
  });
});

describe('赡养协议登记表 (elders.agreementLedger)', () => {
  it('lists every agreement, ended ones and those of elders no longer at home too, with its state today', async () => {
    const e = await seedRegister();
    const ledger = await b.call('elders.agreementLedger', { villageId: null }, carer);
    expect(ledger.asOf).toBe('2026-03-15');
    expect(ledger.rows.map((r) => [r.village, r.elder, r.signedOn, r.state])).toEqual([
      ['东村', '安奶奶', '2024-03-01', 'renewal_due'],
      ['东村', '陈大爷', '2025-01-01', 'ended'],
      ['东村', '张大爷', '2025-10-01', 'in_force'],
      ['西村', '王奶奶', '2025-07-01', 'ended'],
      ['西村', '王奶奶', '2026-02-01', 'in_force'],
    ]);
    expect(ledger.rows.map((r) => r.agreementId)).toEqual([e.anAgreement, e.chenAgreement, e.zhangAgreement, e.wangOld, e.wangNew]);
    expect(ledger.rows[1]).toMatchObject({ elderId: e.chen, elderStatus: 'died', parties: '陈大勇', supervisor: '东村村委会', terms: '每月生活费300元，每周电话一次', renewOn: null, endedOn: '2026-02-10', endReason: '老人去世' });
    expect(ledger.rows[2]).toMatchObject({ elderStatus: 'at_home', parties: '张建国、张秀英', renewOn: '2027-10-01', endedOn: null, endReason: null });
    const west = await b.call('elders.agreementLedger', { villageId: villages.west });
    expect(west.rows.map((r) => r.parties)).toEqual(['王一', '王一、王二']);
    expectNoIdNumber(ledger);
  });
});

describe('探访记录表 (visits.ledger)', () => {
  it("lists the period's visits oldest first with helpers, problems, follow-ups and their state; voided ones marked", async () => {
    const e = await seedRegister();
    const cadre = (await b.call('visits.saveHelper', { name: '张书记', kind: 'village_cadre', villageId: villages.east }, keeper)).id;
    const volunteer = (await b.call('visits.saveHelper', { name: '刘志愿者', kind: 'volunteer' }, keeper)).id;
    const record = (elderId: string, kind: 'phone' | 'home', at: string, over: Partial<In<'visits.record'>> = {}) =>
      b.call('visits.record', { requestId: randomUUID(), elderId, kind, visitedAt: at, findings: allFine(), ...over }, carer);
    b.clock.set(instant('2026-02-01', '08:00'));
    for (const s of [b.admin, carer, keeper]) s.signIn(s.user!, b.clock.now());
    await record(e.zhang, 'home', instant('2026-01-30', '09:00')); // before the period
    b.clock.set(instant('2026-03-15', '10:00'));
    for (const s of [b.admin, carer, keeper]) s.signIn(s.user!, b.clock.now());
    await record(e.wang, 'phone', instant('2026-02-03', '15:30'), { notes: '身体还好' });
    await record(e.zhang, 'home', instant('2026-02-03', '09:15'), {
      helperIds: [cadre, volunteer],
      findings: { ...allFine(), safety: { problem: true, note: '电线老化' }, daily_care: { problem: true, note: '腿脚不便做饭困难' } },
      notes: '已提醒子女',
      followups: [
        { kind: 'home_service', need: '请电工上门检查线路', dueOn: '2026-02-20' },
        { kind: 'meal_aid', need: '申请助餐送餐', dueOn: '2026-03-31' },
      ],
    });
    const wrong = (await record(e.an, 'home', instant('2026-02-10', '10:00'))).id;
    await b.call('visits.void', { id: wrong, reason: '记错了老人' }, keeper);
    await record(e.an, 'phone', instant('2026-02-28', '16:00'));
    await record(e.an, 'phone', instant('2026-03-01', '16:00')); // after the period
    const followups = await b.call('visits.followups', { status: 'all' }, keeper);
    const meal = followups.find((f) => f.kind === 'meal_aid')!;
    await b.call('visits.closeFollowup', { id: meal.id, closedOn: '2026-03-10', result: '已纳入助餐，每日送餐' }, keeper);
    const audit = b.count('audit_log');

    const ledger = await b.call('visits.ledger', { from: '2026-02-01', to: '2026-02-28', villageId: null }, carer);
    expect(ledger).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(ledger.rows.map((r) => [r.visitedOn, r.time, r.elder, r.village, r.kind, r.voided !== null])).toEqual([
      ['2026-02-03', '09:15', '张大爷', '东村', 'home', false],
      ['2026-02-03', '15:30', '王奶奶', '西村', 'phone', false],
      ['2026-02-10', '10:00', '安奶奶', '东村', 'home', true],
      ['2026-02-28', '16:00', '安奶奶', '东村', 'phone', false],
    ]);
    const zhang = ledger.rows[0];
    expect(zhang).toMatchObject({
      elderId: e.zhang,
      villageId: villages.east,
      visitor: '护理员小王',
      helpers: [
        { name: '张书记', kind: 'village_cadre' },
        { name: '刘志愿者', kind: 'volunteer' },
      ],
      problems: [
        { area: 'safety', note: '电线老化' },
        { area: 'daily_care', note: '腿脚不便做饭困难' },
      ],
      notes: '已提醒子女',
      voided: null,
    });
    expect(zhang.followups).toEqual([
      { kind: 'home_service', need: '请电工上门检查线路', openedOn: '2026-02-03', dueOn: '2026-02-20', closedOn: null, result: null, overdue: true },
      { kind: 'meal_aid', need: '申请助餐送餐', openedOn: '2026-02-03', dueOn: '2026-03-31', closedOn: '2026-03-10', result: '已纳入助餐，每日送餐', overdue: false },
    ]);
    expect(ledger.rows[1]).toMatchObject({ helpers: [], problems: [], notes: '身体还好', followups: [] });
    expect(ledger.rows[2].voided).toMatchObject({ by: '关爱专干小陈', reason: '记错了老人' });

    const west = await b.call('visits.ledger', { from: '2026-01-01', to: '2026-03-31', villageId: villages.west });
    expect(west.rows.map((r) => r.elder)).toEqual(['王奶奶']);
    const east = await b.call('visits.ledger', { from: '2026-01-01', to: '2026-03-31', villageId: villages.east });
    expect(east.rows.map((r) => r.visitedOn)).toEqual(['2026-01-30', '2026-02-03', '2026-02-10', '2026-02-28', '2026-03-01']);
    expect(b.count('audit_log')).toBe(audit); // reading writes nothing
    expectNoIdNumber([ledger, west, east]);
  });

  it('refuses a period that ends before it starts or runs past a year', async () => {
    const refusedWith = async (input: In<'visits.ledger'>) => (await b.raw('visits.ledger', input, carer)).error;
    expect(await refusedWith({ from: '2026-03-01', to: '2026-02-28' })).toMatchObject({ message: '结束日期不能早于开始日期' });
    expect(await refusedWith({ from: '2025-01-01', to: '2026-02-28' })).toMatchObject({ message: '一次最多打印 366 天的探访记录，请缩短日期范围' });
    expect(await refusedWith({ from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ message: '开始日期不是有效日期（格式：年-月-日，如 2026-01-31）' });
  });
});

describe('who reads the ledgers', () => {
  it("is the register's readers: keepers, the manager, care leads and caregivers, not the kitchen", async () => {
    await seedRegister();
    const lead = (await b.signInAs('care_lead', '组长')).session;
    const kitchen = (await b.signInAs('kitchen', '厨师')).session;
    for (const s of [b.admin, keeper, lead, carer]) {
      expect((await b.raw('elders.ledger', { villageId: null }, s)).ok).toBe(true);
      expect((await b.raw('elders.agreementLedger', { villageId: null }, s)).ok).toBe(true);
      expect((await b.raw('visits.ledger', { from: '2026-03-01', to: '2026-03-15' }, s)).ok).toBe(true);
    }
    for (const m of ['elders.ledger', 'elders.agreementLedger'] as const) expect((await b.raw(m, { villageId: null }, kitchen)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('visits.ledger', { from: '2026-03-01', to: '2026-03-15' }, kitchen)).error?.code).toBe('FORBIDDEN');
  });
});
