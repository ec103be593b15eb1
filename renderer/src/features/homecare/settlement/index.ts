// The settlement part of 居家服务 (issue 18): 回访, complaints and the monthly settlement, as tabs of the homecare page.
export { ChecksTab } from './ChecksTab';
export { ComplaintsTab } from './ComplaintsTab';
export { SettlementTab } from './SettlementTab';
