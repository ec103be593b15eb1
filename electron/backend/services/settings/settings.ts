// Settings the centre can tune, stored one key per row; missing keys fall back to the defaults.
import type { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../../../../shared/api/settings';
import { type BackendDeps, writeAction } from '../../audit';
import type { Caller } from '../../caller';
import type { Executor } from '../facility/places';

export async function readSettings(db: Executor): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function updateSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof Settings>): Promise<Settings> {
  return writeAction(deps, caller, async (ctx) => {
    const before = await readSettings(ctx.trx);
    for (const [key, value] of Object.entries(input)) {
      await ctx.trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value), updatedAt: ctx.at, updatedBy: caller.name })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updatedAt: ctx.at, updatedBy: caller.name }))
        .execute();
    }
    await ctx.audit({ action: 'update', entity: 'settings', entityId: 'settings', before, after: input });
    return input;
  });
}
