// The backup data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import { call } from '../../api/client';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useBackupChooseFolder = (enabled = true) => useApi('backup.chooseFolder', {}, enabled);
export const useBackupList = (enabled = true) => useApi('backup.list', {}, enabled);
export const useBackupRecoveryStatus = (enabled = true) => useApi('backup.recoveryStatus', {}, enabled);
export const useBackupRestore = (options?: MutationOptions<'backup.restore'>) => useApiMutation('backup.restore', options);
export const useBackupToFolder = (options?: MutationOptions<'backup.toFolder'>) => useApiMutation('backup.toFolder', options);

// Plain calls (job polling, the restore on the recovery screen), outside React Query: each asks once.
export const pollBackupJob = (jobId: string) => call('backup.job', { jobId });
export const restoreForRecovery = (name: string) => call('backup.recoveryRestore', { name });
/** A file that could not be opened for want of room: opened again once room is made (issue 25). */
export const retryAfterRoom = () => call('store.retry', {});
