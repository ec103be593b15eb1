// Shift windows, task due-ness across midnight, 24-hour coverage, and the vitals ranges.
import { describe, expect, it } from 'vitest';
import { dueSlots } from '@shared/domain/care/due';
import { chinaInstant, shiftWindow, shiftsAt, uncoveredHours } from '@shared/domain/care/shifts';
import { unusualVitals } from '@shared/domain/care/vitals';

const EARLY = { id: 'e', name: '早班', start: '07:00', end: '15:00' };
const MIDDLE = { id: 'm', name: '中班', start: '15:00', end: '23:00' };
const NIGHT = { id: 'n', name: '夜班', start: '23:00', end: '07:00' };
const DAY24 = { id: 'd', name: '24小时班', start: '08:00', end: '08:00' };

const slots = (f: Parameters<typeof dueSlots>[0], shift: typeof EARLY, date = '2026-03-15', lastDone: string | null = null) =>
  dueSlots(f, shiftWindow(shift, date), lastDone).map((s) => s.slot);

describe('shift windows in China time', () => {
  it('a night shift ends the next morning', () => {
    const w = shiftWindow(NIGHT, '2026-03-15');
    expect(w.start.toISOString()).toBe('2026-03-15T15:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-03-15T23:00:00.000Z');
  });

  it('at 02:00 the night shift that started the evening before is running', () => {
    const running = shiftsAt(chinaInstant('2026-03-16', '02:00'), [EARLY, MIDDLE, NIGHT]);
    expect(running.map((w) => [w.shiftId, w.shiftDate])).toEqual([['n', '2026-03-15']]);
  });

  it('a shift starts inclusive and ends exclusive: 07:00 belongs to the early shift only', () => {
    const running = shiftsAt(chinaInstant('2026-03-16', '07:00'), [EARLY, MIDDLE, NIGHT]);
    expect(running.map((w) => [w.shiftId, w.shiftDate])).toEqual([['e', '2026-03-16']]);
  });

  it('a shift whose end equals its start lasts 24 hours', () => {
    const w = shiftWindow(DAY24, '2026-03-15');
    expect((w.end.getTime() - w.start.getTime()) / 3_600_000).toBe(24);
  });
});

describe('tasks due in a shift', () => {
  it('every 2 hours from midnight: four times in the night shift, on the next date', () => {
    expect(slots({ kind: 'every_hours', hours: 2 }, NIGHT)).toEqual(['2026-03-16 00:00', '2026-03-16 02:00', '2026-03-16 04:00', '2026-03-16 06:00']);
  });

  it('every 2 hours: 08:00 to 14:00 in the early shift (07:00 is not on the 2-hour grid)', () => {
    expect(slots({ kind: 'every_hours', hours: 2 }, EARLY)).toEqual(['2026-03-15 08:00', '2026-03-15 10:00', '2026-03-15 12:00', '2026-03-15 14:00']);
  });

  it('every 3 hours in the middle shift: 15:00, 18:00, 21:00', () => {
    expect(slots({ kind: 'every_hours', hours: 3 }, MIDDLE)).toEqual(['2026-03-15 15:00', '2026-03-15 18:00', '2026-03-15 21:00']);
  });

  it('set times fall in the shift that holds them, across midnight too', () => {
    const meals = { kind: 'at_times' as const, times: ['07:00', '11:30', '17:30'] };
    expect(slots(meals, EARLY)).toEqual(['2026-03-15 07:00', '2026-03-15 11:30']);
    expect(slots(meals, MIDDLE)).toEqual(['2026-03-15 17:30']);
    expect(slots(meals, NIGHT)).toEqual([]);
    expect(slots({ kind: 'at_times', times: ['23:30', '05:00'] }, NIGHT)).toEqual(['2026-03-15 23:30', '2026-03-16 05:00']);
  });

  it('a slot at the shift end belongs to the next shift (23:00 is the night shift’s)', () => {
    expect(slots({ kind: 'at_times', times: ['23:00'] }, MIDDLE)).toEqual([]);
    expect(slots({ kind: 'at_times', times: ['23:00'] }, NIGHT)).toEqual(['2026-03-15 23:00']);
  });

  it('once per shift in every shift', () => {
    for (const s of [EARLY, MIDDLE, NIGHT]) expect(slots({ kind: 'each_shift' }, s)).toEqual(['shift']);
  });

  it('daily tasks belong to the shift on duty at 09:00', () => {
    expect(slots({ kind: 'daily' }, EARLY)).toEqual(['2026-03-15 09:00']);
    expect(slots({ kind: 'daily' }, MIDDLE)).toEqual([]);
    expect(slots({ kind: 'daily' }, NIGHT)).toEqual([]);
  });

  it('weekly tasks fall due 7 days after they were last done', () => {
    expect(slots({ kind: 'weekly' }, EARLY, '2026-03-15', null)).toEqual(['week']);
    expect(slots({ kind: 'weekly' }, EARLY, '2026-03-15', '2026-03-09')).toEqual([]);
    expect(slots({ kind: 'weekly' }, EARLY, '2026-03-15', '2026-03-08')).toEqual(['week']);
    expect(slots({ kind: 'weekly' }, NIGHT, '2026-03-15', null)).toEqual([]);
  });

  it('a 24-hour shift carries every timed slot of its day, including the next midnight', () => {
    expect(slots({ kind: 'every_hours', hours: 12 }, DAY24)).toEqual(['2026-03-15 12:00', '2026-03-16 00:00']);
    expect(slots({ kind: 'daily' }, DAY24)).toEqual(['2026-03-15 09:00']);
  });
});

describe('24-hour coverage', () => {
  const w = (shift: typeof EARLY, date: string) => shiftWindow(shift, date);

  it('early and middle shifts leave 23:00 to 07:00 uncovered', () => {
    expect(uncoveredHours('2026-03-15', [w(EARLY, '2026-03-15'), w(MIDDLE, '2026-03-15')])).toEqual([0, 1, 2, 3, 4, 5, 6, 23]);
  });

  it('the night shift from the evening before covers the small hours', () => {
    const all = [w(NIGHT, '2026-03-14'), w(EARLY, '2026-03-15'), w(MIDDLE, '2026-03-15'), w(NIGHT, '2026-03-15')];
    expect(uncoveredHours('2026-03-15', all)).toEqual([]);
  });

  it('an hour covered only in part counts as uncovered', () => {
    const late = { id: 'x', name: '晚到', start: '07:30', end: '15:00' };
    expect(uncoveredHours('2026-03-15', [w(NIGHT, '2026-03-14'), w(late, '2026-03-15'), w(MIDDLE, '2026-03-15'), w(NIGHT, '2026-03-15')])).toEqual([7]);
  });
});

describe('vitals plausibility', () => {
  it('names each reading outside the usual range', () => {
    expect(unusualVitals({ temperature: 45, pulse: 72 })).toEqual(['体温 45 ℃ 超出常见范围（35–40.5）']);
    expect(unusualVitals({ temperature: 36.6, systolic: 130, diastolic: 80 })).toEqual([]);
  });
});
