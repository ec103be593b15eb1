// The monthly entitlement of an elder (享受额度) against what was used: per entitled item, the quota of the entitlements
// active in the month (valid some day of it and not ended before it begins; when two overlap — a renewal — the larger
// counts, never their sum), and the quantity of the month's done, non-voided visits (minutes for an hourly item, times
// for a per-visit item). Items used without an entitlement show with quota 0. Recording a visit (record.ts), the elder's
// month and the card, and the settlement read it from here.
import { sql } from 'kysely';
import { lastDayOfMonth } from '@shared/domain/dates';
import type { ServiceUnit } from '@shared/domain/homecare/vocab';
import type { Executor } from '../../db/executor';

const byName = new Intl.Collator('zh-CN').compare;

export interface QuotaUse {
  itemId: string;
  name: string;
  unit: ServiceUnit;
  quota: number;
  used: number;
  left: number;
  documentNos: string[];
}

/** The entitlements of an elder active in a month, per item: the larger quota and every document granting it. */
export async function entitledInMonth(db: Executor, elderId: string, month: string): Promise<Map<string, { quota: number; documentNos: string[] }>> {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const rows = await db
    .selectFrom('homeServiceEntitlements')
    .select(['itemId', 'monthlyQuota', 'documentNo'])
    .where('elderId', '=', elderId)
    .where('validFrom', '<=', last)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', first)]))
    .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', first)]))
    .execute();
  const out = new Map<string, { quota: number; documentNos: string[] }>();
  for (const r of rows) {
    const had = out.get(r.itemId);
    if (!had) out.set(r.itemId, { quota: r.monthlyQuota, documentNos: [r.documentNo] });
    else {
      had.quota = Math.max(had.quota, r.monthlyQuota);
      if (!had.documentNos.includes(r.documentNo)) had.documentNos.push(r.documentNo);
    }
  }
  return out;
}

/** The quantity of each item in the elder's done, non-voided visits of the month. */
export async function usedInMonth(db: Executor, elderId: string, month: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('homeServiceVisits as v')
    .innerJoin('homeServiceVisitItems as i', 'i.visitId', 'v.id')
    .select(['i.itemId', sql<number>`sum(i.quantity)`.as('used')])
    .where('v.elderId', '=', elderId)
    .where('v.serviceOn', '>=', `${month}-01`)
    .where('v.serviceOn', '<=', lastDayOfMonth(month))
    .where('v.outcome', '=', 'done')
    .where('v.voidedAt', 'is', null)
    .groupBy('i.itemId')
    .execute();
  return new Map(rows.map((r) => [r.itemId, Number(r.used)]));
}

/** Quota, used and left per item for an elder's month: the entitled items first (catalogue order by name), then others used. */
export async function quotaOfMonth(db: Executor, elderId: string, month: string): Promise<QuotaUse[]> {
  const [entitled, used] = await Promise.all([entitledInMonth(db, elderId, month), usedInMonth(db, elderId, month)]);
  const ids = [...new Set([...entitled.keys(), ...used.keys()])];
  if (ids.length === 0) return [];
  const items = await db.selectFrom('homeServiceItems').select(['id', 'name', 'unit']).where('id', 'in', ids).execute();
  const lines = items.map((item) => {
    const e = entitled.get(item.id);
    const quota = e?.quota ?? 0;
    const u = used.get(item.id) ?? 0;
    return { itemId: item.id, name: item.name, unit: item.unit, quota, used: u, left: quota - u, documentNos: e?.documentNos ?? [] };
  });
  return lines.sort((a, b) => Number(b.quota > 0) - Number(a.quota > 0) || byName(a.name, b.name));
}

/** A quantity in the item's unit as words: 90 minutes → 1.5小时, 2 times → 2次. */
export function quantityWords(unit: ServiceUnit, quantity: number): string {
  if (unit === 'visit') return `${quantity}次`;
  const hours = Math.round((quantity / 60) * 10) / 10;
  return quantity % 60 === 0 ? `${quantity / 60}小时` : `${quantity}分钟（约${hours}小时）`;
}
