// The care data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useCareAmend = (options?: MutationOptions<'care.amend'>) => useApiMutation('care.amend', options);
export const useCareCoverage = (input: In<'care.coverage'>, enabled = true) => useApi('care.coverage', input, enabled);
export const useCareExportLedger = (options?: MutationOptions<'care.exportLedger'>) => useApiMutation('care.exportLedger', options);
export const useCareLedger = (input: In<'care.ledger'>, enabled = true) => useApi('care.ledger', input, enabled);
export const useCareMonthly = (input: In<'care.monthly'>, enabled = true) => useApi('care.monthly', input, enabled);
export const useCareMyShift = (enabled = true) => useApi('care.myShift', {}, enabled);
export const useCareRecord = (options?: MutationOptions<'care.record'>) => useApiMutation('care.record', options);
export const useCareResidentPhoto = (input: In<'care.residentPhoto'>, enabled = true) => useApi('care.residentPhoto', input, enabled);
export const useCareResidentShift = (input: In<'care.residentShift'>, enabled = true) => useApi('care.residentShift', input, enabled);
export const useCareRevealContactPhone = (options?: MutationOptions<'care.revealContactPhone'>) => useApiMutation('care.revealContactPhone', options);
export const useCareRound = (options?: MutationOptions<'care.round'>) => useApiMutation('care.round', options);
export const useCareTimeline = (input: In<'care.timeline'>, enabled = true) => useApi('care.timeline', input, enabled);
