// The demo township's visits (issue 17): its visit helpers (each village's 村干部, two volunteers, a 老年协会 member),
// two months of phone and home visits by the centre's staff following each elder's plan (the interval and kind of the
// elder's 关爱等级, capped for 特殊困难 groups: shared/domain/elders/visit-due.ts) — most on time, some late, a handful of
// elders left overdue today — a few problems found with their follow-ups (转介), some closed with their result, some
// open, and two special-situation reports, one still open. All through the real services, so every write is audited.
import { randomUUID } from 'node:crypto';
import type { Findings } from '@shared/api/visits';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addDays, daysBetween, weekday } from '@shared/domain/dates';
import { plannedKind, visitInterval } from '@shared/domain/elders/visit-due';
import { FINDING_AREAS, type FindingArea, type FollowupKind, type VisitKind } from '@shared/domain/elders/vocab';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { readElderSettings } from '../services/elders/settings';
import { closeFollowup } from '../services/visits/followups';
import { saveHelper } from '../services/visits/helpers';
import { recordVisit } from '../services/visits/record';
import { eldersAtHome } from '../services/visits/register';
import { closeSpecial, reportSpecial } from '../services/visits/special';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './names';
import type { Random } from './random';

/** How far back the demo's visits go. */
const HISTORY_DAYS = 60;
/** Elders whose visit is left overdue today, so the home page and the week's plan show red lines. */
const OVERDUE_ELDERS = 6;

const NOTES = ['', '', '', '身体尚好，叮嘱按时服药', '精神不错，在院子里晒太阳', '血压平稳，家中整洁', '儿子上周打来电话，老人心情好', '提醒天气变化注意添衣', '药快吃完了，已告知村医'];
const CALL_NOTES = ['', '', '电话问候，老人说一切都好', '电话接通，老人说饭量正常', '老人耳背，请邻居帮忙转达'];

interface Problem {
  area: FindingArea;
  note: string;
  followup: { kind: FollowupKind; need: string; result: string | null } | null;
  /** An open follow-up already past its due day (red in the list). */
  late?: boolean;
}
/** Problems found on home visits: the first ones are closed with their result, the last ones still open. */
const PROBLEMS: Problem[] = [
  { area: 'safety', note: '电线老化，灶台旁插线板有烧焦痕迹', followup: { kind: 'other', need: '请村电工上门检查更换入户电线和插座', result: '村电工已更换入户电线和两个插座，检查无隐患' } },
  { area: 'daily_care', note: '独居老人腿脚不便，自己做饭困难，常吃剩饭', followup: { kind: 'meal_aid', need: '申请农村助餐，午餐送餐上门', result: '已纳入助餐，每天午餐由村里送餐上门' } },
  { area: 'health', note: '血压偏高（172/98），自述头晕', followup: { kind: 'doctor', need: '请村医上门复测血压并调整用药', result: '村医已上门复测，调整降压药，嘱每周测量' } },
  { area: 'livelihood', note: '低保年审材料还没交，老人不清楚怎么办', followup: { kind: 'civil_affairs', need: '协助准备低保年审材料报镇民政办', result: '材料已代为报送，年审通过' } },
  { area: 'mood', note: '老伴去世后情绪低落，少言寡语', followup: null },
  { area: 'house', note: '房屋后墙裂缝，下雨时漏雨', followup: { kind: 'civil_affairs', need: '申报农村危房改造，先安排临时加固', result: null }, late: true },
  { area: 'daily_care', note: '行动不便，半个月没有洗澡', followup: { kind: 'home_service', need: '联系居家上门服务助浴，每周一次', result: null } },
  { area: 'needs', note: '老人想了解入住敬老院的条件和费用', followup: { kind: 'admission', need: '介绍入住条件，安排子女陪同来院参观', result: null } },
  { area: 'safety', note: '冬天用煤炉取暖，屋里没有一氧化碳报警器', followup: { kind: 'other', need: '送装一氧化碳报警器，讲解通风', result: null } },
];
/** Of PROBLEMS, how many (the first ones) are found long enough ago to be closed by now. */
const CLOSED_PROBLEMS = 5;

interface PlannedVisit {
  elderId: string;
  villageId: string;
  on: string;
  at: Date;
  kind: VisitKind;
}

