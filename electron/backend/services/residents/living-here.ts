// Someone living in the centre now (not discharged) is a resident: their meals, care and visits are the centre's. Other
// modules (meal aid, the village register) refuse such a person with this sentence, ended by what they cannot be there.
import { conflict } from '@shared/api/errors';
import type { Executor } from '../../db/executor';

export async function assertNotLivingHere(db: Executor, idNumber: string, name: string, refusal: string) {
  const resident = await db.selectFrom('residents').select('name').where('idNumber', '=', idNumber).where('status', '!=', 'discharged').executeTakeFirst();
  if (resident) throw conflict(`${name}（身份证号相同的${resident.name}）是本院在住老人，${refusal}`, 'idNumber');
}
