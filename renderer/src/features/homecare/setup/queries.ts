// The homecare setup data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useHomecareItems = (input: In<'homecare.items'>, enabled = true) => useApi('homecare.items', input, enabled);
export const useHomecareSaveItem = (options?: MutationOptions<'homecare.saveItem'>) => useApiMutation('homecare.saveItem', options);
export const useHomecarePrices = (input: In<'homecare.prices'>, enabled = true) => useApi('homecare.prices', input, enabled);
export const useHomecareSavePrice = (options?: MutationOptions<'homecare.savePrice'>) => useApiMutation('homecare.savePrice', options);
export const useHomecareEntitlements = (input: In<'homecare.entitlements'>, enabled = true) => useApi('homecare.entitlements', input, enabled);
export const useHomecareSaveEntitlement = (options?: MutationOptions<'homecare.saveEntitlement'>) => useApiMutation('homecare.saveEntitlement', options);
export const useHomecareEndEntitlement = (options?: MutationOptions<'homecare.endEntitlement'>) => useApiMutation('homecare.endEntitlement', options);
export const useHomecareProviders = (input: In<'homecare.providers'>, enabled = true) => useApi('homecare.providers', input, enabled);
export const useHomecareSaveProvider = (options?: MutationOptions<'homecare.saveProvider'>) => useApiMutation('homecare.saveProvider', options);
export const useHomecareSaveWorker = (options?: MutationOptions<'homecare.saveWorker'>) => useApiMutation('homecare.saveWorker', options);
export const useHomecarePlans = (input: In<'homecare.plans'>, enabled = true) => useApi('homecare.plans', input, enabled);
export const useHomecareSavePlan = (options?: MutationOptions<'homecare.savePlan'>) => useApiMutation('homecare.savePlan', options);
export const useHomecareEndPlan = (options?: MutationOptions<'homecare.endPlan'>) => useApiMutation('homecare.endPlan', options);
