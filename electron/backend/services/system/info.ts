// What the app shell needs when it starts: versions, today's date, whether the centre is set up, who is signed in.
import type { SystemInfo } from '@shared/api/system';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { installationMode } from '../../package/identity';

export const APP_VERSION = '0.1.0';

export async function systemInfo(deps: BackendDeps, caller: Caller): Promise<SystemInfo> {
  const facility = await deps.db.selectFrom('facility').select('id').executeTakeFirst();
  return {
    appVersion: APP_VERSION,
    schemaVersion: LATEST_SCHEMA_VERSION,
    today: todayIn(deps.clock),
    now: deps.clock.now().toISOString(),
    hasFacility: facility !== undefined,
    mode: await installationMode(deps),
    user: { name: caller.name, role: caller.role },
  };
}
