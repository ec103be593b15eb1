// When patrols are due, and whether they were done. A day's patrol runs between the night span's end and start
// (default 06:00–22:00); "the night of D" runs from D 22:00 to D+1 06:00, so a patrol at 01:00 on the 1st counts for
// the night of the last day of the month before. The night plan is a COUNT of patrols (default 2, at least 2 hours
// apart [R: 养老院 guidance "夜间防火巡查不少于两次"]), or, when windows are set, one patrol inside each window.
import { chinaInstant, minutesOf } from '../care/shifts';
import { addDays, addMonths } from '../dates';

export interface NightWindowTime {
  from: string;
  to: string;
}
export interface PatrolPlan {
  dayPatrolsPerDay: number;
  nightStart: string;
  nightEnd: string;
  /** Night patrols required each night. */
  nightPatrols: number;
  /** Counted night patrols must be at least this far apart (count mode). */
  nightGapMinutes: number;
  /** Optional fixed windows, one patrol in each; empty = patrols anywhere in the night, `nightGapMinutes` apart. */
  nightWindows: NightWindowTime[];
}

export interface Window {
  from: Date;
  to: Date;
}

/** Minutes from the night's start to a clock time (the night may cross midnight). */
const intoNight = (hhmm: string, plan: Pick<PatrolPlan, 'nightStart'>) => (minutesOf(hhmm) - minutesOf(plan.nightStart) + 1440) % 1440;
const nightLength = (plan: Pick<PatrolPlan, 'nightStart' | 'nightEnd'>) => intoNight(plan.nightEnd, plan) || 1440;

/** The instant of a clock time inside the night that starts on `date`. */
function nightClock(date: string, hhmm: string, plan: PatrolPlan): Date {
  return new Date(chinaInstant(date, plan.nightStart).getTime() + intoNight(hhmm, plan) * 60_000);
}

/** The night span of the night that starts on `date`. */
export function nightSpan(date: string, plan: PatrolPlan): Window {
  const from = chinaInstant(date, plan.nightStart);
  return { from, to: new Date(from.getTime() + nightLength(plan) * 60_000) };
}

/** Why a night plan cannot work (Chinese message and field), or null. */
export function nightPlanProblem(plan: PatrolPlan): { message: string; field: string } | null {
  if (plan.nightStart === plan.nightEnd) return { message: '夜间巡查的开始和结束时间不能相同', field: 'nightEnd' };
  const length = nightLength(plan);
  const hours = `${plan.nightStart}–${plan.nightEnd}`;
  if (plan.nightWindows.length === 0) {
    if ((plan.nightPatrols - 1) * plan.nightGapMinutes >= length) {
      return { message: `夜间（${hours}）排不下${plan.nightPatrols}次间隔${plan.nightGapMinutes}分钟的巡查，请减少次数或缩短间隔`, field: 'nightGapMinutes' };
    }
    return null;
  }
  if (plan.nightWindows.length !== plan.nightPatrols) return { message: `设了${plan.nightWindows.length}个巡查时段，每晚巡查次数应为${plan.nightWindows.length}`, field: 'nightPatrols' };
  let previousEnd = 0;
  for (const w of plan.nightWindows) {
    const from = intoNight(w.from, plan);
    const to = intoNight(w.to, plan);
    if (from >= length || to > length || to <= from) return { message: `巡查时段 ${w.from}–${w.to} 要在夜间（${hours}）之内，且结束晚于开始`, field: 'nightWindows' };
    if (from < previousEnd) return { message: `巡查时段 ${w.from}–${w.to} 与前一个时段重叠或顺序不对（请按时间先后填写）`, field: 'nightWindows' };
    previousEnd = to;
  }
  return null;
}

/** The day-patrol span of a date: from the end of the previous night to the start of this night. */
export function daySpan(date: string, plan: PatrolPlan): Window {
  return { from: chinaInstant(date, plan.nightEnd), to: chinaInstant(date, plan.nightStart) };
}

export interface PatrolDone {
  kind: 'day_patrol' | 'night_patrol';
  at: Date;
}

/** One required night patrol: its window (the whole night in count mode), the patrol that counted, and whether it is
 * certainly missed at the moment of judging. */
export interface NightSlot {
  from: Date;
  to: Date;
  at: Date | null;
  done: boolean;
  missed: boolean;
}

export interface DayCompliance {
  date: string;
  dayRequired: number;
  dayDone: number;
  /** True once the day span is over without enough day patrols. */
  dayMissed: boolean;
  night: NightSlot[];
  nightMissed: number;
}

/** The most patrols that count in count mode: the earliest, then each next one at least `gap` after the last counted. */
export function countedPatrols(times: readonly Date[], gapMinutes: number, max: number): Date[] {
  const counted: Date[] = [];
  for (const t of [...times].sort((a, b) => a.getTime() - b.getTime())) {
    if (counted.length === max) break;
    const last = counted[counted.length - 1];
    if (!last || t.getTime() - last.getTime() >= gapMinutes * 60_000) counted.push(t);
  }
  return counted;
}

/** How many more patrols still fit between `now` and the night's end, after the last counted one. */
function stillPossible(span: Window, last: Date | undefined, gapMinutes: number, now: Date): number {
  const gap = gapMinutes * 60_000;
  const earliest = Math.max(now.getTime(), span.from.getTime(), last ? last.getTime() + gap : -Infinity);
  if (earliest >= span.to.getTime()) return 0;
  return gap === 0 ? Infinity : Math.floor((span.to.getTime() - 1 - earliest) / gap) + 1;
}

/** The night's required patrols, judged at `now`: a slot is missed once it can no longer be met. */
export function nightSlots(date: string, plan: PatrolPlan, patrols: readonly PatrolDone[], now: Date): NightSlot[] {
  const span = nightSpan(date, plan);
  const times = patrols.filter((p) => p.kind === 'night_patrol' && p.at >= span.from && p.at < span.to).map((p) => p.at);
  if (plan.nightWindows.length > 0) {
    return plan.nightWindows.map((w) => {
      const from = nightClock(date, w.from, plan);
      const to = nightClock(date, w.to, plan);
      const at = times.find((t) => t >= from && t < to) ?? null;
      return { from, to, at, done: at !== null, missed: at === null && now >= to };
    });
  }
  const counted = countedPatrols(times, plan.nightGapMinutes, plan.nightPatrols);
  const possible = stillPossible(span, counted[counted.length - 1], plan.nightGapMinutes, now);
  return Array.from({ length: plan.nightPatrols }, (_, i) => {
    const at = counted[i] ?? null;
    return { from: span.from, to: span.to, at, done: at !== null, missed: at === null && i >= counted.length + possible };
  });
}

/** Compliance of one date (its day span and the night that starts on it), judged at `now`. */
export function dayCompliance(date: string, plan: PatrolPlan, patrols: readonly PatrolDone[], now: Date): DayCompliance {
  const span = daySpan(date, plan);
  const dayDone = patrols.filter((p) => p.kind === 'day_patrol' && p.at >= span.from && p.at < span.to).length;
  const night = nightSlots(date, plan, patrols, now);
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
    const span = nightSpan(date, plan);
    if (now >= span.from && now < span.to) return date;
  }
  return null;
}

/** Next due date of a periodic duty: never done → due now. */
export const nextDue = (last: string | null, everyMonths: number, today: string) => (last ? addMonths(last, everyMonths) : today);
