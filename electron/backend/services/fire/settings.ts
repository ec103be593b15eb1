// The fire-safety settings: who is responsible, whether the centre is a 重点单位 (which bounds the drill and training
// intervals), and the patrol plan (night patrols as a count, optional windows),
// inspection, drill and training plan. Stored as one JSON value; missing or unreadable values fall back to the
// defaults (sources in README).
import type { z } from 'zod';
import { DEFAULT_FIRE_SETTINGS, FireSettings } from '@shared/api/fire';
import { invalid } from '@shared/api/errors';
import { type KeyUnitClamp, clampToKeyUnit, keyUnitProblem } from '@shared/domain/fire/key-unit';
import { nightPlanProblem } from '@shared/domain/fire/schedule';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { storeSetting } from '../settings/settings';

const KEY = 'fire';

export async function readFireSettings(db: Executor): Promise<FireSettings> {
  return (await readFireSettingsChecked(db)).settings;
}

/**
 * The settings as applied, and the intervals that were stored longer than the 重点单位 flag allows (a key unit saved
 * with a 12-month drill): those are applied at the longest allowed, so the settings can be saved again, and listed so
 * the 消防设置 tab says so instead of changing them silently.
 */
export async function readFireSettingsChecked(db: Executor): Promise<{ settings: FireSettings; clamped: KeyUnitClamp[] }> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return { settings: DEFAULT_FIRE_SETTINGS, clamped: [] };
  const parsed = FireSettings.safeParse({ ...DEFAULT_FIRE_SETTINGS, ...(JSON.parse(row.value) as object) });
  return parsed.success ? clampToKeyUnit(parsed.data) : { settings: DEFAULT_FIRE_SETTINGS, clamped: [] };
}

export function saveFireSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof FireSettings>) {
  return writeAction(deps, caller, async (ctx) => {
    const problem = nightPlanProblem(input) ?? keyUnitProblem(input);
    if (problem) throw invalid(problem.message, problem.field);
    // The audit's "before" is what was stored, not the clamped value applied since.
    const stored = await readFireSettingsChecked(ctx.trx);
    const before = { ...stored.settings, ...Object.fromEntries(stored.clamped.map((c) => [c.field, c.stored])) };
    await storeSetting(ctx, KEY, input);
    await ctx.audit({ action: 'update', entity: 'settings', entityId: KEY, before, after: input });
    return input;
  });
}
