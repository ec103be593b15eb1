// What the record form chooses from: the providers in service with their workers in service, and the items in service.
import type { RecordChoices } from '@shared/api/homecare-delivery';
import type { Executor } from '../../db/executor';

export async function recordChoices(db: Executor): Promise<RecordChoices> {
  const [providers, workers, items] = await Promise.all([
    db.selectFrom('homeServiceProviders').select(['id', 'name', 'kind']).where('retiredAt', 'is', null).orderBy('kind').orderBy('name').execute(),
    db.selectFrom('homeServiceWorkers').select(['id', 'name', 'phone', 'providerId']).where('retiredAt', 'is', null).orderBy('name').execute(),
    db.selectFrom('homeServiceItems').select(['id', 'name', 'unit']).where('retiredAt', 'is', null).orderBy('name').execute(),
  ]);
  return {
    providers: providers.map((p) => ({ id: p.id, name: p.name, workers: workers.filter((w) => w.providerId === p.id).map((w) => ({ id: w.id, name: w.name, phone: w.phone })) })),
    items,
  };
}
