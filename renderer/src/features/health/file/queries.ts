// The health file's data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useHealthCheckups = (input: In<'health.checkups'>, enabled = true) => useApi('health.checkups', input, enabled);
export const useHealthRecordCheckup = (options?: MutationOptions<'health.recordCheckup'>) => useApiMutation('health.recordCheckup', options);
export const useHealthVoidCheckup = (options?: MutationOptions<'health.voidCheckup'>) => useApiMutation('health.voidCheckup', options);
export const useHealthCheckupAttachment = (input: In<'health.checkupAttachment'>, enabled = true) => useApi('health.checkupAttachment', input, enabled);
export const useHealthCheckupCoverage = (input: In<'health.checkupCoverage'>, enabled = true) => useApi('health.checkupCoverage', input, enabled);
export const useHealthCheckupSummary = (input: In<'health.checkupSummary'>, enabled = true) => useApi('health.checkupSummary', input, enabled);
export const useHealthFamilyDoctors = (input: In<'health.familyDoctors'>, enabled = true) => useApi('health.familyDoctors', input, enabled);
export const useHealthSaveFamilyDoctor = (options?: MutationOptions<'health.saveFamilyDoctor'>) => useApiMutation('health.saveFamilyDoctor', options);
export const useHealthEndFamilyDoctor = (options?: MutationOptions<'health.endFamilyDoctor'>) => useApiMutation('health.endFamilyDoctor', options);
export const useHealthMonthly = (input: In<'health.monthly'>, enabled = true) => useApi('health.monthly', input, enabled);
export const useHealthSaveMonthly = (options?: MutationOptions<'health.saveMonthly'>) => useApiMutation('health.saveMonthly', options);
export const useHealthTrends = (input: In<'health.trends'>, enabled = true) => useApi('health.trends', input, enabled);
export const useHealthFile = (input: In<'health.file'>, enabled = true) => useApi('health.file', input, enabled);
export const useHealthResidentCard = (input: In<'health.residentCard'>, enabled = true) => useApi('health.residentCard', input, enabled);
