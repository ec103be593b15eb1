// 特困人员 self-care tier (特困人员认定办法): six indicators → 具备 / 部分丧失 / 完全丧失生活自理能力 [C2].
// 0 not met → 具备; 1–3 not met → 部分丧失; 4 or more → 完全丧失.
import type { Answers } from './scoring';

export const TIER_INDICATORS = ['eat', 'dress', 'bed', 'toilet', 'walk', 'bathe'] as const;
export type TierIndicator = (typeof TIER_INDICATORS)[number];

export const TIER_INDICATOR_NAMES: Record<TierIndicator, string> = {
  eat: '自主吃饭',
  dress: '自主穿衣',
  bed: '自主上下床',
  toilet: '自主如厕',
  walk: '室内自主行走',
  bathe: '自主洗澡',
};

export const TIERS = ['self_sufficient', 'partly_lost', 'fully_lost'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_NAMES: Record<Tier, string> = {
  self_sufficient: '具备生活自理能力',
  partly_lost: '部分丧失生活自理能力',
  fully_lost: '完全丧失生活自理能力',
};

export function tierFromIndicators(met: Record<TierIndicator, boolean>): Tier {
  const notMet = TIER_INDICATORS.filter((i) => !met[i]).length;
  if (notMet === 0) return 'self_sufficient';
  return notMet <= 3 ? 'partly_lost' : 'fully_lost';
}

/**
 * A suggestion from GB/T 42195 items, shown to the assessor and never applied by itself. An indicator counts as met
 * when every item behind it scores at least `minScore` (default 3: independent, or with prompting only). [I]
 */
export const INDICATOR_ITEMS: Record<TierIndicator, string[]> = {
  eat: ['B.1.1'],
  dress: ['B.1.4', 'B.1.5'],
  bed: ['B.2.1', 'B.2.2'],
  toilet: ['B.1.8'],
  walk: ['B.2.3'],
  bathe: ['B.1.3'],
};

export function suggestIndicators(answers: Answers, minScore = 3): Record<TierIndicator, boolean> {
  const met = {} as Record<TierIndicator, boolean>;
  for (const i of TIER_INDICATORS) met[i] = INDICATOR_ITEMS[i].every((code) => (answers[code] ?? 0) >= minScore);
  return met;
}
