// Fire-safety compliance: for today, last night and each day of a month, patrols required against done and missed
// night patrols (a count, or one per window); inspections and equipment checks in the month; open and overdue dangers; when the next inspection
// and drill fall due; equipment running out; staff without training. `overdueNow` turns the dashboard red.
import type { Compliance } from '@shared/api/fire';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addDays, chinaDate, lastDayOfMonth } from '@shared/domain/dates';
import { type DayCompliance, type NightSlot, type PatrolDone, dayCompliance, daySpan, nextDue, type PatrolPlan } from '@shared/domain/fire/schedule';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { centreStartedAt } from '../facility/profile';
import { untrainedStaff } from './drills';
import { listEquipment } from './equipment';
import { readFireSettings } from './settings';

/**
 * A day's compliance counting only the patrol slots that began once the centre started using the system: a centre
 * set up today has no missed patrol yesterday (its day span or night windows are simply not required). Before the
 * profile is saved (startedAt null) the centre is not running, so no slot is required at all.
 */
export function sinceStart(d: DayCompliance, plan: PatrolPlan, startedAt: Date | null): DayCompliance {
  const counts = (from: Date) => startedAt !== null && from >= startedAt;
  const dayCounts = counts(daySpan(d.date, plan).from);
  const night = d.night.filter((w) => counts(w.from));
  return {
    ...d,
    dayRequired: dayCounts ? d.dayRequired : 0,
    dayMissed: dayCounts && d.dayMissed,
    night,
    nightMissed: night.filter((w) => w.missed).length,
  };
}

const iso = (w: NightSlot) => ({ from: w.from.toISOString(), to: w.to.toISOString(), at: w.at?.toISOString() ?? null, done: w.done, missed: w.missed });
const out = (d: DayCompliance) => ({ ...d, night: d.night.map(iso) });

export async function compliance(deps: BackendDeps, month: string | null): Promise<Compliance> {
  const today = todayIn(deps.clock);
  const now = deps.clock.now();
  const plan = await readFireSettings(deps.db);
  const monthKey = month ?? today.slice(0, 7);
  const first = `${monthKey}-01`;
  const last = lastDayOfMonth(monthKey);
  const from = [first, addDays(today, -1)].sort()[0];
  const to = [last, today].sort().reverse()[0];
  const rounds = await deps.db
    .selectFrom('fireRounds')
    .select(['kind', 'doneAt'])
    .where('doneAt', '>=', chinaInstant(from, '00:00').toISOString())
    .where('doneAt', '<', chinaInstant(addDays(to, 2), '00:00').toISOString())
    .execute();
  const patrols: PatrolDone[] = rounds.filter((r) => r.kind === 'day_patrol' || r.kind === 'night_patrol').map((r) => ({ kind: r.kind as PatrolDone['kind'], at: new Date(r.doneAt) }));
  const startedAt = await centreStartedAt(deps.db);
  const judge = (date: string) => sinceStart(dayCompliance(date, plan, patrols, now), plan, startedAt);
  const todayC = judge(today);
  const lastNight = judge(addDays(today, -1));
  const days: DayCompliance[] = [];
  for (let d = first; d <= last && d <= today; d = addDays(d, 1)) days.push(judge(d));
  const inMonth = (r: { doneAt: string }) => chinaDate(new Date(r.doneAt)).slice(0, 7) === monthKey;

  const lastOf = async (kind: 'inspection' | 'equipment_check') =>
    (await deps.db.selectFrom('fireRounds').select((eb) => eb.fn.max('doneAt').as('last')).where('kind', '=', kind).executeTakeFirst())?.last ?? null;
  const lastInspection = await lastOf('inspection');
  const lastEquipment = await lastOf('equipment_check');
  const lastDrill = (await deps.db.selectFrom('fireDrills').select((eb) => eb.fn.max('date').as('last')).executeTakeFirst())?.last ?? null;
  const dangers = await deps.db.selectFrom('fireDangers').select(['status', 'deadline']).where('status', '!=', 'verified').execute();
  const equipment = await listEquipment(deps, false);
  const dateOf = (instant: string | null) => (instant ? chinaDate(new Date(instant)) : null);
  return {
    today: out(todayC),
    lastNight: out(lastNight),
    overdueNow: todayC.nightMissed > 0 || lastNight.nightMissed > 0 || todayC.dayMissed,
    month: {
      month: monthKey,
      days: days.map(out),
      dayPatrolsMissed: days.filter((d) => d.dayMissed).length,
      nightWindowsMissed: days.reduce((n, d) => n + d.nightMissed, 0),
      inspections: rounds.filter((r) => r.kind === 'inspection' && inMonth(r)).length,
      inspectionsRequired: plan.inspectionEveryMonths === 1 ? 1 : 0,
      equipmentChecks: rounds.filter((r) => r.kind === 'equipment_check' && inMonth(r)).length,
    },
    openDangers: dangers.length,
    overdueDangers: dangers.filter((d) => (d.status === 'open' || d.status === 'in_progress') && d.deadline < today).length,
    lastInspection: dateOf(lastInspection),
    inspectionDue: nextDue(dateOf(lastInspection), plan.inspectionEveryMonths, today),
    lastDrill,
    drillDue: nextDue(lastDrill, plan.drillEveryMonths, today),
    lastEquipmentCheck: dateOf(lastEquipment),
    equipmentExpiring: equipment.filter((e) => e.expiry === 'soon' || e.expiry === 'expired').length,
    untrained: (await untrainedStaff(deps.db, today, plan.trainingEveryMonths)).length,
  };
}
