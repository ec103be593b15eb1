// The demo centre's current residents get what a real centre would have on file: a finalised ability assessment
// (some due again), a safety risk assessment, a 特困 tier, a care grade with consent, and a care plan.
import { addDays, addMonths, daysBetween } from '@shared/domain/dates';
import { EDUCATIONS, suggestedMalnutrition } from '@shared/domain/assessment/basic-info';
import { HEALTH_ITEMS } from '@shared/domain/assessment/health';
import { ITEMS } from '@shared/domain/assessment/items';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { suggestIndicators } from '@shared/domain/assessment/tekun-tier';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { finalize, saveDraft } from '../services/assessment/ability';
import { recordRisks } from '../services/assessment/risk';
import { recordTier } from '../services/tier/tier';
import { generatePlan } from '../services/careplan/careplan';
import { assignGrade, suggestGrade } from '../services/grades/grades';
import type { Random } from './random';

const COUNTY_AGENCY = '县老年人能力评估中心';

const MEASURES: Record<string, string> = {
  choking: '软食，进餐时专人看护',
  wrong_intake: '药品集中保管，按时发放',
  pressure_sore: '每2小时翻身，使用气垫床',
  scald: '热水由护理员调好水温',
  fall_from_bed: '拉起床栏，床边放置夜灯',
  fall: '穿防滑鞋，夜间巡视，起夜有人陪同',
  harm: '关注情绪，收好刀剪',
  wandering: '佩戴联系卡，每班清点',
  activity_accident: '活动时有护理员陪同',
};

export async function assessCurrentResidents(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const residents = await deps.db
    .selectFrom('residents')
    .select(['id', 'admittedOn', 'chronicConditions', 'contacts', 'ethnicity'])
    .where('status', '!=', 'discharged')
    .execute();
  let writes = 0;
  for (const r of residents) {
    // Ability between fully independent and fully dependent; the scores follow it with a little noise.
    const ability = random.next();
    const answers = Object.fromEntries(
      ITEMS.map((i) => [i.code, Math.max(0, Math.min(i.max, Math.round(i.max * ability + (random.next() - 0.5) * 1.5)))]),
    );
    const earliest = r.admittedOn && r.admittedOn > addMonths(today, -8) ? r.admittedOn : addMonths(today, -8);
    // A.2 of a typical 敬老院 resident: living in the centre, widowed or never married, 城乡居民医保 with 医疗救助.
    const heightCm = random.int(148, 172);
    const weightKg = Math.round(heightCm * heightCm * (16 + random.next() * 9) / 1000) / 10;
    const basicInfo = {
      ethnicity: r.ethnicity,
      religion: '无',
      religionName: '',
      education: random.pick(EDUCATIONS.slice(0, 3)),
      living: ['养老机构'],
      marital: random.pick(['丧偶', '未婚', '离婚']),
      medicalPayment: ['城乡居民基本医疗保险', '医疗救助'],
      incomeSource: ['其他补贴'],
      heightCm,
      weightKg,
    };
    // A.5: every item answered; those least able sometimes have a pressure injury (the county counts Ⅱ期 and worse).
    const a51 = HEALTH_ITEMS[0].options;
    const choices: Record<string, string[]> = Object.fromEntries(HEALTH_ITEMS.map((h) => [h.code, [h.options[0]]]));
    choices['A.5.1'] = [ability < 0.25 && random.chance(0.4) ? a51[random.int(1, 3)] : a51[0]];
    choices['A.5.9'] = [suggestedMalnutrition(basicInfo) ?? '无'];
    const health = { choices, jointSites: '', other: '' };
    const assessedOn = addDays(earliest, random.int(0, Math.max(0, daysBetween(earliest, today))));
    const { id } = await saveDraft(deps, actor, {
      residentId: r.id,
      reason: 'first',
      assessedOn,
      answers,
      riskEvents: { fall: random.chance(0.1) ? 2 : 0, wandering: 0, choking: 0, suicide: 0, selfHarm: 0, other: 0 },
      coma: false,
      // Nobody in the demo is in a coma: a B.3.9 of 0 is 昏睡.
      consciousness: answers['B.3.9'] === 0 ? 'stupor' : null,
      basicInfo,
      dementia: r.chronicConditions.includes('痴呆'),
      mentalDisorder: false,
      // The demo's assessments were made by the county agency (they precede the staff register in the demo).
      assessor1: { staffId: null, name: '李红梅', organisation: COUNTY_AGENCY },
      assessor2: { staffId: null, name: '赵建军', organisation: COUNTY_AGENCY },
      health,
    });
    await finalize(deps, actor, id);

    const risks = SAFETY_RISKS.map((s) => {
      const exposure = (s.code === 'pressure_sore' || s.code === 'fall_from_bed' ? 1 - ability : s.code === 'fall' ? 0.8 - ability / 2 : 0.5 - ability / 2) + (random.next() - 0.5) * 0.3;
      const grade = exposure > 0.7 ? 'high' : exposure > 0.45 ? 'medium' : 'low';
      return { code: s.code, grade, measures: grade === 'low' ? '' : MEASURES[s.code] } as const;
    });
    await recordRisks(deps, actor, { residentId: r.id, assessedOn, risks: [...risks], assessor: '李红梅', note: '' });
    await recordTier(deps, actor, { residentId: r.id, assessedOn, indicators: suggestIndicators(answers), assessor: '李红梅', note: '' });

    const suggestion = await suggestGrade(deps.db, r.id);
    const contact = (JSON.parse(r.contacts) as { name: string; relation: string }[])[0];
    if (suggestion.gradeId) {
      await assignGrade(deps, actor, {
        residentId: r.id,
        gradeId: suggestion.gradeId,
        effectiveFrom: assessedOn,
        overrideReason: '',
        approver: '',
        consentBy: contact?.name ?? '本人',
        consentRelation: contact?.relation ?? '本人',
      });
      await generatePlan(deps, actor, r.id);
    }
    writes += 6;
  }
  return writes;
}
