// The time bank's settings (rate, daily and total caps, a check before credit): one JSON value under the key
// 'mutualaid'; a missing or unreadable value falls back to the defaults (上海长宁, sources in AID_SETTING_SOURCES).
import type { z } from 'zod';
import { AidSettings, DEFAULT_AID_SETTINGS } from '@shared/api/mutualaid';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { storeSetting } from '../settings/settings';

const KEY = 'mutualaid';

export async function readAidSettings(db: Executor): Promise<AidSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_AID_SETTINGS;
  const parsed = AidSettings.safeParse(JSON.parse(row.value) as unknown);
  return parsed.success ? parsed.data : DEFAULT_AID_SETTINGS;
}

export function saveAidSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof AidSettings>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await readAidSettings(ctx.trx);
    await storeSetting(ctx, KEY, input);
    await ctx.audit({ action: 'update', entity: 'settings', entityId: KEY, before, after: input });
    return input;
  });
}
