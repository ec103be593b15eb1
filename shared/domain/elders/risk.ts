// The 关爱等级 of an elder on the register: the highest level among the rules (a setting) whose every condition holds,
// else 低; a manual override with its reason wins. Pure, so the register, the visit plan and the county
// compute the same level from the same facts.
import { ageOn } from '../dates';
import { DERIVED_CATEGORY, type ElderCategory, type ElderGroup, OVER_80_AGE, type RiskLevel } from './vocab';

/** A condition of a risk rule: a group (高龄 included) or 'critical_illness' (an illness that can endanger life at any time). */
export const RISK_CONDITIONS = ['over_80', 'left_behind', 'living_alone', 'empty_nest', 'disabled', 'tekun_dispersed', 'dibao', 'dibao_edge', 'family_planning_special', 'severe_disability', 'critical_illness'] as const;
export type RiskCondition = (typeof RISK_CONDITIONS)[number];

export interface RiskRule {
  level: Exclude<RiskLevel, 'low'>;
  /** Every one must hold. */
  all: RiskCondition[];
}

export interface RiskFacts {
  birthDate: string;
  categories: readonly ElderCategory[];
  criticalIllness: boolean;
  riskOverride: RiskLevel | null;
}

/** The groups an elder belongs to on a day: the stored categories, and 高龄 from the birth date. */
export function groupsOn(facts: Pick<RiskFacts, 'birthDate' | 'categories'>, date: string): ElderGroup[] {
  const groups: ElderGroup[] = [...facts.categories];
  if (ageOn(facts.birthDate, date) >= OVER_80_AGE) groups.push(DERIVED_CATEGORY);
  return groups;
}

/** The level the rules give, before any override. */
export function computedRisk(facts: RiskFacts, rules: readonly RiskRule[], date: string): RiskLevel {
  const held = new Set<RiskCondition>(groupsOn(facts, date));
  if (facts.criticalIllness) held.add('critical_illness');
  const order: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };
  let level: RiskLevel = 'low';
  for (const rule of rules) if (rule.all.length > 0 && rule.all.every((c) => held.has(c)) && order[rule.level] < order[level]) level = rule.level;
  return level;
}

/** The level in force: the override when there is one. */
export function riskLevel(facts: RiskFacts, rules: readonly RiskRule[], date: string): RiskLevel {
  return facts.riskOverride ?? computedRisk(facts, rules, date);
}
