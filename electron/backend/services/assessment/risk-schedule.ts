// Who needs a GB 38600 safety risk assessment, and why: one row per reason. Due at admission (the standard asks for it
// before admission), then every `riskReassessMonths` months [R], and at once on a change: an incident of a risk's kind,
// a return from hospital, a change of care grade. An event is answered by the latest risk assessment when that
// assessment is dated on or after the event and was recorded after it (or in the same moment).
import type { RiskDueRow } from '@shared/api/assessment';
import { type SafetyRiskCode, SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { addMonths, chinaDate, daysBetween } from '@shared/domain/dates';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { bedLabels } from '../facility/places';
import { readSettings } from '../settings/settings';

const SOON_DAYS = 30;

/** The risk an incident type calls into question; none for 突发疾病 and 其他 (not one of the nine risks). */
const INCIDENT_RISK: Record<string, SafetyRiskCode> = {
  fall: 'fall',
  fall_from_bed: 'fall_from_bed',
  choking: 'choking',
  scald: 'scald',
  wandering: 'wandering',
  pressure_sore: 'pressure_sore',
  wrong_intake: 'wrong_intake',
  // 用药差错 is GB 38600's 食品药品误食 risk.
  medication_error: 'wrong_intake',
  harm: 'harm',
  recreation: 'activity_accident',
};
export function riskOfIncident(type: string): SafetyRiskCode | null {
  // Finer harm types (自伤, 自杀, 他伤) all belong to GB 38600's 他伤和自伤.
  return INCIDENT_RISK[type] ?? (/harm|suicide/.test(type) ? 'harm' : null);
}
const riskName = (code: SafetyRiskCode) => SAFETY_RISKS.find((r) => r.code === code)!.name;

/** Something that happened on `date` and was written down at `recordedAt` (an ISO instant). */
export interface RiskEvent {
  date: string;
  recordedAt: string;
}
export interface RiskDueFacts {
  today: string;
  everyMonths: number;
  admittedOn: string | null;
  /** The latest risk assessment, or null. */
  last: { assessedOn: string; recordedAt: string } | null;
  incidents: (RiskEvent & { type: string })[];
  hospitalReturns: RiskEvent[];
  gradeChanges: (RiskEvent & { from: string; to: string })[];
}
export type RiskDue = Pick<RiskDueRow, 'dueOn' | 'reason' | 'riskCode' | 'prompt'>;

const latest = <T extends RiskEvent>(events: T[]) => events.reduce<T | null>((a, e) => (!a || e.date > a.date || (e.date === a.date && e.recordedAt > a.recordedAt) ? e : a), null);

/** The reasons a resident's risk assessment is due (or due soon), each with its due date. */
export function riskDueReasons(f: RiskDueFacts): RiskDue[] {
  if (!f.last) {
    const dueOn = f.admittedOn ?? f.today;
    return [{ dueOn, reason: 'admission', riskCode: null, prompt: '尚未做安全风险评估（GB 38600 要求入住前完成）' }];
  }
  const last = f.last;
  const open = <T extends RiskEvent>(e: T) => !(last.assessedOn >= e.date && last.recordedAt >= e.recordedAt);
  const rows: RiskDue[] = [];
  const routine = addMonths(last.assessedOn, f.everyMonths);
  if (daysBetween(f.today, routine) <= SOON_DAYS) rows.push({ dueOn: routine, reason: 'routine', riskCode: null, prompt: `定期复评（每${f.everyMonths}个月）` });
  const byRisk = new Map<SafetyRiskCode, (RiskEvent & { type: string })[]>();
  for (const i of f.incidents.filter(open)) {
    const code = riskOfIncident(i.type);
    if (code) byRisk.set(code, [...(byRisk.get(code) ?? []), i]);
  }
  for (const code of SAFETY_RISKS.map((r) => r.code).filter((c) => byRisk.has(c))) {
    const e = latest(byRisk.get(code)!)!;
    rows.push({ dueOn: e.date, reason: 'incident', riskCode: code, prompt: `${e.date} 发生${riskName(code)}事件，需重新评估「${riskName(code)}」风险` });
  }
  const back = latest(f.hospitalReturns.filter(open));
  if (back) rows.push({ dueOn: back.date, reason: 'hospital', riskCode: null, prompt: `${back.date} 住院返回，需重新评估` });
  const grade = latest(f.gradeChanges.filter(open));
  if (grade) rows.push({ dueOn: grade.date, reason: 'care_grade', riskCode: null, prompt: `${grade.date} 护理等级由「${grade.from}」改为「${grade.to}」，需重新评估` });
  return rows;
}

export const dueState = (dueOn: string, today: string): RiskDueRow['state'] => (dueOn <= today ? 'overdue' : 'due_soon');

export async function dueRisks(deps: BackendDeps): Promise<RiskDueRow[]> {
  const today = todayIn(deps.clock);
  const { riskReassessMonths } = await readSettings(deps.db);
  const residents = await deps.db.selectFrom('residents').select(['id', 'name', 'bedId', 'admittedOn']).where('status', '!=', 'discharged').execute();
  const lastRisk = new Map<string, { assessedOn: string; recordedAt: string }>();
  for (const r of await deps.db.selectFrom('riskAssessments').select(['residentId', 'assessedOn', 'createdAt']).orderBy('assessedOn').orderBy('createdAt').execute()) {
    lastRisk.set(r.residentId, { assessedOn: r.assessedOn, recordedAt: r.createdAt });
  }
  const group = <T extends { residentId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.residentId, [...(m.get(r.residentId) ?? []), r]);
    return m;
  };
  const incidents = group(
    (await deps.db.selectFrom('incidents').select(['residentId', 'type', 'occurredAt', 'createdAt']).where('status', 'in', ['open', 'closed']).execute()).map((i) => ({
      residentId: i.residentId,
      type: i.type as string,
      date: chinaDate(new Date(i.occurredAt)),
      recordedAt: i.createdAt,
    })),
  );
  const returns = group(
    (await deps.db.selectFrom('stayEvents').select(['residentId', 'endDate', 'updatedAt']).where('type', '=', 'hospital').where('endDate', 'is not', null).execute()).map((s) => ({
      residentId: s.residentId,
      date: s.endDate!,
      recordedAt: s.updatedAt,
    })),
  );
  // A change of care grade: a grade row whose grade differs from the resident's grade before it.
  const gradeRows = await deps.db
    .selectFrom('residentGrades')
    .innerJoin('careGrades', 'careGrades.id', 'residentGrades.gradeId')
    .select(['residentGrades.residentId', 'residentGrades.gradeId', 'careGrades.name', 'residentGrades.effectiveFrom', 'residentGrades.createdAt'])
    .orderBy('residentGrades.effectiveFrom')
    .orderBy('residentGrades.createdAt')
    .execute();
  const changes: { residentId: string; date: string; recordedAt: string; from: string; to: string }[] = [];
  for (const [residentId, rows] of group(gradeRows)) {
    rows.forEach((g, i) => {
      const before = rows[i - 1];
      if (before && before.gradeId !== g.gradeId) changes.push({ residentId, date: g.effectiveFrom, recordedAt: g.createdAt, from: before.name, to: g.name });
    });
  }
  const gradeChanges = group(changes);
  const labels = await bedLabels(deps.db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const rows: RiskDueRow[] = [];
  for (const r of residents) {
    const last = lastRisk.get(r.id) ?? null;
    const reasons = riskDueReasons({
      today,
      everyMonths: riskReassessMonths,
      admittedOn: r.admittedOn,
      last,
      incidents: incidents.get(r.id) ?? [],
      hospitalReturns: returns.get(r.id) ?? [],
      gradeChanges: gradeChanges.get(r.id) ?? [],
    });
    for (const d of reasons) {
      rows.push({ residentId: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, lastAssessedOn: last?.assessedOn ?? null, state: dueState(d.dueOn, today), ...d });
    }
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name, 'zh-CN'));
}
