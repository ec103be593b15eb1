// The homecare setup tabs the homecare page shows: the catalogue and prices, providers, entitlements and plans.
export { EntitlementsTab } from './EntitlementsTab';
export { ItemsTab } from './ItemsTab';
export { PlansTab } from './PlansTab';
export { ProvidersTab } from './ProvidersTab';
