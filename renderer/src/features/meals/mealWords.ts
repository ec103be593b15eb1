// Small formatting helpers the meal pages share.
import type { Meal } from '@shared/domain/meals/vocab';
import { addDays, mondayOf, weekday } from '@shared/domain/dates';

export const MEAL_ORDER: Meal[] = ['breakfast', 'lunch', 'snack', 'dinner'];

/** Monday of the week a date falls in; a date some days on (the calendar maths live in shared/domain/dates.ts). */
export { mondayOf, addDays as shiftDate };

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** '3月16日 周一' */
export function dayLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAYS[weekday(date)]}`;
}
