// How the stock screens say a quantity: hundredths of the drug's unit with the unit's word (0.5 片, 300 单位).
import type { TFunction } from 'i18next';
import type { DoseUnit } from '@shared/domain/medication/vocab';
import { formatQuantity } from '@shared/domain/medication/quantity';

export function qty(t: TFunction, centi: number, unit: DoseUnit): string {
  return formatQuantity(centi, t(`enums.doseUnit.${unit}`));
}

/** 硝苯地平缓释片 10 mg */
export function drugTitle(d: { drugName: string; strength: string }): string {
  return d.strength ? `${d.drugName} ${d.strength}` : d.drugName;
}
