// Shift arithmetic in China time (UTC+8, no daylight saving): a shift is named by its definition and the calendar
// date it starts on; a shift whose end is not after its start runs past midnight (end == start: a 24-hour shift).
import { addDays, chinaDate } from '../dates';

export interface ShiftDefinition {
  id: string;
  name: string;
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM'; not after start means the next day. */
  end: string;
}

export interface ShiftWindow {
  shiftId: string;
  /** The date the shift starts on (YYYY-MM-DD, China time). */
  shiftDate: string;
  start: Date;
  end: Date;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The instant of a China-time wall clock reading. */
export function chinaInstant(date: string, hhmm: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + minutesOf(hhmm) * 60_000 - CHINA_OFFSET_MS);
}

/** 'YYYY-MM-DD HH:MM' in China time, the key of a timed task slot and what people read. */
export function chinaWallClock(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function runsPastMidnight(shift: Pick<ShiftDefinition, 'start' | 'end'>): boolean {
  return minutesOf(shift.end) <= minutesOf(shift.start);
}

/** Length in minutes; a shift that ends when it starts lasts 24 hours. */
export function shiftMinutes(shift: Pick<ShiftDefinition, 'start' | 'end'>): number {
  const length = minutesOf(shift.end) - minutesOf(shift.start);
  return length > 0 ? length : length + 24 * 60;
}

export function shiftWindow(shift: ShiftDefinition, shiftDate: string): ShiftWindow {
  const start = chinaInstant(shiftDate, shift.start);
  return { shiftId: shift.id, shiftDate, start, end: new Date(start.getTime() + shiftMinutes(shift) * 60_000) };
}

/** Every shift running at this instant (overlapping definitions give more than one). */
export function shiftsAt(instant: Date, shifts: readonly ShiftDefinition[]): ShiftWindow[] {
  const today = chinaDate(instant);
  const found: ShiftWindow[] = [];
  for (const date of [addDays(today, -1), today]) {
    for (const shift of shifts) {
      const w = shiftWindow(shift, date);
      if (w.start <= instant && instant < w.end) found.push(w);
    }
  }
  return found;
}

/** Hours of a day (0–23, China time) that no shift in the list covers for even part of the hour. */
export function uncoveredHours(date: string, windows: readonly Pick<ShiftWindow, 'start' | 'end'>[]): number[] {
  const hours: number[] = [];
  for (let h = 0; h < 24; h += 1) {
    const from = chinaInstant(date, `${String(h).padStart(2, '0')}:00`).getTime();
    const to = from + 60 * 60 * 1000;
    // Covered means someone is there for the whole hour: windows are merged by walking from the hour's start.
    let reached = from;
    const sorted = windows.map((w) => [w.start.getTime(), w.end.getTime()] as const).sort((a, b) => a[0] - b[0]);
    for (const [s, e] of sorted) if (s <= reached && e > reached) reached = e;
    if (reached < to) hours.push(h);
  }
  return hours;
}
