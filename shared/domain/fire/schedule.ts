// When patrols are due, and whether they were done. A day's patrol runs between the night patrol's end and start
// (default 06:00–22:00); "the night of D" runs from D 22:00 to D+1 06:00 and is split into windows of the
// configured interval, each of which needs a night patrol — so a patrol at 01:00 on the 1st counts for the night
// of the last day of the month before.
import { addDays, chinaInstant, minutesOf } from '../care/shifts';

export interface PatrolPlan {
  dayPatrolsPerDay: number;
  nightStart: string;
  nightEnd: string;
  nightIntervalMinutes: number;
}

export interface Window {
  from: Date;
  to: Date;
}

/** The night windows of the night that starts on `date`. */
export function nightWindows(date: string, plan: PatrolPlan): Window[] {
  const start = chinaInstant(date, plan.nightStart);
  const endDate = minutesOf(plan.nightEnd) <= minutesOf(plan.nightStart) ? addDays(date, 1) : date;
  const end = chinaInstant(endDate, plan.nightEnd);
  const step = plan.nightIntervalMinutes * 60_000;
  const windows: Window[] = [];
  for (let t = start.getTime(); t < end.getTime(); t += step) windows.push({ from: new Date(t), to: new Date(Math.min(t + step, end.getTime())) });
  return windows;
}

/** The day-patrol span of a date: from the end of the previous night to the start of this night. */
export function daySpan(date: string, plan: PatrolPlan): Window {
  return { from: chinaInstant(date, plan.nightEnd), to: chinaInstant(date, plan.nightStart) };
}

export interface PatrolDone {
  kind: 'day_patrol' | 'night_patrol';
  at: Date;
}

export interface DayCompliance {
  date: string;
  dayRequired: number;
  dayDone: number;
  /** True once the day span is over without enough day patrols. */
  dayMissed: boolean;
  night: { from: Date; to: Date; done: boolean; missed: boolean }[];
  nightMissed: number;
}

/** Compliance of one date (its day span and the night that starts on it), judged at `now`. */
export function dayCompliance(date: string, plan: PatrolPlan, patrols: readonly PatrolDone[], now: Date): DayCompliance {
  const span = daySpan(date, plan);
  const dayDone = patrols.filter((p) => p.kind === 'day_patrol' && p.at >= span.from && p.at < span.to).length;
  const night = nightWindows(date, plan).map((w) => {
    const done = patrols.some((p) => p.kind === 'night_patrol' && p.at >= w.from && p.at < w.to);
    return { ...w, done, missed: !done && now >= w.to };
  });
  return {
    date,
    dayRequired: plan.dayPatrolsPerDay,
    dayDone,
    dayMissed: now >= span.to && dayDone < plan.dayPatrolsPerDay,
    night,
    nightMissed: night.filter((w) => w.missed).length,
  };
}

/** The date whose night contains `now` (before the night's end in the morning, that is yesterday), or null by day. */
export function nightOf(now: Date, plan: PatrolPlan, today: string): string | null {
  for (const date of [addDays(today, -1), today]) {
    const windows = nightWindows(date, plan);
    if (windows.length && now >= windows[0].from && now < windows[windows.length - 1].to) return date;
  }
  return null;
}

/** Whole months from a date to another (for "every 6 months" style duties). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Next due date of a periodic duty: never done → due now. */
export const nextDue = (last: string | null, everyMonths: number, today: string) => (last ? addMonths(last, everyMonths) : today);
