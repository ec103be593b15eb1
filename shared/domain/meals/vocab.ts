// Fixed vocabularies of the meals module. Codes are stored (and reported to the county); labels live in enum-labels.
import { MEALS } from '../care/vocab';

export { MEALS };
export type Meal = (typeof MEALS)[number];

/** 助餐 diner categories: who may be served and at which subsidy (民政 rural meal-aid practice). */
export const DINER_CATEGORIES = ['tekun_dispersed', 'dibao', 'elderly', 'disabled', 'ordinary'] as const;
export type DinerCategory = (typeof DINER_CATEGORIES)[number];

/** 堂食 at the centre's canteen, or 送餐上门 to the diner's home. */
export const SERVING_MODES = ['dine_in', 'delivery'] as const;
export type ServingMode = (typeof SERVING_MODES)[number];
