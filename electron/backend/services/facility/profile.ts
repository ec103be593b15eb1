// The centre's profile (机构信息): one row, created at first run and edited by the manager.
import type { z } from 'zod';
import type { FacilityProfile, FacilityProfileInput } from '../../../../shared/api/facility';
import { type BackendDeps, writeAction } from '../../audit';
import type { Caller } from '../../caller';
import { newId } from '../../ids';

type ProfileInput = z.output<typeof FacilityProfileInput>;

export async function getProfile(deps: BackendDeps): Promise<FacilityProfile | null> {
  const row = await deps.db.selectFrom('facility').selectAll().executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    creditCode: row.creditCode,
    areaCode: row.areaCode,
    county: row.county,
    township: row.township,
    type: row.type as FacilityProfile['type'],
    licensedBeds: row.licensedBeds,
    phone: row.phone,
    address: row.address,
    updatedAt: row.updatedAt,
  };
}

export async function saveProfile(deps: BackendDeps, caller: Caller, input: ProfileInput): Promise<FacilityProfile> {
  await writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('facility').selectAll().executeTakeFirst();
    if (before) {
      await ctx.trx.updateTable('facility').set({ ...input, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'facility', entityId: before.id, before, after: input });
    } else {
      const id = newId();
      await ctx.trx.insertInto('facility').values({ id, ...input, ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'create', entity: 'facility', entityId: id, after: input });
    }
  });
  const saved = await getProfile(deps);
  if (!saved) throw new Error('facility profile missing right after saving');
  return saved;
}
