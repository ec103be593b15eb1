// A.5.1 压力性损伤 of an ability assessment, as the package reports it. The assessment stores the standard's option
// words (shared/domain/assessment/health.ts, HealthAnswers.choices['A.5.1']); the stage is read from how the option
// begins, so a longer description after "Ⅱ期" never changes the code the county counts.
import type { PRESSURE_INJURY_STAGES } from '@shared/domain/sync/sections';

type Stage = (typeof PRESSURE_INJURY_STAGES)[number];

const PREFIXES: [string, Stage][] = [
  ['不可分期', 'unstageable'],
  ['Ⅳ期', 'IV'],
  ['Ⅲ期', 'III'],
  ['Ⅱ期', 'II'],
  ['Ⅰ期', 'I'],
  ['无', 'none'],
];

/** The stage from an assessment's stored A.5 answers (JSON), or null when A.5.1 was not answered or cannot be read. */
export function pressureInjuryStage(healthJson: string | null): Stage | null {
  if (!healthJson) return null;
  let choice: unknown;
  try {
    choice = (JSON.parse(healthJson) as { choices?: Record<string, unknown> }).choices?.['A.5.1'];
  } catch {
    return null;
  }
  const answer = Array.isArray(choice) ? choice[0] : choice;
  if (typeof answer !== 'string') return null;
  return PREFIXES.find(([prefix]) => answer.trim().startsWith(prefix))?.[1] ?? null;
}
