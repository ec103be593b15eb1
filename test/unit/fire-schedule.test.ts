// Fire-safety schedule rules without a database: the night span across midnight and month ends, night patrols as a
// count a minimum gap apart or one per window, what counts as missed at a given moment, the plan check, day patrols,
// the 重点单位 flag, and periodic duties by months.
import { describe, expect, it } from 'vitest';
import { chinaInstant } from '@shared/domain/care/shifts';
import { keyUnitDuties, keyUnitProblem } from '@shared/domain/fire/key-unit';
import { addMonths } from '@shared/domain/dates';
import { countedPatrols, dayCompliance, nextDue, nightOf, nightPlanProblem, nightSpan } from '@shared/domain/fire/schedule';
import { expiryProblem, expiryState } from '@shared/domain/fire/equipment';

const plan = { dayPatrolsPerDay: 1, nightStart: '22:00', nightEnd: '06:00', nightPatrols: 2, nightGapMinutes: 120, nightWindows: [] };
const at = (date: string, hhmm: string) => chinaInstant(date, hhmm);
const clock = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const night = (...times: [string, string][]) => times.map(([d, t]) => ({ kind: 'night_patrol' as const, at: at(d, t) }));

describe('the night span', () => {
  it('runs from 22:00 on 31 March to 06:00 on 1 April', () => {
    const s = nightSpan('2026-03-31', plan);
    expect(`${clock(s.from)}–${clock(s.to)}`).toBe('2026-03-31 22:00–2026-04-01 06:00');
  });
  it('knows which night a moment belongs to: 01:00 on the 1st is the night of the 31st; noon is no night', () => {
    expect(nightOf(at('2026-04-01', '01:00'), plan, '2026-04-01')).toBe('2026-03-31');
    expect(nightOf(at('2026-03-31', '22:00'), plan, '2026-03-31')).toBe('2026-03-31');
    expect(nightOf(at('2026-04-01', '06:00'), plan, '2026-04-01')).toBeNull();
    expect(nightOf(at('2026-04-01', '12:00'), plan, '2026-04-01')).toBeNull();
  });
});

describe('night patrols as a count (default 2, at least 2 hours apart)', () => {
  it('counts two patrols exactly 2 hours apart, but not 1 h 59 min apart', () => {
    expect(countedPatrols([at('2026-03-31', '23:00'), at('2026-04-01', '01:00')], 120, 2)).toHaveLength(2);
    expect(countedPatrols([at('2026-03-31', '23:00'), at('2026-04-01', '00:59')], 120, 2)).toHaveLength(1);
    // The earliest counts; a patrol too close is skipped and a later one counts instead.
    expect(countedPatrols([at('2026-04-01', '01:30'), at('2026-03-31', '23:00'), at('2026-03-31', '23:30')], 120, 2).map(clock)).toEqual(['2026-03-31 23:00', '2026-04-01 01:30']);
  });
  it('counts patrols after midnight for the night that started the day before (month end)', () => {
    const c = dayCompliance('2026-03-31', plan, night(['2026-03-31', '23:10'], ['2026-04-01', '03:40']), at('2026-04-01', '08:00'));
    expect(c).toMatchObject({ nightMissed: 0 });
    expect(c.night.map((w) => [w.done, w.at && clock(w.at)])).toEqual([
      [true, '2026-03-31 23:10'],
      [true, '2026-04-01 03:40'],
    ]);
  });
  it('calls a patrol missed only once it can no longer fit before 06:00', () => {
    const one = night(['2026-03-31', '23:00']);
    // After 23:00 the second may come from 01:00 until 05:59.
    expect(dayCompliance('2026-03-31', plan, one, at('2026-04-01', '05:59')).nightMissed).toBe(0);
    expect(dayCompliance('2026-03-31', plan, one, at('2026-04-01', '06:00')).nightMissed).toBe(1);
    // None done: at 04:00 one more still fits (04:00), the other (needing 06:00) does not.
    expect(dayCompliance('2026-03-31', plan, [], at('2026-04-01', '03:59')).nightMissed).toBe(0);
    expect(dayCompliance('2026-03-31', plan, [], at('2026-04-01', '04:01')).nightMissed).toBe(1);
    expect(dayCompliance('2026-03-31', plan, [], at('2026-04-01', '06:00')).nightMissed).toBe(2);
  });
  it('ignores a night patrol outside the night span', () => {
    expect(dayCompliance('2026-03-31', plan, night(['2026-03-31', '21:59'], ['2026-04-01', '06:00']), at('2026-04-01', '07:00')).nightMissed).toBe(2);
  });
});

