// Ability assessments of elders on the village register, done at home (issue 17, "Assessments outside the walls"): the
// same GB/T 42195 form, rules and report as a resident's (ability.ts). Here: the elder as the assessment's subject (on
// the register, living at home on the assessment day), who may assess and read whom, an elder's assessments, and the
// coverage figure — of the 特困, 低保 and 计生特殊家庭 elders at home now, who has a current final assessment.
import { ASSESSORS, HOME_ASSESSMENT_READERS, HOME_ASSESSORS, type HomeCoverage } from '@shared/api/assessment';
import { AppError, invalid } from '@shared/api/errors';
import { RESIDENT_READERS, type Role } from '@shared/api/roles';
import { addMonths } from '@shared/domain/dates';
import { groupsOn } from '@shared/domain/elders/risk';
import { ASSESSMENT_COVERED } from '@shared/domain/elders/vocab';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';
import { Categories } from '../elders/rows';
import { readSettings } from '../settings/settings';

/** An elder of the register, as an assessment's subject. */
export async function loadElder(db: Executor, id: string) {
  const elder = await db.selectFrom('elders').select(['id', 'name', 'birthDate', 'status', 'statusOn']).where('id', '=', id).executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  return elder;
}
export type ElderSubject = Awaited<ReturnType<typeof loadElder>>;

const LEFT_HOME = { in_centre: '入住本院', moved_away: '迁出', died: '去世' } as const;

/** A home assessment needs the elder living at home that day: not died, moved away or moved into the centre by then. */
export function assertAtHomeOn(elder: ElderSubject, day: string) {
  if (elder.status !== 'at_home' && elder.statusOn !== null && elder.statusOn <= day) {
    throw invalid(`${elder.name}已于${elder.statusOn}${LEFT_HOME[elder.status]}，不能登记${day}的居家能力评估`, 'assessedOn');
  }
}

/** Writing an assessment: a resident's by the centre's assessors (ASSESSORS), an elder's at home by HOME_ASSESSORS. */
export function assertMayAssess(caller: Caller, subject: 'resident' | 'elder') {
  if (subject === 'resident' && !ASSESSORS.includes(caller.role)) {
    throw new AppError('FORBIDDEN', '关爱专干只做名册上居家老人的能力评估；本院入住老人的评估请由院长、护理组长或医护人员完成');
  }
  if (subject === 'elder' && !HOME_ASSESSORS.includes(caller.role)) {
    throw new AppError('FORBIDDEN', '居家能力评估由关爱专干、护理组长或院长录入；医护人员可以在表上选作评估员');
  }
}

/** Reading an assessment: a resident's by those who read residents' files, an elder's by the register's readers and its assessors. */
export function assertMayRead(role: Role, subject: 'resident' | 'elder') {
  const readers = subject === 'resident' ? RESIDENT_READERS : HOME_ASSESSMENT_READERS;
  if (!readers.includes(role)) {
    throw new AppError('FORBIDDEN', subject === 'resident' ? '您的岗位不能查看本院老人的评估' : '您的岗位不能查看农村老人的居家评估');
  }
}

/**
 * The coverage figure. Counted: elders at home now (status 在家) in a group of ASSESSMENT_COVERED. Covered: the latest
 * final GB/T 42195 assessment of the person (at home, or in the centre when the elder was a resident: elders.resident_id)
 * is not yet due for the routine reassessment — its date plus the centre's 常规复评间隔 is after today, the same rule as
 * the residents' due list (schedule.ts).
 */
export async function homeCoverage(deps: BackendDeps): Promise<HomeCoverage> {
  const today = todayIn(deps.clock);
  const { reassessMonths } = await readSettings(deps.db);
  const elders = await deps.db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select(['elders.id', 'elders.name', 'elders.birthDate', 'elders.categories', 'elders.residentId', 'villages.name as village'])
    .where('elders.status', '=', 'at_home')
    .orderBy('villages.name')
    .orderBy('elders.nameInitials')
    .orderBy('elders.name')
    .execute();
  const counted = elders
    .map((e) => ({ ...e, categories: parseJsonColumn(Categories, e.categories, '老人的人员类别') }))
    .filter((e) => e.categories.some((c) => ASSESSMENT_COVERED.includes(c)));
  const finals = await deps.db
    .selectFrom('assessments')
    .select(['elderId', 'residentId', (eb) => eb.fn.max('assessedOn').as('last')])
    .where('status', '=', 'final')
    .groupBy(['elderId', 'residentId'])
    .execute();
  const byElder = new Map(finals.flatMap((f) => (f.elderId ? [[f.elderId, f.last as string] as const] : [])));
  const byResident = new Map(finals.flatMap((f) => (f.residentId ? [[f.residentId, f.last as string] as const] : [])));
  let covered = 0;
  const missing: HomeCoverage['missing'] = [];
  for (const e of counted) {
    const dates = [byElder.get(e.id), e.residentId ? byResident.get(e.residentId) : undefined].filter((d): d is string => d !== undefined);
    const last = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
    if (last && addMonths(last, reassessMonths) > today) covered += 1;
    else missing.push({ elderId: e.id, name: e.name, village: e.village, groups: groupsOn(e, today), lastAssessedOn: last });
  }
  return { covered, total: counted.length, reassessMonths, missing };
}
