// The register's settings: the 关爱等级 rules and how often each level is visited. Stored as one JSON value under the
// key 'elders'; a missing or unreadable value falls back to the defaults (sources in the README), never half of it.
import type { z } from 'zod';
import { DEFAULT_ELDER_SETTINGS, ElderSettings } from '@shared/api/elders';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { storeSetting } from '../settings/settings';

const KEY = 'elders';

export async function readElderSettings(db: Executor): Promise<ElderSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_ELDER_SETTINGS;
  const parsed = ElderSettings.safeParse(JSON.parse(row.value) as unknown);
  return parsed.success ? parsed.data : DEFAULT_ELDER_SETTINGS;
}

export function saveElderSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof ElderSettings>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await readElderSettings(ctx.trx);
    await storeSetting(ctx, KEY, input);
    await ctx.audit({ action: 'update', entity: 'settings', entityId: KEY, before, after: input });
    return input;
  });
}
