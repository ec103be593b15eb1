// The meals data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useMealsAdjust = (options?: MutationOptions<'meals.adjust'>) => useApiMutation('meals.adjust', options);
export const useMealsCancelServing = (options?: MutationOptions<'meals.cancelServing'>) => useApiMutation('meals.cancelServing', options);
export const useMealsCopyMenuWeek = (options?: MutationOptions<'meals.copyMenuWeek'>) => useApiMutation('meals.copyMenuWeek', options);
export const useMealsDeliveryList = (input: In<'meals.deliveryList'>, enabled = true) => useApi('meals.deliveryList', input, enabled);
export const useMealsDietTypes = (enabled = true) => useApi('meals.dietTypes', {}, enabled);
export const useMealsDiners = (input: In<'meals.diners'>, enabled = true) => useApi('meals.diners', input, enabled);
export const useMealsDinerCandidates = (input: In<'meals.dinerCandidates'>, enabled = true) => useApi('meals.dinerCandidates', input, enabled);
export const useMealsDisposeDue = (options?: MutationOptions<'meals.disposeDue'>) => useApiMutation('meals.disposeDue', options);
export const useMealsDisposeSample = (options?: MutationOptions<'meals.disposeSample'>) => useApiMutation('meals.disposeSample', options);
export const useMealsExportMonth = (options?: MutationOptions<'meals.exportMonth'>) => useApiMutation('meals.exportMonth', options);
export const useMealsHeadcount = (input: In<'meals.headcount'>, enabled = true) => useApi('meals.headcount', input, enabled);
export const useMealsKitchenCerts = (enabled = true) => useApi('meals.kitchenCerts', {}, enabled);
export const useMealsMenuWeek = (input: In<'meals.menuWeek'>, enabled = true) => useApi('meals.menuWeek', input, enabled);
export const useMealsMonthReport = (input: In<'meals.monthReport'>, enabled = true) => useApi('meals.monthReport', input, enabled);
export const useMealsPrices = (input: In<'meals.prices'>, enabled = true) => useApi('meals.prices', input, enabled);
export const useMealsRecordSample = (options?: MutationOptions<'meals.recordSample'>) => useApiMutation('meals.recordSample', options);
export const useMealsResidentDiets = (input: In<'meals.residentDiets'>, enabled = true) => useApi('meals.residentDiets', input, enabled);
export const useMealsSampleWarnings = (input: In<'meals.sampleWarnings'>, enabled = true) => useApi('meals.sampleWarnings', input, enabled);
export const useMealsSamples = (input: In<'meals.samples'>, enabled = true) => useApi('meals.samples', input, enabled);
export const useMealsSaveDietType = (options?: MutationOptions<'meals.saveDietType'>) => useApiMutation('meals.saveDietType', options);
export const useMealsSaveDiner = (options?: MutationOptions<'meals.saveDiner'>) => useApiMutation('meals.saveDiner', options);
export const useMealsSaveMenu = (options?: MutationOptions<'meals.saveMenu'>) => useApiMutation('meals.saveMenu', options);
export const useMealsSavePrice = (options?: MutationOptions<'meals.savePrice'>) => useApiMutation('meals.savePrice', options);
export const useMealsServe = (options?: MutationOptions<'meals.serve'>) => useApiMutation('meals.serve', options);
export const useMealsServeDiner = (options?: MutationOptions<'meals.serveDiner'>) => useApiMutation('meals.serveDiner', options);
export const useMealsServingDay = (input: In<'meals.servingDay'>, enabled = true) => useApi('meals.servingDay', input, enabled);
export const useMealsSetResidentDiet = (options?: MutationOptions<'meals.setResidentDiet'>) => useApiMutation('meals.setResidentDiet', options);
