// Calendar maths on 'YYYY-MM-DD' strings (shared/domain/dates.ts): the results the hand-written helpers gave before
// they were gathered there (care/shifts addDays, fire/schedule addMonths, dates addYears, the renderer's mondayOf,
// the county's month bounds), at month ends, 29 February and year ends, whatever the PC's time zone.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, chinaDate, daysBetween, lastDayOfMonth, mondayOf, shiftMonth, weekday } from '@shared/domain/dates';

describe('addDays', () => {
  it('crosses month ends, 29 February and year ends', () => {
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-06', 29)).toBe('2026-04-04');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 365)).toBe('2028-12-31');
  });

  it('does not move across the March and October daylight-saving changes of other zones', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });

  it('rolls an impossible day over as the calendar does (31 April is 1 May)', () => {
    expect(addDays('2026-04-31', 0)).toBe('2026-05-01');
    expect(addDays('2026-02-30', 1)).toBe('2026-03-03');
  });
});

describe('addMonths', () => {
  it('keeps the day of month, or falls back to the month’s last day', () => {
    expect(addMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-01-31', -2)).toBe('2026-11-30');
    expect(addMonths('2026-06-30', -12)).toBe('2025-06-30');
    expect(addMonths('2026-06-10', 0)).toBe('2026-06-10');
  });
});

describe('addYears', () => {
  it('keeps the date, and 29 February falls back to 28 February', () => {
    expect(addYears('2026-03-15', 1)).toBe('2027-03-15');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2026-12-31', 30)).toBe('2056-12-31');
    expect(addYears('2026-01-01', -30)).toBe('1996-01-01');
  });
});

describe('weeks', () => {
  it('tells the day of the week, 0 for Sunday', () => {
    expect(weekday('2026-03-08')).toBe(0);
    expect(weekday('2026-03-09')).toBe(1);
    expect(weekday('2026-03-14')).toBe(6);
    expect(weekday('2028-02-29')).toBe(2);
  });

  it('finds the Monday of a week (weeks start on Monday), across month and year ends', () => {
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(mondayOf('2026-03-15')).toBe('2026-03-09'); // a Sunday belongs to the week before
    expect(mondayOf('2026-03-14')).toBe('2026-03-09');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    expect(mondayOf('2028-03-01')).toBe('2028-02-28');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
  });
});

describe('days between and months', () => {
  it('counts whole days from one date to another', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-20', '2026-03-01')).toBe(-19);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('names the last day of a month (YYYY-MM)', () => {
    expect(lastDayOfMonth('2026-01')).toBe('2026-01-31');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2000-02')).toBe('2000-02-29');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  it('moves a month (YYYY-MM) forward and back across year ends', () => {
    expect(shiftMonth('2026-03', 0)).toBe('2026-03');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -11)).toBe('2025-04');
    expect(shiftMonth('2026-03', 22)).toBe('2028-01');
  });
});

describe('chinaDate', () => {
  const byIntl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  it('gives the date in China as the time-zone database does, around midnight and across the years (1986–1991 had summer time)', () => {
    const instants: number[] = [];
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2101, 0, 1); t += 86_400_000 * 7 + 3_600_000 * 5 + 61_000) instants.push(t);
    // Each side of China's midnight (16:00 UTC) and of UTC midnight, on ordinary and leap days.
    for (const day of ['1991-09-15', '1991-12-31', '1992-01-01', '2024-02-28', '2024-02-29', '2026-12-31', '2099-12-31']) {
      const midnight = Date.parse(`${day}T00:00:00.000Z`);
      for (const offset of [-16, -8, -1, 0, 1, 8, 15, 16, 17].map((h) => h * 3_600_000)) instants.push(midnight + offset, midnight + offset - 1);
    }
    for (const t of instants) expect(chinaDate(new Date(t)), new Date(t).toISOString()).toBe(byIntl.format(new Date(t)));
  });
});
