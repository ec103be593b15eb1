// What the elder's file and the printed 互助帮扶记录 read: an elder's pairs, the help received and (a 低龄老人 who helps
// too) their balance; a month per village — pairs active in it, activities with hours and points, each helper's sum.
import { sql } from 'kysely';
import type { AidSheet, ElderAid, SheetVillage } from '@shared/api/mutualaid';
import { lastDayOfMonth } from '@shared/domain/dates';
import type { Executor } from '../../db/executor';
import { activityRows } from './activities';
import { balances } from './bank';
import { pairRows } from './pairs';

export async function elderAid(db: Executor, elderId: string): Promise<ElderAid> {
  const pairs = await pairRows(db, { status: 'all', elderId });
  const received = (await activityRows(db, { elderId, limit: 8 })).map(({ villageId: _v, ...r }) => r);
  const helper = await db.selectFrom('visitHelpers').select('id').where('elderId', '=', elderId).executeTakeFirst();
  const asHelper = helper ? ((await balances(db, { includeRetired: true, helperId: helper.id }))[0] ?? null) : null;
  return { pairs, received, asHelper };
}

export async function aidSheet(db: Executor, month: string, villageId: string | null): Promise<AidSheet> {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const pairs = await pairRows(db, { status: 'all', villageId, activeIn: { from, to } });
  const activities = (await activityRows(db, { from, to, villageId })).reverse();
  const villages = await db.selectFrom('villages').select(['id', 'name']).$if(!!villageId, (q) => q.where('id', '=', villageId ?? '')).orderBy('name').execute();
  const balanceAt = new Map(
    (
      await db
        .selectFrom('timeBankEntries')
        .select(['helperId', sql<number>`sum(points_tenths)`.as('balance')])
        .where('entryOn', '<=', to)
        .groupBy('helperId')
        .execute()
    ).map((r) => [r.helperId, Number(r.balance)]),
  );
  const groups: { villageId: string | null; village: string }[] = villages.map((v) => ({ villageId: v.id, village: v.name }));
  if (!villageId && activities.some((a) => a.villageId === null)) groups.push({ villageId: null, village: '未分村' });
  const out: SheetVillage[] = [];
  for (const g of groups) {
    const vp = pairs.filter((p) => p.villageId === g.villageId);
    const va = activities.filter((a) => a.villageId === g.villageId);
    if (!villageId && vp.length === 0 && va.length === 0) continue;
    const byHelper = new Map<string, SheetVillage['helpers'][number]>();
    for (const a of va) {
      const h = byHelper.get(a.helperId) ?? { helperId: a.helperId, name: a.helper, activities: 0, minutes: 0, earnedTenths: 0, balanceTenths: balanceAt.get(a.helperId) ?? 0 };
      h.activities += 1;
      h.minutes += a.minutes;
      h.earnedTenths += a.creditedTenths;
      byHelper.set(a.helperId, h);
    }
    out.push({
      villageId: g.villageId,
      village: g.village,
      pairs: vp,
      activities: va.map(({ villageId: _v, ...r }) => r),
      helpers: [...byHelper.values()].sort((x, y) => y.minutes - x.minutes),
      totals: { activities: va.length, minutes: va.reduce((s, a) => s + a.minutes, 0), earnedTenths: va.reduce((s, a) => s + a.creditedTenths, 0) },
    });
  }
  return { month, villages: out };
}
