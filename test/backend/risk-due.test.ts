// The GB 38600 risk assessment due list through the real dispatcher: due at admission, then every
// `riskReassessMonths` months, and at once after an incident of a risk's kind, a hospital return or a care-grade
// change — one row per reason, answered by a risk assessment recorded afterwards.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { ADMIN, type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
let residentId: string;
beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  ({ id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
});
afterEach(async () => b.close());

const assessRisks = (assessedOn: string) =>
  b.call('assessment.recordRisks', { residentId, assessedOn, risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: 'low', measures: '' })), assessor: '李评估', note: '' });
const reasons = async () => (await b.call('assessment.riskDue', {})).map((r) => [r.reason, r.dueOn, r.state, r.prompt]);
async function moveTo(iso: string) {
  b.clock.set(iso);
  await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
}
const incident = (type: 'fall' | 'scald' | 'sudden_illness' | 'harm', occurredAt: string) => ({
  requestId: randomUUID(),
  residentId,
  type,
  occurredAt,
  place: '房间',
  severity: 'minor' as const,
  description: '经过',
  actionTaken: '处理',
});

describe('risk assessment due list', () => {
  it('is due at admission, then after the interval from the settings', async () => {
    expect(await b.call('assessment.riskDue', {})).toEqual([
      { residentId, name: '张三', bedLabel: expect.any(String), lastAssessedOn: null, dueOn: '2026-01-10', state: 'overdue', reason: 'admission', riskCode: null, prompt: '尚未做安全风险评估（GB 38600 要求入住前完成）' },
    ]);
    await assessRisks('2026-03-15');
    expect(await reasons()).toEqual([]);
    await moveTo('2026-08-16T02:00:00.000Z'); // 30 days before 2026-09-15
    expect(await reasons()).toEqual([['routine', '2026-09-15', 'due_soon', '定期复评（每6个月）']]);
    await b.call('settings.update', { ...(await b.call('settings.get', {})), riskReassessMonths: 3 });
    expect(await reasons()).toEqual([['routine', '2026-06-15', 'overdue', '定期复评（每3个月）']]);
    await assessRisks('2026-08-16');
    expect(await reasons()).toEqual([]);
  });

  it('asks again after an incident of a risk kind (not after a sudden illness), a hospital return and a care-grade change', async () => {
    await assessRisks('2026-03-01');
    await b.call('incidents.report', incident('fall', '2026-03-10T01:00:00.000Z'));
    await b.call('incidents.report', incident('fall', '2026-03-12T01:00:00.000Z'));
    await b.call('incidents.report', incident('scald', '2026-03-11T01:00:00.000Z'));
    await b.call('incidents.report', incident('sudden_illness', '2026-03-13T01:00:00.000Z'));
    const due = await b.call('assessment.riskDue', {});
    expect(due.map((r) => [r.reason, r.riskCode, r.dueOn, r.state, r.prompt])).toEqual([
      ['incident', 'scald', '2026-03-11', 'overdue', '2026-03-11 发生烫伤事件，需重新评估「烫伤」风险'],
      ['incident', 'fall', '2026-03-12', 'overdue', '2026-03-12 发生跌倒事件，需重新评估「跌倒」风险'],
    ]);
    // A risk assessment recorded afterwards answers them all.
    await assessRisks('2026-03-15');
    expect(await reasons()).toEqual([]);

    await moveTo('2026-04-20T02:00:00.000Z');
    await b.call('residents.startLeave', { residentId, kind: 'hospital', startDate: '2026-04-01', expectedReturn: null, note: '' });
    await b.call('residents.endLeave', { residentId, returnDate: '2026-04-10' });
    const [light, heavy] = await b.call('grades.list', {}); // the centre's seeded grades
    const consent = { overrideReason: '', approver: '', consentBy: '张小明', consentRelation: '侄子' };
    await b.call('grades.assign', { residentId, gradeId: light.id, effectiveFrom: '2026-03-01', ...consent });
    expect(await reasons()).toEqual([['hospital', '2026-04-10', 'overdue', '2026-04-10 住院返回，需重新评估']]); // the first grade is no change
    await b.call('grades.assign', { residentId, gradeId: heavy.id, effectiveFrom: '2026-04-18', ...consent });
    expect(await reasons()).toEqual([
      ['hospital', '2026-04-10', 'overdue', '2026-04-10 住院返回，需重新评估'],
      ['care_grade', '2026-04-18', 'overdue', `2026-04-18 护理等级由「${light.name}」改为「${heavy.name}」，需重新评估`],
    ]);
    await assessRisks('2026-04-20');
    expect(await reasons()).toEqual([]);
  });

  it('does not take an assessment dated before an incident as the answer to it', async () => {
    await b.call('incidents.report', incident('harm', '2026-03-14T01:00:00.000Z'));
    await assessRisks('2026-03-13'); // recorded later but dated before the incident
    expect((await b.call('assessment.riskDue', {})).map((r) => r.prompt)).toEqual(['2026-03-14 发生他伤和自伤事件，需重新评估「他伤和自伤」风险']);
  });

  it('is readable by care staff', async () => {
    const { session } = await b.signInAs('caregiver');
    expect(await b.call('assessment.riskDue', {}, session)).toHaveLength(1);
  });
});
