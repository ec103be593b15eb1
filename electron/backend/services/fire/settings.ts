// The fire-safety settings: who is responsible, whether the centre is a 重点单位 (which bounds the drill and training
// intervals), and the patrol plan (night patrols as a count, optional windows),
// inspection, drill and training plan. Stored as one JSON value; missing or unreadable values fall back to the
// defaults (sources in README).
import type { z } from 'zod';
import { DEFAULT_FIRE_SETTINGS, FireSettings } from '../../../../shared/api/fire';
import { invalid } from '../../../../shared/api/errors';
import { keyUnitProblem } from '../../../../shared/domain/fire/key-unit';
import { nightPlanProblem } from '../../../../shared/domain/fire/schedule';
import { type BackendDeps, writeAction } from '../../audit';
import type { Caller } from '../../caller';
import type { Executor } from '../facility/places';

const KEY = 'fire';

export async function readFireSettings(db: Executor): Promise<FireSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_FIRE_SETTINGS;
  const parsed = FireSettings.safeParse({ ...DEFAULT_FIRE_SETTINGS, ...(JSON.parse(row.value) as object) });
  return parsed.success ? parsed.data : DEFAULT_FIRE_SETTINGS;
}

export function saveFireSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof FireSettings>) {
  return writeAction(deps, caller, async (ctx) => {
    const problem = nightPlanProblem(input) ?? keyUnitProblem(input);
    if (problem) throw invalid(problem.message, problem.field);
    const before = await readFireSettings(ctx.trx);
    const value = JSON.stringify(input);
    await ctx.trx
      .insertInto('settings')
      .values({ key: KEY, value, updatedAt: ctx.at, updatedBy: caller.name })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: ctx.at, updatedBy: caller.name }))
      .execute();
    await ctx.audit({ action: 'update', entity: 'settings', entityId: KEY, before, after: input });
    return input;
  });
}
