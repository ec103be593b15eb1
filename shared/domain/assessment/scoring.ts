// Scores, levels and the level-change rules of GB/T 42195-2022 (../shared/reference/domain.md §1.1).
// Cut-offs [C2]: 90 能力完好 · 66–89 轻度 · 46–65 中度 · 30–45 重度 · 0–29 完全失能.
// Rules [C2]: coma → 完全失能 (configurable: one source says 重度); dementia, a psychiatrist-diagnosed mental disorder,
// or 2+ care-risk events in 30 days → one level up, once in all, capped at 完全失能.
import { DIMENSIONS, type DimensionCode, ITEMS } from './items';

export const LEVELS = [
  { level: 0, name: '能力完好', min: 90, max: 90 },
  { level: 1, name: '轻度失能', min: 66, max: 89 },
  { level: 2, name: '中度失能', min: 46, max: 65 },
  { level: 3, name: '重度失能', min: 30, max: 45 },
  { level: 4, name: '完全失能', min: 0, max: 29 },
] as const;
export type Level = 0 | 1 | 2 | 3 | 4;

export type Answers = Record<string, number | null | undefined>;

export type AnswerProblem = { code: string; message: string };

/** Scores that are present but outside their item's range, or not whole numbers. */
export function answerProblems(answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const item of ITEMS) {
    const v = answers[item.code];
    if (v === null || v === undefined) continue;
    if (!Number.isInteger(v) || v < 0 || v > item.max) {
      problems.push({ code: item.code, message: `${item.code} ${item.name}的得分应为 0 到 ${item.max} 之间的整数` });
    }
  }
  return problems;
}

/** Items not yet scored: a form can be finalised only when this is empty. */
export function missingItems(answers: Answers): string[] {
  return ITEMS.filter((i) => answers[i.code] === null || answers[i.code] === undefined).map((i) => i.code);
}

export function dimensionScores(answers: Answers): Record<DimensionCode, number> {
  const scores = { B1: 0, B2: 0, B3: 0, B4: 0 } as Record<DimensionCode, number>;
  for (const item of ITEMS) scores[item.dimension] += answers[item.code] ?? 0;
  for (const d of Object.keys(DIMENSIONS) as DimensionCode[]) scores[d] = Math.min(scores[d], DIMENSIONS[d].max);
  return scores;
}

export function totalScore(answers: Answers): number {
  return Object.values(dimensionScores(answers)).reduce((a, b) => a + b, 0);
}

export function preliminaryLevel(total: number): Level {
  const found = LEVELS.find((l) => total >= l.min && total <= l.max);
  if (!found) throw new RangeError(`total ${total} is outside 0–90`);
  return found.level;
}

export interface LevelFactors {
  coma: boolean;
  dementia: boolean; // 痴呆 F00–F03
  mentalDisorderByPsychiatrist: boolean; // F04–F99, diagnosed by a psychiatric specialist
  /** Care-risk events (falls, wandering, choking, suicide, self-harm, other) in the last 30 days, added up. */
  riskEventsLast30Days: number;
}

export interface LevelRules {
  /** The level a coma sets directly: 4 by default [C2]; MZ/T 039 wording says 3. */
  comaLevel: Level;
  riskEventThreshold: number;
}

export const DEFAULT_LEVEL_RULES: LevelRules = { comaLevel: 4, riskEventThreshold: 2 };

export interface LevelResult {
  preliminary: Level;
  final: Level;
  reasons: string[];
}

export function finalLevel(total: number, factors: LevelFactors, rules: LevelRules = DEFAULT_LEVEL_RULES): LevelResult {
  const preliminary = preliminaryLevel(total);
  if (factors.coma) {
    const final = Math.max(preliminary, rules.comaLevel) as Level;
    // Name the source of the level the centre chose: the two sources disagree (domain.md §1.1).
    const source = rules.comaLevel === 3 ? '附录 B.3.9 注' : '能力等级变更依据';
    return { preliminary, final, reasons: [`处于昏迷状态，直接评定为${LEVELS[rules.comaLevel].name}（${source}）`] };
  }
  const triggers: string[] = [];
  if (factors.dementia) triggers.push('确诊痴呆（F00–F03）');
  if (factors.mentalDisorderByPsychiatrist) triggers.push('经精神科专科医生诊断的精神和行为障碍（F04–F99）');
  if (factors.riskEventsLast30Days >= rules.riskEventThreshold) triggers.push(`近30天发生照护风险事件 ${factors.riskEventsLast30Days} 次`);
  if (triggers.length === 0) return { preliminary, final: preliminary, reasons: [] };
  // Several triggers still raise one level only ("有以下情况之一，在原有能力级别提高一个级别").
  const final = Math.min(4, preliminary + 1) as Level;
  const reason = final === preliminary ? `${triggers.join('；')}（已是最高级别，不再提高）` : `${triggers.join('；')}：在原有级别上提高一级`;
  return { preliminary, final, reasons: [reason] };
}
