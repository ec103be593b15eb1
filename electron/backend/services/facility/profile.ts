// The centre's profile (机构信息): one row, created at first run and edited by the manager. Its first saving is the
// moment the centre started using the system (startedAt): alarms are judged only from then on.
import type { z } from 'zod';
import type { FacilityProfile, FacilityProfileInput } from '@shared/api/facility';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';

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
    startedAt: row.startedAt ?? row.createdAt,
  };
}

/**
 * When the centre started using the system, or null before its profile exists (then nothing is running yet and no
 * alarm is due). Missed patrols, meals without a sample and fire gaps are only counted from this moment on.
 */
export async function centreStartedAt(db: Executor): Promise<Date | null> {
  const row = await db.selectFrom('facility').select(['startedAt', 'createdAt']).executeTakeFirst();
  return row ? new Date(row.startedAt ?? row.createdAt) : null;
}

/** `startedAt` is for the demo centre only (its history begins a year back); a real centre starts when first saved. */
export async function saveProfile(deps: BackendDeps, caller: Caller, input: ProfileInput, options: { startedAt?: string } = {}): Promise<FacilityProfile> {
  await writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('facility').selectAll().executeTakeFirst();
    if (before) {
      await ctx.trx.updateTable('facility').set({ ...input, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'facility', entityId: before.id, before, after: input });
    } else {
      const id = newId();
      const startedAt = options.startedAt ?? ctx.at;
      await ctx.trx.insertInto('facility').values({ id, ...input, startedAt, ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'create', entity: 'facility', entityId: id, after: { ...input, startedAt } });
    }
  });
  const saved = await getProfile(deps);
  if (!saved) throw new Error('facility profile missing right after saving');
  return saved;
}
