// Pricing a service visit (issue 18): each item at the price and subsidy in force on the visit's day for the visit's
// price class — the latest row of home_service_prices whose effective_from is on or before the day. A per-visit item
// costs price × times; an hourly item price per hour × minutes / 60, rounded to the fen (the subsidy likewise), so the
// personal share is what is left.
import type { PriceClass, ServiceUnit } from '@shared/domain/homecare/vocab';
import type { Executor } from '../../db/executor';

export interface PriceRow {
  itemId: string;
  priceClass: PriceClass;
  effectiveFrom: string;
  priceFen: number;
  subsidyFen: number;
}

/** Every price, by item and class, latest first. */
export type PriceBook = Map<string, PriceRow[]>;

const key = (itemId: string, priceClass: PriceClass) => `${itemId}|${priceClass}`;

export async function loadPriceBook(db: Executor): Promise<PriceBook> {
  const rows = await db.selectFrom('homeServicePrices').select(['itemId', 'priceClass', 'effectiveFrom', 'priceFen', 'subsidyFen']).orderBy('effectiveFrom', 'desc').execute();
  const book: PriceBook = new Map();
  for (const r of rows) {
    const k = key(r.itemId, r.priceClass);
    const list = book.get(k) ?? [];
    list.push(r);
    book.set(k, list);
  }
  return book;
}

/** The price in force on a day, or null when none had started by then. */
export function priceOn(book: PriceBook, itemId: string, priceClass: PriceClass, day: string): PriceRow | null {
  return book.get(key(itemId, priceClass))?.find((r) => r.effectiveFrom <= day) ?? null;
}

/** What one item of a visit costs: quantity in times (per visit) or minutes (hourly). */
export function itemCost(unit: ServiceUnit, quantity: number, price: { priceFen: number; subsidyFen: number }): { amountFen: number; subsidyFen: number } {
  if (unit === 'visit') return { amountFen: price.priceFen * quantity, subsidyFen: price.subsidyFen * quantity };
  return { amountFen: Math.round((price.priceFen * quantity) / 60), subsidyFen: Math.round((price.subsidyFen * quantity) / 60) };
}
