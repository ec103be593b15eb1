// Residents' medication orders (医嘱). An order is never edited: it is stopped (from a date, with a reason), and a change
// is the old order stopped on the day the new one starts, both in one transaction (the new one names the old in
// replaces_id). 每日一次…四次 and 睡前 take the centre's dose times from the settings when the order is written and keep
// them; 指定时间 keeps the doctor's own; 按需 has no times but a daily maximum and its indication.
import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { CentreOrdersQuery, ChangeOrderInput, OrderFields, OrderState, OrderView, ResidentBrief, ResidentOrders, ResidentOrdersQuery, StartOrderInput, StopOrderInput } from '@shared/api/medication-orders';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { toCenti } from '@shared/domain/medication/quantity';
import { writeAction, type WriteContext } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';
import { bedLabels } from '../facility/places';
import { type OrderFilter, type OrderRow, orderRows } from './order-rows';
import { readMedicationSettings, timesOf } from './settings';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** Orders (aliased `o`) that give doses on a day: started, not past their end, not stopped on or before it. */
export function runningOn(eb: ExpressionBuilder<DB & { o: DB['medicationOrders'] }, 'o'>, day: string) {
  return eb.and([
    eb('o.startsOn', '<=', day),
    eb.or([eb('o.endsOn', 'is', null), eb('o.endsOn', '>=', day)]),
    eb.or([eb('o.stoppedOn', 'is', null), eb('o.stoppedOn', '>', day)]),
  ]);
}

export function orderState(o: Pick<OrderRow, 'startsOn' | 'endsOn' | 'stoppedOn'>, today: string): OrderState {
  if (o.stoppedOn !== null && o.stoppedOn <= today) return 'stopped';
  if (o.endsOn !== null && o.endsOn < today) return 'ended';
  if (o.startsOn > today) return 'upcoming';
  return 'active';
}

async function views(db: Executor, filter: OrderFilter, today: string): Promise<OrderView[]> {
  const rows = await orderRows(db, filter);
  const ids = rows.map((r) => r.id);
  const replacements = ids.length
    ? await db.selectFrom('medicationOrders').select(['id', 'replacesId']).where('replacesId', 'in', ids).execute()
    : [];
  const replacedBy = new Map(replacements.map((r) => [r.replacesId, r.id]));
  return rows.map((r) => ({ ...r, replacedById: replacedBy.get(r.id) ?? null, state: orderState(r, today) }));
}

const STATE_ORDER: Record<OrderState, number> = { active: 0, upcoming: 1, stopped: 2, ended: 2 };
const byState = (a: OrderView, b: OrderView) =>
  STATE_ORDER[a.state] - STATE_ORDER[b.state] || (a.frequency === 'prn' ? 1 : 0) - (b.frequency === 'prn' ? 1 : 0) || (a.times[0] ?? '').localeCompare(b.times[0] ?? '') || collator.compare(a.drugName, b.drugName);

/** The centre's residents (not discharged) with the orders running today or starting later; searchable. */
export async function centreOrders(db: Executor, q: z.output<typeof CentreOrdersQuery>, today: string): Promise<ResidentOrders[]> {
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'name', 'nameInitials', 'bedId', 'status'])
    .where('status', '<>', 'discharged')
    .where('archivedAt', 'is', null)
    .execute();
  const orders = await views(db, { residentIds: residents.map((r) => r.id), activeFrom: today }, today);
  const agreements = await db.selectFrom('medicationAgreements').select(['residentId', 'signedOn']).where('endedOn', 'is', null).execute();
  const signed = new Map(agreements.map((a) => [a.residentId, a.signedOn]));
  const ofResident = new Map<string, OrderView[]>();
  for (const o of orders) ofResident.set(o.residentId, [...(ofResident.get(o.residentId) ?? []), o]);
  const labels = await bedLabels(db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const text = q.query;
  const lower = text.toLowerCase();
  return residents
    .map((r) => ({ r, orders: (ofResident.get(r.id) ?? []).sort(byState) }))
    .filter(({ r, orders: list }) => text === '' || r.name.includes(text) || r.nameInitials.includes(lower) || list.some((o) => o.drugName.includes(text)))
    .map(({ r, orders: list }) => ({ id: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, status: r.status, orders: list, agreementSignedOn: signed.get(r.id) ?? null }))
    .sort((a, b) => (a.bedLabel ?? '\uffff').localeCompare(b.bedLabel ?? '\uffff', 'zh') || collator.compare(a.name, b.name));
}

