// The lookups the setup part of homecare shares between its rooms (items, prices, providers, entitlements, plans): is a
// record usable for a new write (an item or provider not retired, an elder at home), is it in force on a day, and which
// running plans still use a provider, worker or item. Queries only; each room keeps its own writes.
import { type ExpressionBuilder, sql } from 'kysely';
import { AppError, conflict, notFound } from '@shared/api/errors';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';

const STATUS_WORDS = { in_centre: '已入住本院', moved_away: '已迁出', died: '已去世' } as const;

/** An entitlement in force on a day: started, not past its valid_to, and not past its ended_on (its last day). */
export function inForceOn(eb: ExpressionBuilder<DB, 'homeServiceEntitlements'>, day: string) {
  return eb.and([
    eb('homeServiceEntitlements.validFrom', '<=', day),
    eb.or([eb('homeServiceEntitlements.validTo', 'is', null), eb('homeServiceEntitlements.validTo', '>=', day)]),
    eb.or([eb('homeServiceEntitlements.endedOn', 'is', null), eb('homeServiceEntitlements.endedOn', '>=', day)]),
  ]);
}

/** The last day an entitlement (or a plan) is in force: the earlier of its end of validity and the day it was ended; null: open. */
export function lastDayOf(to: string | null, endedOn: string | null): string | null {
  if (to === null) return endedOn;
  if (endedOn === null) return to;
  return to < endedOn ? to : endedOn;
}

/** An elder of the register living at home now, for a write that serves them at home. */
export async function elderAtHome(db: Executor, elderId: string, what: string) {
  const elder = await db.selectFrom('elders').select(['id', 'name', 'status', 'statusOn']).where('id', '=', elderId).executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  if (elder.status !== 'at_home') {
    throw conflict(`${elder.name}${STATUS_WORDS[elder.status]}${elder.statusOn ? `（${elder.statusOn}）` : ''}，不在家居住，不能${what}`, 'elderId');
  }
  return elder;
}

/**
 * Plans naming a provider, a worker or an item that still run on or after the day (not ended before it, not past their
 * end); with day null, every plan that ever named it.
 */
export async function openPlansUsing(db: Executor, what: { providerId?: string; workerId?: string; itemId?: string }, day: string | null): Promise<number> {
  const row = await db
    .selectFrom('homeServicePlans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .$if(what.providerId !== undefined, (q) => q.where('providerId', '=', what.providerId!))
    .$if(what.workerId !== undefined, (q) => q.where('workerId', '=', what.workerId!))
    .$if(what.itemId !== undefined, (q) => q.where(sql<boolean>`exists (select 1 from json_each(home_service_plans.item_ids) where value = ${what.itemId})`))
    .$if(day !== null, (q) =>
      q.where((eb) => eb.and([eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', day!)]), eb.or([eb('toOn', 'is', null), eb('toOn', '>=', day!)])])),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An item for a write that names it (a price, an entitlement, a plan): unknown or retired ones are refused. */
export async function itemForUse(db: Executor, itemId: string, field = 'itemId') {
  const item = await db.selectFrom('homeServiceItems').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('服务项目');
  if (item.retiredAt !== null) throw conflict(`服务项目「${item.name}」已停用，不能再使用`, field);
  return item;
}

/** A provider for a write that names it (a worker, a plan): unknown or retired ones are refused. */
export async function providerForUse(db: Executor, providerId: string) {
  const provider = await db.selectFrom('homeServiceProviders').selectAll().where('id', '=', providerId).executeTakeFirst();
  if (!provider) throw notFound('服务机构');
  if (provider.retiredAt !== null) throw conflict(`服务机构「${provider.name}」已停用，不能再安排服务`, 'providerId');
  return provider;
}
