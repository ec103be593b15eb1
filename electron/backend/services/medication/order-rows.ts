// Medication orders as the other parts read them (the round, the stock's days of supply, the health file, the
// administration record): each with its drug, and its times parsed. One query, used by all, so an order reads the same
// everywhere.
import { z } from 'zod';
import type { DoseUnit, DrugForm, Frequency, HighAlertClass, MealRelation, PrescriberKind, Route, Supply } from '@shared/domain/medication/vocab';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';

export interface OrderRow {
  id: string;
  residentId: string;
  drugId: string;
  drugName: string;
  form: DrugForm;
  strength: string;
  unit: DoseUnit;
  highAlert: HighAlertClass;
  prescriber: string;
  prescriberKind: PrescriberKind;
  institution: string;
  prescribedOn: string;
  doseCenti: number;
  route: Route;
  frequency: Frequency;
  times: string[];
  mealRelation: MealRelation;
  prnMaxPerDay: number | null;
  prnIndication: string;
  supply: Supply;
  startsOn: string;
  endsOn: string | null;
  note: string;
  doctorVisitId: string | null;
  replacesId: string | null;
  stoppedAt: string | null;
  stoppedOn: string | null;
  stoppedBy: string | null;
  stopReason: string | null;
  createdAt: string;
  createdBy: string;
}

const Times = z.array(z.string());

export interface OrderFilter {
  residentIds?: readonly string[];
  orderIds?: readonly string[];
  /** Only orders running on some day of [from, to] (started by `to`, not ended or stopped before `from`). */
  activeFrom?: string;
  activeTo?: string;
}

/** The orders table joined to the drug list, narrowed by the filter; null when a given id list is empty (no rows). */
function filteredOrders(db: Executor, filter: OrderFilter) {
  let q = db.selectFrom('medicationOrders as o').innerJoin('drugs as d', 'd.id', 'o.drugId');
  if (filter.residentIds) {
    if (filter.residentIds.length === 0) return null;
    q = q.where('o.residentId', 'in', [...filter.residentIds]);
  }
  if (filter.orderIds) {
    if (filter.orderIds.length === 0) return null;
    q = q.where('o.id', 'in', [...filter.orderIds]);
  }
  if (filter.activeTo) q = q.where('o.startsOn', '<=', filter.activeTo);
  if (filter.activeFrom) {
    const from = filter.activeFrom;
    // A stop on a date ends the order the day before; an end date is its last day.
    q = q.where((eb) => eb.and([eb.or([eb('o.endsOn', 'is', null), eb('o.endsOn', '>=', from)]), eb.or([eb('o.stoppedOn', 'is', null), eb('o.stoppedOn', '>', from)])]));
  }
  return q.orderBy('o.residentId').orderBy('o.startsOn').orderBy('o.createdAt');
}

export async function orderRows(db: Executor, filter: OrderFilter): Promise<OrderRow[]> {
  const q = filteredOrders(db, filter);
  if (!q) return [];
  const rows = await q
    .select([
      'o.id',
      'o.residentId',
      'o.drugId',
      'd.name as drugName',
      'd.form',
      'd.strength',
      'd.unit',
      'd.highAlert',
      'o.prescriber',
      'o.prescriberKind',
      'o.institution',
      'o.prescribedOn',
      'o.doseCenti',
      'o.route',
      'o.frequency',
      'o.times',
      'o.mealRelation',
      'o.prnMaxPerDay',
      'o.prnIndication',
      'o.supply',
      'o.startsOn',
      'o.endsOn',
      'o.note',
      'o.doctorVisitId',
      'o.replacesId',
      'o.stoppedAt',
      'o.stoppedOn',
      'o.stoppedBy',
      'o.stopReason',
      'o.createdAt',
      'o.createdBy',
    ])
    .execute();
  return rows.map((r) => ({ ...r, times: parseJsonColumn(Times, r.times, 'medication_orders.times') }));
}

/** What a round needs of an order: its drug, dose and schedule (no prescriber, links or stop details). */
export type RoundOrderRow = Pick<
  OrderRow,
  | 'id'
  | 'residentId'
  | 'drugName'
  | 'form'
  | 'strength'
  | 'unit'
  | 'highAlert'
  | 'doseCenti'
  | 'route'
  | 'frequency'
  | 'times'
  | 'mealRelation'
  | 'prnMaxPerDay'
  | 'prnIndication'
  | 'supply'
  | 'startsOn'
  | 'endsOn'
  | 'note'
  | 'stoppedOn'
>;

/**
 * The same orders as orderRows with only the round's columns. The drug's facts come from a second small query rather
 * than the join: rows of at most 16 values stay small, fast objects in V8 (a whole centre has ~1,700 running orders).
 */
export async function roundOrderRows(db: Executor, filter: OrderFilter): Promise<RoundOrderRow[]> {
  const q = filteredOrders(db, filter);
  if (!q) return [];
  const rows = await q
    .select([
      'o.id',
      'o.residentId',
      'o.drugId',
      'o.doseCenti',
      'o.route',
      'o.frequency',
      'o.times',
      'o.mealRelation',
      'o.prnMaxPerDay',
      'o.prnIndication',
      'o.supply',
      'o.startsOn',
      'o.endsOn',
      'o.note',
      'o.stoppedOn',
    ])
    .execute();
  if (rows.length === 0) return [];
  const drugIds = [...new Set(rows.map((r) => r.drugId))];
  const drugs = new Map(
    (await db.selectFrom('drugs').select(['id', 'name', 'form', 'strength', 'unit', 'highAlert']).where('id', 'in', drugIds).execute()).map((d) => [d.id, d]),
  );
  const out: RoundOrderRow[] = [];
  for (const r of rows) {
    const d = drugs.get(r.drugId);
    if (!d) continue; // as the join: an order reads only with its drug
    out.push({
      id: r.id,
      residentId: r.residentId,
      drugName: d.name,
      form: d.form,
      strength: d.strength,
      unit: d.unit,
      highAlert: d.highAlert,
      doseCenti: r.doseCenti,
      route: r.route,
      frequency: r.frequency,
      times: parseJsonColumn(Times, r.times, 'medication_orders.times'),
      mealRelation: r.mealRelation,
      prnMaxPerDay: r.prnMaxPerDay,
      prnIndication: r.prnIndication,
      supply: r.supply,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      note: r.note,
      stoppedOn: r.stoppedOn,
    });
  }
  return out;
}
