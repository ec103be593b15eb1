// Words of the homecare module (居家上门服务, issue 18), part of zh-CN: the page's title and tabs; each part's own words
// (setup, delivery, settlement) in its own file.
import { homecareDeliveryZh } from './zh-CN-homecare-delivery';
import { homecareSettlementZh } from './zh-CN-homecare-settlement';
import { homecareSetupZh } from './zh-CN-homecare-setup';

export const homecareZh = {
  title: '居家上门服务',
  tabs: {
    schedule: '服务安排',
    visits: '服务记录',
    checks: '回访',
    complaints: '投诉',
    settlement: '月结算',
    plans: '服务计划',
    entitlements: '享受额度',
    providers: '服务机构',
    items: '项目与价格',
  },
  setup: homecareSetupZh,
  delivery: homecareDeliveryZh,
  settlement: homecareSettlementZh,
};
