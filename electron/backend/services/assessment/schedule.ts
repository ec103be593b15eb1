// Who needs an ability assessment: never assessed, past the routine interval (configurable, default 6 months), or
// back from hospital or with an incident since the last one (即时评估). The GB 38600 risk assessment has its own
// due list (risk-schedule.ts).
import type { DueRow } from '@shared/api/assessment';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { addMonths, chinaDate, daysBetween } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { bedLabels } from '../facility/places';
import { readSettings } from '../settings/settings';

const SOON_DAYS = 30;

export async function dueAssessments(deps: BackendDeps): Promise<DueRow[]> {
  const today = todayIn(deps.clock);
  const { reassessMonths } = await readSettings(deps.db);
  const residents = await deps.db
    .selectFrom('residents')
    .select(['id', 'name', 'bedId', 'admittedOn'])
    .where('status', '!=', 'discharged')
    .execute();
  const finals = await deps.db
    .selectFrom('assessments')
    .select(['residentId', (eb) => eb.fn.max('assessedOn').as('last'), (eb) => eb.fn.max('finalizedAt').as('finalizedAt')])
    .where('status', '=', 'final')
    .where('residentId', 'is not', null)
    .groupBy('residentId')
    .execute();
  const lastByResident = new Map(finals.map((f) => [f.residentId, f.last as string]));
  const finalizedByResident = new Map(finals.map((f) => [f.residentId, f.finalizedAt as string]));
  const hospitalReturns = await deps.db
    .selectFrom('stayEvents')
    .select(['residentId', (eb) => eb.fn.max('endDate').as('returned')])
    .where('type', '=', 'hospital')
    .where('endDate', 'is not', null)
    .groupBy('residentId')
    .execute();
  const returnedByResident = new Map(hospitalReturns.map((h) => [h.residentId, h.returned as string]));
  const disputes = await deps.db
    .selectFrom('assessmentDisputes')
    .innerJoin('assessments', 'assessments.id', 'assessmentDisputes.assessmentId')
    .select(['assessments.residentId', (eb) => eb.fn.max('assessmentDisputes.raisedOn').as('raised'), (eb) => eb.fn.max('assessmentDisputes.createdAt').as('recorded')])
    .groupBy('assessments.residentId')
    .execute();
  // Open: recorded after the latest finalisation (a review assessment finalised later closes it).
  const disputedByResident = new Map(
    disputes.filter((d) => (d.recorded as string) > (finalizedByResident.get(d.residentId) ?? '')).map((d) => [d.residentId, d.raised as string]),
  );
  // The latest incident per resident (意外事件 prompt an immediate assessment).
  const incidents = await deps.db
    .selectFrom('incidents')
    .select(['residentId', 'type', 'occurredAt'])
    .where('status', 'in', ['open', 'closed'])
    .orderBy('occurredAt')
    .execute();
  const lastIncident = new Map(incidents.map((i) => [i.residentId, { date: chinaDate(new Date(i.occurredAt)), type: i.type, at: i.occurredAt }]));
  const labels = await bedLabels(deps.db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));

  const rows: DueRow[] = [];
  for (const r of residents) {
    const last = lastByResident.get(r.id) ?? null;
    const returned = returnedByResident.get(r.id);
    let dueOn: string;
    let prompt: string | null = null;
    if (!last) {
      dueOn = r.admittedOn ?? today;
      prompt = '入住后尚未做能力评估';
    } else if (disputedByResident.has(r.id)) {
      dueOn = disputedByResident.get(r.id)!;
      prompt = '对评估结果有异议，需要复评';
    } else if (lastIncident.has(r.id) && lastIncident.get(r.id)!.at > (finalizedByResident.get(r.id) ?? '')) {
      const incident = lastIncident.get(r.id)!;
      dueOn = incident.date;
      prompt = `${incident.date} 发生意外事件（${enumLabel('incidentType', incident.type)}），需即时评估`;
    } else if (returned && returned > last) {
      dueOn = returned;
      prompt = `${returned} 住院返回，需即时评估`;
    } else {
      dueOn = addMonths(last, reassessMonths);
    }
    const state: DueRow['state'] | null = dueOn <= today ? 'overdue' : daysBetween(today, dueOn) <= SOON_DAYS ? 'due_soon' : null;
    if (state) rows.push({ residentId: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, lastAssessedOn: last, dueOn, state, prompt });
  }
  return rows.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
