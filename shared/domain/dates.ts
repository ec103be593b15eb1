// Calendar dates travel as 'YYYY-MM-DD' strings; instants as ISO-8601 text. The centre's clock is China time.
// The one home of calendar maths: dayjs in UTC mode, so the PC's time zone (and its daylight saving) never moves a date.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar month, 'YYYY-MM' (01–12). */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** China has kept UTC+8 all year since September 1991: from 1992 on, the date is plain arithmetic. */
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const EIGHT_HOURS = 8 * 3600 * 1000;

/** Today's date in China (the centres' time zone), whatever the PC's zone. */
export function chinaDate(instant: Date): string {
  const ms = instant.getTime();
  // Intl's time-zone formatting costs microseconds a call: a province's matrix asks for tens of thousands of dates.
  if (ms >= FIXED_OFFSET_FROM && ms < 253402300800000) return new Date(ms + EIGHT_HOURS).toISOString().slice(0, 10);
  return shanghaiDate.format(instant);
}

/** Whole years between a birth date and another date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [oy, om, od] = onDate.split('-').map(Number);
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

const day = (date: string): Dayjs => dayjs.utc(date);
const text = (d: Dayjs): string => d.format('YYYY-MM-DD');

/** A date some days later (negative: earlier). */
export function addDays(date: string, days: number): string {
  return text(day(date).add(days, 'day'));
}

/** A date some whole months later (negative: earlier); a day the target month lacks falls back to its last day. */
export function addMonths(date: string, months: number): string {
  return text(day(date).add(months, 'month'));
}

/** Adds whole years to a date; 29 Feb falls back to 28 Feb. */
export function addYears(date: string, years: number): string {
  return text(day(date).add(years, 'year'));
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return day(to).diff(day(from), 'day');
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return day(date).day();
}

/** The Monday of the week a date falls in (weeks start on Monday in China). */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The last day of a month given as 'YYYY-MM'. */
export function lastDayOfMonth(month: string): string {
  return text(day(`${month}-01`).endOf('month'));
}

/** A month ('YYYY-MM') some months later (negative: earlier). */
export function shiftMonth(month: string, months: number): string {
  return day(`${month}-01`).add(months, 'month').format('YYYY-MM');
}
