// The sync data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { call } from '../../api/client';
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useSyncConfirmCountyKey = (options?: MutationOptions<'sync.confirmCountyKey'>) => useApiMutation('sync.confirmCountyKey', options);
export const useSyncExport = (options?: MutationOptions<'sync.export'>) => useApiMutation('sync.export', options);
export const useSyncImportCountyKey = (options?: MutationOptions<'sync.importCountyKey'>) => useApiMutation('sync.importCountyKey', options);
export const useSyncMonthReport = (input: In<'sync.monthReport'>, enabled = true) => useApi('sync.monthReport', input, enabled);
export const useSyncPrecheck = (input: In<'sync.precheck'>, enabled = true) => useApi('sync.precheck', input, enabled);
export const useSyncStatus = (enabled = true) => useApi('sync.status', {}, enabled);
export const useSyncUndoCountyKey = (options?: MutationOptions<'sync.undoCountyKey'>) => useApiMutation('sync.undoCountyKey', options);

// Plain calls (files and job polling), outside React Query: each asks once, when the person taps.
export const pollSyncJob = (jobId: string) => call('sync.job', { jobId });
export const fetchSyncPackage = (id: string) => call('sync.download', { id });
export const fetchRegistrationFile = () => call('sync.registrationFile', {});
