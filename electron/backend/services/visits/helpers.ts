// The visit helpers: 村干部, volunteers, 老年协会 members and others who visit with (or for) the staff. A visit names them
// by id; they are retired, never deleted, so old visits keep their names.
import type { z } from 'zod';
import { notFound } from '@shared/api/errors';
import type { HelperInput, HelperRow } from '@shared/api/visits';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';

export async function listHelpers(deps: BackendDeps, includeRetired: boolean): Promise<HelperRow[]> {
  const rows = await deps.db
    .selectFrom('visitHelpers')
    .leftJoin('villages', 'villages.id', 'visitHelpers.villageId')
    .select(['visitHelpers.id', 'visitHelpers.name', 'visitHelpers.kind', 'visitHelpers.phone', 'visitHelpers.villageId', 'villages.name as village', 'visitHelpers.retiredAt'])
    .$if(!includeRetired, (q) => q.where('visitHelpers.retiredAt', 'is', null))
    .orderBy('villages.name')
    .orderBy('visitHelpers.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, phone: r.phone, villageId: r.villageId, village: r.village, retired: r.retiredAt !== null }));
}

export function saveHelper(deps: BackendDeps, caller: Caller, input: z.output<typeof HelperInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('visitHelpers').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('协助人员');
    if (input.villageId) {
      const village = await ctx.trx.selectFrom('villages').select('id').where('id', '=', input.villageId).executeTakeFirst();
      if (!village) throw notFound('村');
    }
    const values = { name: input.name, kind: input.kind, phone: input.phone, villageId: input.villageId, retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null };
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