describe('night patrols in fixed windows', () => {
  const windows = { ...plan, nightWindows: [{ from: '23:00', to: '01:00' }, { from: '03:00', to: '05:00' }] };
  it('needs one patrol inside each window, across midnight', () => {
    const c = dayCompliance('2026-03-31', windows, night(['2026-04-01', '00:30'], ['2026-04-01', '05:10']), at('2026-04-01', '08:00'));
    expect(c.night.map((w) => [`${clock(w.from)}–${clock(w.to)}`, w.done, w.missed])).toEqual([
      ['2026-03-31 23:00–2026-04-01 01:00', true, false],
      ['2026-04-01 03:00–2026-04-01 05:00', false, true],
    ]);
    expect(dayCompliance('2026-03-31', windows, [], at('2026-04-01', '04:59')).nightMissed).toBe(1);
  });
});

describe('the night plan check', () => {
  it('refuses a count that does not fit, windows that do not match the count, overlap or leave the night', () => {
    expect(nightPlanProblem(plan)).toBeNull();
    expect(nightPlanProblem({ ...plan, nightStart: '22:00', nightEnd: '22:00' })?.field).toBe('nightEnd');
    expect(nightPlanProblem({ ...plan, nightPatrols: 5 })).toEqual({ field: 'nightGapMinutes', message: '夜间（22:00–06:00）排不下5次间隔120分钟的巡查，请减少次数或缩短间隔' });
    expect(nightPlanProblem({ ...plan, nightPatrols: 4 })).toBeNull(); // 22, 00, 02, 04
    expect(nightPlanProblem({ ...plan, nightWindows: [{ from: '23:00', to: '01:00' }] })).toEqual({ field: 'nightPatrols', message: '设了1个巡查时段，每晚巡查次数应为1' });
    const two = (a: [string, string], b: [string, string]) => nightPlanProblem({ ...plan, nightWindows: [{ from: a[0], to: a[1] }, { from: b[0], to: b[1] }] });
    expect(two(['22:00', '02:00'], ['02:00', '06:00'])).toBeNull();
    expect(two(['23:00', '01:00'], ['00:30', '03:00'])?.message).toBe('巡查时段 00:30–03:00 与前一个时段重叠或顺序不对（请按时间先后填写）');
    expect(two(['23:00', '01:00'], ['05:00', '07:00'])?.message).toBe('巡查时段 05:00–07:00 要在夜间（22:00–06:00）之内，且结束晚于开始');
    expect(two(['21:00', '23:00'], ['01:00', '02:00'])?.field).toBe('nightWindows');
  });
});

describe('day patrols', () => {
  it('misses the day patrol only once the day span (06:00–22:00) is over', () => {
    expect(dayCompliance('2026-04-01', plan, [], at('2026-04-01', '21:59')).dayMissed).toBe(false);
    expect(dayCompliance('2026-04-01', plan, [], at('2026-04-01', '22:00')).dayMissed).toBe(true);
    // A day patrol at 23:00 is outside the day span and does not count.
    expect(dayCompliance('2026-04-01', plan, [{ kind: 'day_patrol', at: at('2026-04-01', '23:00') }], at('2026-04-02', '07:00')).dayDone).toBe(0);
  });
});

describe('the 重点单位 flag', () => {
  it('implies a drill every 6 months (others yearly) and refuses longer intervals', () => {
    expect(keyUnitDuties(true).drillEveryMonths).toBe(6);
    expect(keyUnitDuties(false).drillEveryMonths).toBe(12);
    expect(keyUnitProblem({ keyUnit: true, drillEveryMonths: 6, trainingEveryMonths: 12 })).toBeNull();
    expect(keyUnitProblem({ keyUnit: true, drillEveryMonths: 7, trainingEveryMonths: 12 })).toEqual({ field: 'drillEveryMonths', message: '消防安全重点单位至少每半年演练一次（61号令第40条），演练间隔不能超过6个月' });
    expect(keyUnitProblem({ keyUnit: false, drillEveryMonths: 12, trainingEveryMonths: 12 })).toBeNull();
  });
});

describe('periodic duties', () => {
  it('adds months, keeping the day or falling back to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addMonths('2026-12-10', 1)).toBe('2027-01-10');
  });
  it('is due now when never done, else the interval after the last time', () => {
    expect(nextDue(null, 6, '2026-03-15')).toBe('2026-03-15');
    expect(nextDue('2025-10-01', 6, '2026-03-15')).toBe('2026-04-01');
  });
});

describe('equipment dates', () => {
  it('refuses an expiry before production and grades expiry against a horizon', () => {
    expect(expiryProblem('2026-01-01', '2025-12-31')).toBe('有效期（2025-12-31）不能早于生产日期（2026-01-01）');
    expect(expiryProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(expiryState('2026-03-14', '2026-03-15', '2026-04-14')).toBe('expired');
    expect(expiryState('2026-04-14', '2026-03-15', '2026-04-14')).toBe('soon');
    expect(expiryState('2026-04-15', '2026-03-15', '2026-04-14')).toBe('ok');
    expect(expiryState(null, '2026-03-15', '2026-04-14')).toBe('none');
  });
});
