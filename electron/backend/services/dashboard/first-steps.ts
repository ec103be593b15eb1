// 第一步: what an empty centre still lacks before it can run — beds, staff who can sign in with a PIN, a roster, and
// the link with the county (its public key imported on 月度报送). Each item is read from the records themselves,
// so it ticks itself as soon as the work is done and never needs to be dismissed.
import type { FirstSteps } from '@shared/api/dashboard';
import type { Executor } from '../../db/executor';

export async function firstSteps(db: Executor): Promise<FirstSteps> {
  const bed = await db
    .selectFrom('beds')
    .innerJoin('rooms', 'rooms.id', 'beds.roomId')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .select('beds.id')
    .where('beds.retiredAt', 'is', null)
    .where('rooms.retiredAt', 'is', null)
    .where('buildings.retiredAt', 'is', null)
    .executeTakeFirst();
  const withPin = await db
    .selectFrom('users')
    .innerJoin('staff', 'staff.id', 'users.staffId')
    .select('users.id')
    .where('users.pinHash', 'is not', null)
    .where('users.disabledAt', 'is', null)
    .where('staff.leftOn', 'is', null)
    .executeTakeFirst();
  // Any roster ever made: once a centre has rostered, a later week without a roster is the roster page's warning,
  // not a reason to show the first-day list again.
  const rostered = await db.selectFrom('rosterEntries').select('id').where('cancelledAt', 'is', null).executeTakeFirst();
  const county = await db.selectFrom('syncCounty').select('id').executeTakeFirst();
  const steps = { beds: bed !== undefined, staffPins: withPin !== undefined, roster: rostered !== undefined, county: county !== undefined };
  return { ...steps, allDone: Object.values(steps).every(Boolean), running: steps.beds && steps.staffPins && steps.roster };
}
