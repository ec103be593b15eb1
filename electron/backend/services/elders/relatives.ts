// Children and guardians of an elder: who they are, their phone, where they work away from home (外出务工地) and
// whether they have been away half a year or more (what makes an elder 留守). Removed with a stamp, never deleted.
import type { z } from 'zod';
import type { RelativeInput, RemoveRelativeInput } from '@shared/api/elders';
import { conflict, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { elderOrThrow } from './register';

export function saveRelative(deps: BackendDeps, caller: Caller, input: z.output<typeof RelativeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    await elderOrThrow(ctx.trx, input.elderId);
    const values = { name: input.name, relation: input.relation, phone: input.phone, worksIn: input.worksIn, awayHalfYear: input.awayHalfYear ? 1 : 0, guardian: input.guardian ? 1 : 0 };
    if (input.id) {
      const before = await ctx.trx.selectFrom('elderRelatives').selectAll().where('id', '=', input.id).where('elderId', '=', input.elderId).executeTakeFirst();
      if (!before) throw notFound('子女或监护人');
      if (before.removedAt) throw conflict(`${before.name}已从名册移除，不能再修改`);
      await ctx.trx.updateTable('elderRelatives').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'elderRelatives', entityId: before.id, before, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('elderRelatives').values({ id, elderId: input.elderId, ...values, removedAt: null, removedBy: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'elderRelatives', entityId: id, after: { elderId: input.elderId, ...values } });
    return { id };
  });
}

export function removeRelative(deps: BackendDeps, caller: Caller, input: z.output<typeof RemoveRelativeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('elderRelatives').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw notFound('子女或监护人');
    if (before.removedAt) throw conflict(`${before.name}已移除`);
    await ctx.trx.updateTable('elderRelatives').set({ removedAt: ctx.at, removedBy: caller.name, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'retire', entity: 'elderRelatives', entityId: before.id, before });
    return { id: before.id };
  });
}
