// The entrusted module's settings: the parties a new agreement starts from (they differ by province, so a preset with
// its source, or the centre's own text) and, per 自理能力 tier, the county's 照料护理档次 and monthly subsidy the form
// starts from. Stored as one JSON value under the key 'entrusted'; an unreadable value falls back to the defaults.
import type { z } from 'zod';
import { DEFAULT_ENTRUSTED_SETTINGS, EntrustedSettings } from '@shared/api/entrusted';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { storeSetting } from '../settings/settings';

const KEY = 'entrusted';

export async function readEntrustedSettings(db: Executor): Promise<EntrustedSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_ENTRUSTED_SETTINGS;
  const parsed = EntrustedSettings.safeParse(JSON.parse(row.value) as unknown);
  return parsed.success ? parsed.data : DEFAULT_ENTRUSTED_SETTINGS;
}

export function saveEntrustedSettings(deps: BackendDeps, caller: Caller, input: z.output<typeof EntrustedSettings>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await readEntrustedSettings(ctx.trx);
    await storeSetting(ctx, KEY, input);
    await ctx.audit({ action: 'update', entity: 'settings', entityId: KEY, before, after: input });
    return input;
  });
}
