// API of the homecare module, delivery part (issue 18).
export const homecareDeliveryApi = {};
