// The meals module's rules without a database: who eats at a meal across leave and hospital stays, the price in force
// on a date, and the food-sample checks.
import { describe, expect, it } from 'vitest';
import { chinaInstant } from '@shared/domain/care/shifts';
import { type StayRecord, countByDiet, presentAt, staySpans } from '@shared/domain/meals/headcount';
import { payableFen, priceOn } from '@shared/domain/meals/prices';
import { dishesWithoutSample, disposedEarly, keepUntil, tooSmall } from '@shared/domain/meals/samples';

/** An ISO instant at China wall-clock time. */
const at = (date: string, hhmm: string) => chinaInstant(date, hhmm).toISOString();
const meal = (date: string, hhmm: string) => chinaInstant(date, hhmm);

function stay(type: StayRecord['type'], date: string, createdAt: string, extra: Partial<StayRecord> = {}): StayRecord {
  return { type, date, endDate: null, expectedReturn: null, createdAt, updatedAt: createdAt, ...extra };
}

describe('who is at a meal', () => {
  const admitted = stay('admission', '2026-03-01', at('2026-03-01', '10:00'));

  it('counts a resident from the meal after the admission was recorded', () => {
    const spans = staySpans([admitted]);
    expect(presentAt(spans, meal('2026-03-01', '07:00'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-01', '11:30'))).toBe(true);
    expect(presentAt(spans, meal('2026-03-20', '07:00'))).toBe(true);
  });

  it('a leave recorded at 09:00 keeps breakfast and drops lunch; the return at 16:00 brings back dinner', () => {
    const leave = stay('leave', '2026-03-10', at('2026-03-10', '09:00'), { endDate: '2026-03-12', updatedAt: at('2026-03-12', '16:00') });
    const spans = staySpans([admitted, leave]);
    expect(presentAt(spans, meal('2026-03-10', '07:00'))).toBe(true);
    expect(presentAt(spans, meal('2026-03-10', '11:30'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-11', '07:00'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-12', '11:30'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-12', '17:30'))).toBe(true);
  });

  it('an event recorded on a later day counts from the start of its own date', () => {
    // Hospital from the 10th, written up on the 11th; the return on the 15th, written up on the 16th.
    const hospital = stay('hospital', '2026-03-10', at('2026-03-11', '08:00'), { endDate: '2026-03-15', updatedAt: at('2026-03-16', '09:00') });
    const spans = staySpans([admitted, hospital]);
    expect(presentAt(spans, meal('2026-03-09', '17:30'))).toBe(true);
    expect(presentAt(spans, meal('2026-03-10', '07:00'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-14', '17:30'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-15', '07:00'))).toBe(true);
  });

  it('an open absence counts the resident back from the expected return date, and stays away without one', () => {
    const expected = staySpans([admitted, stay('leave', '2026-03-10', at('2026-03-10', '08:00'), { expectedReturn: '2026-03-13' })]);
    expect(presentAt(expected, meal('2026-03-12', '17:30'))).toBe(false);
    expect(presentAt(expected, meal('2026-03-13', '07:00'))).toBe(true);
    const open = staySpans([admitted, stay('hospital', '2026-03-10', at('2026-03-10', '08:00'))]);
    expect(presentAt(open, meal('2026-04-30', '11:30'))).toBe(false);
  });

  it('a discharge ends the residence at the moment it was recorded, and a readmission starts a new one', () => {
    const spans = staySpans([
      admitted,
      stay('discharge', '2026-03-05', at('2026-03-05', '12:00')),
      stay('admission', '2026-03-08', at('2026-03-08', '12:00')),
    ]);
    expect(presentAt(spans, meal('2026-03-05', '11:30'))).toBe(true);
    expect(presentAt(spans, meal('2026-03-05', '17:30'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-07', '11:30'))).toBe(false);
    expect(presentAt(spans, meal('2026-03-08', '17:30'))).toBe(true);
  });

  it('counts per diet type only those present', () => {
    const here = staySpans([admitted]);
    const away = staySpans([admitted, stay('hospital', '2026-03-10', at('2026-03-10', '06:00'))]);
    const counts = countByDiet(
      [
        { id: 'a', dietType: 'soft', spans: here },
        { id: 'b', dietType: 'soft', spans: away },
        { id: 'c', dietType: 'regular', spans: here },
      ],
      meal('2026-03-10', '11:30'),
    );
    expect(Object.fromEntries([...counts].map(([k, v]) => [k, v.length]))).toEqual({ soft: 1, regular: 1 });
  });
});

describe('dated prices', () => {
  const rows = [
    { id: 'old', category: 'elderly', meal: 'lunch', effectiveFrom: '2026-01-01', priceFen: 800, subsidyFen: 300 },
    { id: 'new', category: 'elderly', meal: 'lunch', effectiveFrom: '2026-03-16', priceFen: 1000, subsidyFen: 400 },
    { id: 'dibao', category: 'dibao', meal: 'lunch', effectiveFrom: '2026-01-01', priceFen: 800, subsidyFen: 600 },
  ];
  it('a change in mid-month applies from its date', () => {
    expect(priceOn(rows, 'elderly', 'lunch', '2026-03-15')?.id).toBe('old');
    expect(priceOn(rows, 'elderly', 'lunch', '2026-03-16')?.id).toBe('new');
    expect(priceOn(rows, 'elderly', 'lunch', '2026-12-31')?.id).toBe('new');
  });
  it('has no price before the first row, nor for another category or meal', () => {
    expect(priceOn(rows, 'elderly', 'lunch', '2025-12-31')).toBeNull();
    expect(priceOn(rows, 'elderly', 'dinner', '2026-03-16')).toBeNull();
    expect(priceOn(rows, 'dibao', 'lunch', '2026-03-16')?.id).toBe('dibao');
  });
  it('the diner pays the price less the subsidy', () => {
    expect(payableFen(rows[1])).toBe(600);
    expect(payableFen({ priceFen: 500, subsidyFen: 500 })).toBe(0);
  });
});

describe('food samples', () => {
  const rule = { minGrams: 125, minHours: 48 };
  const sample = (amountGrams: number, disposedAt: string | null) => ({ dish: '红烧肉', amountGrams, sampledAt: at('2026-03-10', '11:00'), disposedAt });
  it('is kept until 48 hours after it was taken', () => {
    expect(keepUntil(at('2026-03-10', '11:00'), rule).toISOString()).toBe(at('2026-03-12', '11:00'));
  });
  it('thrown away one minute early is early; at 48 hours it is not', () => {
    expect(disposedEarly(sample(150, at('2026-03-12', '10:59')), rule)).toBe(true);
    expect(disposedEarly(sample(150, at('2026-03-12', '11:00')), rule)).toBe(false);
    expect(disposedEarly(sample(150, null), rule)).toBe(false);
  });
  it('124 g is too little, 125 g is enough', () => {
    expect(tooSmall(sample(124, null), rule)).toBe(true);
    expect(tooSmall(sample(125, null), rule)).toBe(false);
  });
  it('lists the dishes of a meal that have no sample, once each', () => {
    expect(dishesWithoutSample(['红烧肉', '青菜', ' 青菜 ', '米饭'], [{ dish: '红烧肉' }, { dish: '米饭 ' }])).toEqual(['青菜']);
    expect(dishesWithoutSample([], [])).toEqual([]);
  });
});
