// The village elders' register (issue 17) through the real dispatcher on a real SQLite file: villages, the person
// register with its search and filters, the 关爱等级 from the rules and by hand, children, 赡养协议, status, who may do
// what — and every refused input leaves the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { canonicalDump } from '../helpers/canonical-dump';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { ITEMS } from '@shared/domain/assessment/items';

let b: TestBackend;
let worker: Session;
let carer: Session;
let kitchen: Session;
let east: string;
let west: string;

const elder = (over: Partial<In<'elders.save'>> = {}): In<'elders.save'> => ({
  name: '赵桂英',
  idNumber: validIdNumber('1941-07-07', '456'),
  villageId: east,
  address: '东村3组12号',
  phone: '13900001111',
  household: 'alone',
  categories: ['living_alone', 'left_behind'],
  carer: 'neighbour',
  registeredOn: '2026-01-05',
  ...over,
});

/** Runs a call that must be refused and checks that not one row of any table changed. */
async function refused(method: Parameters<TestBackend['raw']>[0], input: unknown, session?: Session) {
  const before = canonicalDump(b.database.sqlite);
  const answer = await b.raw(method, input as never, session);
  expect(canonicalDump(b.database.sqlite)).toEqual(before);
  return answer.error;
}

beforeEach(async () => {
  b = await openTestBackend(); // the clock: 2026-03-15, 10:00 China time
  worker = (await b.signInAs('social_worker', '关爱专干小周')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  kitchen = (await b.signInAs('kitchen', '厨师老刘')).session;
  ({ id: east } = await b.call('elders.saveVillage', { name: '东村', code: '411422100201', cadreName: '李支书', cadrePhone: '13700000001' }, worker));
  ({ id: west } = await b.call('elders.saveVillage', { name: '西村' }, worker));
});
afterEach(async () => b.close());

describe('villages', () => {
  it('lists villages with the elders at home, and refuses a second village of the same name or code', async () => {
    await b.call('elders.save', elder(), worker);
    expect(await b.call('elders.villages', {}, kitchen)).toMatchObject([
      { name: '东村', code: '411422100201', cadreName: '李支书', atHome: 1, retired: false },
      { name: '西村', code: null, atHome: 0 },
    ]);
    expect((await refused('elders.saveVillage', { name: '东村' }, worker))?.message).toBe('已有名为「东村」的村');
    expect((await refused('elders.saveVillage', { name: '北村', code: '411422100201' }, worker))?.message).toBe('区划代码 411422100201 已是「东村」的代码');
    expect((await refused('elders.saveVillage', { name: '北村', code: '4114221002' }, worker))?.message).toBe('村的区划代码应为12位数字');
    await b.call('elders.saveVillage', { id: west, name: '西村', retired: true }, worker);
    expect((await b.call('elders.villages', {}, worker)).map((v) => v.name)).toEqual(['东村']);
    expect((await refused('elders.save', elder({ idNumber: validIdNumber('1950-01-01', '222'), villageId: west }), worker))?.message).toBe('这个村已停用，请选择其他村');
    expect(() => b.database.sqlite.prepare('DELETE FROM villages').run()).toThrow(/never deleted/);
  });
});

describe('the person register', () => {
  it('registers an elder, masks the ID number, derives 高龄 and finds them by name, initials, ID tail and village', async () => {
    const { id } = await b.call('elders.save', elder(), worker);
    await b.call('elders.save', elder({ name: '钱德福', idNumber: validIdNumber('1960-02-02', '567'), villageId: west, household: 'with_spouse', categories: [] }), worker);
    const [row] = await b.call('elders.list', { query: '赵' }, carer);
    expect(row).toMatchObject({ id, name: '赵桂英', age: 84, village: '东村', sex: 'female', groups: ['living_alone', 'left_behind', 'over_80'], status: 'at_home', mealAid: false, incomplete: false });
    expect(row.idNumberMasked).toMatch(/^3201\*+4561?[0-9X]$|^3201\*+/);
    expect(row.idNumberMasked).not.toContain('19410707');
    const names = async (input: In<'elders.list'>) => (await b.call('elders.list', input, worker)).map((r) => r.name);
    expect(await names({ query: 'zgy' })).toEqual(['赵桂英']);
    expect(await names({ query: validIdNumber('1960-02-02', '567').slice(-4) })).toEqual(['钱德福']);
    expect(await names({ query: '西村' })).toEqual(['钱德福']);
    expect(await names({ villageId: east })).toEqual(['赵桂英']);
    expect(await names({ category: 'over_80' })).toEqual(['赵桂英']);
    expect(await names({ category: 'left_behind' })).toEqual(['赵桂英']);
    expect(await names({ category: 'dibao' })).toEqual([]);
    const file = await b.call('elders.get', { id }, carer);
    expect(file).toMatchObject({ categories: ['living_alone', 'left_behind'], carer: 'neighbour', registeredOn: '2026-01-05', createdBy: '关爱专干小周', relatives: [], agreements: [] });
    const audit = b.database.sqlite.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'elders' AND entity_id = ?").get(id) as { actor: string; action: string; after: string };
    expect(audit).toMatchObject({ actor: '关爱专干小周', action: 'create' });
    expect(audit.after).not.toContain('19410707');
  });

  it('refuses an invalid or duplicate ID number, a current resident, and a registration date in the future, writing nothing', async () => {
    const { bed } = await smallCentre(b);
    await b.call('residents.admit', { person: person({ name: '张三', idNumber: validIdNumber('1945-06-01', '123') }), admission: admission(bed('101', '1')) });
    expect((await refused('elders.save', elder({ idNumber: '110101194107070001' }), worker))?.field).toBe('idNumber');
    expect((await refused('elders.save', elder({ name: '张三', idNumber: validIdNumber('1945-06-01', '123') }), worker))?.message).toBe('张三（身份证号相同的张三）是本院在住老人，由本院照护，不能登记为居家老人');
    expect((await refused('elders.save', elder({ registeredOn: '2026-03-16' }), worker))?.message).toBe('登记日期不能晚于今天');
    await b.call('elders.save', elder(), worker);
    expect((await refused('elders.save', elder({ name: '赵二' }), worker))?.message).toBe('这个身份证号已登记在名册上：东村 赵桂英');
    expect((await refused('elders.save', elder({ categories: ['rich'] as never }), worker))?.message).toBe('人员类别无效');
  });

  it('lets a discharged resident come onto the register', async () => {
    const { bed } = await smallCentre(b);
    const { id } = await b.call('residents.admit', { person: person({ name: '张三', idNumber: validIdNumber('1945-06-01', '123') }), admission: admission(bed('101', '1')) });
    await b.call('residents.discharge', { residentId: id, date: '2026-03-10', reason: 'moved_out', note: '回家由女儿照顾' });
    const { id: elderId } = await b.call('elders.save', elder({ name: '张三', idNumber: validIdNumber('1945-06-01', '123'), registeredOn: '2026-03-10' }), worker);
    expect((await b.call('elders.list', { query: '张三' }, worker)).length).toBe(1);
    // Linked to the file of their time in the centre.
    expect(await b.call('elders.get', { id: elderId }, worker)).toMatchObject({ status: 'at_home', residentId: id });
  });

  it('lets caregivers read but only the 关爱专干 and the manager write; the kitchen cannot read it', async () => {
    expect((await refused('elders.save', elder(), carer))?.code).toBe('FORBIDDEN');
    expect((await b.raw('elders.list', {}, kitchen)).error?.code).toBe('FORBIDDEN');
    await b.call('elders.save', elder(), b.admin);
    expect((await b.call('elders.list', {}, carer)).length).toBe(1);
  });
});

describe('关爱等级', () => {
  it('comes from the rules, is changed by hand only with a reason, and follows the settings', async () => {
    const { id: alone80 } = await b.call('elders.save', elder(), worker); // 84, 独居: high by default
    const { id: dibao } = await b.call('elders.save', elder({ name: '孙秀兰', idNumber: validIdNumber('1950-05-05', '678'), household: 'with_children', categories: ['dibao'] }), worker);
    const { id: tekun } = await b.call('elders.save', elder({ name: '周长生', idNumber: validIdNumber('1955-01-01', '789'), household: 'with_spouse', categories: ['tekun_dispersed'] }), worker);
    const level = async (id: string) => (await b.call('elders.get', { id }, worker)).risk;
    expect(await level(alone80)).toEqual({ level: 'high', computed: 'high', override: null, reason: null });
    expect(await level(dibao)).toMatchObject({ level: 'low' });
    expect(await level(tekun)).toMatchObject({ level: 'medium' });
    expect((await refused('elders.setRisk', { elderId: dibao, level: 'high', reason: '' }, worker))?.message).toBe('手动调整关爱等级必须写明原因');
    await b.call('elders.setRisk', { elderId: dibao, level: 'high', reason: '儿子出车祸住院，无人照看' }, worker);
    expect(await level(dibao)).toEqual({ level: 'high', computed: 'low', override: 'high', reason: '儿子出车祸住院，无人照看' });
    expect((await b.call('elders.list', { risk: 'high' }, worker)).map((r) => r.name).sort()).toEqual(['孙秀兰', '赵桂英']);
    await b.call('elders.setRisk', { elderId: dibao, level: null }, worker);
    expect(await level(dibao)).toMatchObject({ level: 'low', override: null, reason: null });

    // The manager decides 低保 elders are 中 here: a new rule applies at once, to the list as to the file.
    expect((await b.raw('elders.saveSettings', { riskRules: [], visitPlan: { high: { everyDays: 7, kind: 'home' }, medium: { everyDays: 30, kind: 'home' }, low: { everyDays: 90, kind: 'phone' } }, hardshipMaxDays: 30, callsCountForRate: false }, worker)).error?.code).toBe('FORBIDDEN');
    const settings = await b.call('elders.settings', {}, worker);
    expect((await refused('elders.saveSettings', { ...settings, riskRules: [{ level: 'medium', all: [] }] }))?.message).toBe('每条规则至少要有一个条件');
    await b.call('elders.saveSettings', { ...settings, riskRules: [...settings.riskRules, { level: 'medium', all: ['dibao'] }] });
    expect(await level(dibao)).toMatchObject({ level: 'medium', computed: 'medium' });
  });
});

describe('family, agreements and status', () => {
  it('keeps children with where they work, removes them without deleting, and keeps 赡养协议 with the elder’s consent', async () => {
    const { id } = await b.call('elders.save', elder(), worker);
    const { id: son } = await b.call('elders.saveRelative', { elderId: id, name: '赵建国', relation: 'son', phone: '13800000002', worksIn: '广东东莞', awayHalfYear: true, guardian: true }, worker);
    expect((await refused('elders.saveRelative', { elderId: id, name: '赵二', relation: 'cousin' }, worker))?.message).toBe('请选择与老人关系');
    await b.call('elders.removeRelative', { id: son }, worker);
    expect((await b.call('elders.get', { id }, worker)).relatives).toMatchObject([{ name: '赵建国', worksIn: '广东东莞', awayHalfYear: true, removedAt: expect.any(String) }]);

    const agreement = { elderId: id, signedOn: '2025-12-01', parties: '赵建国', terms: '每月给付生活费500元，每季度回家一次', supervisor: '东村村委会', elderConsent: true as const, renewOn: '2026-03-01' };
    expect((await refused('elders.saveAgreement', { ...agreement, elderConsent: false }, worker))?.message).toBe('赡养协议须经老人同意（老年人权益保障法第二十条）');
    expect((await refused('elders.saveAgreement', { ...agreement, renewOn: '2025-11-01' }, worker))?.message).toBe('续签日期应晚于签订日期');
    const { id: agreementId } = await b.call('elders.saveAgreement', agreement, worker);
    expect((await b.call('elders.get', { id }, worker)).agreements).toMatchObject([{ parties: '赵建国', renewalDue: true, endedOn: null }]);
    expect((await refused('elders.endAgreement', { id: agreementId, endedOn: '2026-03-10', reason: '' }, worker))?.message).toBe('请填写终止原因');
    await b.call('elders.endAgreement', { id: agreementId, endedOn: '2026-03-10', reason: '重新签订' }, worker);
    expect((await b.call('elders.get', { id }, worker)).agreements).toMatchObject([{ endedOn: '2026-03-10', renewalDue: false }]);
  });

  it('records a death with its date, refuses one before a recorded visit, and stops meal aid that day', async () => {
    const { id } = await b.call('elders.save', elder(), worker);
    await b.call('meals.saveDiner', { elderId: id, category: 'elderly' }, b.admin);
    b.database.sqlite
      .prepare(`INSERT INTO elder_visits (id, elder_id, kind, visited_on, visited_at, visitor, findings, request_id, created_at, created_by_id, created_by)
        VALUES ('88888888-8888-4888-8888-888888888888', ?, 'home', '2026-03-08', '2026-03-08T02:00:00.000Z', '关爱专干小周', '{}', 'v1', '2026-03-08T02:00:00.000Z', 'x', '关爱专干小周')`)
      .run(id);
    expect((await refused('elders.setStatus', { elderId: id, status: 'died', on: '2026-03-05' }, worker))?.message).toBe(
      '去世日期 2026-03-05 早于已记录的探访（2026-03-08，关爱专干小周）：请先核对日期，或作废那次探访记录',
    );
    expect((await refused('elders.setStatus', { elderId: id, status: 'died', on: null }, worker))?.message).toBe('请填写去世日期');
    // A final home assessment on the 10th says she was at home then, too.
    const outside = (name: string) => ({ staffId: null, name, organisation: '县老年人能力评估中心' });
    const { id: assessment } = await b.call('assessment.saveDraft', { elderId: id, reason: 'first', assessedOn: '2026-03-10', answers: Object.fromEntries(ITEMS.map((i) => [i.code, i.max])), assessor1: outside('李评估'), assessor2: outside('王评估') }, worker);
    await b.call('assessment.finalize', { id: assessment }, worker);
    expect((await refused('elders.setStatus', { elderId: id, status: 'died', on: '2026-03-09' }, worker))?.message).toBe('去世日期 2026-03-09 早于已定稿的居家能力评估（2026-03-10）：请先核对日期');
    expect((await refused('elders.setStatus', { elderId: id, status: 'died', on: '2026-03-16' }, worker))?.message).toBe('去世日期不能晚于今天');
    await b.call('elders.setStatus', { elderId: id, status: 'died', on: '2026-03-12', note: '村干部电话告知' }, worker);
    expect(await b.call('elders.list', {}, worker)).toEqual([]);
    expect(await b.call('elders.list', { status: 'all' }, worker)).toMatchObject([{ status: 'died', statusOn: '2026-03-12', mealAid: false }]);
    expect(await b.call('meals.diners', { query: '', includeLeft: true }, b.admin)).toMatchObject([{ name: '赵桂英', leftOn: '2026-03-12', active: false }]);
    expect(() => b.database.sqlite.prepare('DELETE FROM elders').run()).toThrow(/elders stay on the register/);
  });

  it('follows the centre: an admission marks the elder moved in (meal aid stops), a discharge home brings them back, a death in the centre is recorded', async () => {
    const { bed } = await smallCentre(b);
    const { id } = await b.call('elders.save', elder(), worker);
    await b.call('meals.saveDiner', { elderId: id, category: 'elderly' }, b.admin);
    const idNumber = validIdNumber('1941-07-07', '456');
    const { id: residentId } = await b.call('residents.admit', { person: person({ name: '赵桂英', idNumber }), admission: admission(bed('101', '1'), { date: '2026-03-10' }) });
    expect(await b.call('elders.get', { id }, worker)).toMatchObject({ status: 'in_centre', statusOn: '2026-03-10', residentId, mealAid: false });
    expect(await b.call('elders.list', {}, worker)).toEqual([]);
    expect((await refused('elders.setStatus', { elderId: id, status: 'moved_away', on: '2026-03-12' }, worker))?.message).toBe('赵桂英已入住本院，状态随入住、离院手续变化，不能在名册上改');
    await b.call('residents.discharge', { residentId, date: '2026-03-14', reason: 'moved_out', note: '回家由儿子照顾' });
    expect(await b.call('elders.get', { id }, worker)).toMatchObject({ status: 'at_home', statusOn: null, residentId });
    await b.call('residents.readmit', { residentId, admission: admission(bed('101', '1'), { date: '2026-03-15', agreementNo: 'XY-9' }) });
    expect(await b.call('elders.get', { id }, worker)).toMatchObject({ status: 'in_centre', statusOn: '2026-03-15' });
    await b.call('residents.discharge', { residentId, date: '2026-03-15', reason: 'death', note: '' });
    expect(await b.call('elders.get', { id }, worker)).toMatchObject({ status: 'died', statusOn: '2026-03-15' });
    const trail = b.database.sqlite.prepare("SELECT actor, after FROM audit_log WHERE entity = 'elders' AND entity_id = ? AND action = 'update' ORDER BY rowid").all(id) as { actor: string; after: string }[];
    expect(trail.map((r) => JSON.parse(r.after).status)).toEqual(['in_centre', 'at_home', 'in_centre', 'died']);
  });
});
