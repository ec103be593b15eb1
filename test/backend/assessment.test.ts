import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ITEMS } from '@shared/domain/assessment/items';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { ADMIN, type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre, snapshotCounts } from '../helpers/centre';

let b: TestBackend;
let residentId: string;
/** Two people on the staff register who assess. */
let li: string;
let zhao: string;
beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  ({ id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
  li = (await b.call('staff.save', { name: '李评估', role: 'care_lead', hireDate: '2025-01-01' })).id;
  zhao = (await b.call('staff.save', { name: '赵评估', role: 'nurse', hireDate: '2025-01-01' })).id;
});
const staffAssessor = (staffId: string) => ({ staffId, name: '', organisation: '' });
afterEach(async () => b.close());

const allAt = (score: (max: number) => number) => Object.fromEntries(ITEMS.map((i) => [i.code, score(i.max)]));
const draft = (over: Record<string, unknown> = {}) => ({
  residentId,
  reason: 'first' as const,
  assessedOn: '2026-03-15',
  answers: allAt((max) => max),
  assessor1: staffAssessor(li),
  assessor2: staffAssessor(zhao),
  ...over,
});

describe('ability assessment', () => {
  it('saves a half-done draft, finalises a complete one with level and reasons, then refuses changes', async () => {
    const half = { ...allAt((m) => m), 'B.1.3': null, 'B.4.5': null };
    const { id } = await b.call('assessment.saveDraft', draft({ answers: half }));
    const refused = await b.raw('assessment.finalize', { id });
    expect(refused.error?.message).toBe('还有 2 项未评分（B.1.3 洗澡、B.4.5 社会交往能力），评完才能定稿');
    // 89 with dementia: 轻度 raised to 中度.
    await b.call('assessment.saveDraft', draft({ id, answers: { ...allAt((m) => m), 'B.4.5': 3 }, dementia: true }));
    await b.call('assessment.finalize', { id });
    const view = await b.call('assessment.get', { id });
    expect(view).toMatchObject({ status: 'final', total: 89, preliminaryLevel: 1, finalLevel: 2, finalizedBy: '王院长' });
    expect([view.assessor1, view.assessor2]).toEqual([
      { staffId: li, name: '李评估', organisation: '' },
      { staffId: zhao, name: '赵评估', organisation: '' },
    ]);
    expect(view.levelReasons[0]).toMatch(/痴呆/);
    const again = await b.raw('assessment.saveDraft', draft({ id }));
    expect(again.error?.message).toMatch(/已经定稿，不能修改/);
    expect(() => b.database.sqlite.exec(`UPDATE assessments SET total = 1 WHERE id = '${id}'`)).toThrow(/read-only/);
  });

  it('refuses a score outside its item’s range, a future date, one assessor twice — writing nothing', async () => {
    const before = snapshotCounts(b);
    expect((await b.raw('assessment.saveDraft', draft({ answers: { 'B.2.4': 4 } }))).error).toMatchObject({ field: 'answers.B.2.4', message: 'B.2.4 上下楼梯的得分应为 0 到 3 之间的整数' });
    expect((await b.raw('assessment.saveDraft', draft({ assessedOn: '2026-03-16' }))).error?.field).toBe('assessedOn');
    expect(snapshotCounts(b)).toEqual(before);
    expect(b.count('assessments')).toBe(0);
  });

  it('takes two different assessors, each on the staff register or from outside with name and organisation — refusing the rest and writing nothing', async () => {
    const before = snapshotCounts(b);
    const refused = async (over: Record<string, unknown>) => (await b.raw('assessment.saveDraft', draft(over))).error;
    expect(await refused({ assessor2: staffAssessor(li) })).toMatchObject({ field: 'assessor2', message: '两位评估员不能是同一个人，请另选一位' });
    const outside = { staffId: null, name: '孙评估', organisation: '县老年人能力评估中心' };
    expect(await refused({ assessor1: outside, assessor2: outside })).toMatchObject({ field: 'assessor2', message: '两位评估员不能是同一个人，请另选一位' });
    expect(await refused({ assessor2: { ...outside, organisation: '' } })).toMatchObject({ field: 'assessor2', message: '评估员2“孙评估”是院外评估员，请写明所在单位（如县老年人能力评估中心）' });
    expect(await refused({ assessor1: { staffId: null, name: '', organisation: '县老年人能力评估中心' } })).toMatchObject({ field: 'assessor1', message: '评估员1：请从本院员工中选择，或写明院外评估员的姓名' });
    expect(await refused({ assessor1: staffAssessor('0b8f2c1e-3c1d-4c39-9d47-2f5b8a1c9e10') })).toMatchObject({ field: 'assessor1', message: '评估员1不在本院员工名册中，请从名单里选择' });
    const gone = (await b.call('staff.save', { name: '钱评估', role: 'nurse', hireDate: '2020-01-01', leftOn: '2026-03-01' })).id;
    const afterHire = snapshotCounts(b);
    expect(await refused({ assessor2: staffAssessor(gone) })).toMatchObject({ field: 'assessor2', message: '评估员2“钱评估”在评估日期（2026-03-15）已离职，请另选一位' });
    expect(afterHire).not.toEqual(before);
    expect(snapshotCounts(b)).toEqual(afterHire);
    expect(b.count('assessments')).toBe(0);

    // A staff member and an outside assessor together; the typed name of a staff member is not trusted.
    const { id } = await b.call('assessment.saveDraft', draft({ assessor1: { staffId: li, name: '别的名字', organisation: '' }, assessor2: outside }));
    await b.call('assessment.finalize', { id });
    const view = await b.call('assessment.get', { id });
    expect([view.assessor1, view.assessor2]).toEqual([{ staffId: li, name: '李评估', organisation: '' }, outside]);
  });

  it('finalises only with both assessors chosen', async () => {
    const { id } = await b.call('assessment.saveDraft', draft({ assessor2: null }));
    expect((await b.raw('assessment.finalize', { id })).error).toMatchObject({ field: 'assessor2', message: '定稿需要两位评估员：请选好评估员1和评估员2' });
    expect((await b.call('assessment.get', { id })).status).toBe('draft');
  });

  it('records the A.5 health items with the standard’s options, refusing an unknown option or two answers to a single-choice item', async () => {
    const health = { choices: { 'A.5.1': ['Ⅱ期 皮肤真皮层损失、暴露，出现水泡'], 'A.5.4': ['胃管', '尿管'], 'A.5.11': ['无'] }, jointSites: '', other: '右髋关节置换术后' };
    const { id } = await b.call('assessment.saveDraft', draft({ health }));
    expect((await b.call('assessment.get', { id })).health).toEqual(health);
    const before = snapshotCounts(b);
    expect((await b.raw('assessment.saveDraft', draft({ id, health: { ...health, choices: { 'A.5.1': ['Ⅴ期'] } } }))).error).toMatchObject({ field: 'health.A.5.1', message: 'A.5.1 压力性损伤没有“Ⅴ期”这一选项' });
    expect((await b.raw('assessment.saveDraft', draft({ id, health: { ...health, choices: { 'A.5.10': ['无', '有'] } } }))).error?.message).toBe('A.5.10 清理呼吸道无效只能选一项');
    expect((await b.raw('assessment.saveDraft', draft({ id, health: { ...health, choices: { 'A.5.3': ['无', '擦伤'] } } }))).error?.message).toBe('A.5.3 伤口情况选了“无”，就不能再选其他情况');
    expect(snapshotCounts(b)).toEqual(before);
    expect((await b.call('assessment.get', { id })).health).toEqual(health);
  });

  it('is done by managers, care leads and medical staff, not caregivers', async () => {
    const { session } = await b.signInAs('caregiver');
    expect((await b.raw('assessment.saveDraft', draft(), session)).error?.code).toBe('FORBIDDEN');
  });
});

