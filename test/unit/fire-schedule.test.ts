// Fire-safety schedule rules without a database: night windows across midnight and month ends, day patrols, what
// counts as missed at a given moment, and periodic duties by months.
import { describe, expect, it } from 'vitest';
import { chinaInstant } from '../../shared/domain/care/shifts';
import { addMonths, dayCompliance, nextDue, nightOf, nightWindows } from '../../shared/domain/fire/schedule';
import { expiryProblem, expiryState } from '../../shared/domain/fire/equipment';

const plan = { dayPatrolsPerDay: 1, nightStart: '22:00', nightEnd: '06:00', nightIntervalMinutes: 120 };
const at = (date: string, hhmm: string) => chinaInstant(date, hhmm);
const clock = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('night windows', () => {
  it('split the night of 31 March into four two-hour windows ending on 1 April', () => {
    expect(nightWindows('2026-03-31', plan).map((w) => `${clock(w.from)}–${clock(w.to)}`)).toEqual([
      '2026-03-31 22:00–2026-04-01 00:00',
      '2026-04-01 00:00–2026-04-01 02:00',
      '2026-04-01 02:00–2026-04-01 04:00',
      '2026-04-01 04:00–2026-04-01 06:00',
    ]);
  });
  it('cut the last window short when the interval does not divide the night', () => {
    const w = nightWindows('2026-03-15', { ...plan, nightIntervalMinutes: 180 });
    expect(w.map((x) => clock(x.to))).toEqual(['2026-03-16 01:00', '2026-03-16 04:00', '2026-03-16 06:00']);
  });
  it('knows which night a moment belongs to: 01:00 on the 1st is the night of the 31st; noon is no night', () => {
    expect(nightOf(at('2026-04-01', '01:00'), plan, '2026-04-01')).toBe('2026-03-31');
    expect(nightOf(at('2026-03-31', '22:00'), plan, '2026-03-31')).toBe('2026-03-31');
    expect(nightOf(at('2026-04-01', '06:00'), plan, '2026-04-01')).toBeNull();
    expect(nightOf(at('2026-04-01', '12:00'), plan, '2026-04-01')).toBeNull();
  });
});

describe('compliance of a day', () => {
  const patrols = [
    { kind: 'day_patrol' as const, at: at('2026-03-31', '09:30') },
    { kind: 'night_patrol' as const, at: at('2026-03-31', '23:10') },
    { kind: 'night_patrol' as const, at: at('2026-04-01', '01:40') },
    // 02:00–04:00 missed
    { kind: 'night_patrol' as const, at: at('2026-04-01', '05:59') },
  ];
  it('counts patrols after midnight for the night that started the day before (month end)', () => {
    const c = dayCompliance('2026-03-31', plan, patrols, at('2026-04-01', '08:00'));
    expect(c).toMatchObject({ dayRequired: 1, dayDone: 1, dayMissed: false, nightMissed: 1 });
    expect(c.night.map((w) => w.done)).toEqual([true, true, false, true]);
  });
  it('does not call a window missed before it is over', () => {
    const c = dayCompliance('2026-03-31', plan, patrols, at('2026-04-01', '03:00'));
    expect(c.night.map((w) => w.missed)).toEqual([false, false, false, false]);
    expect(dayCompliance('2026-03-31', plan, patrols, at('2026-04-01', '04:00')).nightMissed).toBe(1);
  });
  it('misses the day patrol only once the day span (06:00–22:00) is over', () => {
    expect(dayCompliance('2026-04-01', plan, [], at('2026-04-01', '21:59')).dayMissed).toBe(false);
    expect(dayCompliance('2026-04-01', plan, [], at('2026-04-01', '22:00')).dayMissed).toBe(true);
    // A day patrol at 23:00 is outside the day span and does not count.
    expect(dayCompliance('2026-04-01', plan, [{ kind: 'day_patrol', at: at('2026-04-01', '23:00') }], at('2026-04-02', '07:00')).dayDone).toBe(0);
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
