// A small centre ready for a day of care: two residents with care-plan tasks, three caregivers with accounts linked
// to their staff records, and a roster of early, middle and night shifts for 2026-03-15.
import type { TestBackend } from './backend';
import { admission, person, smallCentre } from './centre';
import { validIdNumber } from './ids';

export const SHIFT = { early: '01900000-0000-7000-8000-000000000201', middle: '01900000-0000-7000-8000-000000000202', night: '01900000-0000-7000-8000-000000000203' };
export const DAY = '2026-03-15';

export async function careDay(b: TestBackend) {
  const { bed } = await smallCentre(b);
  const { id: zhang } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
  const { id: li } = await b.call('residents.admit', {
    person: person({ name: '李四', idNumber: validIdNumber('1940-02-02', '234') }),
    admission: admission(bed('102', '1'), { agreementNo: 'XY-2026-002' }),
  });
  const turn = await b.call('careplan.saveTask', { residentId: zhang, task: '翻身', frequency: { kind: 'every_hours', hours: 2 }, active: true, note: '' });
  const vitals = await b.call('careplan.saveTask', { residentId: zhang, task: '测量生命体征', frequency: { kind: 'each_shift' }, active: true, note: '' });
  const meals = await b.call('careplan.saveTask', { residentId: li, task: '协助进食', frequency: { kind: 'at_times', times: ['07:00', '11:30', '17:30'] }, active: true, note: '' });
  const carers = {} as Record<'early' | 'middle' | 'night', { session: Awaited<ReturnType<TestBackend['signInAs']>>['session']; userId: string; staffId: string; name: string }>;
  const names = { early: '早班小王', middle: '中班小李', night: '夜班老赵' } as const;
  for (const which of ['early', 'middle', 'night'] as const) {
    const account = await b.signInAs('caregiver', names[which]);
    const { id: staffId } = await b.call('staff.save', { name: names[which], role: 'caregiver', hireDate: '2025-01-01', userId: account.id });
    await b.call('roster.assign', { staffId, date: DAY, shifts: [{ shiftId: SHIFT[which], area: [] }] });
    carers[which] = { session: account.session, userId: account.id, staffId, name: names[which] };
  }
  return { zhang, li, tasks: { turn: turn.id, vitals: vitals.id, meals: meals.id }, carers };
}
