// Names of the people working here now, for pickers anyone on the staff may use (a guard choosing who fixes a danger).
import type { StaffName } from '@shared/api/staff';
import type { BackendDeps } from '../../deps';
import { todayIn } from '../../clock';

export async function staffNames(deps: BackendDeps): Promise<StaffName[]> {
  const today = todayIn(deps.clock);
  return deps.db
    .selectFrom('staff')
    .select(['id', 'name', 'role'])
    .where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', today)]))
    .orderBy('name')
    .execute();
}