describe('reassessment schedule', () => {
  it('lists the never-assessed, then the routine due date, and a hospital return as an ad-hoc prompt', async () => {
    expect((await b.call('assessment.due', {}))[0]).toMatchObject({ name: '张三', state: 'overdue', prompt: '入住后尚未做能力评估' });
    const { id } = await b.call('assessment.saveDraft', draft());
    await b.call('assessment.finalize', { id });
    expect(await b.call('assessment.due', {})).toEqual([]); // the risk assessment has its own list (assessment.riskDue)
    await b.call('assessment.recordRisks', { residentId, assessedOn: '2026-03-15', risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: 'low', measures: '' })), assessor: '李评估', note: '' });
    expect(await b.call('assessment.due', {})).toEqual([]);
    b.clock.set('2026-08-20T02:00:00.000Z'); // within 30 days of 2026-09-15
    await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await b.call('assessment.due', {}))[0]).toMatchObject({ dueOn: '2026-09-15', state: 'due_soon', prompt: null });
    await b.call('residents.startLeave', { residentId, kind: 'hospital', startDate: '2026-08-01', expectedReturn: null, note: '' });
    await b.call('residents.endLeave', { residentId, returnDate: '2026-08-10' });
    expect((await b.call('assessment.due', {}))[0]).toMatchObject({ state: 'overdue', prompt: '2026-08-10 住院返回，需即时评估' });
  });
});

