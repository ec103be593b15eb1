// Consistency of the village register's sections inside one package (format 3, issue 17), in the manner of
// consistency.ts: what the exporter can never write is refused, naming the line; what a centre's real records can hold
// is a warning.
import { ageOn } from '@shared/domain/dates';
import { monthRange } from '@shared/domain/sync/period';
import { type SectionData, type SectionName, fileOf } from '@shared/domain/sync/sections';

/** The errors (refuse the package) and warnings (say so) of the register's sections; consistency.ts adds them to its own. */
export function checkVillageRecords(period: string, data: SectionData, today: string): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const month = monthRange(period);
  const { first, last } = month;
  const to = Date.parse(month.toInstant);
  const at = (section: SectionName, index: number) => `「${fileOf(section)}」第 ${index + 1} 行`;
  const inMonth = (d: string) => d >= first && d <= last;
  const monthWords = `${period}（${first} 至 ${last}）`;

  const villages = new Set(data.villages.map((v) => v.id));
  const elders = new Map(data.elders.map((e) => [e.id, e]));
  const unknownElder = (section: SectionName, i: number, elderId: string) => `${at(section, i)}：老人 ${elderId} 不在「elders.jsonl」里`;

  data.elders.forEach((e, i) => {
    const line = at('elders', i);
    if (!villages.has(e.villageId)) errors.push(`${line}：村 ${e.villageId} 不在「villages.jsonl」里`);
    if (e.birthDate > today || e.birthDate > last) errors.push(`${line}：出生日期 ${e.birthDate} 在${e.birthDate > today ? '今天' : '本月月末'}之后`);
    const age = Math.max(0, ageOn(e.birthDate, last));
    if (e.ageAtMonthEnd !== age) errors.push(`${line}：月末年龄写的是 ${e.ageAtMonthEnd} 岁，按出生日期 ${e.birthDate} 应为 ${age} 岁`);
    if ((age >= 80) !== e.groups.includes('over_80')) errors.push(`${line}：月末 ${age} 岁，高龄标记却${e.groups.includes('over_80') ? '有' : '没有'}`);
    if (e.registeredOn > last) errors.push(`${line}：登记日期 ${e.registeredOn} 在本月之后，不应出现在 ${period} 的名册里`);
    if ((e.statusAtMonthEnd === 'at_home') !== (e.statusOn === null)) errors.push(`${line}：月末状态与状态日期不一致`);
    if (e.statusOn !== null && !inMonth(e.statusOn)) errors.push(`${line}：状态日期 ${e.statusOn} 不在 ${monthWords} 内（本月名册只含本月在家过的老人）`);
    if (e.lastVisitBefore !== null && e.lastVisitBefore >= first) errors.push(`${line}：上次探访日期 ${e.lastVisitBefore} 应在本月之前`);
    if (e.lastAssessedOn !== null && e.lastAssessedOn > last) errors.push(`${line}：最近评估日期 ${e.lastAssessedOn} 在本月之后`);
    if (e.assessmentCurrent && e.lastAssessedOn === null) errors.push(`${line}：没有评估日期，却标为评估在有效期内`);
  });

  data.visits.forEach((v, i) => {
    const line = at('visits', i);
    if (!inMonth(v.visitedOn)) errors.push(`${line}：探访日期 ${v.visitedOn} 不在 ${monthWords} 内`);
    const elder = elders.get(v.elderId);
    if (!elder) errors.push(unknownElder('visits', i, v.elderId));
    else if (!v.voided && v.visitedOn < elder.registeredOn) warnings.push(`${line}：探访日期 ${v.visitedOn} 早于登记日期 ${elder.registeredOn}，请该院核对`);
    else if (!v.voided && elder.statusOn !== null && v.visitedOn > elder.statusOn) errors.push(`${line}：探访日期 ${v.visitedOn} 晚于老人${elder.statusAtMonthEnd === 'died' ? '去世' : '离家'}的日期 ${elder.statusOn}`);
  });
  const visitIds = new Set(data.visits.map((v) => v.id));
  data.followups.forEach((f, i) => {
    const line = at('followups', i);
    if (!elders.has(f.elderId)) errors.push(unknownElder('followups', i, f.elderId));
    if (f.openedOn > last) errors.push(`${line}：转介日期 ${f.openedOn} 在本月之后`);
    if (f.closedOn !== null && (f.closedOn < f.openedOn || f.closedOn > last)) errors.push(`${line}：结案日期 ${f.closedOn} 应在转介日期 ${f.openedOn} 与本月月末之间`);
    if (f.closedOn !== null && f.closedOn < first) errors.push(`${line}：本月之前已结案的转介不应出现在本月数据包里`);
    // A follow-up opened by an earlier month's visit points at a visit this package does not carry: that is normal.
    if (f.visitId !== null && f.openedOn >= first && !visitIds.has(f.visitId)) warnings.push(`${line}：转介来自的探访 ${f.visitId} 不在「visits.jsonl」里`);
  });
  data.home_assessments.forEach((a, i) => {
    const line = at('home_assessments', i);
    if (!inMonth(a.assessedOn)) errors.push(`${line}：评估日期 ${a.assessedOn} 不在 ${monthWords} 内`);
    const elder = elders.get(a.elderId);
    if (!elder) errors.push(unknownElder('home_assessments', i, a.elderId));
    else if (elder.lastAssessedOn === null || elder.lastAssessedOn < a.assessedOn) errors.push(`${line}：评估日期 ${a.assessedOn} 晚于名册上这位老人最近一次评估的日期 ${elder.lastAssessedOn ?? '（无）'}`);
  });
  data.special_reports.forEach((r, i) => {
    const line = at('special_reports', i);
    if (!elders.has(r.elderId)) errors.push(unknownElder('special_reports', i, r.elderId));
    if (Date.parse(r.foundAt) >= to) errors.push(`${line}：发现时间 ${r.foundAt} 在本月之后`);
    for (const [label, value] of [['报告时间', r.reportedAt], ['结案时间', r.closedAt]] as const) {
      if (value !== null && Date.parse(value) >= to) errors.push(`${line}：${label} ${value} 在本月之后（应为月末时的状态）`);
      if (value !== null && Date.parse(value) < Date.parse(r.foundAt)) errors.push(`${line}：${label} ${value} 早于发现时间 ${r.foundAt}`);
    }
  });
  return { errors, warnings };
}
