// The township's villages: name, optional 12-digit 区划代码, and the 村干部 to call. Retired, never deleted.
import type { z } from 'zod';
import type { VillageInput, VillageRow } from '@shared/api/elders';
import { conflict, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';

export async function listVillages(deps: BackendDeps, includeRetired: boolean): Promise<VillageRow[]> {
  let q = deps.db
    .selectFrom('villages')
    .leftJoin('elders', (j) => j.onRef('elders.villageId', '=', 'villages.id').on('elders.status', '=', 'at_home'))
    .select((eb) => ['villages.id', 'villages.name', 'villages.code', 'villages.cadreName', 'villages.cadrePhone', 'villages.retiredAt', eb.fn.count<number>('elders.id').as('atHome')])
    .groupBy('villages.id');
  if (!includeRetired) q = q.where('villages.retiredAt', 'is', null);
  const rows = await q.orderBy('villages.name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, code: r.code, cadreName: r.cadreName, cadrePhone: r.cadrePhone, retired: r.retiredAt !== null, atHome: Number(r.atHome) }));
}

export function saveVillage(deps: BackendDeps, caller: Caller, input: z.output<typeof VillageInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('villages').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('村');
    const sameName = await ctx.trx.selectFrom('villages').select('id').where('name', '=', input.name).executeTakeFirst();
    if (sameName && sameName.id !== input.id) throw conflict(`已有名为「${input.name}」的村`, 'name');
    if (input.code) {
      const sameCode = await ctx.trx.selectFrom('villages').select(['id', 'name']).where('code', '=', input.code).executeTakeFirst();
      if (sameCode && sameCode.id !== input.id) throw conflict(`区划代码 ${input.code} 已是「${sameCode.name}」的代码`, 'code');
    }
    const values = {
      name: input.name,
      code: input.code,
      cadreName: input.cadreName,
      cadrePhone: input.cadrePhone,
      retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null,
    };
    if (before) {
      await ctx.trx.updateTable('villages').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: input.retired && !before.retiredAt ? 'retire' : 'update', entity: 'villages', entityId: before.id, before, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('villages').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'villages', entityId: id, after: values });
    return { id };
  });
}
