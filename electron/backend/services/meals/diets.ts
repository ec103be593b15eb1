// Diet types (a fixed list; the centre sets each one's texture and whether it is in use) and each resident's diet,
// avoidances and allergies, beside the choking risk from the GB 38600 risk assessment.
import type { z } from 'zod';
import type { DietTypeInput, ResidentDiet, ResidentDietInput } from '@shared/api/meals';
import { invalid, notFound } from '@shared/api/errors';
import { DIET_TYPES, type DietType } from '@shared/domain/enums';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { latestRiskGrade } from '../assessment/risk';
import { bedLabels } from '../facility/places';
import type { Executor } from '../../db/executor';

const CURRENT = ['in_residence', 'on_leave', 'in_hospital'] as const;

export async function loadDietTypes(db: Executor) {
  const rows = await db.selectFrom('dietTypes').selectAll().execute();
  const order = (code: string) => DIET_TYPES.indexOf(code as DietType);
  return rows
    .sort((a, b) => order(a.code) - order(b.code))
    .map((r) => ({ code: r.code as DietType, texture: r.texture, inUse: r.inUse === 1 }));
}

export async function listDietTypes(deps: BackendDeps) {
  const counts = await deps.db
    .selectFrom('residents')
    .select(['dietType', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', CURRENT)
    .groupBy('dietType')
    .execute();
  const byCode = new Map(counts.map((c) => [c.dietType, c.n]));
  return (await loadDietTypes(deps.db)).map((d) => ({ ...d, residents: byCode.get(d.code) ?? 0 }));
}

export function saveDietType(deps: BackendDeps, caller: Caller, input: z.output<typeof DietTypeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('dietTypes').selectAll().where('code', '=', input.code).executeTakeFirst();
    if (!before) throw notFound('饮食类型');
    if (!input.inUse) {
      const using = await ctx.trx.selectFrom('residents').select('name').where('dietType', '=', input.code).where('status', 'in', CURRENT).execute();
      if (using.length > 0) {
        throw invalid(`还有 ${using.length} 位老人是「${enumLabel('diet', input.code)}」（${using.slice(0, 3).map((r) => r.name).join('、')}${using.length > 3 ? '等' : ''}），先改他们的饮食再停用`, 'inUse');
      }
    }
    const after = { texture: input.texture, inUse: input.inUse ? 1 : 0 };
    await ctx.trx.updateTable('dietTypes').set({ ...after, ...ctx.stampUpdate() }).where('code', '=', input.code).execute();
    await ctx.audit({ action: 'update', entity: 'dietTypes', entityId: input.code, before: { texture: before.texture, inUse: before.inUse }, after });
    return { code: input.code };
  });
}

/** Current residents (in residence, away or in hospital) with their diets; `query` matches a name or its initials. */
export async function residentDiets(deps: BackendDeps, query: string): Promise<ResidentDiet[]> {
  let q = deps.db
    .selectFrom('residents')
    .select(['id', 'name', 'nameInitials', 'status', 'bedId', 'dietType', 'avoidances', 'allergies'])
    .where('status', 'in', CURRENT);
  const text = query.trim();
  if (text) q = q.where((eb) => eb.or([eb('name', 'like', `%${text}%`), eb('nameInitials', 'like', `${text.toLowerCase()}%`)]));
  const rows = await q.orderBy('nameInitials').execute();
  const beds = await bedLabels(deps.db, rows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const choking = await latestRiskGrade(deps.db, rows.map((r) => r.id), 'choking');
  return rows.map((r) => {
    const grade = choking.get(r.id);
    return {
      residentId: r.id,
      name: r.name,
      bedLabel: r.bedId ? (beds.get(r.bedId) ?? null) : null,
      status: r.status,
      present: r.status === 'in_residence',
      dietType: (DIET_TYPES as readonly string[]).includes(r.dietType) ? (r.dietType as DietType) : 'other',
      avoidances: r.avoidances,
      allergies: r.allergies,
      chokingRisk: grade === 'high' || grade === 'medium' ? grade : null,
    };
  });
}

export function setResidentDiet(deps: BackendDeps, caller: Caller, input: z.output<typeof ResidentDietInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('residents').select(['id', 'name', 'status', 'dietType', 'avoidances', 'allergies']).where('id', '=', input.residentId).executeTakeFirst();
    if (!before) throw notFound('老人档案');
    if (before.status === 'discharged') throw invalid(`${before.name}已离院，不能再改饮食`);
    const diet = await ctx.trx.selectFrom('dietTypes').select('inUse').where('code', '=', input.dietType).executeTakeFirstOrThrow();
    if (diet.inUse !== 1 && before.dietType !== input.dietType) throw invalid(`「${enumLabel('diet', input.dietType)}」已停用，请先在“饮食类型”里启用`, 'dietType');
    const after = { dietType: input.dietType, avoidances: input.avoidances, allergies: input.allergies };
    await ctx.trx.updateTable('residents').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', input.residentId).execute();
    await ctx.audit({ action: 'update', entity: 'residents', entityId: input.residentId, before: { dietType: before.dietType, avoidances: before.avoidances, allergies: before.allergies }, after });
    return { id: input.residentId };
  });
}
