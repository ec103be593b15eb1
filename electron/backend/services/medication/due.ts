// The doses of a round: for each resident of the caller's area, the doses due in the shift from the orders running
// then (in time order) with what was recorded for each, and the resident's 按需 orders with today's count. Read from
// two queries (the orders, and the doses of the shift's days by resident and date), so a centre of ten years of
// rounds answers as fast as a new one.
import type { DoseRecord, PrnOrder, ResidentDoses, ResidentDosesOut, ScheduledDose, ShiftDoses } from '@shared/api/medication-round';
import type { MedicationSettings } from '@shared/api/medication-settings';
import { notFound } from '@shared/api/errors';
import { addDays, chinaDate } from '@shared/domain/dates';
import type { ResidentStatus } from '@shared/domain/enums';
import { chinaClock, chinaInstant, runsOn } from '@shared/domain/medication/schedule';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { bedLabels } from '../facility/places';
import { callerShift, currentCallerShift, residentsInArea } from '../care/context';
import { shiftInstance } from '../care/shift';
import { type OrderRow, type RoundOrderRow, roundOrderRows } from './order-rows';
import { readMedicationSettings } from './settings';

export interface DoseRow {
  id: string;
  orderId: string;
  residentId: string;
  dueAt: string | null;
  slot: string | null;
  doseDate: string;
  outcome: 'given' | 'refused' | 'held' | 'not_available';
  reason: string;
  givenAt: string;
  doseCenti: number;
  lateMinutes: number | null;
  checkerName: string | null;
  prnEffect: string | null;
  prnEffectAt: string | null;
  prnEffectBy: string | null;
  amendsId: string | null;
  amendReason: string | null;
  recordedById: string;
  recordedBy: string;
  recordedAt: string;
}

/** The doses recorded for residents on China dates [fromDate, toDate], corrections included, in the order recorded. */
function dosesOfDays(db: Executor, residentIds: readonly string[], fromDate: string, toDate: string) {
  return db
    .selectFrom('medicationDoses')
    .where('residentId', 'in', [...residentIds])
    .where('doseDate', '>=', fromDate)
    .where('doseDate', '<=', toDate)
    .orderBy('recordedAt')
    .orderBy('id');
}

/** The doses recorded for residents on China dates [fromDate, toDate], corrections included. */
export async function doseRows(db: Executor, residentIds: readonly string[], fromDate: string, toDate: string): Promise<DoseRow[]> {
  if (residentIds.length === 0) return [];
  return dosesOfDays(db, residentIds, fromDate, toDate)
    .select([
      'id',
      'orderId',
      'residentId',
      'dueAt',
      'slot',
      'doseDate',
      'outcome',
      'reason',
      'givenAt',
      'doseCenti',
      'lateMinutes',
      'checkerName',
      'prnEffect',
      'prnEffectAt',
      'prnEffectBy',
      'amendsId',
      'amendReason',
      'recordedById',
      'recordedBy',
      'recordedAt',
    ])
    .execute();
}

/** What a round shows of a dose record. */
export type RoundDoseRow = Omit<DoseRow, 'residentId' | 'slot' | 'doseCenti' | 'recordedAt'>;

/**
 * doseRows with only the round's columns: at most 16 values a row keeps V8's row objects small and fast (a whole
 * centre's day is ~1,000 rows; at 20 columns each row became a dictionary and the read allocated ~2.5 times as much).
 */
async function roundDoseRows(db: Executor, residentIds: readonly string[], fromDate: string, toDate: string): Promise<RoundDoseRow[]> {
  if (residentIds.length === 0) return [];
  return dosesOfDays(db, residentIds, fromDate, toDate)
    .select([
      'id',
      'orderId',
      'dueAt',
      'doseDate',
      'outcome',
      'reason',
      'givenAt',
      'lateMinutes',
      'checkerName',
      'prnEffect',
      'prnEffectAt',
      'prnEffectBy',
      'amendsId',
      'amendReason',
      'recordedById',
      'recordedBy',
    ])
    .execute();
}

export function toRecord(r: RoundDoseRow): DoseRecord {
  return {
    doseId: r.id,
    outcome: r.outcome,
    reason: r.reason,
    givenAt: r.givenAt,
    recordedBy: r.recordedBy,
    recordedById: r.recordedById,
    checkerName: r.checkerName,
    lateMinutes: r.lateMinutes,
    amended: r.amendsId !== null,
    amendReason: r.amendReason,
    prnEffect: r.prnEffect,
    prnEffectAt: r.prnEffectAt,
    prnEffectBy: r.prnEffectBy,
  };
}

/** A dose's records as a chain: the original first, each correction after the one it corrects. */
export interface DoseChain<R extends RoundDoseRow = DoseRow> {
  latest: R;
  superseded: R[];
}