describe('特困 tier and safety risks', () => {
  it('records the tier from the six indicators, keeping history', async () => {
    const indicators = { eat: true, dress: true, bed: true, toilet: false, walk: false, bathe: false };
    await b.call('tier.record', { residentId, assessedOn: '2026-03-15', indicators, assessor: '李评估', note: '' });
    await b.call('tier.record', { residentId, assessedOn: '2026-03-15', indicators: { ...indicators, dress: false }, assessor: '李评估', note: '' });
    expect((await b.call('tier.list', { residentId })).map((t) => t.tier).sort()).toEqual(['fully_lost', 'partly_lost']);
  });

  it('records all nine risks, asks for measures on medium and high ones, and shows high risks on the bed map', async () => {
    const risks: { code: string; grade: 'low' | 'medium' | 'high'; measures: string }[] = SAFETY_RISKS.map((r) => ({ code: r.code, grade: 'low', measures: '' }));
    risks[2] = { code: 'pressure_sore', grade: 'high', measures: '' };
    expect((await b.raw('assessment.recordRisks', { residentId, assessedOn: '2026-03-15', risks, assessor: '李评估', note: '' })).error?.message).toBe('中、高风险需要写明防范措施：压疮');
    risks[2].measures = '每2小时翻身，气垫床';
    expect((await b.raw('assessment.recordRisks', { residentId, assessedOn: '2026-03-15', risks: risks.slice(0, 8), assessor: '李评估', note: '' })).error?.message).toBe('请评估全部9项风险');
    await b.call('assessment.recordRisks', { residentId, assessedOn: '2026-03-15', risks, assessor: '李评估', note: '' });
    const map = await b.call('facility.bedMap', {});
    const bed = map.rooms.flatMap((r) => r.beds).find((x) => x.residentId === residentId)!;
    expect(bed.highRisks).toEqual(['压疮']);
  });
});

describe('objections to a result', () => {
  it('records an objection beside the final assessment and prompts a review until one is finalised', async () => {
    await b.call('assessment.recordRisks', { residentId, assessedOn: '2026-03-15', risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: 'low', measures: '' })), assessor: '李评估', note: '' });
    const { id } = await b.call('assessment.saveDraft', draft());
    expect((await b.raw('assessment.dispute', { assessmentId: id, raisedBy: '张小明', relation: '侄子', note: '认为评得太高', raisedOn: '2026-03-15' })).error?.message).toMatch(/草稿还没有结果/);
    await b.call('assessment.finalize', { id });
    b.clock.set('2026-03-15T02:01:00.000Z');
    await b.call('assessment.dispute', { assessmentId: id, raisedBy: '张小明', relation: '侄子', note: '认为评得太高', raisedOn: '2026-03-15' });
    expect((await b.call('assessment.due', {}))[0]).toMatchObject({ state: 'overdue', prompt: '对评估结果有异议，需要复评' });
    b.clock.set('2026-03-15T02:02:00.000Z');
    const review = await b.call('assessment.saveDraft', draft({ reason: 'dispute' }));
    await b.call('assessment.finalize', { id: review.id });
    expect(await b.call('assessment.due', {})).toEqual([]);
  });
});
