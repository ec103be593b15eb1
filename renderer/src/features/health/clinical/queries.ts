// The clinical records' data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useDoctorVisits = (input: In<'health.doctorVisits'>) => useApi('health.doctorVisits', input);
export const useRecordDoctorVisit = (options?: MutationOptions<'health.recordDoctorVisit'>) => useApiMutation('health.recordDoctorVisit', options);
export const useVoidDoctorVisit = (options?: MutationOptions<'health.voidDoctorVisit'>) => useApiMutation('health.voidDoctorVisit', options);
export const useReferrals = (input: In<'health.referrals'>) => useApi('health.referrals', input);
export const useReferResident = (options?: MutationOptions<'health.referResident'>) => useApiMutation('health.referResident', options);
export const useCloseReferral = (options?: MutationOptions<'health.closeReferral'>) => useApiMutation('health.closeReferral', options);
export const usePressureInjuries = (input: In<'health.pressureInjuries'>) => useApi('health.pressureInjuries', input);
export const useRecordPressure = (options?: MutationOptions<'health.recordPressureInjury'>) => useApiMutation('health.recordPressureInjury', options);
export const useReviewPressure = (options?: MutationOptions<'health.reviewPressureInjury'>) => useApiMutation('health.reviewPressureInjury', options);
export const useHealPressure = (options?: MutationOptions<'health.healPressureInjury'>) => useApiMutation('health.healPressureInjury', options);
export const useVoidPressure = (options?: MutationOptions<'health.voidPressureInjury'>) => useApiMutation('health.voidPressureInjury', options);
export const usePressurePrevalence = (input: In<'health.pressurePrevalence'>) => useApi('health.pressurePrevalence', input);
export const usePressureSheet = (input: In<'health.pressureSheet'>, enabled = true) => useApi('health.pressureSheet', input, enabled);
