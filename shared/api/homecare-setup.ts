// API of the homecare module, setup part (issue 18).
export const homecareSetupApi = {};
