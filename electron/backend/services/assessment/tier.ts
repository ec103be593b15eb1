// 特困 self-care tier as its own dated assessment; history kept (append-only).
import type { z } from 'zod';
import type { TierInput } from '../../../../shared/api/assessment';
import { notFound } from '../../../../shared/api/errors';
import { tierFromIndicators } from '../../../../shared/domain/assessment/tekun-tier';
import { type BackendDeps, writeAction } from '../../audit';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { assertNotBeforeBirth, assertNotFuture } from '../residents/rules';

export function recordTier(deps: BackendDeps, caller: Caller, input: z.output<typeof TierInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select(['birthDate']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    assertNotFuture(input.assessedOn, ctx.today, '评估日期', 'assessedOn');
    assertNotBeforeBirth(input.assessedOn, resident.birthDate, '评估日期', 'assessedOn');
    const row = {
      id: newId(),
      residentId: input.residentId,
      assessedOn: input.assessedOn,
      indicators: JSON.stringify(input.indicators),
      tier: tierFromIndicators(input.indicators),
      assessor: input.assessor,
      note: input.note,
    };
    await ctx.trx.insertInto('tierAssessments').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'tierAssessments', entityId: row.id, after: { ...row, indicators: input.indicators } });
    return { id: row.id };
  });
}

export async function listTiers(deps: BackendDeps, residentId: string) {
  const rows = await deps.db.selectFrom('tierAssessments').selectAll().where('residentId', '=', residentId).orderBy('assessedOn', 'desc').orderBy('createdAt', 'desc').execute();
  return rows.map((r) => ({ id: r.id, assessedOn: r.assessedOn, indicators: JSON.parse(r.indicators) as Record<string, boolean>, tier: r.tier, assessor: r.assessor, note: r.note, createdBy: r.createdBy }));
}
