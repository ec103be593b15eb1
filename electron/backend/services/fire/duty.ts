// 值班记录: the 24-hour duty log — what the person on duty saw and did, and the handover to the next person on duty.
// Entries are signed by the signed-in person and never change.
import type { z } from 'zod';
import type { DutyInput } from '@shared/api/fire';
import { invalid } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';

export function addDuty(deps: BackendDeps, caller: Caller, input: z.output<typeof DutyInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('fireDutyLog').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    if (input.kind === 'handover' && !input.handedTo) throw invalid('交班请写明交给谁（接班人）', 'handedTo');
    const row = { id: newId(), at: ctx.at, kind: input.kind, text: input.text, handedTo: input.kind === 'handover' ? input.handedTo : null, byId: caller.userId, byName: caller.name, requestId: input.requestId };
    await ctx.trx.insertInto('fireDutyLog').values(row).execute();
    await ctx.audit({ action: input.kind === 'handover' ? 'hand_over' : 'record', entity: 'fireDutyLog', entityId: row.id, after: { kind: row.kind, text: row.text, handedTo: row.handedTo } });
    return { id: row.id, repeated: false };
  });
}

export async function dutyLog(deps: BackendDeps, from: string, to: string) {
  if (to < from) throw invalid('结束日期不能早于开始日期', 'to');
  const rows = await deps.db
    .selectFrom('fireDutyLog')
    .selectAll()
    .where('at', '>=', chinaInstant(from, '00:00').toISOString())
    .where('at', '<', chinaInstant(addDays(to, 1), '00:00').toISOString())
    .orderBy('at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, text: r.text, handedTo: r.handedTo, by: r.byName }));
}
