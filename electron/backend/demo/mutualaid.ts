// The demo township's mutual aid (issue 18): in each village one or two 低龄老人 from the register become helpers
// (linked to their entry), and with the village's 老年协会 member and the township's volunteers they are paired with
// older elders living at home; two months of activities (陪伴, 代购, 帮扶, 探望 — about once or twice a week per pair,
// some without a pair), crediting the time bank by the default rules (so a two-hour afternoon meets the daily cap);
// a few redemptions for a haircut or a bag of rice, one correction, one activity voided; and a few 老年协会 activities
// with who came. All through the real services, in the order of the days, so the ledgers read as they happened.
import { randomUUID } from 'node:crypto';
import type { AidActivityKind } from '@shared/domain/mutualaid/vocab';
import { addDays, ageOn } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { recordActivity, voidActivity } from '../services/mutualaid/activities';
import { attend, saveAssociation } from '../services/mutualaid/association';
import { balanceOf, correct, redeem } from '../services/mutualaid/bank';
import { savePair } from '../services/mutualaid/pairs';
import { saveHelper } from '../services/visits/helpers';
import type { Random } from './random';

/** How far back the demo's activities go. */
const HISTORY_DAYS = 60;

const NOTES: Record<AidActivityKind, string[]> = {
  company: ['陪老人聊天', '陪老人晒太阳、拉家常', '陪老人看戏曲节目', ''],
  shopping: ['代买米面油', '代买降压药', '赶集代买蔬菜', '代交电费'],
  help: ['帮忙打扫院子', '帮忙劈柴、挑水', '帮忙晾晒被褥', '帮忙修理水龙头'],
  visit: ['上门看望，老人身体尚好', '上门看望，提醒按时吃药', '上门问候，老人精神不错', ''],
};
const REDEEM_FOR = ['上门理发一次', '米面油一份', '日用品一份', '助浴一次'];
const ASSOCIATION = [
  { title: '老年协会茶话会', place: '村文化活动室' },
  { title: '健康讲座：冬季防跌倒', place: '村卫生室' },
  { title: '戏曲欣赏', place: '村委会大院' },
  { title: '广场舞练习', place: '村文化广场' },
];

interface Event {
  on: string;
  order: number;
  run: () => Promise<number>;
}

