// 食品留样 rules (餐饮服务食品安全操作规范 2018; GB 31654-2021): every dish of every meal, at least 125 g, kept at least
// 48 hours at 0–8 ℃. The gram and hour limits are settings; these functions only compare.
export interface SampleRule {
  minGrams: number;
  minHours: number;
}

export interface SampleLike {
  dish: string;
  amountGrams: number;
  sampledAt: string;
  disposedAt: string | null;
}

/** The earliest moment a sample may be thrown away. */
export function keepUntil(sampledAt: string, rule: SampleRule): Date {
  return new Date(new Date(sampledAt).getTime() + rule.minHours * 3_600_000);
}

export function disposedEarly(sample: SampleLike, rule: SampleRule): boolean {
  return sample.disposedAt !== null && new Date(sample.disposedAt) < keepUntil(sample.sampledAt, rule);
}

export const tooSmall = (sample: SampleLike, rule: SampleRule) => sample.amountGrams < rule.minGrams;

/** Dishes served at a meal that have no sample (names compared without surrounding spaces). */
export function dishesWithoutSample(dishes: readonly string[], samples: readonly Pick<SampleLike, 'dish'>[]): string[] {
  const kept = new Set(samples.map((s) => s.dish.trim()));
  return [...new Set(dishes.map((d) => d.trim()).filter((d) => d && !kept.has(d)))];
}
