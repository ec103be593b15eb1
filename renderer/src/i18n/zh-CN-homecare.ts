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
  home: {
    title: '居家服务',
    open: '看服务安排',
    today: '今天计划上门 {{planned}} 次：已服务 {{done}}，未上门 {{missed}}，待服务 {{todo}}',
    noneToday: '今天没有计划的上门服务',
    complaints: '{{n}} 条投诉还没答复',
    complaintsOverdue: '{{n}} 条投诉还没答复，其中 {{overdue}} 条已超过答复期限',
    unchecked: '分散供养特困老人本月还有 {{n}} 位没检查照料情况（共 {{people}} 位）',
    allChecked: '分散供养特困老人 {{people}} 位，本月都已检查照料情况',
  },
  setup: homecareSetupZh,
  delivery: homecareDeliveryZh,
  settlement: homecareSettlementZh,
};
