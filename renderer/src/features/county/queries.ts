// The county data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { call } from '../../api/client';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useCountyApply = (options?: MutationOptions<'county.apply'>) => useApiMutation('county.apply', options);
export const useCountyCentre = (input: In<'county.centre'>, enabled = true) => useApi('county.centre', input, enabled);
export const useCountyCentres = (enabled = true) => useApi('county.centres', {}, enabled);
export const useCountyCounties = (input: In<'county.counties'>, enabled = true) => useApi('county.counties', input, enabled);
export const useCountyConfirmCentre = (options?: MutationOptions<'county.confirmCentre'>) => useApiMutation('county.confirmCentre', options);
export const useCountyEnrol = (options?: MutationOptions<'county.enrol'>) => useApiMutation('county.enrol', options);
export const useCountyFacilityTable = (input: In<'county.facilityTable'>, enabled = true) => useApi('county.facilityTable', input, enabled);
export const useCountyIndicators = (input: In<'county.indicators'>, enabled = true) => useApi('county.indicators', input, enabled);
export const useCountyMatrix = (input: In<'county.matrix'>, enabled = true) => useApi('county.matrix', input, enabled);
export const useCountyReports = (input: In<'county.reports'>, enabled = true) => useApi('county.reports', input, enabled);
export const useCountyRevealIdNumber = (options?: MutationOptions<'county.revealIdNumber'>) => useApiMutation('county.revealIdNumber', options);
export const useCountyStage = (options?: MutationOptions<'county.stage'>) => useApiMutation('county.stage', options);
export const useCountyStatus = (enabled = true) => useApi('county.status', {}, enabled);
export const useCountyVillages = (input: In<'county.villages'>, enabled = true) => useApi('county.villages', input, enabled);
export const useCountyCareAtHome = (input: In<'county.careAtHome'>, enabled = true) => useApi('county.careAtHome', input, enabled);
export const useCountyTekunQuarter = (input: In<'county.tekunQuarter'>, enabled = true) => useApi('county.tekunQuarter', input, enabled);
export const useCountyWithdrawCentre = (options?: MutationOptions<'county.withdrawCentre'>) => useApiMutation('county.withdrawCentre', options);

// Plain calls (files and job polling), outside React Query: each asks once, when the person taps.
export const pollCountyJob = (jobId: string) => call('county.job', { jobId });
export const fetchCountyReportFile = (id: string) => call('county.reportFile', { id });
export const fetchCountyKeyFile = (input: In<'county.keyFileFor'>) => call('county.keyFileFor', input);
export const fetchCountyExcel = (period: string, countyCode: string | null = null) => call('county.exportExcel', { period, countyCode });
