// The stock part's data (代管药品): one hook per method, keyed [method, input] by api/hooks; every write refreshes every
// read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useStock = (input: In<'medication.stock'>, enabled = true) => useApi('medication.stock', input, enabled);
export const useStockAlerts = () => useApi('medication.stockAlerts', {});
export const useReceiveChoices = (enabled = true) => useApi('medication.receiveChoices', {}, enabled);
export const useBatchLedger = (batchId: string) => useApi('medication.batchLedger', { batchId });
export const useCounts = () => useApi('medication.counts', {});
export const useCountDetail = (id: string) => useApi('medication.countDetail', { id });
export const useStockSheet = (input: In<'medication.stockSheet'>) => useApi('medication.stockSheet', input);
export const useReceive = (options?: MutationOptions<'medication.receive'>) => useApiMutation('medication.receive', options);
export const useCount = (options?: MutationOptions<'medication.count'>) => useApiMutation('medication.count', options);
export const useDispose = (options?: MutationOptions<'medication.dispose'>) => useApiMutation('medication.dispose', options);
