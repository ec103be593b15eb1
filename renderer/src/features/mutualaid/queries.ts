// The mutual-aid data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useAidSettings = (enabled = true) => useApi('mutualaid.settings', {}, enabled);
export const useAidSaveSettings = (options?: MutationOptions<'mutualaid.saveSettings'>) => useApiMutation('mutualaid.saveSettings', options);
export const useAidPairs = (input: In<'mutualaid.pairs'>, enabled = true) => useApi('mutualaid.pairs', input, enabled);
export const useAidSavePair = (options?: MutationOptions<'mutualaid.savePair'>) => useApiMutation('mutualaid.savePair', options);
export const useAidEndPair = (options?: MutationOptions<'mutualaid.endPair'>) => useApiMutation('mutualaid.endPair', options);
export const useAidActivities = (input: In<'mutualaid.activities'>, enabled = true) => useApi('mutualaid.activities', input, enabled);
export const useAidRecord = (options?: MutationOptions<'mutualaid.recordActivity'>) => useApiMutation('mutualaid.recordActivity', options);
export const useAidCheck = (options?: MutationOptions<'mutualaid.checkActivity'>) => useApiMutation('mutualaid.checkActivity', options);
export const useAidVoid = (options?: MutationOptions<'mutualaid.voidActivity'>) => useApiMutation('mutualaid.voidActivity', options);
export const useAidBalances = (input: In<'mutualaid.balances'>, enabled = true) => useApi('mutualaid.balances', input, enabled);
export const useAidLedger = (input: In<'mutualaid.ledger'>, enabled = true) => useApi('mutualaid.ledger', input, enabled);
export const useAidRedeem = (options?: MutationOptions<'mutualaid.redeem'>) => useApiMutation('mutualaid.redeem', options);
export const useAidCorrect = (options?: MutationOptions<'mutualaid.correct'>) => useApiMutation('mutualaid.correct', options);
export const useAidAssociations = (input: In<'mutualaid.associations'>, enabled = true) => useApi('mutualaid.associations', input, enabled);
export const useAidSaveAssociation = (options?: MutationOptions<'mutualaid.saveAssociation'>) => useApiMutation('mutualaid.saveAssociation', options);
export const useAidCancelAssociation = (options?: MutationOptions<'mutualaid.cancelAssociation'>) => useApiMutation('mutualaid.cancelAssociation', options);
export const useAidAttendance = (input: In<'mutualaid.attendance'>, enabled = true) => useApi('mutualaid.attendance', input, enabled);
export const useAidAttend = (options?: MutationOptions<'mutualaid.attend'>) => useApiMutation('mutualaid.attend', options);
export const useAidOfElder = (input: In<'mutualaid.ofElder'>, enabled = true) => useApi('mutualaid.ofElder', input, enabled);
export const useAidSheet = (input: In<'mutualaid.sheet'>, enabled = true) => useApi('mutualaid.sheet', input, enabled);
/** The helpers (visits' list): the people of mutual aid. */
export const useAidHelpers = (includeRetired = false) => useApi('visits.helpers', { includeRetired });
