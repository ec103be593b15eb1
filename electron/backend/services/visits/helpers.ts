// The visit helpers: 村干部, volunteers, 老年协会 members and others who visit with (or for) the staff. A visit names them
// by id; they are retired, never deleted, so old visits keep their names.
import type { z } from 'zod';
import { conflict, notFound } from '@shared/api/errors';
import type { HelperInput, HelperRow } from '@shared/api/visits';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';

export async function listHelpers(deps: BackendDeps, includeRetired: boolean): Promise<HelperRow[]> {
  const rows = await deps.db
    .selectFrom('visitHelpers')
    .leftJoin('villages', 'villages.id', 'visitHelpers.villageId')
    .leftJoin('elders', 'elders.id', 'visitHelpers.elderId')
    .select(['visitHelpers.id', 'visitHelpers.name', 'visitHelpers.kind', 'visitHelpers.phone', 'visitHelpers.villageId', 'villages.name as village', 'visitHelpers.elderId', 'elders.name as elder', 'visitHelpers.retiredAt'])
    .$if(!includeRetired, (q) => q.where('visitHelpers.retiredAt', 'is', null))
    .orderBy('villages.name')
    .orderBy('visitHelpers.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, phone: r.phone, villageId: r.villageId, village: r.village, elderId: r.elderId, elder: r.elder, retired: r.retiredAt !== null }));
}

/** `elderId` may be left out (the demo's and older callers' helpers are not on the register). */
export function saveHelper(deps: BackendDeps, caller: Caller, input: Omit<z.output<typeof HelperInput>, 'elderId'> & { elderId?: string | null }) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('visitHelpers').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('协助人员');
    if (input.villageId) {
      const village = await ctx.trx.selectFrom('villages').select('id').where('id', '=', input.villageId).executeTakeFirst();
      if (!village) throw notFound('村');
    }
    if (input.elderId) {
      const elder = await ctx.trx.selectFrom('elders').select('id').where('id', '=', input.elderId).executeTakeFirst();
      if (!elder) throw notFound('老人');
      const other = await ctx.trx.selectFrom('visitHelpers').select('name').where('elderId', '=', input.elderId).where('id', '!=', input.id ?? '').executeTakeFirst();
      if (other) throw conflict(`这位在册老人已登记为协助人员“${other.name}”，同一位老人只能登记一次`, 'elderId');
    }
    const values = { name: input.name, kind: input.kind, phone: input.phone, villageId: input.villageId, elderId: input.elderId ?? null, retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null };
    if (before) {
      await ctx.trx.updateTable('visitHelpers').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: input.retired && !before.retiredAt ? 'retire' : 'update', entity: 'visitHelpers', entityId: before.id, before, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('visitHelpers').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'visitHelpers', entityId: id, after: values });
    return { id };
  });
}
