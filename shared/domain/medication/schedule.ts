// When an order's doses fall due: pure calendar maths over the order's 'HH:MM' times in China time (UTC+8, no daylight
// saving). An order runs from its start date to the day before it ends or stops: a stop on a date means no dose that
// day (the doctor's "停" is written on the day it takes effect). 按需 orders have no due doses.
import { addDays, chinaDate } from '../dates';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant of a China date's wall-clock time. */
export function chinaInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - CHINA_OFFSET_MS);
}

/** The 'HH:MM' of an instant in China. */
export function chinaClock(instant: Date): string {
  const local = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

export interface SchedulableOrder {
  frequency: string;
  times: readonly string[];
  startsOn: string;
  /** The last day it runs (inclusive), as the doctor wrote it; null when open-ended. */
  endsOn: string | null;
  /** A stop takes effect on this date: the order's last day is the day before. */
  stoppedOn: string | null;
}

/** The last date on which the order gives doses, or null when it runs on. */
export function lastDay(order: SchedulableOrder): string | null {
  const stopLast = order.stoppedOn ? addDays(order.stoppedOn, -1) : null;
  if (order.endsOn && stopLast) return order.endsOn < stopLast ? order.endsOn : stopLast;
  return order.endsOn ?? stopLast;
}

/** Whether the order runs on a date. */
export function runsOn(order: SchedulableOrder, date: string): boolean {
  const last = lastDay(order);
  return order.startsOn <= date && (last === null || date <= last);
}

export interface DueDose {
  /** ISO instant of the scheduled time. */
  dueAt: string;
  /** 'HH:MM'. */
  slot: string;
  /** The China date of the dose. */
  date: string;
}

/** The scheduled doses of an order with their time in [from, to): none for 按需. */
export function dosesBetween(order: SchedulableOrder, from: Date, to: Date): DueDose[] {
  if (order.frequency === 'prn' || to <= from) return [];
  const out: DueDose[] = [];
  for (let date = chinaDate(from); date <= chinaDate(new Date(to.getTime() - 1)); date = addDays(date, 1)) {
    if (!runsOn(order, date)) continue;
    for (const slot of [...order.times].sort()) {
      const at = chinaInstant(date, slot);
      if (at >= from && at < to) out.push({ dueAt: at.toISOString(), slot, date });
    }
  }
  return out;
}

/** The scheduled doses of an order on each day of [fromDate, toDate] (a month's administration record). */
export function dosesOnDays(order: SchedulableOrder, fromDate: string, toDate: string): DueDose[] {
  return dosesBetween(order, chinaInstant(fromDate, '00:00'), chinaInstant(addDays(toDate, 1), '00:00'));
}
