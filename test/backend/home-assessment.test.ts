// GB/T 42195 ability assessments of elders on the village register, at home (issue 17, "Assessments outside the walls"),
// through the real dispatcher on a real SQLite file: the same form, rules and report as a resident's, place 居家; who may
// assess and read whom; what is refused (writing nothing); and the coverage figure of the 特困, 低保 and 计生特殊家庭 elders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { In } from '@shared/api/contract';
import { ITEMS } from '@shared/domain/assessment/items';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { canonicalDump } from '../helpers/canonical-dump';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let worker: Session;
let carer: Session;
let kitchen: Session;
let east: string;
let west: string;
let li: string;
let zhao: string;

let serial = 100;
const elder = (over: Partial<In<'elders.save'>> = {}): In<'elders.save'> => ({
  name: '赵桂英',
  idNumber: validIdNumber('1941-07-07', String((serial += 1))),
  villageId: east,
  household: 'alone',
  categories: ['tekun_dispersed'],
  carer: 'neighbour',
  registeredOn: '2026-01-05',
  ...over,
});

const allAt = (score: (max: number) => number) => Object.fromEntries(ITEMS.map((i) => [i.code, score(i.max)]));
const staffAssessor = (staffId: string) => ({ staffId, name: '', organisation: '' });
const homeDraft = (elderId: string, over: Record<string, unknown> = {}): In<'assessment.saveDraft'> => ({
  elderId,
  reason: 'first',
  assessedOn: '2026-03-10',
  answers: allAt((max) => max),
  assessor1: staffAssessor(li),
  assessor2: staffAssessor(zhao),
  ...over,
});

/** Runs a call that must be refused and checks that not one row of any table changed. */
async function refused(method: Parameters<TestBackend['raw']>[0], input: unknown, session?: Session) {
  const before = canonicalDump(b.database.sqlite);
  const answer = await b.raw(method, input as never, session);
  expect(answer.ok).toBe(false);
  expect(canonicalDump(b.database.sqlite)).toEqual(before);
  return answer.error;
}

/** An elder's assessment, saved and finalised by the 关爱专干. */
async function assessed(elderId: string, assessedOn: string) {
  const { id } = await b.call('assessment.saveDraft', homeDraft(elderId, { assessedOn }), worker);
  await b.call('assessment.finalize', { id }, worker);
  return id;
}

