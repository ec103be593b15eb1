// The weekly roster: who works which shift on which day, over which floors or rooms; copying last week; who is on
// duty now; and the check that every hour of every day has a caregiver. Entries are cancelled, never deleted.
import type { z } from 'zod';
import type { AssignInput, RosterWeek } from '@shared/api/roster';
import { invalid, notFound } from '@shared/api/errors';
import { CARE_STAFF_ROLES, type StaffRole } from '@shared/domain/care/vocab';
import { addDays, weekday } from '@shared/domain/dates';
import { shiftWindow, shiftsAt, uncoveredHours } from '@shared/domain/care/shifts';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { areaText, loadAreas } from './areas';
import { hoursText, loadShifts } from './shifts';
import { StringList, parseJsonColumn } from '../../db/json';

export interface RosterRow {
  id: string;
  staffId: string;
  staffName: string;
  staffRole: StaffRole;
  shiftId: string;
  shiftDate: string;
  area: string[];
}

/** Live roster entries for a range of shift dates (inclusive). */
export async function rosterBetween(db: Executor, from: string, to: string): Promise<RosterRow[]> {
  const rows = await db
    .selectFrom('rosterEntries')
    .innerJoin('staff', 'staff.id', 'rosterEntries.staffId')
    .select(['rosterEntries.id', 'rosterEntries.staffId', 'staff.name as staffName', 'staff.role as staffRole', 'rosterEntries.shiftId', 'rosterEntries.shiftDate', 'rosterEntries.area'])
    .where('rosterEntries.shiftDate', '>=', from)
    .where('rosterEntries.shiftDate', '<=', to)
    .where('rosterEntries.cancelledAt', 'is', null)
    .execute();
  return rows.map((r) => ({ ...r, area: parseJsonColumn(StringList, r.area, 'roster_entries.area') }));
}

export function assertMonday(monday: string): void {
  if (weekday(monday) !== 1) throw invalid('请从星期一开始选择一周', 'monday');
}

export async function rosterWeek(deps: BackendDeps, monday: string): Promise<RosterWeek> {
  assertMonday(monday);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const shifts = await loadShifts(deps.db, true);
  const places = await loadAreas(deps.db);
  const entries = await rosterBetween(deps.db, addDays(monday, -1), days[6]);
  const staff = await deps.db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>=', monday)]))
    .orderBy('role')
    .orderBy('name')
    .execute();
  const byId = new Map(shifts.map((s) => [s.id, s]));
  const careWindows = entries.filter((e) => CARE_STAFF_ROLES.includes(e.staffRole as never) && byId.has(e.shiftId)).map((e) => shiftWindow(byId.get(e.shiftId)!, e.shiftDate));
  return {
    monday,
    days,
    shifts: shifts.map((s) => ({ ...s, hoursText: hoursText(s) })),
    staff: staff.map((p) => {
      const cells: Record<string, { id: string; shiftId: string; area: string[]; areaText: string }[]> = {};
      for (const e of entries) {
        if (e.staffId !== p.id || e.shiftDate < monday) continue;
        (cells[e.shiftDate] ??= []).push({ id: e.id, shiftId: e.shiftId, area: e.area, areaText: areaText(places, e.area) });
      }
      return { id: p.id, name: p.name, role: p.role, cells };
    }),
    gaps: days.map((date) => ({ date, hours: uncoveredHours(date, careWindows) })).filter((g) => g.hours.length > 0),
    areas: places.options,
  };
}

/** Sets the shifts one person works on one day: listed shifts are added or re-scoped, others taken off. */
export function assign(deps: BackendDeps, caller: Caller, input: z.output<typeof AssignInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const person = await rosterPerson(ctx.trx, input.staffId);
    const ids = input.shifts.map((s) => s.shiftId);
    if (new Set(ids).size !== ids.length) throw invalid('同一天同一个班次只能排一次', 'shifts');
    const active = await loadShifts(ctx.trx);
    for (const s of input.shifts) if (!active.some((a) => a.id === s.shiftId)) throw notFound('班次');
    return { changed: await setDay(ctx, person, input.date, input.shifts) };
  });
}

export interface RosterPerson {
  id: string;
  name: string;
  leftOn: string | null;
}

export async function rosterPerson(db: Executor, staffId: string): Promise<RosterPerson> {
  const person = await db.selectFrom('staff').select(['id', 'name', 'leftOn']).where('id', '=', staffId).executeTakeFirst();
  if (!person) throw notFound('员工');
  return person;
}

/**
 * Makes one person's day hold exactly the wanted shifts (none: a day off) inside the caller's transaction, with one
 * audit row per entry added, re-scoped or cancelled. The shifts must already be checked as active. A wanted shift
 * without an area keeps the area of the entry already there (a new one covers the whole centre), so filling a week
 * never silently widens a caregiver rostered for one floor. Returns the number of entries changed.
 */