async function residentBrief(db: Executor, residentId: string): Promise<ResidentBrief> {
  const r = await db.selectFrom('residents').select(['id', 'name', 'bedId', 'status']).where('id', '=', residentId).executeTakeFirst();
  if (!r) throw notFound('老人档案');
  const labels = await bedLabels(db, r.bedId ? [r.bedId] : []);
  return { id: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, status: r.status };
}

/** One resident's orders: running and coming ones, or (includeEnded) all of them, the newest first after those. */
export async function residentOrders(db: Executor, q: z.output<typeof ResidentOrdersQuery>, today: string) {
  const resident = await residentBrief(db, q.residentId);
  const all = await views(db, { residentIds: [resident.id], ...(q.includeEnded ? {} : { activeFrom: today }) }, today);
  const orders = all.sort((a, b) => byState(a, b) || (STATE_ORDER[a.state] === 2 ? (b.stoppedOn ?? b.endsOn ?? '').localeCompare(a.stoppedOn ?? a.endsOn ?? '') : 0));
  const agreement = await db.selectFrom('medicationAgreements').select('signedOn').where('residentId', '=', resident.id).where('endedOn', 'is', null).executeTakeFirst();
  return { resident, agreementSignedOn: agreement?.signedOn ?? null, orders };
}

type Fields = z.output<typeof OrderFields>;

/** Checks an order as written and inserts it; every refusal names the problem and nothing is written. */
async function insertOrder(ctx: WriteContext, residentId: string, f: Fields, extra: { requestId: string; replacesId: string | null }) {
  const resident = await ctx.trx.selectFrom('residents').select(['id', 'name', 'status']).where('id', '=', residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  if (resident.status === 'discharged') throw conflict(`${resident.name}已离院，不能再开医嘱`, 'residentId');
  const drug = await ctx.trx.selectFrom('drugs').select(['id', 'name', 'strength', 'retiredAt']).where('id', '=', f.drugId).executeTakeFirst();
  if (!drug) throw notFound('药品');
  if (drug.retiredAt) throw conflict(`「${drug.name}${drug.strength ? ` ${drug.strength}` : ''}」已在药品目录中停用，不能用于新医嘱`, 'drugId');
  if (f.prescribedOn > ctx.today) throw invalid('开具日期不能晚于今天', 'prescribedOn');
  if (f.startsOn < f.prescribedOn) throw invalid(`开始日期不能早于开具日期 ${f.prescribedOn}`, 'startsOn');
  if (f.endsOn !== null && f.endsOn < f.startsOn) throw invalid('结束日期不能早于开始日期', 'endsOn');
  const doseCenti = toCenti(f.dose);
  if (doseCenti === null || doseCenti <= 0) throw invalid('每次剂量最多保留两位小数（如 0.25）', 'dose');
  let times: string[];
  let prnMaxPerDay: number | null = null;
  let prnIndication = '';
  if (f.frequency === 'prn') {
    if (f.prnMaxPerDay === null) throw invalid('按需（必要时）医嘱请填写每日最多次数', 'prnMaxPerDay');
    if (f.prnIndication === '') throw invalid('按需（必要时）医嘱请填写用药指征（什么情况下给药）', 'prnIndication');
    times = [];
    prnMaxPerDay = f.prnMaxPerDay;
    prnIndication = f.prnIndication;
  } else if (f.frequency === 'times') {
    times = [...f.times].sort();
    if (times.length === 0) throw invalid('指定时间的医嘱请至少填写一个服药时间', 'times');
    if (times.some((t, i) => i > 0 && t === times[i - 1])) throw invalid('服药时间不能重复', 'times');
  } else {
    times = [...(timesOf(await readMedicationSettings(ctx.trx), f.frequency) ?? [])];
  }
  if (f.doctorVisitId !== null) {
    const visit = await ctx.trx.selectFrom('doctorVisits').select(['id', 'voidedAt']).where('id', '=', f.doctorVisitId).executeTakeFirst();
    if (!visit) throw notFound('医生巡诊记录');
    if (visit.voidedAt) throw conflict('该次医生巡诊记录已作废，不能据此开医嘱', 'doctorVisitId');
    const seen = await ctx.trx.selectFrom('doctorVisitResidents').select('residentId').where('visitId', '=', visit.id).where('residentId', '=', resident.id).executeTakeFirst();
    if (!seen) throw conflict(`${resident.name}不在这次医生巡诊看过的老人中，不能据此开医嘱`, 'doctorVisitId');
  }
  const row = {
    id: newId(),
    residentId: resident.id,
    drugId: drug.id,
    prescriber: f.prescriber,
    prescriberKind: f.prescriberKind,
    institution: f.institution,
    prescribedOn: f.prescribedOn,
    doseCenti,
    route: f.route,
    frequency: f.frequency,
    times: JSON.stringify(times),
    mealRelation: f.mealRelation,
    prnMaxPerDay,
    prnIndication,
    supply: f.supply,
    startsOn: f.startsOn,
    endsOn: f.endsOn,
    note: f.note,
    doctorVisitId: f.doctorVisitId,
    replacesId: extra.replacesId,
    stoppedAt: null,
    stoppedOn: null,
    stoppedBy: null,
    stopReason: null,
    requestId: extra.requestId,
    createdAt: ctx.at,
    createdById: ctx.caller.userId,
    createdBy: ctx.caller.name,
  };
  await ctx.trx.insertInto('medicationOrders').values(row).execute();
  await ctx.audit({ action: 'create', entity: 'medicationOrders', entityId: row.id, after: { ...row, times, residentId: resident.name, drugId: drug.name } });
  return row.id;
}

async function repeatedRequest(ctx: WriteContext, requestId: string) {
  return ctx.trx.selectFrom('medicationOrders').select('id').where('requestId', '=', requestId).executeTakeFirst();
}

export function startOrder(deps: BackendDeps, caller: Caller, input: z.output<typeof StartOrderInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await repeatedRequest(ctx, input.requestId);
    if (repeated) return { id: repeated.id, repeated: true };
    const { requestId, residentId, ...fields } = input;
    return { id: await insertOrder(ctx, residentId, fields, { requestId, replacesId: null }), repeated: false };
  });
}

