// API of the homecare module (issue 18): the services the government buys for elders at home (居家上门服务). Three
// parts, each in its own file: the setup (catalogue and dated prices, entitlements, providers and workers, recurring
// plans), the delivery (planned and recorded visits, missed ones, the elder's month against the entitlement, printed
// records and 服务确认单) and the checking and paying (回访 checks, complaints, monthly settlements per provider).
import { homecareDeliveryApi } from './homecare-delivery';
import { homecareSettlementApi } from './homecare-settlement';
import { homecareSetupApi } from './homecare-setup';

export const homecareApi = { ...homecareSetupApi, ...homecareDeliveryApi, ...homecareSettlementApi };
