// A service visit as the checks, complaints and statements list it: day and time, elder and village, provider and
// worker, and the items done in words. Read for a handful of visits at a time (a sample, a search, complaints).
import type { VisitBrief } from '@shared/api/homecare-settlement';
import { lastDayOfMonth } from '@shared/domain/dates';
import type { Executor } from '../../db/executor';

export interface BriefFilter {
  ids?: readonly string[];
  month?: string;
  providerId?: string | null;
  /** Done and not voided only. */
  doneOnly?: boolean;
  /** Part of the elder's name, the village, the worker or the provider. */
  query?: string;
  limit?: number;
}

export const quantityWords = (unit: 'visit' | 'hour', quantity: number) => (unit === 'hour' ? `${quantity}分钟` : `${quantity}次`);

export async function visitBriefs(db: Executor, f: BriefFilter): Promise<VisitBrief[]> {
  if (f.ids && f.ids.length === 0) return [];
  let q = db
    .selectFrom('homeServiceVisits as v')
    .innerJoin('elders as e', 'e.id', 'v.elderId')
    .innerJoin('villages as vil', 'vil.id', 'e.villageId')
    .innerJoin('homeServiceProviders as p', 'p.id', 'v.providerId')
    .leftJoin('homeServiceWorkers as w', 'w.id', 'v.workerId')
    .select(['v.id', 'v.serviceOn', 'v.startTime', 'v.endTime', 'v.outcome', 'v.elderId', 'e.name as elder', 'vil.name as village', 'e.phone', 'v.providerId', 'p.name as provider', 'w.name as worker', 'v.voidedAt']);
  if (f.ids) q = q.where('v.id', 'in', f.ids);
  if (f.month) q = q.where('v.serviceOn', '>=', `${f.month}-01`).where('v.serviceOn', '<=', lastDayOfMonth(f.month));
  if (f.providerId) q = q.where('v.providerId', '=', f.providerId);
  if (f.doneOnly) q = q.where('v.outcome', '=', 'done').where('v.voidedAt', 'is', null);
  const text = f.query?.trim();
  if (text) {
    const like = `%${text}%`;
    q = q.where((eb) => eb.or([eb('e.name', 'like', like), eb('e.nameInitials', 'like', like), eb('vil.name', 'like', like), eb('w.name', 'like', like), eb('p.name', 'like', like)]));
  }
  q = q.orderBy('v.serviceOn', 'desc').orderBy('v.startTime', 'desc');
  if (f.limit) q = q.limit(f.limit);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('homeServiceVisitItems as vi')
    .innerJoin('homeServiceItems as i', 'i.id', 'vi.itemId')
    .select(['vi.visitId', 'i.name', 'i.unit', 'vi.quantity'])
    .where(
      'vi.visitId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('i.name')
    .execute();
  const words = new Map<string, string[]>();
  for (const i of items) words.set(i.visitId, [...(words.get(i.visitId) ?? []), `${i.name} ${quantityWords(i.unit, i.quantity)}`]);
  return rows.map((r) => ({
    visitId: r.id,
    serviceOn: r.serviceOn,
    startTime: r.startTime,
    endTime: r.endTime,
    outcome: r.outcome,
    elderId: r.elderId,
    elder: r.elder,
    village: r.village,
    phone: r.phone,
    providerId: r.providerId,
    provider: r.provider,
    worker: r.worker,
    items: (words.get(r.id) ?? []).join('、'),
    voided: r.voidedAt !== null,
  }));
}
