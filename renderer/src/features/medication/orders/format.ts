// An order in words, as a nurse reads it aloud: "阿司匹林肠溶片 100 mg · 每次 1 片 · 口服 · 每日一次 08:00 · 饭后".
import type { TFunction } from 'i18next';
import type { OrderView } from '@shared/api/medication-orders';
import { formatQuantity } from '@shared/domain/medication/quantity';

export const drugText = (o: { drugName: string; strength: string }) => (o.strength ? `${o.drugName} ${o.strength}` : o.drugName);

/** 每次 1 片 · 口服 · 每日一次 08:00 · 饭后 (the meal only when it matters). */
export function doseText(t: TFunction, o: OrderView): string {
  const dose = t('medication.orders.perDose', { quantity: formatQuantity(o.doseCenti, t(`enums.doseUnit.${o.unit}`)) });
  const when =
    o.frequency === 'prn'
      ? t('medication.orders.prnShort', { max: o.prnMaxPerDay ?? 0, indication: o.prnIndication })
      : o.frequency === 'times'
        ? o.times.join('、')
        : `${t(`enums.frequency.${o.frequency}`)} ${o.times.join('、')}`;
  const parts = [dose, t(`enums.route.${o.route}`), when];
  if (o.mealRelation !== 'any') parts.push(t(`enums.mealRelation.${o.mealRelation}`));
  return parts.join(' · ');
}

/** From … to …, or 停于 … */
export function periodText(t: TFunction, o: OrderView): string {
  if (o.stoppedOn) return t('medication.orders.periodStopped', { from: o.startsOn, on: o.stoppedOn });
  if (o.endsOn) return t('medication.orders.periodTo', { from: o.startsOn, to: o.endsOn });
  return t('medication.orders.periodOpen', { from: o.startsOn });
}

/** In a short list: （03-18 起） for one not started, （2026-03-18 起停用） or （服至 …） for one running out. */
export function whenNote(t: TFunction, o: OrderView): string {
  if (o.state === 'upcoming') return ` ${t('medication.orders.startsFrom', { on: o.startsOn })}`;
  if (o.stoppedOn) return ` ${t('medication.orders.stopsFrom', { on: o.stoppedOn })}`;
  if (o.endsOn) return ` ${t('medication.orders.endsAfter', { on: o.endsOn })}`;
  return '';
}
