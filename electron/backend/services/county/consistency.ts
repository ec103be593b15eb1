// Consistency inside one package (issue 15): records that each pass their schema but cannot all be true together — a
// bed held by two people, a care day in another month, an age the birth date contradicts. What the exporter can never
// write is refused (a bug or a hand-made file); what a real centre's records can hold is a warning naming the records.
// The rules follow what docs/sync-package.md §6 says each section holds.
import { ageOn } from '@shared/domain/dates';
import { monthRange } from '@shared/domain/sync/period';
import { type SectionData, type SectionName, fileOf } from '@shared/domain/sync/sections';
import { checkCareAtHomeRecords } from './consistency-care-at-home';
import { checkVillageRecords } from './consistency-villages';
import { checkHealthRecords } from './consistency-health';

export interface Consistency {
  errors: string[];
  warnings: string[];
}

/**
 * Every problem of the package's records taken together. `today` is the county's date (birth dates after it are
 * refused whatever the package's month).
 */
export function checkConsistency(period: string, data: SectionData, today: string): Consistency {
  const errors: string[] = [];
  const warnings: string[] = [];
  const month = monthRange(period);
  const { first, last } = month;
  const [from, to] = [Date.parse(month.fromInstant), Date.parse(month.toInstant)];
  const at = (section: SectionName, index: number) => `「${fileOf(section)}」第 ${index + 1} 行`;
  const inMonth = (d: string) => d >= first && d <= last;
  const instantInMonth = (t: string) => Date.parse(t) >= from && Date.parse(t) < to;
  const beforeMonthEnd = (t: string) => Date.parse(t) < to;
  const monthWords = `${period}（${first} 至 ${last}）`;

  const residents = new Map(data.residents.map((r) => [r.id, r]));
  const who = (id: string) => (residents.has(id) ? `（${residents.get(id)!.name}）` : '');
  const bedIds = new Set(data.beds.map((b) => b.id));
  const gradeNames = new Set(data.grades.map((g) => g.name));
  const bedHolders = new Map<string, string[]>();

  data.residents.forEach((r, i) => {
    const line = `${at('residents', i)}（${r.name}）`;
    if (r.birthDate > today || r.birthDate > last) errors.push(`${line}：出生日期 ${r.birthDate} 在${r.birthDate > today ? '今天' : '本月月末'}之后`);
    const age = Math.max(0, ageOn(r.birthDate, last));
    if (r.ageAtMonthEnd !== age) errors.push(`${line}：月末年龄写的是 ${r.ageAtMonthEnd} 岁，按出生日期 ${r.birthDate} 应为 ${age} 岁`);
    if (r.admittedOn > last) errors.push(`${line}：入住日期 ${r.admittedOn} 在本月之后，不应出现在 ${period} 的名单里`);
    if (r.admittedOn < r.birthDate) errors.push(`${line}：入住日期 ${r.admittedOn} 早于出生日期 ${r.birthDate}`);
    if (r.dischargedOn !== null) {
      if (r.dischargedOn < r.admittedOn) errors.push(`${line}：离院日期 ${r.dischargedOn} 早于入住日期 ${r.admittedOn}`);
      else if (!inMonth(r.dischargedOn)) errors.push(`${line}：离院日期 ${r.dischargedOn} 不在 ${monthWords} 内（本月名单只含本月在院过的老人）`);
    }
    if ((r.statusAtMonthEnd === 'discharged') !== (r.dischargedOn !== null)) errors.push(`${line}：月末状态与离院日期不一致`);
    if (r.lastAssessedOn !== null && r.lastAssessedOn > last) errors.push(`${line}：最近评估日期 ${r.lastAssessedOn} 在本月之后`);
    if (r.careGrade !== null && !gradeNames.has(r.careGrade)) errors.push(`${line}：护理等级「${r.careGrade}」不在「grades.jsonl」里`);
    if (r.bedId !== null) {
      if (r.statusAtMonthEnd === 'discharged') errors.push(`${line}：已离院却还占着床位`);
      else if (!bedIds.has(r.bedId)) errors.push(`${line}：床位 ${r.bedId} 不在「beds.jsonl」里`);
      else bedHolders.set(r.bedId, [...(bedHolders.get(r.bedId) ?? []), r.name]);
    }
  });
  for (const [bedId, names] of bedHolders) if (names.length > 1) errors.push(`床位 ${bedLabel(data, bedId)} 月末有 ${names.length} 位老人：${names.join('、')}`);
  data.beds.forEach((b, i) => {
    if (b.occupied !== bedHolders.has(b.id)) errors.push(`${at('beds', i)}（${b.building}${b.room}-${b.label}）：标为${b.occupied ? '有人' : '空床'}，与月末住在这张床的老人${b.occupied ? '（没有）' : `（${bedHolders.get(b.id)!.join('、')}）`}不符`);
  });

  data.staff.forEach((s, i) => {
    if (s.leftOn !== null && s.leftOn < first) errors.push(`${at('staff', i)}（${s.name}）：离职日期 ${s.leftOn} 在本月之前，不应出现在本月名单里`);
    if (s.leftOn !== null && s.hireDate !== null && s.leftOn < s.hireDate) warnings.push(`${at('staff', i)}（${s.name}）：离职日期 ${s.leftOn} 早于入职日期 ${s.hireDate}，请该院核对`);
  });

  // Events of the month, each in the month and about someone on the month's list.
  const unknownResident = (section: SectionName, i: number, residentId: string) => `${at(section, i)}：老人 ${residentId} 不在「residents.jsonl」里`;
  data.assessments.forEach((a, i) => {
    if (!inMonth(a.assessedOn)) errors.push(`${at('assessments', i)}${who(a.residentId)}：评估日期 ${a.assessedOn} 不在 ${monthWords} 内`);
    // A person assessed before admission is a real case (the assessment decides the admission): a warning.
    if (!residents.has(a.residentId)) warnings.push(`${unknownResident('assessments', i, a.residentId)}（可能是入住前的评估）`);
  });
  data.stay_events.forEach((e, i) => {
    if (!inMonth(e.date) && !(e.endDate !== null && inMonth(e.endDate))) errors.push(`${at('stay_events', i)}${who(e.residentId)}：开始 ${e.date}、结束 ${e.endDate ?? '（未结束）'} 都不在 ${monthWords} 内`);
    if (e.endDate !== null && e.endDate < e.date) errors.push(`${at('stay_events', i)}${who(e.residentId)}：结束日期 ${e.endDate} 早于开始日期 ${e.date}`);
    if (!residents.has(e.residentId)) warnings.push(unknownResident('stay_events', i, e.residentId));
  });
  data.care_days.forEach((c, i) => {
    if (!inMonth(c.date)) errors.push(`${at('care_days', i)}${who(c.residentId)}：护理日期 ${c.date} 不在 ${monthWords} 内`);
    if (!residents.has(c.residentId)) errors.push(unknownResident('care_days', i, c.residentId));
    if (c.tasks + c.vitals + c.rounds > c.entries || c.amendments > c.entries) errors.push(`${at('care_days', i)}${who(c.residentId)}：分项记录数之和超过了总记录数 ${c.entries}`);
  });
  data.incidents.forEach((x, i) => {
    if (!instantInMonth(x.occurredAt)) errors.push(`${at('incidents', i)}${who(x.residentId)}：发生时间 ${x.occurredAt} 不在 ${monthWords} 内`);
    if (!residents.has(x.residentId)) errors.push(unknownResident('incidents', i, x.residentId));
  });
  data.tier_proposals.forEach((p, i) => {
    if (p.proposedOn > last) errors.push(`${at('tier_proposals', i)}${who(p.residentId)}：提出日期 ${p.proposedOn} 在本月之后`);
    if (!residents.has(p.residentId)) errors.push(unknownResident('tier_proposals', i, p.residentId));
  });
  data.meals.forEach((m, i) => {
    if (!inMonth(m.date)) errors.push(`${at('meals', i)}：供餐日期 ${m.date} 不在 ${monthWords} 内`);
  });
  data.meal_aid.forEach((m, i) => {
    if (!inMonth(m.date)) errors.push(`${at('meal_aid', i)}：助餐日期 ${m.date} 不在 ${monthWords} 内`);
  });

  // Fire safety: the month's rounds, drills and one compliance row per day; dangers as they stood at month end.
  data.fire_rounds.forEach((r, i) => {
    if (!instantInMonth(r.doneAt)) errors.push(`${at('fire_rounds', i)}：检查时间 ${r.doneAt} 不在 ${monthWords} 内`);
  });
  data.fire_drills.forEach((d, i) => {
    if (!inMonth(d.date)) errors.push(`${at('fire_drills', i)}：演练日期 ${d.date} 不在 ${monthWords} 内`);
  });
  const complianceDays = new Set<string>();
  data.fire_compliance.forEach((d, i) => {
    if (!inMonth(d.date)) errors.push(`${at('fire_compliance', i)}：日期 ${d.date} 不在 ${monthWords} 内`);
    else if (complianceDays.has(d.date)) errors.push(`${at('fire_compliance', i)}：${d.date} 出现了两次`);
    complianceDays.add(d.date);
    if (d.nightMissed > d.nightWindows) errors.push(`${at('fire_compliance', i)}：${d.date} 夜间漏巡 ${d.nightMissed} 次，超过应巡 ${d.nightWindows} 次`);
  });
  data.fire_dangers.forEach((d, i) => {
    const line = at('fire_dangers', i);
    if (!beforeMonthEnd(d.foundAt)) errors.push(`${line}：发现时间 ${d.foundAt} 在本月之后`);
    for (const [label, value] of [['整改时间', d.rectifiedAt], ['复查时间', d.verifiedAt]] as const) {
      if (value !== null && !beforeMonthEnd(value)) errors.push(`${line}：${label} ${value} 在本月之后（应为月末时的状态）`);
      if (value !== null && Date.parse(value) < Date.parse(d.foundAt)) errors.push(`${line}：${label} ${value} 早于发现时间 ${d.foundAt}`);
    }
    if (d.status === 'verified' && d.verifiedAt === null) errors.push(`${line}：状态为已复查，却没有复查时间`);
    if (d.status === 'rectified' && d.rectifiedAt === null) errors.push(`${line}：状态为已整改，却没有整改时间`);
  });
  const villages = checkVillageRecords(period, data, today);
  const careAtHome = checkCareAtHomeRecords(period, data);
  const health = checkHealthRecords(period, data);
  return {
    errors: [...errors, ...villages.errors, ...careAtHome.errors, ...health.errors],
    warnings: [...warnings, ...villages.warnings, ...careAtHome.warnings, ...health.warnings],
  };
}

function bedLabel(data: SectionData, bedId: string): string {
  const bed = data.beds.find((b) => b.id === bedId);
  return bed ? `${bed.building}${bed.room}-${bed.label}` : bedId;
}
