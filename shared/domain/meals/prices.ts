// 助餐 prices and subsidies are dated: a row applies from its date until the next row for the same category and meal.
export interface PriceRow {
  category: string;
  meal: string;
  effectiveFrom: string;
  priceFen: number;
  subsidyFen: number;
}

/** The row in force on a date, or null when none has started yet. */
export function priceOn<T extends PriceRow>(rows: readonly T[], category: string, meal: string, date: string): T | null {
  let best: T | null = null;
  for (const r of rows) {
    if (r.category !== category || r.meal !== meal || r.effectiveFrom > date) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom) best = r;
  }
  return best;
}

/** What the diner pays: the price less the subsidy, never below zero. */
export const payableFen = (row: Pick<PriceRow, 'priceFen' | 'subsidyFen'>) => Math.max(0, row.priceFen - row.subsidyFen);
