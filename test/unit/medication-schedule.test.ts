// When an order's doses fall due (China time), and how doses are counted in hundredths of a unit.
import { describe, expect, it } from 'vitest';
import { chinaClock, chinaInstant, dosesBetween, dosesOnDays, lastDay, runsOn } from '@shared/domain/medication/schedule';
import { centiText, formatQuantity, toCenti } from '@shared/domain/medication/quantity';

const tid = { frequency: 'tid', times: ['17:30', '07:30', '11:30'], startsOn: '2026-03-01', endsOn: null, stoppedOn: null };

describe('medication schedule', () => {
  it('puts a China wall-clock time at the right instant, and back', () => {
    expect(chinaInstant('2026-03-01', '07:30').toISOString()).toBe('2026-02-28T23:30:00.000Z');
    expect(chinaClock(new Date('2026-02-28T23:30:00.000Z'))).toBe('07:30');
  });

  it('lists the doses of a day shift in time order, only those inside the window', () => {
    const doses = dosesBetween(tid, chinaInstant('2026-03-02', '08:00'), chinaInstant('2026-03-02', '20:00'));
    expect(doses.map((d) => d.slot)).toEqual(['11:30', '17:30']);
    expect(doses.every((d) => d.date === '2026-03-02')).toBe(true);
  });

  it('crosses midnight for a night shift', () => {
    const qid = { ...tid, times: ['21:00', '07:30'] };
    const doses = dosesBetween(qid, chinaInstant('2026-03-02', '20:00'), chinaInstant('2026-03-03', '08:00'));
    expect(doses.map((d) => `${d.date} ${d.slot}`)).toEqual(['2026-03-02 21:00', '2026-03-03 07:30']);
  });

  it('gives nothing before the start, after the end date, or from the day a stop takes effect', () => {
    expect(dosesOnDays(tid, '2026-02-27', '2026-02-28')).toEqual([]);
    const ended = { ...tid, endsOn: '2026-03-03' };
    expect(dosesOnDays(ended, '2026-03-03', '2026-03-04').map((d) => d.date)).toEqual(['2026-03-03', '2026-03-03', '2026-03-03']);
    const stopped = { ...tid, stoppedOn: '2026-03-03' };
    expect(lastDay(stopped)).toBe('2026-03-02');
    expect(runsOn(stopped, '2026-03-03')).toBe(false);
    expect(lastDay({ ...tid, endsOn: '2026-03-10', stoppedOn: '2026-03-05' })).toBe('2026-03-04');
  });

  it('has no scheduled doses for 按需', () => {
    expect(dosesOnDays({ ...tid, frequency: 'prn', times: [] }, '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('counts a month of three doses a day', () => {
    expect(dosesOnDays(tid, '2026-03-01', '2026-03-31')).toHaveLength(93);
  });
});

describe('quantities in hundredths', () => {
  it('reads and writes halves and quarters exactly', () => {
    expect(toCenti(0.5)).toBe(50);
    expect(toCenti(1.25)).toBe(125);
    expect(toCenti(0.333)).toBeNull();
    expect(centiText(50)).toBe('0.5');
    expect(formatQuantity(800, '单位')).toBe('8 单位');
  });
});
