// The visits data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every write
// refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation, useSearchApi } from '../../api/hooks';

export const useVisitsHelpers = (input: In<'visits.helpers'>, enabled = true) => useApi('visits.helpers', input, enabled);
export const useVisitsSaveHelper = (options?: MutationOptions<'visits.saveHelper'>) => useApiMutation('visits.saveHelper', options);
export const useVisitsPlan = (input: In<'visits.plan'>, enabled = true) => useApi('visits.plan', input, enabled);
export const useVisitsRecord = (options?: MutationOptions<'visits.record'>) => useApiMutation('visits.record', options);
export const useVisitsVoid = (options?: MutationOptions<'visits.void'>) => useApiMutation('visits.void', options);
export const useVisitsOfElder = (input: In<'visits.ofElder'>, enabled = true) => useApi('visits.ofElder', input, enabled);
export const useVisitsFollowups = (input: In<'visits.followups'>, enabled = true) => useApi('visits.followups', input, enabled);
export const useVisitsOpenFollowup = (options?: MutationOptions<'visits.openFollowup'>) => useApiMutation('visits.openFollowup', options);
export const useVisitsCloseFollowup = (options?: MutationOptions<'visits.closeFollowup'>) => useApiMutation('visits.closeFollowup', options);
export const useVisitsSpecialReports = (input: In<'visits.specialReports'>, enabled = true) => useApi('visits.specialReports', input, enabled);
export const useVisitsReportSpecial = (options?: MutationOptions<'visits.reportSpecial'>) => useApiMutation('visits.reportSpecial', options);
export const useVisitsCloseSpecial = (options?: MutationOptions<'visits.closeSpecial'>) => useApiMutation('visits.closeSpecial', options);
export const useVisitsOverview = (input: In<'visits.overview'>, enabled = true) => useApi('visits.overview', input, enabled);

// Finding the elder to visit (or to report on) by name, initials or ID tail: the previous results stay on screen while
// the next query runs.
export const useVisitsElderSearch = (input: In<'elders.list'>, enabled = true) => useSearchApi('elders.list', input, enabled);
