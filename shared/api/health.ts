// API of the health module (issue 19): the residents' health file. Two parts, each in its own file: the file
// (check-ups, family doctor, monthly entries, trends, the printed file) and the clinical records (doctors' visits,
// referrals, pressure injuries).
import { healthClinicalApi } from './health-clinical';
import { healthFileApi } from './health-file';

export const healthApi = { ...healthFileApi, ...healthClinicalApi };
