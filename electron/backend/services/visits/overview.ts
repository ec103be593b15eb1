// The visits at a glance (the home page; later the county): elders at home whose visit is overdue today, in total and
// by village; open follow-ups; open special-situation reports; and a month's visit rate (月探访率, 2022 意见: 100%),
// with and without phone and video calls — which one is the rate reported is a setting [R].
import type { Overview } from '@shared/api/visits';
import { invalid } from '@shared/api/errors';
import { lastDayOfMonth } from '@shared/domain/dates';
import { visitOverdue } from '@shared/domain/elders/visit-due';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import { readElderSettings } from '../elders/settings';
import { dueDays, eldersAtHome, visitsBetween } from './register';
import { listSpecialReports } from './special';

export async function visitsOverview(deps: BackendDeps, month: string | null): Promise<Overview> {
  const db = deps.db;
  const today = todayIn(deps.clock);
  const thisMonth = month ?? today.slice(0, 7);
  if (thisMonth > today.slice(0, 7)) throw invalid(`${thisMonth}还没到，不能统计探访率`, 'month');
  const settings = await readElderSettings(db);
  const dueOf = dueDays(settings);

  // Overdue today, over every visit so far.
  const [atHome, villages, open, special] = await Promise.all([
    eldersAtHome(db, settings, { on: today, asOf: today, lastBefore: '9999-12-31' }, null),
    db.selectFrom('villages').select(['id', 'name', 'retiredAt']).orderBy('name').execute(),
    db.selectFrom('elderFollowups').select((eb) => eb.fn.countAll<number>().as('n')).where('closedOn', 'is', null).executeTakeFirstOrThrow(),
    listSpecialReports(db, 'open'),
  ]);
  const byVillage = new Map<string, { atHome: number; overdue: number }>();
  let overdue = 0;
  for (const elder of atHome) {
    const counts = byVillage.get(elder.villageId) ?? { atHome: 0, overdue: 0 };
    counts.atHome += 1;
    if (visitOverdue(dueOf(elder), today)) {
      counts.overdue += 1;
      overdue += 1;
    }
    byVillage.set(elder.villageId, counts);
  }

  // The month: elders at home on its last day (today for this month), and which of them were visited in it.
  const from = `${thisMonth}-01`;
  const end = lastDayOfMonth(thisMonth) < today ? lastDayOfMonth(thisMonth) : today;
  const [monthElders, monthVisits] = await Promise.all([
    end === today ? atHome : eldersAtHome(db, settings, { on: end, asOf: end, lastBefore: from }, null),
    visitsBetween(db, from, end, null),
  ]);
  const counted = new Set(monthElders.map((e) => e.id));
  const visited = new Set(monthVisits.filter((v) => counted.has(v.elderId)).map((v) => v.elderId));
  const visitedHome = new Set(monthVisits.filter((v) => counted.has(v.elderId) && v.kind === 'home').map((v) => v.elderId));
  const rate = (n: number) => (counted.size === 0 ? null : n / counted.size);

  return {
    overdue,
    overdueByVillage: villages
      .filter((v) => v.retiredAt === null || byVillage.has(v.id))
      .map((v) => ({ villageId: v.id, village: v.name, overdue: byVillage.get(v.id)?.overdue ?? 0, atHome: byVillage.get(v.id)?.atHome ?? 0 })),
    openFollowups: Number(open.n),
    openSpecialReports: special.map((s) => ({ id: s.id, elderId: s.elderId, elder: s.elder, village: s.village, foundAt: s.foundAt, situation: s.situation })),
    month: {
      month: thisMonth,
      eldersAtHome: counted.size,
      visited: visited.size,
      visitedHome: visitedHome.size,
      rate: rate(visited.size),
      rateHomeOnly: rate(visitedHome.size),
      callsCountForRate: settings.callsCountForRate,
    },
  };
}