/** Groups records into chains keyed by 'orderId|dueAt' for scheduled doses and by the first record's id for 按需 ones. */
export function doseChains<R extends RoundDoseRow>(rows: readonly R[]): { scheduled: Map<string, DoseChain<R>>; prn: DoseChain<R>[] } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const amendedBy = new Map<string, R>();
  for (const r of rows) if (r.amendsId) amendedBy.set(r.amendsId, r);
  const scheduled = new Map<string, DoseChain<R>>();
  const prn: DoseChain<R>[] = [];
  for (const r of rows) {
    if (r.amendsId && byId.has(r.amendsId)) continue; // not the start of a chain
    const superseded: R[] = [];
    let latest = r;
    for (let next = amendedBy.get(latest.id); next; next = amendedBy.get(latest.id)) {
      superseded.push(latest);
      latest = next;
    }
    const chain = { latest, superseded };
    if (r.dueAt) scheduled.set(`${r.orderId}|${r.dueAt}`, chain);
    else prn.push(chain);
  }
  return { scheduled, prn };
}

export function needsSecondCheck(settings: MedicationSettings, highAlert: OrderRow['highAlert']): boolean {
  return highAlert !== 'none' && (settings.secondCheckClasses as readonly string[]).includes(highAlert);
}

/** What a dose shows of its order and drug (the round's rows, the monthly record's orders). */
export function drugFacts(o: RoundOrderRow, settings: MedicationSettings) {
  return {
    orderId: o.id,
    drugName: o.drugName,
    strength: o.strength,
    form: o.form,
    unit: o.unit,
    doseCenti: o.doseCenti,
    route: o.route,
    mealRelation: o.mealRelation,
    supply: o.supply,
    note: o.note,
    highAlert: o.highAlert,
    needsSecondCheck: needsSecondCheck(settings, o.highAlert),
  };
}

interface Window {
  start: Date;
  end: Date;
}

interface DueInWindow {
  dueAt: string;
  at: number;
  slot: string;
  date: string;
}

/**
 * dosesBetween (schedule.ts) for many orders over one window: the same doses in the same order, with the window's
 * dates and each date and time's instant worked out once instead of once per order (a whole centre has ~1,000).
 */
function windowSchedule(window: Window): (order: RoundOrderRow) => DueInWindow[] {
  const { start: from, end: to } = window;
  const dates: string[] = [];
  if (to > from) for (let date = chinaDate(from), last = chinaDate(new Date(to.getTime() - 1)); date <= last; date = addDays(date, 1)) dates.push(date);
  const instants = new Map<string, { at: number; dueAt: string } | null>();
  const instant = (date: string, slot: string) => {
    const key = `${date} ${slot}`;
    let found = instants.get(key);
    if (found === undefined) {
      const at = chinaInstant(date, slot);
      found = at >= from && at < to ? { at: at.getTime(), dueAt: at.toISOString() } : null;
      instants.set(key, found);
    }
    return found;
  };
  return (order) => {
    if (order.frequency === 'prn') return [];
    const out: DueInWindow[] = [];
    const slots = [...order.times].sort();
    for (const date of dates) {
      if (!runsOn(order, date)) continue;
      for (const slot of slots) {
        const at = instant(date, slot);
        if (at) out.push({ dueAt: at.dueAt, at: at.at, slot, date });
      }
    }
    return out;
  };
}

const byDrugName = new Intl.Collator('zh-Hans-CN').compare;
const byBedLabel = new Intl.Collator('zh-CN').compare;

interface ResidentBrief {
  id: string;
  name: string;
  status: string;
  present: boolean;
  bedLabel: string | null;
  allergies: string;
}

