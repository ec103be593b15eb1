// What the record form chooses from: the providers in service with their workers in service, and the items in service;
// and which of those workers is the person signed in (a caregiver of the centre who delivers services herself).
import type { RecordChoices } from '@shared/api/homecare-delivery';
import type { Executor } from '../../db/executor';

const byName = new Intl.Collator('zh-CN').compare;

export async function recordChoices(db: Executor, userId: string): Promise<RecordChoices> {
  const [providers, workers, items, account] = await Promise.all([
    db.selectFrom('homeServiceProviders').select(['id', 'name', 'kind']).where('retiredAt', 'is', null).orderBy('kind').orderBy('name').execute(),
    db.selectFrom('homeServiceWorkers').select(['id', 'name', 'phone', 'providerId', 'staffId']).where('retiredAt', 'is', null).orderBy('name').execute(),
    db.selectFrom('homeServiceItems').select(['id', 'name', 'unit']).where('retiredAt', 'is', null).orderBy('name').execute(),
    db.selectFrom('users').select('staffId').where('id', '=', userId).executeTakeFirst(),
  ]);
  const staffId = account?.staffId ?? null;
  workers.sort((a, b) => byName(a.name, b.name));
  items.sort((a, b) => byName(a.name, b.name));
  return {
    providers: providers.map((p) => ({ id: p.id, name: p.name, workers: workers.filter((w) => w.providerId === p.id).map((w) => ({ id: w.id, name: w.name, phone: w.phone })) })),
    items,
    mine: staffId === null ? [] : workers.filter((w) => w.staffId === staffId && providers.some((p) => p.id === w.providerId)).map((w) => w.id),
  };
}