const fineFindings = (): Findings => Object.fromEntries(FINDING_AREAS.map((a) => [a, { problem: false, note: '' }])) as Findings;
const later = (a: string, b: string) => (a > b ? a : b);
const hhmm = (random: Random, from: number, to: number) => {
  const minutes = random.int(from * 60, to * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** The demo's visit helpers, visits, follow-ups and special-situation reports; returns the number of writes. */
export async function demoVisits(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  const settings = await readElderSettings(deps.db);
  const villages = await deps.db.selectFrom('villages').select(['id', 'name', 'cadreName', 'cadrePhone']).where('retiredAt', 'is', null).orderBy('name').execute();
  if (villages.length === 0) return 0;

  // Helpers: each village's 村干部, two volunteers of the township, a 老年协会 member of the first village.
  const cadreOf = new Map<string, string>();
  for (const v of villages) {
    const { id } = await saveHelper(deps, actor, { name: v.cadreName, kind: 'village_cadre', phone: v.cadrePhone, villageId: v.id, retired: false });
    cadreOf.set(v.id, id);
  }
  const person = (male: boolean) => `${random.pick(SURNAMES)}${random.pick(male ? MALE_GIVEN : FEMALE_GIVEN)}`;
  const phone = () => `13${random.int(100000000, 999999999)}`;
  const volunteers: string[] = [];
  for (const male of [false, true]) {
    volunteers.push((await saveHelper(deps, actor, { name: person(male), kind: 'volunteer', phone: phone(), villageId: null, retired: false })).id);
  }
  const association = (await saveHelper(deps, actor, { name: person(true), kind: 'elder_association', phone: phone(), villageId: villages[0].id, retired: false })).id;
  events += villages.length + 3;

  // Who visits: the centre's carers and its manager; each village has its own (包村) carer, others stand in.
  const staff = (
    await deps.db.selectFrom('staff').select(['id', 'role']).where('leftOn', 'is', null).where('role', 'in', ['caregiver', 'care_lead', 'manager']).orderBy('name').execute()
  ).map((s) => s.id);
  const visitorOf = new Map(villages.map((v, i) => [v.id, staff.length > 0 ? staff[i % staff.length] : null]));

  // Each elder's visits over the last two months, following the plan of the elder's level.
  const elders = await eldersAtHome(deps.db, settings, { on: today, asOf: today, lastBefore: today }, null);
  const start = addDays(today, -HISTORY_DAYS);
  const frequent = elders.filter((e) => visitInterval(e.level, e.groups, settings) <= 30);
  const overdue = new Set<string>();
  while (overdue.size < Math.min(OVERDUE_ELDERS, frequent.length)) overdue.add(random.pick(frequent).id);
  const planned: PlannedVisit[] = [];
  for (const elder of elders) {
    const interval = visitInterval(elder.level, elder.groups, settings);
    const kindAsked = plannedKind(elder.level, settings);
    const days: string[] = [];
    // Visits before the two months are not in the demo: the first one falls somewhere early in the period.
    let due = addDays(elder.registeredOn, interval);
    if (due < start) due = addDays(start, random.int(0, Math.min(interval, 45) - 1));
    while (due < today) {
      const lower = days.length > 0 ? addDays(days[days.length - 1], 1) : later(start, elder.registeredOn);
      let on = random.chance(0.15) ? addDays(due, random.int(1, 6)) : addDays(due, -random.int(0, Math.min(3, interval - 1)));
      on = later(on, lower);
      if (on >= today) {
        // Late past today: it happened in the last few days instead (a visit is never planned ahead).
        const from = later(lower, addDays(due, -3));
        on = addDays(from, random.int(0, daysBetween(from, today) - 1));
      }
      // Few visits on a Sunday: the Saturday before, else the Monday after.
      if (weekday(on) === 0) on = addDays(on, -1) >= lower ? addDays(on, -1) : addDays(on, 1) < today ? addDays(on, 1) : on;
      days.push(on);
      due = addDays(on, interval);
    }
    // A handful are left overdue: their latest visits did not happen.
    if (overdue.has(elder.id)) {
      while (days.length > 0 && addDays(days[days.length - 1], interval) >= addDays(today, -1)) days.pop();
    }
    for (const on of days) {
      const kind: VisitKind = random.chance(0.9) ? kindAsked : kindAsked === 'home' ? 'phone' : random.pick(['home', 'video'] as const);
      const at = chinaInstant(on, kind === 'home' ? hhmm(random, 8.5, 17) : hhmm(random, 8.5, 18));
      planned.push({ elderId: elder.id, villageId: elder.villageId, on, at, kind });
    }
  }
  planned.sort((a, b) => a.at.getTime() - b.at.getTime());

  // The problems: the closed ones found on home visits at least two weeks ago, the open ones in the last two weeks (one
  // of them a week or more ago, its follow-up past its due day).
  const homeVisits = planned.filter((v) => v.kind === 'home');
  const problemAt = new Map<PlannedVisit, Problem>();
  const withProblem = new Set<string>();
  PROBLEMS.forEach((problem, i) => {
    const closed = i < CLOSED_PROBLEMS;
    const [from, to] = closed ? ['', addDays(today, -14)] : problem.late ? [addDays(today, -13), addDays(today, -7)] : [addDays(today, -13), today];
    const candidates = homeVisits.filter((v) => !problemAt.has(v) && !withProblem.has(v.elderId) && v.on >= from && v.on <= to);
    if (candidates.length === 0) return;
    const visit = random.pick(candidates);
    problemAt.set(visit, problem);
    withProblem.add(visit.elderId);
  });

  const toClose: { visitId: string; on: string; result: string }[] = [];
  const visitIds = new Map<PlannedVisit, string>();
  for (const visit of planned) {
    const findings = fineFindings();
    const problem = problemAt.get(visit);
    if (problem) findings[problem.area] = { problem: true, note: problem.note };
    const helperIds: string[] = [];
    if (visit.kind === 'home') {
      if (random.chance(0.7)) helperIds.push(cadreOf.get(visit.villageId)!);
      if (random.chance(0.2)) helperIds.push(random.pick(volunteers));
      if (visit.villageId === villages[0].id && random.chance(0.3)) helperIds.push(association);
    }
    const ownVisitor = visitorOf.get(visit.villageId) ?? null;
    const { id } = await recordVisit(deps, actor, {
      requestId: randomUUID(),
      elderId: visit.elderId,
      kind: visit.kind,
      visitedAt: visit.at.toISOString(),
      visitorStaffId: random.chance(0.8) || staff.length === 0 ? ownVisitor : random.pick(staff),
      helperIds,
      findings,
      notes: problem ? '' : random.pick(visit.kind === 'home' ? NOTES : CALL_NOTES),
      photo: null,
      followups: problem?.followup ? [{ kind: problem.followup.kind, need: problem.followup.need, dueOn: addDays(visit.on, problem.late ? 5 : random.int(7, 21)) }] : [],
    });
    events += 1 + (problem?.followup ? 1 : 0);
    visitIds.set(visit, id);
    if (problem?.followup?.result) toClose.push({ visitId: id, on: visit.on, result: problem.followup.result });
  }

  for (const { visitId, on, result } of toClose) {
    const followup = await deps.db.selectFrom('elderFollowups').select('id').where('visitId', '=', visitId).executeTakeFirstOrThrow();
    const closedOn = addDays(on, random.int(3, 12));
    await closeFollowup(deps, actor, { id: followup.id, closedOn: closedOn < today ? closedOn : addDays(today, -1), result });
    events += 1;
  }

  // Special-situation reports: one a month ago, closed; one found two days ago, still open.
  const reports = [
    {
      from: -40,
      to: -25,
      situation: '上门探访时发现老人在家中摔倒，无法起身，已在地上躺了约两个小时',
      actions: '拨打120送县人民医院，电话通知在外务工的儿子，村干部陪同就医',
      reportedTo: '镇民政办、老人儿子',
      outcome: '老人髋部骨折已手术，出院后由女儿接回家照料，探访改为每周上门',
    },
    {
      from: -4,
      to: -1,
      situation: '上门探访时发现老人发烧咳嗽，家中无人照顾，饭菜已凉',
      actions: '联系村医上门诊治，请邻居帮忙做饭，电话通知老人女儿',
      reportedTo: '镇民政办、村委会',
      outcome: null,
    },
  ];
  for (const r of reports) {
    const candidates = homeVisits.filter((v) => !withProblem.has(v.elderId) && v.on >= addDays(today, r.from) && v.on <= addDays(today, r.to));
    if (candidates.length === 0) continue;
    const visit = random.pick(candidates);
    withProblem.add(visit.elderId);
    const foundAt = new Date(visit.at.getTime() + 10 * 60_000);
    const { id } = await reportSpecial(deps, actor, {
      elderId: visit.elderId,
      foundAt: foundAt.toISOString(),
      situation: r.situation,
      actions: r.actions,
      reportedTo: r.reportedTo,
      reportedAt: new Date(foundAt.getTime() + random.int(20, 60) * 60_000).toISOString(),
    });
    events += 1;
    if (r.outcome) {
      await closeSpecial(deps, actor, { id, outcome: r.outcome });
      events += 1;
    }
  }
  return events;
}

