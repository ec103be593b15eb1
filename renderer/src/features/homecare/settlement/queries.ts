// The settlement part's data (回访, complaints, monthly settlement): one hook per method, keyed [method, input] by
// api/hooks; every write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation, useSearchApi } from '../../../api/hooks';

export const useSettlementSettings = () => useApi('homecare.settlementSettings', {});
export const useSaveSettlementSettings = (options?: MutationOptions<'homecare.saveSettlementSettings'>) => useApiMutation('homecare.saveSettlementSettings', options);
export const useCheckMonth = (input: In<'homecare.checkMonth'>) => useApi('homecare.checkMonth', input);
export const useFindVisits = (input: In<'homecare.findVisits'>, enabled = true) => useSearchApi('homecare.findVisits', input, enabled);
export const useRecordCheck = (options?: MutationOptions<'homecare.recordCheck'>) => useApiMutation('homecare.recordCheck', options);
export const useComplaints = (input: In<'homecare.complaints'>) => useSearchApi('homecare.complaints', input);
export const useRecordComplaint = (options?: MutationOptions<'homecare.recordComplaint'>) => useApiMutation('homecare.recordComplaint', options);
export const useAnswerComplaint = (options?: MutationOptions<'homecare.answerComplaint'>) => useApiMutation('homecare.answerComplaint', options);
export const useSettlements = (input: In<'homecare.settlements'>) => useApi('homecare.settlements', input);
export const useStatement = (input: In<'homecare.statement'>, enabled = true) => useApi('homecare.statement', input, enabled);
export const useSettle = (options?: MutationOptions<'homecare.settle'>) => useApiMutation('homecare.settle', options);
export const useVoidSettlement = (options?: MutationOptions<'homecare.voidSettlement'>) => useApiMutation('homecare.voidSettlement', options);
export const useExportSettlement = (options?: MutationOptions<'homecare.exportSettlement'>) => useApiMutation('homecare.exportSettlement', options);
/** The providers to pick from (setup's list). */
export const useProviderChoices = () => useApi('homecare.providers', { includeRetired: true });
