// The incidents data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useIncidentsList = (input: In<'incidents.list'>, enabled = true) => useApi('incidents.list', input, enabled);
export const useIncidentsReport = (options?: MutationOptions<'incidents.report'>) => useApiMutation('incidents.report', options);
export const useIncidentsRiskEvents = (input: In<'incidents.riskEvents'>, enabled = true) => useApi('incidents.riskEvents', input, enabled);

// Plain calls: none. One hook for the two note-taking steps (a follow-up, the closing), which share one form.
export const useIncidentsNote = <M extends 'incidents.followUp' | 'incidents.close'>(method: M, options?: MutationOptions<M>) => useApiMutation(method, options);
