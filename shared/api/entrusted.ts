// API of the entrusted module (issue 18): 分散供养特困 entrusted care (委托照料): the agreement with the carer and the official tier it follows, the monthly checks that the care is delivered, and the monthly care-subsidy list.
export const entrustedApi = {};
