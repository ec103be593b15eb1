// Kitchen staff's health certificates (健康证), from the staff register: food handlers must hold a valid one.
import { addDays } from '@shared/domain/dates';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';
import { readSettings } from '../settings/settings';

export async function kitchenCerts(deps: BackendDeps) {
  const today = todayIn(deps.clock);
  const { certWarnDays } = await readSettings(deps.db);
  const horizon = addDays(today, certWarnDays);
  const cooks = await deps.db
    .selectFrom('staff')
    .select(['id', 'name', 'role', 'healthCertExpiry'])
    .where('role', '=', 'cook')
    .where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', today)]))
    .orderBy('name')
    .execute();
  return cooks.map((c) => ({
    staffId: c.id,
    name: c.name,
    role: c.role,
    healthCertExpiry: c.healthCertExpiry,
    state: !c.healthCertExpiry ? ('missing' as const) : c.healthCertExpiry < today ? ('expired' as const) : c.healthCertExpiry <= horizon ? ('soon' as const) : ('ok' as const),
  }));
}
