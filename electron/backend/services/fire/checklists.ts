// Checkpoints (where patrols go) and checklist items (what patrols and inspections look at), both editable; retired
// ones stay on old records.
import type { z } from 'zod';
import type { CheckpointInput, ItemInput } from '@shared/api/fire';
import { conflict, notFound } from '@shared/api/errors';
import type { CHECKPOINT_KINDS, ItemList } from '@shared/domain/fire/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';

export async function listCheckpoints(deps: BackendDeps, includeRetired: boolean) {
  const rows = await deps.db.selectFrom('fireCheckpoints').selectAll().$if(!includeRetired, (q) => q.where('retiredAt', 'is', null)).orderBy('sort').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind as (typeof CHECKPOINT_KINDS)[number], sort: r.sort, retired: r.retiredAt !== null }));
}

export async function listItems(deps: BackendDeps, includeRetired: boolean) {
  const rows = await deps.db.selectFrom('fireCheckItems').selectAll().$if(!includeRetired, (q) => q.where('retiredAt', 'is', null)).orderBy('list').orderBy('sort').execute();
  return rows.map((r) => ({ id: r.id, list: r.list as ItemList, text: r.text, sort: r.sort, retired: r.retiredAt !== null }));
}

export function saveCheckpoint(deps: BackendDeps, caller: Caller, input: z.output<typeof CheckpointInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const twin = await ctx.trx.selectFrom('fireCheckpoints').select('id').where('name', '=', input.name).where('retiredAt', 'is', null).executeTakeFirst();
    if (twin && twin.id !== input.id && !input.retired) throw conflict(`已经有叫「${input.name}」的巡查点`, 'name');
    const values = { name: input.name, kind: input.kind, sort: input.sort, retiredAt: input.retired ? ctx.at : null };
    if (input.id) {
      const before = await ctx.trx.selectFrom('fireCheckpoints').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound('巡查点');
      await ctx.trx.updateTable('fireCheckpoints').set({ ...values, retiredAt: input.retired ? (before.retiredAt ?? ctx.at) : null, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
      await ctx.audit({ action: input.retired ? 'retire' : 'update', entity: 'fireCheckpoints', entityId: input.id, before, after: values });
      return { id: input.id };
    }
    const id = newId();
    await ctx.trx.insertInto('fireCheckpoints').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'fireCheckpoints', entityId: id, after: values });
    return { id };
  });
}

export function saveItem(deps: BackendDeps, caller: Caller, input: z.output<typeof ItemInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const values = { list: input.list, text: input.text, sort: input.sort, retiredAt: input.retired ? ctx.at : null };
    if (input.id) {
      const before = await ctx.trx.selectFrom('fireCheckItems').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw notFound('检查项目');
      await ctx.trx.updateTable('fireCheckItems').set({ ...values, retiredAt: input.retired ? (before.retiredAt ?? ctx.at) : null, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
      await ctx.audit({ action: input.retired ? 'retire' : 'update', entity: 'fireCheckItems', entityId: input.id, before, after: values });
      return { id: input.id };
    }
    const id = newId();
    await ctx.trx.insertInto('fireCheckItems').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'fireCheckItems', entityId: id, after: values });
    return { id };
  });
}
