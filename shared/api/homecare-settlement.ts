// API of the homecare module, settlement part (issue 18).
export const homecareSettlementApi = {};
