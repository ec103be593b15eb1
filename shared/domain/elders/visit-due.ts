// When an elder on the register is next due a visit (issue 17): the interval of the elder's 关爱等级 (a setting), never
// longer than the 特殊困难 cap for an elder in one of those groups (2022 意见: 月探访率 100%), counted from the last visit
// that was not voided — else from the day the elder was registered. Any kind of visit (phone, home, video) counts as
// being visited; the kind the plan asks for stays visible beside it. Pure, so the week's plan, the home page and the
// county count the same elders as due.
import { addDays } from '../dates';
import { type ElderGroup, type RiskLevel, SPECIAL_HARDSHIP, type VisitKind } from './vocab';

export interface VisitPlanSettings {
  visitPlan: Record<RiskLevel, { everyDays: number; kind: VisitKind }>;
  hardshipMaxDays: number;
}

/** In a 特殊困难老年人 group (独居, 空巢, 留守, 失能, 重残, 计生特殊家庭). */
export const isHardship = (groups: readonly ElderGroup[]): boolean => groups.some((g) => SPECIAL_HARDSHIP.includes(g));

/** Days between two visits for an elder of this level and these groups. */
export function visitInterval(level: RiskLevel, groups: readonly ElderGroup[], settings: VisitPlanSettings): number {
  const every = settings.visitPlan[level].everyDays;
  return isHardship(groups) ? Math.min(every, settings.hardshipMaxDays) : every;
}

export interface DueFacts {
  level: RiskLevel;
  groups: readonly ElderGroup[];
  registeredOn: string;
  /** The day of the last visit not voided, null when never visited. */
  lastVisitOn: string | null;
}

/** The day the next visit is due. */
export function visitDueOn(facts: DueFacts, settings: VisitPlanSettings): string {
  return addDays(facts.lastVisitOn ?? facts.registeredOn, visitInterval(facts.level, facts.groups, settings));
}

/**
 * visitDueOn for many elders at once (the week's plan, the overview over a whole register): elders sharing a base day
 * and an interval share the answer, so the date maths runs once per distinct pair.
 */
export function dueCalculator(settings: VisitPlanSettings): (facts: DueFacts) => string {
  const known = new Map<string, string>();
  return (facts) => {
    const base = facts.lastVisitOn ?? facts.registeredOn;
    const interval = visitInterval(facts.level, facts.groups, settings);
    const key = `${base}|${interval}`;
    let due = known.get(key);
    if (due === undefined) {
      due = addDays(base, interval);
      known.set(key, due);
    }
    return due;
  };
}

/** Overdue: the due day has passed (due today is not yet overdue). */
export const visitOverdue = (dueOn: string, today: string): boolean => dueOn < today;

/** The kind of visit the plan asks for at this level (home or phone), a setting. */
export const plannedKind = (level: RiskLevel, settings: VisitPlanSettings): VisitKind => settings.visitPlan[level].kind;
