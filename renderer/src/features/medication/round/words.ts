// How a drug and a dose read on the round and the record: "阿司匹林肠溶片 100 mg", "1 片　口服　饭后".
import type { ScheduledDose } from '@shared/api/medication-round';
import { ENUM_LABELS_ZH } from '@shared/domain/enum-labels';
import { formatQuantity } from '@shared/domain/medication/quantity';

export const drugLine = (d: Pick<ScheduledDose, 'drugName' | 'strength'>) => (d.strength ? `${d.drugName} ${d.strength}` : d.drugName);

export function doseLine(d: Pick<ScheduledDose, 'doseCenti' | 'unit' | 'route' | 'mealRelation'>): string {
  const meal = d.mealRelation === 'any' ? '' : `　${ENUM_LABELS_ZH.mealRelation[d.mealRelation]}`;
  return `${formatQuantity(d.doseCenti, ENUM_LABELS_ZH.doseUnit[d.unit])}　${ENUM_LABELS_ZH.route[d.route]}${meal}`;
}
