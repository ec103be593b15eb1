// "Load a demo centre" at first run: only into an empty database, never over a real centre's records.
import { conflict } from '@shared/api/errors';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { generateDemoCentre } from '../../demo/generator';

export async function loadDemo(deps: BackendDeps, caller: Caller) {
  const anything = await deps.db.selectFrom('facility').select('id').executeTakeFirst();
  if (anything) throw conflict('本机已有敬老院数据，演示数据只能载入到空白的系统中');
  // The whole demo centre is one action: it lands completely or not at all.
  return deps.db.transaction().execute((trx) => generateDemoCentre({ db: trx, clock: deps.clock }, { loadedBy: caller }));
}