export async function setDay(ctx: WriteContext, person: RosterPerson, date: string, wanted: readonly { shiftId: string; area?: string[] }[]): Promise<number> {
  if (wanted.length > 0 && person.leftOn && person.leftOn <= date) throw invalid(`${person.name}已于 ${person.leftOn} 离职，不能排班`, 'staffId');
  const current = await ctx.trx
    .selectFrom('rosterEntries')
    .selectAll()
    .where('staffId', '=', person.id)
    .where('shiftDate', '=', date)
    .where('cancelledAt', 'is', null)
    .execute();
  let changed = 0;
  for (const row of current) {
    const keep = wanted.find((s) => s.shiftId === row.shiftId);
    if (!keep) {
      await ctx.trx.updateTable('rosterEntries').set({ cancelledAt: ctx.at, cancelledBy: ctx.caller.name, ...ctx.stampUpdate() }).where('id', '=', row.id).execute();
      await ctx.audit({ action: 'retire', entity: 'rosterEntries', entityId: row.id, before: { staffId: person.name, shiftDate: row.shiftDate, shiftId: row.shiftId } });
      changed += 1;
    } else if (keep.area && JSON.stringify(keep.area) !== row.area) {
      await ctx.trx.updateTable('rosterEntries').set({ area: JSON.stringify(keep.area), ...ctx.stampUpdate() }).where('id', '=', row.id).execute();
      await ctx.audit({ action: 'update', entity: 'rosterEntries', entityId: row.id, before: { area: parseJsonColumn(StringList, row.area, 'roster_entries.area') }, after: { area: keep.area } });
      changed += 1;
    }
  }
  for (const s of wanted) {
    if (current.some((c) => c.shiftId === s.shiftId)) continue;
    const area = s.area ?? [];
    const row = { id: newId(), staffId: person.id, shiftId: s.shiftId, shiftDate: date, area: JSON.stringify(area), cancelledAt: null, cancelledBy: null };
    await ctx.trx.insertInto('rosterEntries').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'rosterEntries', entityId: row.id, after: { staffId: person.name, shiftDate: date, shiftId: s.shiftId, area } });
    changed += 1;
  }
  return changed;
}

/** Copies last week's roster into this week wherever the same person, shift and day is still free. */
export function copyWeek(deps: BackendDeps, caller: Caller, monday: string) {
  assertMonday(monday);
  return writeAction(deps, caller, async (ctx) => {
    const previous = await rosterBetween(ctx.trx, addDays(monday, -7), addDays(monday, -1));
    const existing = await rosterBetween(ctx.trx, monday, addDays(monday, 6));
    const active = new Set((await loadShifts(ctx.trx)).map((s) => s.id));
    const leftOn = new Map((await ctx.trx.selectFrom('staff').select(['id', 'leftOn']).execute()).map((s) => [s.id, s.leftOn]));
    let copied = 0;
    let skipped = 0;
    for (const e of previous) {
      const date = addDays(e.shiftDate, 7);
      const left = leftOn.get(e.staffId);
      const taken = existing.some((x) => x.staffId === e.staffId && x.shiftId === e.shiftId && x.shiftDate === date);
      if (taken || !active.has(e.shiftId) || (left && left <= date)) {
        skipped += 1;
        continue;
      }
      const row = { id: newId(), staffId: e.staffId, shiftId: e.shiftId, shiftDate: date, area: JSON.stringify(e.area), cancelledAt: null, cancelledBy: null };
      await ctx.trx.insertInto('rosterEntries').values({ ...row, ...ctx.stampNew() }).execute();
      copied += 1;
    }
    await ctx.audit({ action: 'create', entity: 'rosterEntries', entityId: monday, after: { shiftDate: `${monday} 这一周（复制上周）`, checked: copied } });
    return { copied, skipped };
  });
}

/** The shifts running now and the roster entries on them. */
async function rosterNow(deps: BackendDeps) {
  const shifts = await loadShifts(deps.db);
  const windows = shiftsAt(deps.clock.now(), shifts);
  if (windows.length === 0) return { shifts, windows, entries: [] };
  const dates = windows.map((w) => w.shiftDate).sort();
  const entries = (await rosterBetween(deps.db, dates[0], dates[dates.length - 1])).filter((e) => windows.some((w) => w.shiftId === e.shiftId && w.shiftDate === e.shiftDate));
  return { shifts, windows, entries };
}

/** Staff rostered on a shift running now (the lock screen lists them first). */
export async function onDutyStaffIds(deps: BackendDeps): Promise<Set<string>> {
  return new Set((await rosterNow(deps)).entries.map((e) => e.staffId));
}

/** The shifts running now and the people rostered on them. */
export async function onDuty(deps: BackendDeps) {
  const { shifts, windows, entries } = await rosterNow(deps);
  if (windows.length === 0) return { shifts: [] };
  const places = await loadAreas(deps.db);
  return {
    shifts: windows.map((w) => {
      const shift = shifts.find((s) => s.id === w.shiftId)!;
      return {
        shiftId: w.shiftId,
        name: shift.name,
        shiftDate: w.shiftDate,
        hoursText: hoursText(shift),
        people: entries
          .filter((e) => e.shiftId === w.shiftId && e.shiftDate === w.shiftDate)
          .map((e) => ({ name: e.staffName, role: e.staffRole, areaText: areaText(places, e.area) })),
      };
    }),
  };
}
