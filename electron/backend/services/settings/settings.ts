// Settings the centre can tune, stored one key per row; missing keys fall back to the defaults.
import type { z } from 'zod';
import { DEFAULT_SETTINGS, type SettingKey, Settings } from '@shared/api/settings';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';

/**
 * The settings in force, and the keys whose stored value is no longer allowed (a rule tightened since it was saved,
 * e.g. the legal food-sample floor): each such key falls back to its default on its own, never the whole set, and the
 * settings page names it so the change is not silent.
 */
export async function readSettingsChecked(db: Executor): Promise<{ settings: Settings; replaced: SettingKey[] }> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const replaced: SettingKey[] = [];
  const shape = Settings.shape as Record<string, z.ZodType>;
  for (const r of rows) {
    const field = shape[r.key];
    if (!field) continue; // a key from an older version that no longer exists
    const parsed = field.safeParse(JSON.parse(r.value) as unknown);
    if (parsed.success) settings[r.key] = parsed.data;
    else replaced.push(r.key as SettingKey);
  }
  return { settings: settings as Settings, replaced };
}

export async function readSettings(db: Executor): Promise<Settings> {
  return (await readSettingsChecked(db)).settings;
}

/** Writes one settings row (a key and its JSON value) inside the caller's action; modules keep their own keys. */
export async function storeSetting(ctx: WriteContext, key: string, value: unknown) {
  const text = JSON.stringify(value);
  await ctx.trx
    .insertInto('settings')
    .values({ key, value: text, updatedAt: ctx.at, updatedBy: ctx.caller.name })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text, updatedAt: ctx.at, updatedBy: ctx.caller.name }))
    .execute();
}

export function updateSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof Settings>): Promise<Settings> {
  return writeAction(deps, caller, async (ctx) => {
    const before = await readSettings(ctx.trx);
    for (const [key, value] of Object.entries(input)) await storeSetting(ctx, key, value);
    await ctx.audit({ action: 'update', entity: 'settings', entityId: 'settings', before, after: input });
    return input;
  });
}
