// Which care-plan tasks fall due in a shift, and when. Timed tasks (every N hours from midnight, or at set times)
// fall in the shift whose window holds the time, across midnight too; "每班" is once per shift; daily tasks belong to
// the shift on duty at the daily task time (09:00); weekly tasks there too, once 7 days have passed since last done.
import type { Frequency } from '../care-frequency';
import { addDays } from '../dates';
import { type ShiftWindow, chinaInstant, chinaWallClock } from './shifts';

/** When the day's once-a-day tasks are done: the shift on duty at this time carries them. */
export const DAILY_TASK_TIME = '09:00';

export interface DueSlot {
  /** Unique within the shift for one task: 'shift', 'week', or a China wall-clock time 'YYYY-MM-DD HH:MM'. */
  slot: string;
  /** When it is due; null for once-per-shift tasks (any time in the shift). */
  dueAt: Date | null;
}

function within(window: Pick<ShiftWindow, 'start' | 'end'>, instant: Date): boolean {
  return window.start <= instant && instant < window.end;
}

/** The dates whose clock times can fall inside the window (a 24-hour shift touches three). */
function datesTouched(window: ShiftWindow): string[] {
  return [addDays(window.shiftDate, -1), window.shiftDate, addDays(window.shiftDate, 1)];
}

function timedSlots(window: ShiftWindow, times: readonly string[]): DueSlot[] {
  const slots: DueSlot[] = [];
  for (const date of datesTouched(window)) {
    for (const time of times) {
      const at = chinaInstant(date, time);
      if (within(window, at)) slots.push({ slot: chinaWallClock(at), dueAt: at });
    }
  }
  return slots.sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
}

function everyHoursTimes(hours: number): string[] {
  const times: string[] = [];
  for (let h = 0; h < 24; h += hours) times.push(`${String(h).padStart(2, '0')}:00`);
  return times;
}

/**
 * The slots of one task in one shift. `lastDoneOn` (YYYY-MM-DD) matters only for weekly tasks: they are due in
 * the daily shift when never done, or done 7 or more days before this shift's daily time.
 */
export function dueSlots(frequency: Frequency, window: ShiftWindow, lastDoneOn: string | null = null): DueSlot[] {
  switch (frequency.kind) {
    case 'each_shift':
      return [{ slot: 'shift', dueAt: null }];
    case 'every_hours':
      return timedSlots(window, everyHoursTimes(frequency.hours));
    case 'at_times':
      return timedSlots(window, frequency.times);
    case 'daily':
      return timedSlots(window, [DAILY_TASK_TIME]);
    case 'weekly': {
      const daily = timedSlots(window, [DAILY_TASK_TIME]);
      if (daily.length === 0) return [];
      const dayOfDuty = daily[0].slot.slice(0, 10);
      if (lastDoneOn && lastDoneOn > addDays(dayOfDuty, -7)) return [];
      return [{ slot: 'week', dueAt: daily[0].dueAt }];
    }
  }
}