/** The demo's mutual aid; returns the number of writes. */
export async function demoMutualAid(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  const villages = await deps.db.selectFrom('villages').select(['id', 'name']).where('retiredAt', 'is', null).orderBy('name').execute();
  if (villages.length === 0) return 0;
  const start = addDays(today, -HISTORY_DAYS);
  const elders = await deps.db
    .selectFrom('elders')
    .select(['id', 'name', 'villageId', 'birthDate', 'registeredOn', 'phone'])
    .where('status', '=', 'at_home')
    .orderBy('id')
    .execute();
  const helpers = await deps.db.selectFrom('visitHelpers').select(['id', 'kind', 'villageId', 'elderId']).where('retiredAt', 'is', null).where('kind', '!=', 'village_cadre').orderBy('name').execute();
  const volunteers = helpers.filter((h) => h.villageId === null).map((h) => h.id);
  const linked = new Set(helpers.map((h) => h.elderId).filter((id): id is string => id !== null));

  const plans: { helperId: string; elderId: string; since: string }[] = [];
  const byVillage = new Map<string, { helpers: string[]; elders: typeof elders }>();
  for (const v of villages) {
    const here = elders.filter((e) => e.villageId === v.id);
    // 低龄老人: the youngest elders of the village (60–69 where there are some) help the oldest.
    const young = here.filter((e) => ageOn(e.birthDate, today) < 70 && !linked.has(e.id)).slice(0, 2);
    const villageHelpers = helpers.filter((h) => h.villageId === v.id).map((h) => h.id);
    for (const e of young) {
      const { id } = await saveHelper(deps, actor, { name: e.name, kind: 'young_elder', phone: e.phone, villageId: v.id, elderId: e.id, retired: false });
      villageHelpers.push(id);
      linked.add(e.id);
      events += 1;
    }
    const old = here.filter((e) => ageOn(e.birthDate, today) >= 75 && !linked.has(e.id));
    byVillage.set(v.id, { helpers: villageHelpers, elders: here });
    const pool = villageHelpers.length > 0 ? villageHelpers : volunteers;
    if (pool.length === 0) continue;
    const pairs = Math.min(old.length, pool.length + 1, 3);
    for (let i = 0; i < pairs; i += 1) {
      const elder = old[i];
      const since = elder.registeredOn > addDays(today, -90) ? elder.registeredOn : addDays(today, -random.int(70, 100));
      if (since > start) continue;
      plans.push({ helperId: pool[i % pool.length], elderId: elder.id, since });
    }
  }
  const pairs: { id: string; helperId: string; elderId: string }[] = [];
  for (const p of plans) {
    const { id } = await savePair(deps, actor, { helperId: p.helperId, elderId: p.elderId, since: p.since, note: random.pick(['每周上门一到两次', '帮忙买菜、陪聊天', '', '邻居，住得近']) });
    pairs.push({ id, ...p });
    events += 1;
  }

  // The days' events: activities of each pair, some without a pair, redemptions, a correction, a void.
  const timeline: Event[] = [];
  /** The day of the event under way (the redemption and the correction are written that day). */
  let timelineDay = start;
  let order = 0;
  const activityIds: string[] = [];
  const add = (on: string, run: () => Promise<number>) => timeline.push({ on, order: order++, run });
  const activity = (helperId: string, on: string, kind: AidActivityKind, minutes: number, pairId: string | null, elderId: string | null) =>
    add(on, async () => {
      const { id } = await recordActivity(deps, actor, { requestId: randomUUID(), helperId, elderId, pairId, kind, doneOn: on, minutes, note: random.pick(NOTES[kind]) });
      activityIds.push(id);
      return 1;
    });
  const kinds: AidActivityKind[] = ['company', 'company', 'shopping', 'help', 'visit'];
  for (const p of pairs) {
    for (let day = addDays(start, random.int(0, 4)); day < today; day = addDays(day, random.int(3, 7))) {
      activity(p.helperId, day, random.pick(kinds), random.pick([30, 60, 60, 90, 120]), p.id, null);
    }
  }
  for (const volunteer of volunteers) {
    for (let day = addDays(start, random.int(0, 6)); day < today; day = addDays(day, random.int(8, 14))) {
      const v = byVillage.get(random.pick(villages).id);
      const elder = v && v.elders.length > 0 ? random.pick(v.elders) : null;
      if (elder && elder.registeredOn <= day) activity(volunteer, day, random.pick(['visit', 'company', 'help'] as const), random.pick([60, 90, 120, 180]), null, elder.id);
    }
  }
  const helperIds = [...new Set(pairs.map((p) => p.helperId))];
  // Redemptions in the second month, by those with enough points then.
  for (const helperId of helperIds.slice(0, 4)) {
    add(addDays(start, random.int(35, 55)), async () => {
      const balance = await balanceOf(deps.db, helperId);
      if (balance < 30) return 0;
      await redeem(deps, actor, { requestId: randomUUID(), helperId, pointsTenths: random.pick([20, 30]), redeemedFor: random.pick(REDEEM_FOR), on: timelineDay, note: '' });
      return 1;
    });
  }
  if (helperIds.length > 0) {
    add(addDays(today, -10), async () => {
      await correct(deps, actor, { requestId: randomUUID(), helperId: helperIds[0], pointsTenths: 5, on: timelineDay, note: '上周帮扶半小时漏记，村委会核实后补记' });
      return 1;
    });
    add(addDays(today, -3), async () => {
      const id = activityIds[activityIds.length - 1];
      if (!id) return 0;
      try {
        await voidActivity(deps, actor, { id, reason: '与前一条重复登记' });
        return 1;
      } catch {
        return 0; // its points already redeemed: left as it is
      }
    });
  }

  // 老年协会: one or two activities a month in the first villages, with who came.
  for (let i = 0; i < Math.min(4, villages.length * 2); i += 1) {
    const v = villages[i % villages.length];
    const day = addDays(start, 10 + i * 12);
    add(day, async () => {
      const what = ASSOCIATION[i % ASSOCIATION.length];
      const { id } = await saveAssociation(deps, actor, { villageId: v.id, heldOn: day, title: what.title, place: what.place, note: '' });
      let n = 1;
      const here = (byVillage.get(v.id)?.elders ?? []).filter((e) => e.registeredOn <= day);
      const came = new Set<string>();
      for (let k = 0; k < Math.min(here.length, random.int(8, 14)); k += 1) came.add(random.pick(here).id);
      for (const elderId of came) {
        await attend(deps, actor, { activityId: id, kind: 'elder', id: elderId, present: true });
        n += 1;
      }
      for (const helperId of byVillage.get(v.id)?.helpers ?? []) {
        await attend(deps, actor, { activityId: id, kind: 'helper', id: helperId, present: true });
        n += 1;
      }
      return n;
    });
  }

  timeline.sort((a, b) => (a.on === b.on ? a.order - b.order : a.on < b.on ? -1 : 1));
  for (const e of timeline) {
    if (e.on >= today) continue;
    timelineDay = e.on;
    events += await e.run();
  }
  return events;
}
