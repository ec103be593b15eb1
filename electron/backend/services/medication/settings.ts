// The medication settings (dose times, late and early limits, second checks, stock warnings): one JSON value under
// 'medication'; a missing or unreadable value falls back to the defaults, never half of it.
import { DEFAULT_MEDICATION_SETTINGS, MEDICATION_SETTING_SOURCES, MedicationSettings } from '@shared/api/medication-settings';
import type { Frequency } from '@shared/domain/medication/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { storeSetting } from '../settings/settings';

const KEY = 'medication';

export async function readMedicationSettings(db: Executor): Promise<MedicationSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_MEDICATION_SETTINGS;
  const parsed = MedicationSettings.safeParse(JSON.parse(row.value) as unknown);
  return parsed.success ? parsed.data : DEFAULT_MEDICATION_SETTINGS;
}

export async function medicationSettings(deps: BackendDeps) {
  return { settings: await readMedicationSettings(deps.db), sources: { ...MEDICATION_SETTING_SOURCES } };
}

export function saveMedicationSettings(deps: BackendDeps, caller: Caller, input: MedicationSettings) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await readMedicationSettings(ctx.trx);
    await storeSetting(ctx, KEY, input);
    await ctx.audit({ action: 'update', entity: 'settings', entityId: KEY, before, after: input });
    return input;
  });
}

/** The centre's times a written frequency maps to (kept on the order when it is made); null for 指定时间 and 按需. */
export function timesOf(settings: MedicationSettings, frequency: Frequency): string[] | null {
  switch (frequency) {
    case 'qd':
      return settings.qdTimes;
    case 'bid':
      return settings.bidTimes;
    case 'tid':
      return settings.tidTimes;
    case 'qid':
      return settings.qidTimes;
    case 'qn':
      return settings.qnTimes;
    default:
      return null;
  }
}
