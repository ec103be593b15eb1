// Fire equipment: extinguishers, hydrants, smoke detectors, emergency lights, exit signs and fire doors, with their
// dates; the monthly check is an equipment_check round (one result per item), so the last check is read from there.
import { addDays } from '@shared/domain/dates';
import type { z } from 'zod';
import type { EquipmentInput, EquipmentRow } from '@shared/api/fire';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { expiryProblem, expiryState } from '@shared/domain/fire/equipment';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import { readFireSettings } from './settings';

export async function listEquipment(deps: BackendDeps, includeRetired: boolean): Promise<EquipmentRow[]> {
  const today = todayIn(deps.clock);
  const { expiryWarnDays } = await readFireSettings(deps.db);
  const horizon = addDays(today, expiryWarnDays);
  const rows = await deps.db.selectFrom('fireEquipment').selectAll().$if(!includeRetired, (q) => q.where('retiredAt', 'is', null)).orderBy('type').orderBy('code').execute();
  const checks = await deps.db
    .selectFrom('fireRoundResults')
    .innerJoin('fireRounds', 'fireRounds.id', 'fireRoundResults.roundId')
    .select(['fireRoundResults.equipmentId', (eb) => eb.fn.max('fireRounds.doneAt').as('last')])
    .where('fireRoundResults.equipmentId', 'is not', null)
    .groupBy('fireRoundResults.equipmentId')
    .execute();
  const last = new Map(checks.map((c) => [c.equipmentId, c.last]));
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    code: r.code,
    spec: r.spec,
    checkpointId: r.checkpointId,
    location: r.location,
    productionDate: r.productionDate,
    expiryDate: r.expiryDate,
    lastPressureCheck: r.lastPressureCheck,
    retired: r.retiredAt !== null,
    note: r.note,
    expiry: expiryState(r.expiryDate, today, horizon),
    lastChecked: last.get(r.id) ?? null,
  }));
}

export function saveEquipment(deps: BackendDeps, caller: Caller, input: z.output<typeof EquipmentInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const problem = expiryProblem(input.productionDate, input.expiryDate);
    if (problem) throw invalid(problem, 'expiryDate');
    if (input.productionDate && input.productionDate > ctx.today) throw invalid('生产日期不能晚于今天', 'productionDate');
    if (input.lastPressureCheck && input.lastPressureCheck > ctx.today) throw invalid('压力检查日期不能晚于今天', 'lastPressureCheck');
    const twin = await ctx.trx.selectFrom('fireEquipment').select('id').where('code', '=', input.code).where('retiredAt', 'is', null).executeTakeFirst();
    if (twin && twin.id !== input.id && !input.retired) throw conflict(`编号「${input.code}」已经用过了`, 'code');
    const values = {
      type: input.type,
      code: input.code,
      spec: input.spec,
      checkpointId: input.checkpointId,
      location: input.location,
      productionDate: input.productionDate,
      expiryDate: input.expiryDate,
      lastPressureCheck: input.lastPressureCheck,
      note: input.note,
    };
    if (input.id) {
      const before = await ctx.trx.selectFrom('fireEquipment').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound('器材');
      const retiredAt = input.retired ? (before.retiredAt ?? ctx.at) : null;
      await ctx.trx.updateTable('fireEquipment').set({ ...values, retiredAt, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
      await ctx.audit({ action: input.retired ? 'retire' : 'update', entity: 'fireEquipment', entityId: input.id, before, after: { ...values, retiredAt } });
      return { id: input.id };
    }
    const id = newId();
    await ctx.trx.insertInto('fireEquipment').values({ id, ...values, retiredAt: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'fireEquipment', entityId: id, after: values });
    return { id };
  });
}
