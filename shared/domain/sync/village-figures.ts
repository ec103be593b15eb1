// The county's figures of the village register (issue 17), per village, from one centre's month: elders at home by
// group and 关爱等级, visit coverage (elders whose visit fell due in the month and who were visited ÷ those due), the
// monthly visit rate of 特殊困难 elders with and without calls (2022 意见: 月探访率 100%), overdue visits and open
// follow-ups and special reports at month end, and the assessment coverage of 特困, 低保 and 计生特殊家庭 elders. The due rule is the centre's own (shared/domain/elders/visit-due.ts),
// with the interval the package carries for each elder, so county and centre count the same elders as due. Pure.
import { addDays } from '../dates';
import { isHardship } from '../elders/visit-due';
import { ASSESSMENT_COVERED, ELDER_CATEGORIES, type ElderGroup, RISK_LEVELS, type RiskLevel } from '../elders/vocab';
import { monthRange } from './period';
import type { SectionData, SectionRecord } from './sections';

export const VILLAGE_GROUPS: readonly ElderGroup[] = [...ELDER_CATEGORIES, 'over_80'];

export interface VillageFigures {
  villageId: string;
  village: string;
  code: string | null;
  atHome: number;
  byGroup: Record<ElderGroup, number>;
  byRisk: Record<RiskLevel, number>;
  mealAid: number;
  agreements: number;
  /** Elders at home at month end whose visit fell due by the month's last day, and those of them visited in the month. */
  due: number;
  dueVisited: number;
  /** 特殊困难 elders at home at month end, those visited in the month (any kind), and those visited at home. */
  hardship: number;
  hardshipVisited: number;
  hardshipVisitedHome: number;
  /** At home at month end and past their due day on it, after the month's visits. */
  overdue: number;
  openFollowups: number;
  openSpecialReports: number;
  /** 特困, 低保 and 计生特殊家庭 elders at home at month end, and those of them whose ability assessment was current. */
  assessmentCounted: number;
  assessmentCurrent: number;
}


export function villageFigures(
  period: string,
  data: Pick<SectionData, 'villages' | 'elders' | 'visits' | 'followups' | 'special_reports'>,
): VillageFigures[] {
  const { last } = monthRange(period);
  const visits = new Map<string, SectionRecord<'visits'>[]>();
  for (const v of data.visits) if (!v.voided) visits.set(v.elderId, [...(visits.get(v.elderId) ?? []), v]);
  const villageOf = new Map(data.elders.map((e) => [e.id, e.villageId]));
  const rows = new Map<string, VillageFigures>(
    data.villages.map((v) => [
      v.id,
      {
        villageId: v.id,
        village: v.name,
        code: v.code,
        atHome: 0,
        byGroup: Object.fromEntries(VILLAGE_GROUPS.map((g) => [g, 0])) as Record<ElderGroup, number>,
        byRisk: Object.fromEntries(RISK_LEVELS.map((r) => [r, 0])) as Record<RiskLevel, number>,
        mealAid: 0,
        agreements: 0,
        due: 0,
        dueVisited: 0,
        hardship: 0,
        hardshipVisited: 0,
        hardshipVisitedHome: 0,
        overdue: 0,
        openFollowups: 0,
        openSpecialReports: 0,
        assessmentCounted: 0,
        assessmentCurrent: 0,
      },
    ]),
  );
  for (const e of data.elders) {
    const row = rows.get(e.villageId);
    if (!row || e.statusAtMonthEnd !== 'at_home') continue;
    row.atHome += 1;
    for (const g of e.groups) row.byGroup[g] += 1;
    row.byRisk[e.riskLevel] += 1;
    if (e.mealAid) row.mealAid += 1;
    if (e.agreement) row.agreements += 1;
    if (e.groups.some((g) => (ASSESSMENT_COVERED as readonly ElderGroup[]).includes(g))) {
      row.assessmentCounted += 1;
      if (e.assessmentCurrent) row.assessmentCurrent += 1;
    }
    const mine = (visits.get(e.id) ?? []).sort((a, b) => a.visitedOn.localeCompare(b.visitedOn));
    const firstDue = addDays(e.lastVisitBefore ?? e.registeredOn, e.visitEveryDays);
    if (firstDue <= last) {
      row.due += 1;
      if (mine.length > 0) row.dueVisited += 1;
    }
    if (isHardship(e.groups)) {
      row.hardship += 1;
      if (mine.length > 0) row.hardshipVisited += 1;
      if (mine.some((v) => v.kind === 'home')) row.hardshipVisitedHome += 1;
    }
    const lastVisit = mine.length > 0 ? mine[mine.length - 1].visitedOn : (e.lastVisitBefore ?? e.registeredOn);
    if (addDays(lastVisit, e.visitEveryDays) < last) row.overdue += 1;
  }
  for (const f of data.followups) {
    const row = rows.get(villageOf.get(f.elderId) ?? '');
    if (row && f.closedOn === null) row.openFollowups += 1;
  }
  for (const r of data.special_reports) {
    const row = rows.get(villageOf.get(r.elderId) ?? '');
    if (row && r.closedAt === null) row.openSpecialReports += 1;
  }
  return [...rows.values()].sort((a, b) => a.village.localeCompare(b.village, 'zh-CN'));
}

/** A rate as a share (0–1), or null when nobody was counted. */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
