// Shift definitions: named working hours (早班 07:00–15:00 …), retired rather than deleted.
import type { z } from 'zod';
import type { ShiftInput, ShiftRow } from '@shared/api/roster';
import { conflict, notFound } from '@shared/api/errors';
import { type ShiftDefinition, runsPastMidnight } from '@shared/domain/care/shifts';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';

export interface Shift extends ShiftDefinition {
  nightRounds: boolean;
  retired: boolean;
}

export function hoursText(shift: Pick<ShiftDefinition, 'start' | 'end'>): string {
  if (shift.start === shift.end) return `${shift.start}–次日${shift.end}（24小时）`;
  return runsPastMidnight(shift) ? `${shift.start}–次日${shift.end}` : `${shift.start}–${shift.end}`;
}

export async function loadShifts(db: Executor, includeRetired = false): Promise<Shift[]> {
  let q = db.selectFrom('shifts').selectAll();
  if (!includeRetired) q = q.where('retiredAt', 'is', null);
  const rows = await q.orderBy('startTime').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, start: r.startTime, end: r.endTime, nightRounds: r.nightRounds === 1, retired: r.retiredAt !== null }));
}

export async function shiftById(db: Executor, id: string): Promise<Shift> {
  const shift = (await loadShifts(db, true)).find((s) => s.id === id);
  if (!shift) throw notFound('班次');
  return shift;
}

export async function listShifts(deps: BackendDeps): Promise<ShiftRow[]> {
  return (await loadShifts(deps.db, true)).map((s) => ({ ...s, hoursText: hoursText(s) }));
}

export function saveShift(deps: BackendDeps, caller: Caller, input: z.output<typeof ShiftInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const clash = await ctx.trx
      .selectFrom('shifts')
      .select('id')
      .where('name', '=', input.name)
      .where('retiredAt', 'is', null)
      .$if(input.id !== undefined, (q) => q.where('id', '!=', input.id!))
      .executeTakeFirst();
    if (clash && !input.retired) throw conflict(`已有名为「${input.name}」的班次`, 'name');
    const values = { name: input.name, startTime: input.start, endTime: input.end, nightRounds: input.nightRounds ? 1 : 0 };
    const shown = { name: input.name, start: input.start, end: input.end, nightRounds: input.nightRounds, retired: input.retired };
    if (input.id) {
      const before = await ctx.trx.selectFrom('shifts').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound('班次');
      const retiredAt = input.retired ? (before.retiredAt ?? ctx.at) : null;
      await ctx.trx.updateTable('shifts').set({ ...values, retiredAt, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
      await ctx.audit({
        action: 'update',
        entity: 'shifts',
        entityId: input.id,
        before: { name: before.name, start: before.startTime, end: before.endTime, nightRounds: before.nightRounds === 1, retired: before.retiredAt !== null },
        after: shown,
      });
      return { id: input.id };
    }
    const id = newId();
    await ctx.trx.insertInto('shifts').values({ id, ...values, retiredAt: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'shifts', entityId: id, after: shown });
    return { id };
  });
}
