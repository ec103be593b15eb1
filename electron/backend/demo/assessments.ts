// The demo centre's current residents get what a real centre would have on file: a finalised ability assessment
// (some due again), a safety risk assessment, a 特困 tier, a care grade with consent, and a care plan.
import dayjs from 'dayjs';
import { ITEMS } from '../../../shared/domain/assessment/items';
import { SAFETY_RISKS } from '../../../shared/domain/assessment/safety-risks';
import { suggestIndicators } from '../../../shared/domain/assessment/tekun-tier';
import type { BackendDeps } from '../audit';
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
    .select(['id', 'admittedOn', 'chronicConditions', 'contacts'])
    .where('status', '!=', 'discharged')
    .execute();
  let writes = 0;
  for (const r of residents) {
    // Ability between fully independent and fully dependent; the scores follow it with a little noise.
    const ability = random.next();
    const answers = Object.fromEntries(
      ITEMS.map((i) => [i.code, Math.max(0, Math.min(i.max, Math.round(i.max * ability + (random.next() - 0.5) * 1.5)))]),
    );
    const earliest = r.admittedOn && r.admittedOn > dayjs(today).subtract(8, 'month').format('YYYY-MM-DD') ? r.admittedOn : dayjs(today).subtract(8, 'month').format('YYYY-MM-DD');
    const assessedOn = dayjs(earliest).add(random.int(0, Math.max(0, dayjs(today).diff(earliest, 'day'))), 'day').format('YYYY-MM-DD');
    const { id } = await saveDraft(deps, actor, {
      residentId: r.id,
      reason: 'first',
      assessedOn,
      answers,
      riskEvents: { fall: random.chance(0.1) ? 2 : 0, wandering: 0, choking: 0, selfHarm: 0, other: 0 },
      coma: false,
      dementia: r.chronicConditions.includes('痴呆'),
      mentalDisorder: false,
      // The demo's assessments were made by the county agency (they precede the staff register in the demo).
      assessor1: { staffId: null, name: '李红梅', organisation: COUNTY_AGENCY },
      assessor2: { staffId: null, name: '赵建军', organisation: COUNTY_AGENCY },
      health: { choices: {}, jointSites: '', other: '' },
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