/** The doses of residents in a window, each resident with their scheduled doses in time order and their 按需 orders. */
export async function dosesFor(db: Executor, settings: MedicationSettings, residents: readonly ResidentBrief[], window: Window, now: Date): Promise<ResidentDoses[]> {
  const ids = residents.map((r) => r.id);
  const today = chinaDate(now);
  const fromDate = chinaDate(window.start);
  const toDate = chinaDate(new Date(window.end.getTime() - 1));
  const lo = fromDate < today ? fromDate : today;
  const hi = toDate > today ? toDate : today;
  const orders = await roundOrderRows(db, { residentIds: ids, activeFrom: lo, activeTo: hi });
  const rows = await roundDoseRows(db, ids, lo, hi);
  const { scheduled, prn } = doseChains(rows);
  const lateMs = settings.lateMinutes * 60_000;
  const earlyMs = settings.earlyMinutes * 60_000;
  const dueOf = windowSchedule(window);
  const ordersOf = new Map<string, RoundOrderRow[]>();
  for (const o of orders) {
    const list = ordersOf.get(o.residentId);
    if (list) list.push(o);
    else ordersOf.set(o.residentId, [o]);
  }
  const prnOf = new Map<string, DoseChain<RoundDoseRow>[]>();
  for (const c of prn) {
    if (c.latest.doseDate !== today) continue;
    const list = prnOf.get(c.latest.orderId);
    if (list) list.push(c);
    else prnOf.set(c.latest.orderId, [c]);
  }
  const nowMs = now.getTime();
  return residents.map((r) => {
    const mine = ordersOf.get(r.id) ?? [];
    const doses: ScheduledDose[] = [];
    for (const o of mine) {
      for (const due of dueOf(o)) {
        const chain = scheduled.get(`${o.id}|${due.dueAt}`);
        const at = due.at;
        // written out rather than spread from drugFacts: a spread makes each of a centre's ~1,000 doses a slow, large object
        doses.push({
          orderId: o.id,
          drugName: o.drugName,
          strength: o.strength,
          form: o.form,
          unit: o.unit,
          doseCenti: o.doseCenti,
          route: o.route,
          mealRelation: o.mealRelation,
          supply: o.supply,
          note: o.note,
          highAlert: o.highAlert,
          needsSecondCheck: needsSecondCheck(settings, o.highAlert),
          dueAt: due.dueAt,
          slot: due.slot,
          date: due.date,
          state: chain ? chain.latest.outcome : 'pending',
          record: chain ? toRecord(chain.latest) : null,
          superseded: chain ? chain.superseded.map(toRecord) : [],
          overdue: !chain && r.present && nowMs > at + lateMs,
          tooEarly: !chain && nowMs < at - earlyMs,
        });
      }
    }
    doses.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || byDrugName(a.drugName, b.drugName));
    const prnOrders: PrnOrder[] = mine
      .filter((o) => o.frequency === 'prn' && runsOn(o, today))
      .map((o) => {
        const chains = prnOf.get(o.id) ?? [];
        return {
          ...drugFacts(o, settings),
          indication: o.prnIndication,
          maxPerDay: o.prnMaxPerDay ?? 1,
          givenToday: chains.filter((c) => c.latest.outcome === 'given').length,
          doses: chains
            .map((c) => toRecord(c.latest))
            .reverse()
            .sort((a, b) => b.givenAt.localeCompare(a.givenAt)),
        };
      });
    return { residentId: r.id, name: r.name, bedLabel: r.bedLabel, status: r.status as ResidentStatus, present: r.present, allergies: r.allergies, doses, prn: prnOrders };
  });
}

const NO_TOTALS = { due: 0, recorded: 0, overdue: 0 };

/** 本班服药: every resident of the caller's area with the doses due in the shift. */
export async function shiftDoses(deps: BackendDeps, caller: Caller, _input: Record<string, never> = {}): Promise<ShiftDoses> {
  const now = deps.clock.now();
  const s = await currentCallerShift(deps.db, caller, deps.clock);
  if (!s) {
    const linked = (await deps.db.selectFrom('users').select('staffId').where('id', '=', caller.userId).executeTakeFirst())?.staffId;
    const message = linked ? '您现在没有排班，本班没有要发的药。如有疑问请找护理组长。' : '您的账号还没有关联员工档案。请院长在“员工档案”中把账号关联到您，并排班。';
    return { shift: null, message, residents: [], totals: NO_TOTALS, next: null, now: now.toISOString() };
  }
  const settings = await readMedicationSettings(deps.db);
  const residents = await residentsInArea(deps.db, s.places, s.area);
  const all = await dosesFor(deps.db, settings, residents, s.window, now);
  // Only residents with something to give this shift or a 按需 order are on the round.
  const list = all.filter((r) => r.doses.length > 0 || r.prn.length > 0);
  list.sort((a, b) => (a.doses[0]?.dueAt ?? '~').localeCompare(b.doses[0]?.dueAt ?? '~') || byBedLabel(a.bedLabel ?? '', b.bedLabel ?? ''));
  const present = list.filter((r) => r.present).flatMap((r) => r.doses);
  const pending = present.filter((d) => d.state === 'pending').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return {
    shift: shiftInstance(s),
    message: null,
    residents: list,
    totals: { due: present.length, recorded: present.length - pending.length, overdue: pending.filter((d) => d.overdue).length },
    next: pending[0] ? chinaClock(new Date(pending[0].dueAt)) : null,
    now: now.toISOString(),
  };
}

/** One resident's doses on one of the caller's shifts (the resident's page of 本班任务). */
export async function residentDoses(deps: BackendDeps, caller: Caller, input: { residentId: string; shiftId: string; shiftDate: string }): Promise<ResidentDosesOut> {
  const s = await callerShift(deps.db, caller, deps.clock, input.shiftId, input.shiftDate);
  const resident = await deps.db.selectFrom('residents').select(['id', 'name', 'status', 'bedId', 'allergies']).where('id', '=', input.residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  const bedLabel = resident.bedId ? ((await bedLabels(deps.db, [resident.bedId])).get(resident.bedId) ?? null) : null;
  const settings = await readMedicationSettings(deps.db);
  const now = deps.clock.now();
  const brief = { id: resident.id, name: resident.name, status: resident.status, present: resident.status === 'in_residence', bedLabel, allergies: resident.allergies };
  const [doses] = await dosesFor(deps.db, settings, [brief], s.window, now);
  return { shift: shiftInstance(s), resident: doses, now: now.toISOString() };
}
