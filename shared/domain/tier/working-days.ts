// Working days for the county's answer period (认定办法: 复核评估 within 10 working days [C]; the setting
// tierAnswerWorkingDays [R]). Monday to Friday count; public holidays and 调休 make-up days are not known to the
// program, so an answer due across a holiday shows overdue a little early (documented in README).
import { addDays, weekday } from '../dates';

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6) n += 1;
  }
  return n;
}

/** Overdue once more than `allowed` working days have passed since `receivedOn` with no answer. */
export function answerOverdue(receivedOn: string, today: string, allowed: number): boolean {
  return workingDaysBetween(receivedOn, today) > allowed;
}
