// The recorded visits (done and missed) of a month: by provider, elder, village or worker, searched by the elder's name or
// initials, the worker, the slip number or a word of the notes. The signature comes with each row (printed on the
// record sheet); the photo is read on its own (homecare.visitPhoto).
import { sql } from 'kysely';
import type { VisitList, VisitRow } from '@shared/api/homecare-delivery';
import { AppError } from '@shared/api/errors';
import { lastDayOfMonth } from '@shared/domain/dates';
import type { Executor } from '../../db/executor';
import { minutesBetween } from './planned';

export interface VisitFilter {
  from: string;
  to: string;
  providerId?: string | null;
  elderId?: string | null;
  villageId?: string | null;
  workerId?: string | null;
  search?: string;
  includeVoided?: boolean;
}

export async function loadVisits(db: Executor, filter: VisitFilter): Promise<VisitRow[]> {
  let q = db
    .selectFrom('homeServiceVisits as v')
    .innerJoin('elders as e', 'e.id', 'v.elderId')
    .innerJoin('villages as vl', 'vl.id', 'e.villageId')
    .innerJoin('homeServiceProviders as p', 'p.id', 'v.providerId')
    .leftJoin('homeServiceWorkers as w', 'w.id', 'v.workerId')
    .select([
      'v.id',
      'v.elderId',
      'e.name as elder',
      'e.villageId',
      'vl.name as village',
      'v.providerId',
      'p.name as provider',
      'v.workerId',
      'w.name as worker',
      'v.planId',
      'v.outcome',
      'v.serviceOn',
      'v.startTime',
      'v.endTime',
      'v.priceClass',
      'v.missedReason',
      'v.confirmation',
      'v.signature',
      'v.slipNo',
      'v.confirmedBy',
      'v.overQuotaReason',
      'v.notes',
      sql<number>`v.photo IS NOT NULL`.as('hasPhoto'),
      'v.createdAt',
      'v.createdBy',
      'v.voidedAt',
      'v.voidedBy',
      'v.voidReason',
    ])
    .where('v.serviceOn', '>=', filter.from)
    .where('v.serviceOn', '<=', filter.to);
  if (filter.elderId) q = q.where('v.elderId', '=', filter.elderId);
  if (filter.providerId) q = q.where('v.providerId', '=', filter.providerId);
  if (filter.workerId) q = q.where('v.workerId', '=', filter.workerId);
  if (filter.villageId) q = q.where('e.villageId', '=', filter.villageId);
  if (!filter.includeVoided) q = q.where('v.voidedAt', 'is', null);
  const search = filter.search?.trim() ?? '';
  if (search !== '') {
    const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`e.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`e.name_initials LIKE ${like.toLowerCase()} ESCAPE '\\'`,
        sql<boolean>`w.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`v.slip_no LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`v.notes LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  const rows = await q.orderBy('v.serviceOn').orderBy('v.startTime').orderBy('e.name').execute();
  if (rows.length === 0) return [];
  const itemRows = await itemsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    elderId: r.elderId,
    elder: r.elder,
    villageId: r.villageId,
    village: r.village,
    providerId: r.providerId,
    provider: r.provider,
    workerId: r.workerId,
    worker: r.worker,
    planId: r.planId,
    outcome: r.outcome,
    serviceOn: r.serviceOn,
    startTime: r.startTime,
    endTime: r.endTime,
    minutes: r.endTime === null ? 0 : minutesBetween(r.startTime, r.endTime),
    priceClass: r.priceClass,
    items: itemRows.get(r.id) ?? [],
    missedReason: r.missedReason,
    confirmation: r.confirmation,
    signature: r.signature,
    slipNo: r.slipNo,
    confirmedBy: r.confirmedBy,
    overQuotaReason: r.overQuotaReason,
    notes: r.notes,
    hasPhoto: Boolean(r.hasPhoto),
    recordedAt: r.createdAt,
    recordedBy: r.createdBy,
    voided: r.voidedAt === null ? null : { at: r.voidedAt, by: r.voidedBy ?? '', reason: r.voidReason ?? '' },
  }));
}

/** The items of some visits, in chunks (SQLite's variable limit), each visit's in catalogue-name order. */
async function itemsOf(db: Executor, visitIds: string[]): Promise<Map<string, VisitRow['items']>> {
  const out = new Map<string, VisitRow['items']>();
  for (let i = 0; i < visitIds.length; i += 500) {
    const chunk = visitIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('homeServiceVisitItems as vi')
      .innerJoin('homeServiceItems as it', 'it.id', 'vi.itemId')
      .select(['vi.visitId', 'vi.itemId', 'it.name', 'it.unit', 'vi.quantity'])
      .where('vi.visitId', 'in', chunk)
      .orderBy('it.name')
      .execute();
    for (const r of rows) {
      const list = out.get(r.visitId) ?? [];
      list.push({ itemId: r.itemId, name: r.name, unit: r.unit, quantity: r.quantity });
      out.set(r.visitId, list);
    }
  }
  return out;
}

export async function visitList(db: Executor, query: { month: string; providerId: string | null; elderId: string | null; villageId: string | null; workerId: string | null; search: string; includeVoided: boolean }): Promise<VisitList> {
  const visits = await loadVisits(db, { ...query, from: `${query.month}-01`, to: lastDayOfMonth(query.month) });
  const live = visits.filter((v) => v.voided === null);
  const settled = await db.selectFrom('homeServiceSettlements').select('providerId').where('month', '=', query.month).where('voidedAt', 'is', null).execute();
  return {
    month: query.month,
    visits,
    totals: {
      done: live.filter((v) => v.outcome === 'done').length,
      missed: live.filter((v) => v.outcome === 'missed').length,
      voided: visits.length - live.length,
      minutes: live.reduce((sum, v) => sum + v.minutes, 0),
    },
    settledProviderIds: settled.map((s) => s.providerId),
  };
}

export async function visitPhoto(db: Executor, id: string) {
  const row = await db.selectFrom('homeServiceVisits').select('photo').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '找不到这条上门服务记录，请刷新后重试', 'id');
  return { photo: row.photo };
}
