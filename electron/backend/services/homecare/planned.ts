// The planned visits of a day or a week, derived from the recurring plans (never stored): a plan falls on a day when the
// day's weekday is one of its weekdays (Monday = 1 … Sunday = 7), the day's week is a multiple of every_weeks weeks from
// the week of from_on, the day is within from_on–to_on and not after the day the plan was ended (its last day), and the elder still lives
// at home. Each occurrence has its state: done (a non-voided done visit with that plan on that day), missed (a
// non-voided missed one), or to do. Each also has the number printed on its blank 服务确认单: YYMMDD-N, N the plan's
// number (its rank among every plan ever made, by creation — stable, since plans are never deleted).
import { z } from 'zod';
import type { PlannedVisit } from '@shared/api/homecare-delivery';
import { addDays, daysBetween, mondayOf, weekday } from '@shared/domain/dates';
import type { ServiceUnit } from '@shared/domain/homecare/vocab';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';

const Ids = z.array(z.string());
const byName = new Intl.Collator('zh-CN').compare;
const Weekdays = z.array(z.number());

export interface PlanShape {
  id: string;
  weekdays: number[];
  everyWeeks: number;
  fromOn: string;
  toOn: string | null;
  endedOn: string | null;
}

/** Monday = 1 … Sunday = 7. */
export const isoWeekday = (date: string): number => ((weekday(date) + 6) % 7) + 1;

/** Whether a plan has a visit on a day (elder's status aside). */
export function planFallsOn(plan: PlanShape, day: string): boolean {
  if (day < plan.fromOn || (plan.toOn !== null && day > plan.toOn) || (plan.endedOn !== null && day > plan.endedOn)) return false;
  if (!plan.weekdays.includes(isoWeekday(day))) return false;
  const weeks = daysBetween(mondayOf(plan.fromOn), mondayOf(day)) / 7;
  return weeks % plan.everyWeeks === 0;
}

/** HH:MM plus minutes (kept within the day: 23:59 at most). */
export function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function minutesBetween(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return eh * 60 + em - (sh * 60 + sm);
}

/** A plan's items with quantities: the minutes shared among its hourly items (the first takes the remainder), 1 time else. */
export function plannedQuantities(items: { id: string; unit: ServiceUnit }[], minutes: number): Map<string, number> {
  const hourly = items.filter((i) => i.unit === 'hour');
  const share = hourly.length > 0 ? Math.floor(minutes / hourly.length) : 0;
  const out = new Map<string, number>();
  for (const item of items) out.set(item.id, item.unit === 'visit' ? 1 : share);
  if (hourly.length > 0) out.set(hourly[0].id, share + (minutes - share * hourly.length));
  return out;
}

export const slipNumber = (day: string, planNo: number): string => `${day.slice(2).replace(/-/g, '')}-${planNo}`;

export interface PlannedFilter {
  providerId: string | null;
  workerId: string | null;
  villageId: string | null;
  elderId?: string | null;
}

