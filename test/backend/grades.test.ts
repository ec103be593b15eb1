import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ITEMS } from '@shared/domain/assessment/items';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre, snapshotCounts } from '../helpers/centre';

let b: TestBackend;
let residentId: string;
beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  ({ id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
});
afterEach(async () => b.close());

async function assessAt(total: number) {
  let left = total;
  const answers: Record<string, number> = {};
  for (const item of ITEMS) {
    answers[item.code] = Math.min(item.max, left);
    left -= answers[item.code];
  }
  // A B.3.9 of 0 needs its 昏迷/昏睡 answer before finalising: these are 昏睡 (no coma).
  const consciousness = answers['B.3.9'] === 0 ? ('stupor' as const) : null;
  const { id } = await b.call('assessment.saveDraft', { residentId, reason: 'first', assessedOn: '2026-03-15', answers, consciousness, assessor1: { staffId: null, name: '甲', organisation: '县老年人能力评估中心' }, assessor2: { staffId: null, name: '乙', organisation: '县老年人能力评估中心' } });
  await b.call('assessment.finalize', { id });
}

const grade = async (name: string) => (await b.call('grades.list', {})).find((g) => g.name === name)!;
const consent = { consentBy: '张小明', consentRelation: '侄子' };

describe('care grades', () => {
  it('starts with 自理 / 半护理 / 全护理 / 特护 by rank, and keeps dated fees in fen', async () => {
    const list = await b.call('grades.list', {});
    expect(list.map((g) => [g.name, g.rank, g.levels])).toEqual([
      ['自理', 1, [0]],
      ['半护理', 2, [1, 2]],
      ['全护理', 3, [3, 4]],
      ['特护', 4, []],
    ]);
    const half = await grade('半护理');
    await b.call('grades.save', { id: half.id, name: '半护理', rank: 2, levels: [1, 2], monthlyFeeFen: 150_000, feeFrom: '2026-01-01' });
    await b.call('grades.save', { id: half.id, name: '半护理', rank: 2, levels: [1, 2], monthlyFeeFen: 160_000, feeFrom: '2026-07-01' });
    expect((await grade('半护理')).monthlyFeeFen).toBe(150_000); // today is 2026-03-15
    expect(b.count('care_grade_fees')).toBe(2);
    const clash = await b.raw('grades.save', { id: half.id, name: '半护理', rank: 2, levels: [1, 2, 3], monthlyFeeFen: 150_000, feeFrom: '2026-01-01' });
    expect(clash.error?.message).toBe('能力等级 3 已对应「全护理」，一个能力等级只能建议一个护理等级');
  });

  it('suggests the grade from the latest final assessment; another grade needs a reason and an approver', async () => {
    await assessAt(50); // 中度失能 → 半护理
    expect(await b.call('grades.suggest', { residentId })).toMatchObject({ level: 2, gradeName: '半护理' });
    const full = await grade('全护理');
    const before = snapshotCounts(b);
    const noReason = await b.raw('grades.assign', { residentId, gradeId: full.id, effectiveFrom: '2026-03-15', ...consent });
    expect(noReason.error).toMatchObject({ field: 'overrideReason', message: '评估建议为「半护理」，改为「全护理」需要写明原因' });
    const noApprover = await b.raw('grades.assign', { residentId, gradeId: full.id, effectiveFrom: '2026-03-15', overrideReason: '夜间需频繁照护', ...consent });
    expect(noApprover.error?.field).toBe('approver');
    expect(snapshotCounts(b)).toEqual(before);

    await b.call('grades.assign', { residentId, gradeId: (await grade('半护理')).id, effectiveFrom: '2026-03-15', ...consent });
    await b.call('grades.assign', { residentId, gradeId: full.id, effectiveFrom: '2026-03-20', overrideReason: '夜间需频繁照护', approver: '王院长', ...consent });
    const history = await b.call('grades.history', { residentId });
    expect(history.map((h) => [h.gradeName, h.suggestedName, h.assessedLevel, h.overrideReason])).toEqual([
      ['全护理', '半护理', 2, '夜间需频繁照护'],
      ['半护理', '半护理', 2, ''],
    ]);
    expect(() => b.database.sqlite.exec('DELETE FROM resident_grades')).toThrow(/never deleted/);
  });

  it('records consent every time, and is set by managers only', async () => {
    const self = await grade('自理');
    expect((await b.raw('grades.assign', { residentId, gradeId: self.id, effectiveFrom: '2026-03-15', consentBy: '', consentRelation: '' })).error?.message).toBe('请填写同意人姓名');
    const { session } = await b.signInAs('care_lead');
    expect((await b.raw('grades.assign', { residentId, gradeId: self.id, effectiveFrom: '2026-03-15', ...consent }, session)).error?.code).toBe('FORBIDDEN');
  });
});
