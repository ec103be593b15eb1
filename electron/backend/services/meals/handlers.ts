// The handlers of the kitchen: diets, menus, headcounts, meal aid, food samples (meals.*): each method of the module's contract, bound to its service.
import { monthReport } from './report';
import { listDietTypes, residentDiets, saveDietType, setResidentDiet } from './diets';
import { dinerCandidates, listDiners, saveDiner } from './diners';
import { adjustCount, headcount, serveMeal } from './headcount';
import { kitchenCerts } from './kitchen-staff';
import { copyMenuWeek, menuWeek, saveMenu } from './menus';
import { listPrices, savePrice } from './prices';
import { exportMonth } from './report';
import { disposeDue, disposeSample, recordSample, sampleDay, sampleWarnings } from './samples';
import { cancelServing, deliveryList, serveDiner, servingDay } from './servings';
import type { mealsApi } from '@shared/api/meals';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';

export function mealsHandlers({ deps }: HandlerContext): ModuleHandlers<typeof mealsApi> {
  return {
    'meals.dietTypes': () => listDietTypes(deps),
    'meals.saveDietType': (input, { caller }) => saveDietType(deps, caller, input),
    'meals.residentDiets': (input) => residentDiets(deps, input.query),
    'meals.setResidentDiet': (input, { caller }) => setResidentDiet(deps, caller, input),
    'meals.menuWeek': (input) => menuWeek(deps, input.monday),
    'meals.saveMenu': (input, { caller }) => saveMenu(deps, caller, input),
    'meals.copyMenuWeek': (input, { caller }) => copyMenuWeek(deps, caller, input.monday),
    'meals.headcount': (input) => headcount(deps, input.date),
    'meals.adjust': (input, { caller }) => adjustCount(deps, caller, input),
    'meals.serve': (input, { caller }) => serveMeal(deps, caller, input),
    'meals.diners': (input) => listDiners(deps, input.query, input.includeLeft),
    'meals.saveDiner': (input, { caller }) => saveDiner(deps, caller, input),
    'meals.dinerCandidates': (input) => dinerCandidates(deps, input.query),
    'meals.prices': (input) => listPrices(deps, input.onDate),
    'meals.savePrice': (input, { caller }) => savePrice(deps, caller, input),
    'meals.servingDay': (input) => servingDay(deps, input.date, input.meal, input.query),
    'meals.serveDiner': (input, { caller }) => serveDiner(deps, caller, input),
    'meals.cancelServing': (input, { caller }) => cancelServing(deps, caller, input),
    'meals.deliveryList': (input) => deliveryList(deps, input.date, input.meal),
    'meals.samples': (input) => sampleDay(deps, input.date),
    'meals.recordSample': (input, { caller }) => recordSample(deps, caller, input),
    'meals.disposeSample': (input, { caller }) => disposeSample(deps, caller, input),
    'meals.disposeDue': (_input, { caller }) => disposeDue(deps, caller),
    'meals.sampleWarnings': (input) => sampleWarnings(deps, input.from, input.to),
    'meals.kitchenCerts': () => kitchenCerts(deps),
    'meals.monthReport': (input) => monthReport(deps, input.month),
    'meals.exportMonth': (input, { caller }) => exportMonth(deps, caller, input.month),
  };
}
