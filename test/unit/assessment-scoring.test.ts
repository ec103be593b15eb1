// GB/T 42195-2022 scoring and the 特困 tier: every boundary, every rule alone and together, and the cap.
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, FIVE_STEPS, ITEMS, levelWording } from '@shared/domain/assessment/items';
import { type Answers, answerProblems, dimensionScores, finalLevel, missingItems, preliminaryLevel, totalScore } from '@shared/domain/assessment/scoring';
import { TIER_INDICATORS, type TierIndicator, suggestIndicators, tierFromIndicators } from '@shared/domain/assessment/tekun-tier';

/** Answers adding up to `total`: items are filled to their maximum in order, the rest left at 0. */
function answersWithTotal(total: number): Answers {
  let left = total;
  const answers: Answers = {};
  for (const item of ITEMS) {
    const score = Math.min(item.max, left);
    answers[item.code] = score;
    left -= score;
  }
  return answers;
}

const none = { coma: false, dementia: false, mentalDisorderByPsychiatrist: false, riskEventsLast30Days: 0 };

describe('GB/T 42195-2022 items', () => {
  it('has 26 items in dimensions of 32 + 15 + 28 + 15 = 90', () => {
    expect(ITEMS).toHaveLength(26);
    for (const [code, d] of Object.entries(DIMENSIONS)) {
      expect(ITEMS.filter((i) => i.dimension === code).reduce((s, i) => s + i.max, 0), code).toBe(d.max);
    }
    expect(totalScore(answersWithTotal(90))).toBe(90);
  });

  it('has the standard’s wording for every score of every item, and a definition for all but B.4.4 and B.4.5', () => {
    for (const item of ITEMS) {
      expect(Object.keys(item.levels).map(Number).sort(), item.code).toEqual(Array.from({ length: item.max + 1 }, (_, i) => i));
      for (const text of Object.values(item.levels)) expect(text.length, item.code).toBeGreaterThan(1);
    }
    expect(ITEMS.filter((i) => !i.definition).map((i) => i.code)).toEqual(['B.4.4', 'B.4.5']);
    expect(levelWording('B.1.1', 0)).toBe('完全依赖他人协助进食，或吞咽困难，或留置营养管');
    expect(levelWording('B.1.3', 2)).toBe(FIVE_STEPS[2]);
  });

  it('adds up dimensions', () => {
    const all = answersWithTotal(90);
    expect(dimensionScores(all)).toEqual({ B1: 32, B2: 15, B3: 28, B4: 15 });
  });

  it('names a score outside its item’s range, and lists what is missing', () => {
    expect(answerProblems({ 'B.2.4': 4, 'B.3.7': 1, 'B.1.1': 2.5 }).map((p) => p.message)).toEqual([
      'B.1.1 进食的得分应为 0 到 4 之间的整数',
      'B.2.4 上下楼梯的得分应为 0 到 3 之间的整数',
    ]);
    expect(missingItems({ ...answersWithTotal(90), 'B.4.5': null })).toEqual(['B.4.5']);
  });
});

describe('levels by total', () => {
  it.each([
    [90, 0],
    [89, 1],
    [66, 1],
    [65, 2],
    [46, 2],
    [45, 3],
    [30, 3],
    [29, 4],
    [0, 4],
  ])('total %i → level %i', (total, level) => {
    expect(totalScore(answersWithTotal(total))).toBe(total);
    expect(preliminaryLevel(total)).toBe(level);
  });
});

describe('level-change rules', () => {
  it('coma sets 完全失能 directly, whatever the score', () => {
    expect(finalLevel(70, { ...none, coma: true })).toMatchObject({ preliminary: 1, final: 4 });
    expect(finalLevel(70, { ...none, coma: true }, { comaLevel: 3, riskEventThreshold: 2 }).final).toBe(3);
  });

  it.each([
    ['dementia', { dementia: true }],
    ['a psychiatrist-diagnosed mental disorder', { mentalDisorderByPsychiatrist: true }],
    ['two risk events in 30 days', { riskEventsLast30Days: 2 }],
  ])('%s raises one level', (_name, factor) => {
    const result = finalLevel(70, { ...none, ...factor });
    expect(result).toMatchObject({ preliminary: 1, final: 2 });
    expect(result.reasons).toHaveLength(1);
  });

  it('one risk event does not raise the level', () => {
    expect(finalLevel(70, { ...none, riskEventsLast30Days: 1 }).final).toBe(1);
  });

  it('several triggers together still raise one level only', () => {
    const result = finalLevel(50, { ...none, dementia: true, mentalDisorderByPsychiatrist: true, riskEventsLast30Days: 3 });
    expect(result).toMatchObject({ preliminary: 2, final: 3 });
    expect(result.reasons[0]).toMatch(/痴呆.*精神.*3 次/);
  });

  it('is capped at 完全失能', () => {
    expect(finalLevel(10, { ...none, dementia: true })).toMatchObject({ preliminary: 4, final: 4 });
  });
});

describe('特困 self-care tier', () => {
  const withNotMet = (n: number) => Object.fromEntries(TIER_INDICATORS.map((i, idx) => [i, idx >= n])) as Record<TierIndicator, boolean>;
  it.each([
    [0, 'self_sufficient'],
    [1, 'partly_lost'],
    [3, 'partly_lost'],
    [4, 'fully_lost'],
    [6, 'fully_lost'],
  ])('%i indicators not met → %s', (n, tier) => {
    expect(tierFromIndicators(withNotMet(n))).toBe(tier);
  });

  it('suggests indicators from the GB/T 42195 items', () => {
    const answers = answersWithTotal(90);
    expect(Object.values(suggestIndicators(answers)).every(Boolean)).toBe(true);
    const bathingNeedsHelp = { ...answers, 'B.1.3': 2 };
    expect(suggestIndicators(bathingNeedsHelp).bathe).toBe(false);
    expect(tierFromIndicators(suggestIndicators(bathingNeedsHelp))).toBe('partly_lost');
  });
});
