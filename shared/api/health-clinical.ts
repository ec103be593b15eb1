// API of the health module, clinical part (issue 19): doctors' visits to the centre (医生巡诊) and the residents seen,
// hospital referrals, and the pressure-injury register with its reviews and prevalence.
export const healthClinicalApi = {};
