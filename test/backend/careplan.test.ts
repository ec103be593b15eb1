import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
let residentId: string;
beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  ({ id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
});
afterEach(async () => b.close());

async function setGrade(name: string) {
  const grade = (await b.call('grades.list', {})).find((g) => g.name === name)!;
  await b.call('grades.assign', { residentId, gradeId: grade.id, effectiveFrom: '2026-03-15', consentBy: '张小明', consentRelation: '侄子' });
}

describe('care plans', () => {
  it('cannot be generated before a grade or a risk assessment exists', async () => {
    expect((await b.raw('careplan.generate', { residentId })).error?.message).toBe('请先设定护理等级或完成安全风险评估，才能生成护理计划');
  });

  it('follows the grade and the risks: 翻身 every 2 hours for a high pressure-sore risk', async () => {
    await setGrade('全护理');
    await b.call('assessment.recordRisks', {
      residentId,
      assessedOn: '2026-03-15',
      risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: r.code === 'pressure_sore' ? 'high' : r.code === 'choking' ? 'medium' : 'low', measures: r.code === 'pressure_sore' || r.code === 'choking' ? '见护理计划' : '' })),
      assessor: '李评估',
      note: '',
    });
    expect(await b.call('careplan.generate', { residentId })).toEqual({ added: 5 });
    const plan = await b.call('careplan.get', { residentId });
    expect(plan.map((t) => [t.task, t.frequencyText, t.source])).toEqual(
      expect.arrayContaining([
        ['翻身并检查受压部位皮肤', '每 2 小时一次', '压疮高风险'],
        ['进餐时专人看护，软食小口慢喂', '每天 07:00、11:30、17:30', '噎食中风险'],
        ['协助如厕或更换尿垫', '每 3 小时一次', '护理等级：全护理'],
      ]),
    );
    // Generating again adds nothing; an adjusted task keeps its adjustment.
    const turning = plan.find((t) => t.task.startsWith('翻身'))!;
    await b.call('careplan.saveTask', { id: turning.id, residentId, task: turning.task, frequency: { kind: 'every_hours', hours: 3 }, active: true, note: '夜间改为3小时' });
    expect(await b.call('careplan.generate', { residentId })).toEqual({ added: 0 });
    const after = await b.call('careplan.get', { residentId });
    expect(after.find((t) => t.id === turning.id)?.frequencyText).toBe('每 3 小时一次');
    const audit = await b.call('audit.search', { entity: 'carePlanTasks', action: 'update' });
    expect(audit.rows[0].changes).toContainEqual({ field: 'frequency', label: '频次', before: '每 2 小时一次', after: '每 3 小时一次' });
  });

  it('refuses a bad frequency with a plain message, and caregivers read but do not change plans', async () => {
    await setGrade('自理');
    const bad = await b.raw('careplan.saveTask', { residentId, task: '散步', frequency: { kind: 'at_times', times: ['25:00'] }, active: true, note: '' });
    expect(bad.error?.message).toBe('时间格式应为 时:分，如 08:00');
    const { session } = await b.signInAs('caregiver');
    expect((await b.raw('careplan.get', { residentId }, session)).ok).toBe(true);
    expect((await b.raw('careplan.generate', { residentId }, session)).error?.code).toBe('FORBIDDEN');
  });
});

describe('round-type tasks (查房时完成, issue 13)', () => {
  it('夜间巡视 and 检查床栏 come from their templates marked to be completed by a round; the mark is editable and audited', async () => {
    await b.call('assessment.recordRisks', {
      residentId,
      assessedOn: '2026-03-15',
      risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: r.code === 'fall' || r.code === 'fall_from_bed' || r.code === 'scald' ? 'medium' : 'low', measures: '见护理计划' })),
      assessor: '李评估',
      note: '',
    });
    await b.call('careplan.generate', { residentId });
    const plan = await b.call('careplan.get', { residentId });
    expect(plan.map((t) => [t.task, t.completesOnRound]).sort()).toEqual([
      ['夜间巡视，提醒起夜开灯、穿防滑鞋', true],
      ['检查床栏是否拉起', true],
      ['检查热水温度，热水瓶不放床边', false],
    ]);
    const scald = plan.find((t) => t.task.startsWith('检查热水'))!;
    await b.call('careplan.saveTask', { id: scald.id, residentId, task: scald.task, frequency: scald.frequency, active: true, note: '', completesOnRound: true });
    expect((await b.call('careplan.get', { residentId })).find((t) => t.id === scald.id)?.completesOnRound).toBe(true);
    const audit = await b.call('audit.search', { entity: 'carePlanTasks', action: 'update' });
    expect(audit.rows[0].changes).toContainEqual({ field: 'completesOnRound', label: '查房时完成', before: '否', after: '是' });
  });
});
