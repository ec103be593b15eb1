// The handlers of the homecare module's setup part: the catalogue, prices, entitlements, providers and workers, plans.
import type { homecareSetupApi } from '@shared/api/homecare-setup';
import { todayIn } from '../../clock';
import type { HandlerContext, ModuleHandlers } from '../../rpc/types';
import { endEntitlement, listEntitlements, saveEntitlement } from './entitlements';
import { listItems, saveItem } from './items';
import { endPlan, listPlans, savePlan } from './plans';
import { listPrices, savePrice } from './prices';
import { listProviders, saveProvider, saveWorker } from './providers';

export function homecareSetupHandlers({ deps }: HandlerContext): ModuleHandlers<typeof homecareSetupApi> {
  const today = () => todayIn(deps.clock);
  return {
    'homecare.items': (input) => listItems(deps, input.includeRetired, today()),
    'homecare.saveItem': (input, { caller }) => saveItem(deps, caller, input),
    'homecare.prices': (input) => listPrices(deps.db, input.onDate),
    'homecare.savePrice': (input, { caller }) => savePrice(deps, caller, input),
    'homecare.entitlements': (input) => listEntitlements(deps.db, input, today()),
    'homecare.saveEntitlement': (input, { caller }) => saveEntitlement(deps, caller, input),
    'homecare.endEntitlement': (input, { caller }) => endEntitlement(deps, caller, input),
    'homecare.providers': (input) => listProviders(deps.db, input.includeRetired, today()),
    'homecare.saveProvider': (input, { caller }) => saveProvider(deps, caller, input),
    'homecare.saveWorker': (input, { caller }) => saveWorker(deps, caller, input),
    'homecare.plans': (input) => listPlans(deps.db, input, today()),
    'homecare.savePlan': (input, { caller }) => savePlan(deps, caller, input),
    'homecare.endPlan': (input, { caller }) => endPlan(deps, caller, input),
  };
}