/** The planned visits from `from` to `to` (inclusive), by day, start time and elder. */
export async function plannedVisits(db: Executor, from: string, to: string, filter: PlannedFilter): Promise<PlannedVisit[]> {
  let q = db
    .selectFrom('homeServicePlans as p')
    .innerJoin('elders as e', 'e.id', 'p.elderId')
    .innerJoin('villages as vl', 'vl.id', 'e.villageId')
    .innerJoin('homeServiceProviders as pr', 'pr.id', 'p.providerId')
    .leftJoin('homeServiceWorkers as w', 'w.id', 'p.workerId')
    .select([
      'p.id',
      'p.elderId',
      'p.providerId',
      'p.workerId',
      'p.itemIds',
      'p.weekdays',
      'p.everyWeeks',
      'p.startTime',
      'p.minutes',
      'p.fromOn',
      'p.toOn',
      'p.endedOn',
      'p.createdAt',
      'e.name as elder',
      'e.villageId',
      'e.address',
      'e.phone',
      'e.status',
      'e.statusOn',
      'vl.name as village',
      'pr.name as provider',
      'w.name as worker',
    ])
    .where('p.fromOn', '<=', to)
    .where((eb) => eb.or([eb('p.toOn', 'is', null), eb('p.toOn', '>=', from)]))
    .where((eb) => eb.or([eb('p.endedOn', 'is', null), eb('p.endedOn', '>=', from)]));
  if (filter.providerId) q = q.where('p.providerId', '=', filter.providerId);
  if (filter.workerId) q = q.where('p.workerId', '=', filter.workerId);
  if (filter.villageId) q = q.where('e.villageId', '=', filter.villageId);
  if (filter.elderId) q = q.where('p.elderId', '=', filter.elderId);
  const plans = await q.execute();
  if (plans.length === 0) return [];

  // The plan numbers (rank by creation among every plan) for the slips.
  const ranks = new Map<string, number>();
  const all = await db.selectFrom('homeServicePlans').select('id').orderBy('createdAt').orderBy('id').execute();
  all.forEach((p, i) => ranks.set(p.id, i + 1));

  const parsed = plans.map((p) => ({ ...p, itemIds: parseJsonColumn(Ids, p.itemIds, '服务计划的项目'), weekdays: parseJsonColumn(Weekdays, p.weekdays, '服务计划的星期') }));
  const itemIds = [...new Set(parsed.flatMap((p) => p.itemIds))];
  const items = new Map((await db.selectFrom('homeServiceItems').select(['id', 'name', 'unit']).where('id', 'in', itemIds).execute()).map((i) => [i.id, i]));

  const recorded = await db
    .selectFrom('homeServiceVisits')
    .select(['id', 'planId', 'serviceOn', 'outcome', 'missedReason'])
    .where('planId', 'in', parsed.map((p) => p.id))
    .where('serviceOn', '>=', from)
    .where('serviceOn', '<=', to)
    .where('voidedAt', 'is', null)
    .execute();
  const byKey = new Map(recorded.map((r) => [`${r.planId} ${r.serviceOn}`, r]));

  const out: PlannedVisit[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const plan of parsed) {
      if (!planFallsOn(plan, day)) continue;
      if (plan.status !== 'at_home' && (plan.statusOn === null || plan.statusOn <= day)) continue;
      const planItems = plan.itemIds.map((id) => items.get(id)).filter((i) => i !== undefined);
      const quantities = plannedQuantities(planItems, plan.minutes);
      const visit = byKey.get(`${plan.id} ${day}`);
      out.push({
        planId: plan.id,
        on: day,
        elderId: plan.elderId,
        elder: plan.elder,
        villageId: plan.villageId,
        village: plan.village,
        address: plan.address,
        phone: plan.phone,
        providerId: plan.providerId,
        provider: plan.provider,
        workerId: plan.workerId,
        worker: plan.worker,
        startTime: plan.startTime,
        endTime: addMinutes(plan.startTime, plan.minutes),
        minutes: plan.minutes,
        items: planItems.map((i) => ({ itemId: i.id, name: i.name, unit: i.unit, quantity: quantities.get(i.id) ?? 1 })),
        slipNo: slipNumber(day, ranks.get(plan.id) ?? 0),
        state: visit ? (visit.outcome === 'done' ? 'done' : 'missed') : 'todo',
        visitId: visit?.id ?? null,
        missedReason: visit?.missedReason ?? null,
      });
    }
  }
  return out.sort((a, b) => a.on.localeCompare(b.on) || a.startTime.localeCompare(b.startTime) || byName(a.elder, b.elder));
}

export async function plannedOf(db: Executor, query: { date: string; span: 'day' | 'week' } & PlannedFilter) {
  const from = query.span === 'week' ? mondayOf(query.date) : query.date;
  const to = query.span === 'week' ? addDays(from, 6) : query.date;
  const visits = await plannedVisits(db, from, to, query);
  const count = (state: string) => visits.filter((v) => v.state === state).length;
  return { from, to, visits, totals: { planned: visits.length, done: count('done'), missed: count('missed'), todo: count('todo') } };
}
