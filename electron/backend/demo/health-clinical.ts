// The demo centre's clinical records (issue 19), through the real services: two doctors' visits a month for the last
// three months (the township hospital's doctor and a family doctor), each seeing three to six residents with findings
// and advice; one recorded for the wrong day and voided; at the latest visit, when the drug list is there, the advice
// starts an order tied to the visit. Two hospital referrals following the residents' own hospital stays where there are
// some — one back at the centre with a short discharge summary, one still open. Three pressure injuries: one in-centre
// found about seven weeks ago, reviewed and healed; one brought in on admission (Ⅲ期), reviewed and still open; one
// in-centre Ⅱ期 found twelve days ago with one review.
import { randomUUID } from 'node:crypto';
import { addDays, shiftMonth } from '@shared/domain/dates';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { recordDoctorVisit, voidDoctorVisit } from '../services/health/doctor-visits';
import { residentsOnBooks } from '../services/health/clinical-common';
import { healPressureInjury, recordPressureInjury, reviewPressureInjury } from '../services/health/pressure';
import { closeReferral, referResident } from '../services/health/referrals';
import { startOrder } from '../services/medication/orders';
import type { Random } from './random';

const DOCTORS: [string, string][] = [
  ['王建国', '柳湾镇卫生院'],
  ['李秀梅', '柳湾镇卫生院家庭医生团队'],
];
const SEEN: [string, string][] = [
  ['血压 152/88 mmHg，无头晕', '继续原降压药，每日测血压，低盐饮食'],
  ['空腹血糖 8.1 mmol/L', '控制主食，一周后复查空腹血糖'],
  ['双肺呼吸音清，偶有咳嗽', '多饮水，注意保暖，咳嗽加重随时报告'],
  ['双下肢轻度水肿', '抬高下肢，记录每日尿量，下次巡诊复查'],
  ['睡眠差，夜间易醒', '白天增加活动，睡前少饮水；必要时按需服助眠药'],
  ['骶尾部皮肤发红，指压可褪色', '每2小时翻身，保持皮肤清洁干燥，使用减压垫'],
  ['精神好，饮食正常', '继续现有护理'],
  ['便秘三天', '多吃蔬菜水果，腹部按摩；三天无便按需用乳果糖'],
  ['右膝关节疼痛，活动受限', '局部热敷，避免久站；疼痛明显时按需服对乙酰氨基酚'],
];
const NEW_ORDER: [string, string] = ['血压 168/96 mmHg，连续三天偏高', '加用苯磺酸氨氯地平片 5 mg，每日一次'];

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function onBooks(deps: BackendDeps, day: string): Promise<string[]> {
  const ids = [...(await residentsOnBooks(deps.db, day))];
  if (ids.length === 0) return [];
  const rows = await deps.db.selectFrom('residents').select(['id', 'name']).where('id', 'in', ids).orderBy('name').execute();
  return rows.map((r) => r.id);
}

/** Those on the books and at the centre that day (not away on leave or in hospital since an earlier day). */
async function presentOn(deps: BackendDeps, day: string): Promise<string[]> {
  const away = await deps.db
    .selectFrom('stayEvents')
    .select('residentId')
    .where('type', 'in', ['leave', 'hospital'])
    .where('date', '<', day)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', day)]))
    .execute();
  const gone = new Set(away.map((a) => a.residentId));
  return (await onBooks(deps, day)).filter((id) => !gone.has(id));
}