/** Stops an order from a date (no dose that day or after); refused for one already stopped or ended by then. */
async function stop(ctx: WriteContext, id: string, stoppedOn: string, reason: string, field: string) {
  const before = await ctx.trx.selectFrom('medicationOrders').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('医嘱');
  if (before.stoppedOn !== null) throw conflict(`该医嘱已于 ${before.stoppedOn} 停止（${before.stopReason ?? ''}），不能再次停止或调整`, field);
  if (stoppedOn < before.startsOn) throw invalid(`停止日期不能早于医嘱开始日期 ${before.startsOn}`, field);
  if (before.endsOn !== null && stoppedOn > before.endsOn) throw conflict(`该医嘱到 ${before.endsOn} 已结束，无需停止；请另开新医嘱`, field);
  const recorded = await ctx.trx
    .selectFrom('medicationDoses')
    .select(['doseDate'])
    .where('orderId', '=', before.id)
    .where('doseDate', '>=', stoppedOn)
    .orderBy('doseDate', 'desc')
    .executeTakeFirst();
  if (recorded) throw conflict(`该医嘱 ${recorded.doseDate} 已有服药记录，停止日期不能早于 ${recorded.doseDate} 的次日`, field);
  const after = { stoppedAt: ctx.at, stoppedOn, stoppedBy: ctx.caller.name, stopReason: reason };
  await ctx.trx.updateTable('medicationOrders').set(after).where('id', '=', before.id).execute();
  await ctx.audit({ action: 'update', entity: 'medicationOrders', entityId: before.id, before: { stoppedAt: null, stoppedOn: null, stoppedBy: null, stopReason: null }, after });
  return before;
}

export function stopOrder(deps: BackendDeps, caller: Caller, input: z.output<typeof StopOrderInput>) {
  return writeAction(deps, caller, async (ctx) => {
    await stop(ctx, input.id, input.stoppedOn, input.reason, 'stoppedOn');
    return { id: input.id };
  });
}

/** A change: the old order stops on the day the new one starts, and the new one starts; one transaction. */
export function changeOrder(deps: BackendDeps, caller: Caller, input: z.output<typeof ChangeOrderInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await repeatedRequest(ctx, input.requestId);
    if (repeated) return { id: repeated.id, repeated: true };
    const old = await stop(ctx, input.replacesId, input.order.startsOn, `调整医嘱：${input.reason}`, 'startsOn');
    return { id: await insertOrder(ctx, old.residentId, input.order, { requestId: input.requestId, replacesId: old.id }), repeated: false };
  });
}
