// The monthly health entry (月度健康): one per resident and month — weight, blood pressure, skin, appetite, mood and a
// note. Saving again updates it (the audit keeps before and after). The month's list shows who is missing, and the
// form starts from the month's latest weight and blood pressure in the care log's vitals.
// Refused with a sentence and nothing written: a month in the future, a resident not in residence in that month.
import type { z } from 'zod';
import type { MonthVitals, MonthlyEntry, MonthlyList, SaveMonthlyInput } from '@shared/api/health-file';
import { invalid } from '@shared/api/errors';
import type { MoodState, SkinState } from '@shared/domain/care/vocab';
import { lastDayOfMonth } from '@shared/domain/dates';
import type { Appetite } from '@shared/domain/health/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { healthResident, residentsBetween } from './residents-on';
import { vitalReadings } from './vitals';

const COLUMNS = ['id', 'residentId', 'month', 'weightKg', 'systolic', 'diastolic', 'skin', 'appetite', 'mood', 'note', 'updatedAt', 'updatedBy'] as const;

function toEntry(r: { id: string; month: string; weightKg: number | null; systolic: number | null; diastolic: number | null; skin: string; appetite: string; mood: string; note: string; updatedAt: string; updatedBy: string }): MonthlyEntry {
  return {
    id: r.id,
    month: r.month,
    weightKg: r.weightKg,
    systolic: r.systolic,
    diastolic: r.diastolic,
    skin: r.skin as SkinState,
    appetite: r.appetite as Appetite,
    mood: r.mood as MoodState,
    note: r.note,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
}

export function saveMonthly(deps: BackendDeps, caller: Caller, input: z.output<typeof SaveMonthlyInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    if (input.month > ctx.today.slice(0, 7)) throw invalid(`${input.month}还没有到，不能预先登记月度健康`, 'month');
    const first = `${input.month}-01`;
    const last = lastDayOfMonth(input.month);
    const resident = await healthResident(db, input.residentId, last);
    if (resident.admittedOn === null || resident.admittedOn > last) throw invalid(`${resident.name}${input.month}还没有入住，不能登记这个月的月度健康`, 'month');
    if (resident.dischargedOn !== null && resident.dischargedOn < first) throw invalid(`${resident.name}已于${resident.dischargedOn}出院，不能登记${input.month}的月度健康`, 'month');
    const values = {
      weightKg: input.weightKg,
      systolic: input.systolic,
      diastolic: input.diastolic,
      skin: input.skin,
      appetite: input.appetite,
      mood: input.mood,
      note: input.note,
    };
    const existing = await db.selectFrom('monthlyHealthEntries').select([...COLUMNS]).where('residentId', '=', resident.id).where('month', '=', input.month).executeTakeFirst();
    if (existing) {
      const { id, residentId: _r, month: _m, updatedAt: _a, updatedBy: _b, ...before } = existing;
      await db.updateTable('monthlyHealthEntries').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', id).execute();
      await ctx.audit({ action: 'update', entity: 'monthlyHealthEntries', entityId: id, before: { resident: resident.name, month: input.month, ...before }, after: values });
      return { id };
    }
    const id = newId();
    await db.insertInto('monthlyHealthEntries').values({ id, residentId: resident.id, month: input.month, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'monthlyHealthEntries', entityId: id, after: { resident: resident.name, month: input.month, ...values } });
    return { id };
  });
}

/** The latest weight and blood pressure recorded in each resident's care log in the month. */
export async function monthVitals(db: Executor, residentIds: readonly string[], month: string): Promise<Map<string, MonthVitals>> {
  const readings = await vitalReadings(db, residentIds, `${month}-01`, lastDayOfMonth(month));
  const map = new Map<string, MonthVitals>();
  for (const id of residentIds) map.set(id, { weightKg: null, weightAt: null, systolic: null, diastolic: null, bpAt: null });
  for (const r of readings) {
    const v = map.get(r.residentId)!;
    if (r.weight !== null) Object.assign(v, { weightKg: r.weight, weightAt: r.at });
    if (r.systolic !== null && r.diastolic !== null) Object.assign(v, { systolic: r.systolic, diastolic: r.diastolic, bpAt: r.at });
  }
  return map;
}

export async function monthlyEntries(db: Executor, residentId: string, limit: number): Promise<MonthlyEntry[]> {
  const rows = await db.selectFrom('monthlyHealthEntries').select([...COLUMNS]).where('residentId', '=', residentId).orderBy('month', 'desc').limit(limit).execute();
  return rows.map(toEntry);
}

export async function monthlyList(db: Executor, month: string, today: string): Promise<z.output<typeof MonthlyList>> {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  if (first > today) throw invalid(`${month}还没有到`, 'month');
  const residents = await residentsBetween(db, first, last < today ? last : today);
  const ids = residents.map((r) => r.id);
  const entries = ids.length === 0 ? [] : await db.selectFrom('monthlyHealthEntries').select([...COLUMNS]).where('month', '=', month).where('residentId', 'in', ids).execute();
  const byResident = new Map(entries.map((e) => [e.residentId, toEntry(e)]));
  const vitals = await monthVitals(db, ids, month);
  const rows = residents.map((r) => ({ residentId: r.id, name: r.name, bedLabel: r.bedLabel, entry: byResident.get(r.id) ?? null, vitals: vitals.get(r.id)! }));
  const done = rows.filter((r) => r.entry !== null).length;
  return { month, rows, totals: { residents: rows.length, done, missing: rows.length - done } };
}
