// 昏迷 and B.3.9 意识水平 must agree (GB/T 42195-2022; ../shared/reference/gbt42195-appendix-b.md): B.3.9 = 0 covers both
// 昏睡 and 昏迷, and only 昏迷 sets the level directly. So a 0 asks which of the two it is, the answer is recorded, 昏迷
// ticks the box (and A.5.11 昏迷 = 有), and the box cannot be ticked with B.3.9 above 0.
import { type Answers, LEVELS, type Level } from './scoring';

export const CONSCIOUSNESS_ZERO = ['coma', 'stupor'] as const;
export type ConsciousnessZero = (typeof CONSCIOUSNESS_ZERO)[number];
export const CONSCIOUSNESS_ZERO_NAMES: Record<ConsciousnessZero, string> = { coma: '昏迷', stupor: '昏睡' };

export interface ComaFacts {
  coma: boolean;
  answers: Answers;
  /** The answer to "昏迷还是昏睡?" asked when B.3.9 = 0; null otherwise. */
  consciousness: ConsciousnessZero | null;
  /** A.5.11 昏迷 as chosen on the health card ([] when not recorded). */
  a511: readonly string[];
}

export type ComaProblem = { field: string; message: string };

/** A 昏迷/昏睡 answer without B.3.9 = 0 is wrong input whenever it is saved. */
export function consciousnessAnswerProblem(f: Pick<ComaFacts, 'answers' | 'consciousness'>): ComaProblem | null {
  if (f.consciousness !== null && f.answers['B.3.9'] !== 0) {
    return { field: 'consciousness', message: `只有 B.3.9 意识水平评为 0 分时才需要回答“昏迷还是昏睡”（现在是${f.answers['B.3.9'] ?? '未评'}）` };
  }
  return null;
}

/** What stops finalisation: the box, B.3.9, the 昏迷/昏睡 answer and A.5.11 must tell the same story. */
export function comaProblems(f: ComaFacts): ComaProblem[] {
  const problems: ComaProblem[] = [];
  const b39 = f.answers['B.3.9'];
  const wrongAnswer = consciousnessAnswerProblem(f);
  if (wrongAnswer) problems.push(wrongAnswer);
  if (f.coma && b39 !== 0) problems.push({ field: 'answers.B.3.9', message: '勾选了“处于昏迷状态”，B.3.9 意识水平应评为 0 分（昏睡或昏迷）；不是昏迷请取消勾选' });
  if (b39 === 0 && f.consciousness === null) problems.push({ field: 'consciousness', message: 'B.3.9 意识水平评为 0 分：请选择老人是“昏迷”还是“昏睡”' });
  if (f.consciousness === 'coma' && !f.coma) problems.push({ field: 'coma', message: 'B.3.9 选择了“昏迷”，请同时勾选“处于昏迷状态”' });
  if (f.consciousness === 'stupor' && f.coma) problems.push({ field: 'coma', message: 'B.3.9 选择了“昏睡”（不是昏迷），就不能勾选“处于昏迷状态”' });
  const a511 = f.a511[0];
  if ((a511 === '有' && !f.coma) || (a511 === '无' && f.coma)) {
    problems.push({ field: 'health.A.5.11', message: `A.5.11 昏迷选了“${a511}”，与“处于昏迷状态”${f.coma ? '已勾选' : '未勾选'}不一致` });
  }
  return problems;
}

/** Where each possible coma level comes from: the form and report show both, and which one the centre chose. */
export const COMA_LEVEL_SOURCES: Record<3 | 4, string> = {
  4: '能力等级变更依据写“完全失能”（三处资料一致）',
  3: '附录 B.3.9 意识水平的注写“直接评定为重度失能”',
};

export function comaLevelNote(level: Level): string {
  const chosen = level === 3 ? 3 : 4;
  return `处于昏迷状态者直接评定为${LEVELS[chosen].name}（本院设置，可在系统设置中改）。两种依据：${COMA_LEVEL_SOURCES[4]}；${COMA_LEVEL_SOURCES[3]}。`;
}

/** The parts of a form that the coma rules keep in step. */
export interface ComaFormState {
  coma: boolean;
  answers: Answers;
  consciousness: ConsciousnessZero | null;
  health: { choices: Record<string, string[]> };
}

const withA511 = <T extends ComaFormState>(f: T, value: '有' | '无'): T['health'] => ({ ...f.health, choices: { ...f.health.choices, 'A.5.11': [value] } });

/** Ticking 昏迷 scores B.3.9 = 0 as 昏迷 and A.5.11 = 有; unticking it leaves B.3.9 = 0 to be answered again. */
export function setComa<T extends ComaFormState>(f: T, coma: boolean): T {
  if (coma) return { ...f, coma, answers: { ...f.answers, 'B.3.9': 0 }, consciousness: 'coma', health: withA511(f, '有') };
  return { ...f, coma, consciousness: f.consciousness === 'coma' ? null : f.consciousness, health: withA511(f, '无') };
}

/** Scoring B.3.9: a score above 0 clears 昏迷/昏睡 and the box; 0 waits for the 昏迷/昏睡 answer. */
export function setConsciousnessScore<T extends ComaFormState>(f: T, score: number): T {
  const answers = { ...f.answers, 'B.3.9': score };
  if (score === 0) return { ...f, answers };
  return { ...f, answers, consciousness: null, coma: false, health: f.coma || f.health.choices['A.5.11']?.[0] === '有' ? withA511(f, '无') : f.health };
}

/** The answer to "昏迷还是昏睡?": 昏迷 ticks the box, 昏睡 unticks it. */
export function setConsciousness<T extends ComaFormState>(f: T, c: ConsciousnessZero): T {
  return { ...f, consciousness: c, coma: c === 'coma', health: withA511(f, c === 'coma' ? '有' : '无') };
}
