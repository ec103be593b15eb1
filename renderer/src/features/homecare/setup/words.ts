// How the setup screens say a quantity in an item's unit (minutes as hours, times as 次), a plan's weekdays and
// frequency, and a period.
import type { TFunction } from 'i18next';
import type { PlanEveryWeeks, ServiceUnit } from '@shared/domain/homecare/vocab';

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const weekdayWord = (t: TFunction, d: number) => t(`homecare.setup.weekday.${d as Weekday}`);

/** A monthly quota or quantity: minutes shown as hours (up to two decimals), times as 次. */
export function quotaText(t: TFunction, unit: ServiceUnit, quantity: number): string {
  if (unit === 'visit') return t('homecare.setup.times', { n: quantity });
  return t('homecare.setup.hours', { n: Math.round((quantity / 60) * 100) / 100 });
}

/** What the form shows for a quota: hours for an hourly item. */
export const quotaToInput = (unit: ServiceUnit, quantity: number) => (unit === 'hour' ? Math.round((quantity / 60) * 100) / 100 : quantity);
/** What the form sends: minutes for an hourly item (hours typed, rounded to the minute). */
export const quotaFromInput = (unit: ServiceUnit, typed: number) => (unit === 'hour' ? Math.round(typed * 60) : Math.round(typed));

export function weekdaysText(t: TFunction, days: readonly number[]): string {
  return days.map((d) => weekdayWord(t, d)).join('、');
}

export function everyText(t: TFunction, every: number): string {
  return t(`homecare.setup.every${every as PlanEveryWeeks}`);
}

export function periodText(t: TFunction, from: string, to: string | null): string {
  return `${from} 至 ${to ?? t('homecare.setup.longTerm')}`;
}
