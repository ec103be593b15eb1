// The register in the monthly package (format 3, issue 17): the villages, and a minimal snapshot of every elder on the
// register at home at some time in the month — village, sex, birth date, groups, level, status at month end, meal aid,
// whether a 赡养协议 is in force, and what the county needs to count visit coverage with the same due rule as the centre
// (the plan's interval for the elder and the last visit before the month), and whether the elder's ability assessment
// was current at month end. No name, ID number, phone or address.
import { addMonths, ageOn } from '@shared/domain/dates';
import { groupsOn, riskLevel } from '@shared/domain/elders/risk';
import { visitInterval } from '@shared/domain/elders/visit-due';
import { monthRange } from '@shared/domain/sync/period';
import type { SectionRecord } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';
import { parseJsonColumn } from '../../db/json';
import { Categories } from './rows';
import { readSettings } from '../settings/settings';
import { readElderSettings } from './settings';

export async function registerSections(deps: BackendDeps, period: string): Promise<{ villages: SectionRecord<'villages'>[]; elders: SectionRecord<'elders'>[] }> {
  const { first, last, toInstant } = monthRange(period);
  const db = deps.db;
  const settings = await readElderSettings(db);
  const elders = await db
    .selectFrom('elders')
    .select(['id', 'villageId', 'sex', 'birthDate', 'categories', 'criticalIllness', 'riskOverride', 'household', 'registeredOn', 'status', 'statusOn', 'residentId'])
    // The last visit before the month that was not voided by the month's end.
    .select((eb) =>
      eb
        .selectFrom('elderVisits')
        .select((v) => v.fn.max('elderVisits.visitedOn').as('on'))
        .whereRef('elderVisits.elderId', '=', 'elders.id')
        .where('elderVisits.visitedOn', '<', first)
        .where((v) => v.or([v('elderVisits.voidedAt', 'is', null), v('elderVisits.voidedAt', '>=', toInstant)]))
        .as('lastVisitBefore'),
    )
    .where('registeredOn', '<=', last)
    .where((eb) => eb.or([eb('status', '=', 'at_home'), eb('statusOn', '>=', first)]))
    .orderBy('id')
    .execute();
  const [diners, agreements, assessed, { reassessMonths }] = await Promise.all([
    db.selectFrom('mealAidDiners').select('elderId').where('createdAt', '<', toInstant).where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', last)])).execute(),
    db.selectFrom('elderAgreements').select('elderId').where('signedOn', '<=', last).where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>', last)])).execute(),
    // Final ability assessments dated by month end, at home or (for an elder who lived in the centre) as a resident;
    // like the residents' section, one finalised after the month still counts for it (a later correction carries it).
    db
      .selectFrom('assessments')
      .select(['elderId', 'residentId', (eb) => eb.fn.max('assessedOn').as('on')])
      .where('status', '=', 'final')
      .where('assessedOn', '<=', last)
      .groupBy(['elderId', 'residentId'])
      .execute(),
    readSettings(db),
  ]);
  const assessedOn = (e: { id: string; residentId: string | null }) => {
    const dates = assessed.filter((a) => a.elderId === e.id || (e.residentId !== null && a.residentId === e.residentId)).map((a) => a.on as string);
    return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
  };
  const eating = new Set(diners.map((d) => d.elderId));
  const agreed = new Set(agreements.map((a) => a.elderId));
  const villageIds = new Set(elders.map((e) => e.villageId));
  // Every village an elder of the month lives in (a register can be entered after the fact: no date filter here).
  const villages = (await db.selectFrom('villages').select(['id', 'name', 'code']).orderBy('id').execute()).filter((v) => villageIds.has(v.id));
  return {
    villages: villages.map((v) => ({ id: v.id, name: v.name, code: v.code })),
    elders: elders.map((e) => {
      const facts = { birthDate: e.birthDate, categories: parseJsonColumn(Categories, e.categories, 'elders.categories'), criticalIllness: e.criticalIllness === 1, riskOverride: e.riskOverride };
      const level = riskLevel(facts, settings.riskRules, last);
      const groups = groupsOn(facts, last);
      const changed = e.status !== 'at_home' && e.statusOn !== null && e.statusOn <= last;
      const lastAssessedOn = assessedOn(e);
      return {
        id: e.id,
        villageId: e.villageId,
        sex: e.sex,
        birthDate: e.birthDate,
        ageAtMonthEnd: ageOn(e.birthDate, last),
        groups,
        household: e.household,
        riskLevel: level,
        registeredOn: e.registeredOn,
        statusAtMonthEnd: changed ? e.status : 'at_home',
        statusOn: changed ? e.statusOn : null,
        mealAid: eating.has(e.id),
        agreement: agreed.has(e.id),
        visitEveryDays: visitInterval(level, groups, settings),
        lastVisitBefore: e.lastVisitBefore ?? null,
        lastAssessedOn,
        assessmentCurrent: lastAssessedOn !== null && addMonths(lastAssessedOn, reassessMonths) > last,
      };
    }),
  };
}