export async function demoHealthClinical(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  // ---- doctors' visits
  let latest: { id: string; visitedOn: string; doctor: string; institution: string; residents: string[] } | null = null;
  for (let back = 2; back >= 0; back -= 1) {
    const month = shiftMonth(today.slice(0, 7), -back);
    for (const [k, day] of [6, 20].entries()) {
      const visitedOn = `${month}-${String(day + random.int(0, 3)).padStart(2, '0')}`;
      if (visitedOn >= today) continue;
      const pool = await presentOn(deps, visitedOn);
      if (pool.length === 0) continue;
      const [doctor, institution] = DOCTORS[k % DOCTORS.length]!;
      const residents = shuffled(random, pool).slice(0, Math.min(pool.length, random.int(3, 6)));
      const seen = residents.map((residentId) => {
        const [findings, advice] = random.pick(SEEN);
        return { residentId, findings, advice };
      });
      const last = back === 0 && k === 0;
      if (last && seen[0]) [seen[0].findings, seen[0].advice] = NEW_ORDER;
      const input = { requestId: randomUUID(), visitedOn, doctor, institution, note: k === 0 ? '每月例行巡诊' : '家庭医生签约随访', residents: seen };
      if (back === 1 && k === 1) {
        // recorded for the wrong day first, voided, then recorded again
        const dayBefore = addDays(visitedOn, -1);
        const there = new Set(await presentOn(deps, dayBefore));
        const wrongSeen = seen.filter((x) => there.has(x.residentId));
        if (wrongSeen.length > 0) {
          const wrong = await recordDoctorVisit(deps, actor, { ...input, requestId: randomUUID(), visitedOn: dayBefore, residents: wrongSeen });
          await voidDoctorVisit(deps, actor, { id: wrong.id, reason: `日期登记错了，应为${visitedOn}` });
          events += 2;
        }
      }
      const { id } = await recordDoctorVisit(deps, actor, input);
      events += 1;
      if (last) latest = { id, visitedOn, doctor, institution, residents };
    }
  }
  // The latest visit's first advice starts an order (when the medication part's drug list is there).
  const amlodipine = await deps.db.selectFrom('drugs').select('id').where('name', 'like', '%氨氯地平%').where('retiredAt', 'is', null).executeTakeFirst();
  if (latest && amlodipine && latest.residents[0]) {
    const startsOn = addDays(latest.visitedOn, 1) <= today ? addDays(latest.visitedOn, 1) : latest.visitedOn;
    try {
      await startOrder(deps, actor, {
        requestId: randomUUID(),
        residentId: latest.residents[0],
        drugId: amlodipine.id,
        prescriber: latest.doctor,
        prescriberKind: 'township_hospital',
        institution: latest.institution,
        prescribedOn: latest.visitedOn,
        startsOn,
        endsOn: null,
        dose: 1,
        route: 'oral',
        frequency: 'qd',
        mealRelation: 'any',
        times: [],
        prnMaxPerDay: null,
        prnIndication: '',
        note: '巡诊时开具',
        doctorVisitId: latest.id,
        supply: 'kept',
      });
      events += 1;
    } catch {
      // the resident cannot take a new order (left meanwhile): the visit stands without it
    }
  }

  // ---- referrals, following the residents' hospital stays where there are some
  const stays = await deps.db
    .selectFrom('stayEvents')
    .select(['residentId', 'date', 'endDate', 'note'])
    .where('type', '=', 'hospital')
    .where('date', '<', today)
    .where('date', '>=', addDays(today, -180))
    .orderBy('date', 'desc')
    .execute();
  const closedStay = stays.find((s) => s.endDate !== null && s.endDate <= today);
  const openStay = stays.find((s) => s.endDate === null);
  const returned = closedStay ?? { residentId: (await onBooks(deps, addDays(today, -40)))[0], date: addDays(today, -40), endDate: addDays(today, -33), note: '' };
  if (returned.residentId && (await onBooks(deps, returned.date)).includes(returned.residentId)) {
    const { id } = await referResident(deps, actor, { residentId: returned.residentId, referredOn: returned.date, hospital: '清河县人民医院', reason: '发热、咳嗽三天，肺部感染待查', escortedBy: '护理组长' });
    await closeReferral(deps, actor, { id, outcome: 'returned', closedOn: returned.endDate ?? today, summary: '社区获得性肺炎，抗感染治疗后好转出院；出院带药头孢克肟一周，两周后复查胸片' });
    events += 2;
  }
  const away = openStay ?? { residentId: (await onBooks(deps, addDays(today, -3))).at(-1), date: addDays(today, -3) };
  if (away.residentId && away.residentId !== returned.residentId && (await onBooks(deps, away.date)).includes(away.residentId)) {
    await referResident(deps, actor, { residentId: away.residentId, referredOn: away.date, hospital: '清河县人民医院', reason: '夜间胸闷气短，血压 180/100 mmHg', escortedBy: '值班护理员' });
    events += 1;
  }

  // ---- pressure injuries
  const now = await onBooks(deps, today);
  const healedFound = addDays(today, -50);
  const healedPool = (await onBooks(deps, healedFound)).filter((id) => now.includes(id));
  if (healedPool[1]) {
    const { id } = await recordPressureInjury(deps, actor, {
      requestId: randomUUID(), residentId: healedPool[1], site: '左足跟', origin: 'in_centre', foundOn: healedFound, stage: 'stage1',
      lengthCm: 2, widthCm: 2, riskScale: 'braden', riskScore: 14, repositionHours: 2, note: '足跟垫软枕悬空，每班查看',
    });
    await reviewPressureInjury(deps, actor, { requestId: randomUUID(), injuryId: id, reviewedOn: addDays(healedFound, 7), stage: 'stage1', lengthCm: 1, widthCm: 1, note: '红印变淡' });
    await healPressureInjury(deps, actor, { id, healedOn: addDays(healedFound, 18) });
    events += 3;
  }
  // brought in: the most recently admitted resident still here
  const admitted = await deps.db
    .selectFrom('residents')
    .select(['id', 'admittedOn'])
    .where('status', '!=', 'discharged')
    .where('admittedOn', 'is not', null)
    .where('admittedOn', '<=', addDays(today, -8))
    .orderBy('admittedOn', 'desc')
    .executeTakeFirst();
  if (admitted?.admittedOn && now.includes(admitted.id)) {
    const foundOn = admitted.admittedOn;
    const { id } = await recordPressureInjury(deps, actor, {
      requestId: randomUUID(), residentId: admitted.id, site: '骶尾部', origin: 'on_admission', foundOn, stage: 'stage3',
      lengthCm: 4, widthCm: 3, riskScale: 'braden', riskScore: 10, repositionHours: 2, note: '入院时家属告知在家卧床三个月；清创换药，气垫床',
    });
    await reviewPressureInjury(deps, actor, { requestId: randomUUID(), injuryId: id, reviewedOn: addDays(foundOn, 7), stage: 'stage3', lengthCm: 3.5, widthCm: 3, note: '肉芽组织生长，渗液减少' });
    events += 2;
  }
  const recent = addDays(today, -12);
  const recentPool = (await onBooks(deps, recent)).filter((id) => now.includes(id) && id !== admitted?.id && id !== healedPool[1]);
  if (recentPool[0]) {
    const { id } = await recordPressureInjury(deps, actor, {
      requestId: randomUUID(), residentId: random.pick(recentPool), site: '右髋部', origin: 'in_centre', foundOn: recent, stage: 'stage2',
      lengthCm: 2.5, widthCm: 2, riskScale: 'braden', riskScore: 12, repositionHours: 2, note: '出现水泡，水胶体敷料，已报告院长',
    });
    await reviewPressureInjury(deps, actor, { requestId: randomUUID(), injuryId: id, reviewedOn: addDays(recent, 5), stage: 'stage2', lengthCm: 2, widthCm: 1.5, note: '水泡吸收，创面缩小' });
    events += 2;
  }
  return events;
}
