// Care grades (护理等级): a centre-defined list with an explicit intensity rank, never inferred from a number in the
// name (eldercare systems number them both ways, domain.md §2.1). Defaults below; the mapping from ability level to
// a suggested grade is configurable — no national mapping exists [C], this default follows one observed system.
import type { Level } from './scoring';

export interface CareGradeDefault {
  code: string;
  name: string;
  /** Higher = more care. */
  rank: number;
}

export const DEFAULT_CARE_GRADES: readonly CareGradeDefault[] = [
  { code: 'self_care', name: '自理', rank: 1 },
  { code: 'half_care', name: '半护理', rank: 2 },
  { code: 'full_care', name: '全护理', rank: 3 },
  { code: 'special_care', name: '特护', rank: 4 },
];

/** Ability level (0–4) → suggested grade. 特护 is only ever chosen by a person, with a reason. */
export const DEFAULT_LEVEL_TO_GRADE: Record<Level, string> = {
  0: 'self_care',
  1: 'half_care',
  2: 'half_care',
  3: 'full_care',
  4: 'full_care',
};
