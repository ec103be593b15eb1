// Which prices and subsidy apply to an elder (issue 18): the first price class of PRICE_CLASSES the elder is in.
import type { ElderCategory } from '../elders/vocab';
import { OVER_80_AGE } from '../elders/vocab';
import type { PriceClass } from './vocab';

export function priceClassOf(categories: readonly ElderCategory[], age: number): PriceClass {
  if (categories.includes('tekun_dispersed')) return 'tekun_dispersed';
  if (categories.includes('dibao')) return 'dibao';
  if (categories.includes('disabled') || categories.includes('severe_disability')) return 'disabled';
  if (age >= OVER_80_AGE) return 'over_80';
  return 'ordinary';
}