beforeEach(async () => {
  b = await openTestBackend(); // the clock: 2026-03-15, 10:00 China time
  worker = (await b.signInAs('social_worker', '关爱专干小周')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  kitchen = (await b.signInAs('kitchen', '厨师老刘')).session;
  ({ id: east } = await b.call('elders.saveVillage', { name: '东村' }, worker));
  ({ id: west } = await b.call('elders.saveVillage', { name: '西村' }, worker));
  li = (await b.call('staff.save', { name: '李评估', role: 'care_lead', hireDate: '2025-01-01' })).id;
  zhao = (await b.call('staff.save', { name: '周专干', role: 'social_worker', hireDate: '2025-01-01' })).id;
});
afterEach(async () => b.close());

describe('an elder assessed at home', () => {
  it('saves a draft, finalises it with the same rules and levels as in the centre, then refuses changes; place 居家', async () => {
    const { id: elderId } = await b.call('elders.save', elder(), worker);
    const half = { ...allAt((m) => m), 'B.1.3': null };
    const { id } = await b.call('assessment.saveDraft', homeDraft(elderId, { answers: half }), worker);
    expect((await b.raw('assessment.finalize', { id }, worker)).error?.message).toBe('还有 1 项未评分（B.1.3 洗澡），评完才能定稿');
    // 89 with dementia: 轻度 raised to 中度, exactly as for a resident (assessment.test.ts).
    await b.call('assessment.saveDraft', homeDraft(elderId, { id, answers: { ...allAt((m) => m), 'B.4.5': 3 }, dementia: true }), worker);
    await b.call('assessment.finalize', { id }, worker);

    const view = await b.call('assessment.get', { id }, carer);
    expect(view).toMatchObject({ residentId: null, elderId, personName: '赵桂英', place: 'home', status: 'final', total: 89, preliminaryLevel: 1, finalLevel: 2, finalizedBy: '关爱专干小周', missing: [] });
    expect([view.assessor1?.name, view.assessor2?.name]).toEqual(['李评估', '周专干']);
    expect(view.levelReasons[0]).toMatch(/痴呆/);
    expect(await b.call('assessment.listForElder', { elderId }, carer)).toEqual([view]);
    expect(b.database.sqlite.prepare('SELECT resident_id AS residentId, elder_id AS elderId, place FROM assessments').all()).toEqual([{ residentId: null, elderId, place: 'home' }]);

    expect((await refused('assessment.saveDraft', homeDraft(elderId, { id }), worker))?.message).toMatch(/已经定稿，不能修改/);
    expect(() => b.database.sqlite.exec(`UPDATE assessments SET total = 1 WHERE id = '${id}'`)).toThrow(/read-only/);
    expect(() => b.database.sqlite.exec(`DELETE FROM assessments WHERE id = '${id}'`)).toThrow(/never deleted/);
  });

  it('refuses both ids, neither, an unknown elder, an elder who died or moved away by the date — writing nothing', async () => {
    const { id: elderId } = await b.call('elders.save', elder(), worker);
    const { bed } = await smallCentre(b);
    const { id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const exactlyOne = '一份评估只评一位老人：请指明是本院入住老人，还是农村老人名册上的居家老人（二者选一）';
    expect(await refused('assessment.saveDraft', homeDraft(elderId, { residentId }), worker)).toMatchObject({ code: 'INVALID_INPUT', message: exactlyOne, field: 'residentId' });
    expect(await refused('assessment.saveDraft', homeDraft(elderId, { elderId: undefined }), worker)).toMatchObject({ code: 'INVALID_INPUT', message: exactlyOne });
    expect(await refused('assessment.saveDraft', homeDraft('0b8f2c1e-3c1d-4c39-9d47-2f5b8a1c9e10'), worker)).toMatchObject({ code: 'NOT_FOUND', message: '农村老人名册中没有这位老人，请刷新后重试' });
    expect(await refused('assessment.saveDraft', homeDraft(elderId, { assessedOn: '2026-03-16' }), worker)).toMatchObject({ field: 'assessedOn' });

    // A draft of 03-10; then the death is recorded as of 03-08: the draft cannot be finalised, nor a new one saved.
    const { id } = await b.call('assessment.saveDraft', homeDraft(elderId), worker);
    await b.call('elders.setStatus', { elderId, status: 'died', on: '2026-03-08' }, worker);
    const died = { code: 'INVALID_INPUT', field: 'assessedOn', message: '赵桂英已于2026-03-08去世，不能登记2026-03-10的居家能力评估' };
    expect(await refused('assessment.finalize', { id }, worker)).toMatchObject(died);
    expect(await refused('assessment.saveDraft', homeDraft(elderId), worker)).toMatchObject(died);
    // Before the death is fine (the elder was at home then).
    await assessed(elderId, '2026-03-01');

    const { id: moved } = await b.call('elders.save', elder({ name: '钱德福' }), worker);
    await b.call('elders.setStatus', { elderId: moved, status: 'moved_away', on: '2026-03-10' }, worker);
    expect((await refused('assessment.saveDraft', homeDraft(moved), worker))?.message).toBe('钱德福已于2026-03-10迁出，不能登记2026-03-10的居家能力评估');
  });

  it('lets the 关爱专干 assess and read elders only; residents stay with the centre’s assessors; the kitchen reads neither', async () => {
    const { id: elderId } = await b.call('elders.save', elder(), worker);
    const { bed } = await smallCentre(b);
    const { id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const residentDraft = { ...homeDraft(elderId), elderId: undefined, residentId };
    expect(await refused('assessment.saveDraft', residentDraft, worker)).toMatchObject({ code: 'FORBIDDEN', message: '关爱专干只做名册上居家老人的能力评估；本院入住老人的评估请由院长、护理组长或医护人员完成' });
    const { id: residentAssessment } = await b.call('assessment.saveDraft', residentDraft);
    expect(await refused('assessment.finalize', { id: residentAssessment }, worker)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused('assessment.get', { id: residentAssessment }, worker)).toMatchObject({ code: 'FORBIDDEN', message: '您的岗位不能查看本院老人的评估' });
    expect((await b.raw('assessment.list', { residentId }, worker)).error?.code).toBe('FORBIDDEN');

    const homeId = await assessed(elderId, '2026-03-10');
    // The resident's list and the elder's list keep apart; the centre's staff reads both.
    expect((await b.call('assessment.list', { residentId })).map((a) => [a.id, a.place, a.residentId, a.elderId])).toEqual([[residentAssessment, 'centre', residentId, null]]);
    expect((await b.call('assessment.listForElder', { elderId })).map((a) => a.id)).toEqual([homeId]);
    expect((await b.call('assessment.get', { id: homeId })).place).toBe('home');
    expect((await refused('assessment.saveDraft', homeDraft(elderId), carer))?.code).toBe('FORBIDDEN');
    // Medical accounts assess residents, not the register's elders (a doctor can still sign as one of the two assessors).
    const medical = (await b.signInAs('medical', '医生老孙')).session;
    expect(await refused('assessment.saveDraft', homeDraft(elderId), medical)).toMatchObject({ code: 'FORBIDDEN', message: '居家能力评估由关爱专干、护理组长或院长录入；医护人员可以在表上选作评估员' });
    expect((await b.raw('assessment.get', { id: homeId }, medical)).error?.code).toBe('FORBIDDEN');
    expect((await b.call('assessment.get', { id: residentAssessment }, medical)).place).toBe('centre');
    const objection = { assessmentId: homeId, raisedBy: '赵小明', relation: '儿子', note: '觉得评低了', raisedOn: '2026-03-12' };
    expect(await refused('assessment.dispute', objection, medical)).toMatchObject({ code: 'FORBIDDEN', message: '您的岗位不能查看农村老人的居家评估' });
    for (const method of ['assessment.listForElder', 'assessment.homeCoverage'] as const) {
      expect((await b.raw(method, { elderId } as never, kitchen)).error?.code).toBe('FORBIDDEN');
    }
    expect((await b.raw('assessment.get', { id: homeId }, kitchen)).error?.code).toBe('FORBIDDEN');
    // A resident's draft still reads as before (the due list is the residents' only).
    expect((await b.call('assessment.due', {})).map((r) => r.residentId)).toEqual([residentId]);
  });
});

describe('home assessment coverage', () => {
  it('counts the 特困, 低保 and 计生特殊家庭 elders at home now, covered by a final assessment within the 6-month interval', async () => {
    // Today 2026-03-15, 常规复评间隔 6 months: an assessment of 2025-09-15 is due today (not current), 2025-09-16 is.
    const covered1 = (await b.call('elders.save', elder({ name: '甲特困近评' }), worker)).id;
    await assessed(covered1, '2026-02-01');
    const covered2 = (await b.call('elders.save', elder({ name: '乙低保刚好在期', categories: ['dibao', 'left_behind'], villageId: west }), worker)).id;
    await assessed(covered2, '2025-09-16');
    const dueToday = (await b.call('elders.save', elder({ name: '丙计生到期', categories: ['family_planning_special'] }), worker)).id;
    await assessed(dueToday, '2025-09-15');
    const draftOnly = (await b.call('elders.save', elder({ name: '丁低保只有草稿', categories: ['dibao'], idNumber: validIdNumber('1960-02-02', '777') }), worker)).id;
    await b.call('assessment.saveDraft', homeDraft(draftOnly), worker);
    const never = (await b.call('elders.save', elder({ name: '戊特困从未评估', villageId: west }), worker)).id;
    // Not counted: not in the three groups; died; moved away (even though assessed).
    await b.call('elders.save', elder({ name: '己独居', categories: ['living_alone'] }), worker);
    const died = (await b.call('elders.save', elder({ name: '庚已故低保', categories: ['dibao'] }), worker)).id;
    await b.call('elders.setStatus', { elderId: died, status: 'died', on: '2026-02-01' }, worker);
    const moved = (await b.call('elders.save', elder({ name: '辛迁出特困' }), worker)).id;
    await assessed(moved, '2026-01-10');
    await b.call('elders.setStatus', { elderId: moved, status: 'moved_away', on: '2026-02-01' }, worker);

    const coverage = await b.call('assessment.homeCoverage', {}, carer);
    expect(coverage).toEqual({
      covered: 2,
      total: 5,
      reassessMonths: 6,
      missing: [
        { elderId: dueToday, name: '丙计生到期', village: '东村', groups: ['family_planning_special', 'over_80'], lastAssessedOn: '2025-09-15' },
        { elderId: draftOnly, name: '丁低保只有草稿', village: '东村', groups: ['dibao'], lastAssessedOn: null },
        { elderId: never, name: '戊特困从未评估', village: '西村', groups: ['tekun_dispersed', 'over_80'], lastAssessedOn: null },
      ],
    });
    // A longer interval (a setting) makes the one due today current again.
    await b.call('settings.update', { ...(await b.call('settings.get', {})), reassessMonths: 7 });
    expect(await b.call('assessment.homeCoverage', {}, worker)).toMatchObject({ covered: 3, total: 5, reassessMonths: 7 });
  });
});
