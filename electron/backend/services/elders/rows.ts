// One elder's register row as the API shows it: masked ID number, age and 高龄 on the day, the 关爱等级 from the rules
// (and the override), whether they eat with meal aid. Shared by the list and the file.
import type { ElderRow } from '@shared/api/elders';
import { ageOn } from '@shared/domain/dates';
import { computedRisk, groupsOn, type RiskRule } from '@shared/domain/elders/risk';
import { ELDER_CATEGORIES, type ElderCategory, INCOME_SOURCES } from '@shared/domain/elders/vocab';
import { maskIdNumber } from '@shared/domain/id-number';
import { z } from 'zod';
import { parseJsonColumn } from '../../db/json';
import type { Executor } from '../../db/executor';

export const Categories = z.array(z.enum(ELDER_CATEGORIES));
export const IncomeSources = z.array(z.enum(INCOME_SOURCES));

/** The columns every row needs, from elders joined with villages. */
export function selectElderRows(db: Executor) {
  return db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .selectAll('elders')
    .select('villages.name as village');
}
type Selected = Awaited<ReturnType<ReturnType<typeof selectElderRows>['execute']>>[number];

/** Elders now enrolled in meal aid (not left by the day). */
export async function mealAidElderIds(db: Executor, today: string): Promise<Set<string>> {
  const rows = await db.selectFrom('mealAidDiners').select('elderId').where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', today)])).execute();
  return new Set(rows.map((r) => r.elderId));
}

export function toElderRow(r: Selected, rules: readonly RiskRule[], today: string, mealAid: Set<string>): ElderRow & { categories: ElderCategory[] } {
  const categories = parseJsonColumn(Categories, r.categories, '老人的人员类别');
  const facts = { birthDate: r.birthDate, categories, criticalIllness: r.criticalIllness === 1, riskOverride: r.riskOverride };
  const computed = computedRisk(facts, rules, today);
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: maskIdNumber(r.idNumber),
    sex: r.sex,
    age: ageOn(r.birthDate, today),
    villageId: r.villageId,
    village: r.village,
    address: r.address,
    phone: r.phone,
    household: r.household,
    categories,
    groups: groupsOn(facts, today),
    risk: { level: r.riskOverride ?? computed, computed, override: r.riskOverride, reason: r.riskOverrideReason },
    status: r.status,
    statusOn: r.statusOn,
    mealAid: mealAid.has(r.id),
    incomplete: r.household === null || r.carer === null,
  };
}
