// The medication round's data the screens read and write: one hook per method, keyed [method, input] by api/hooks;
// every write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useShiftDoses = (enabled = true) => useApi('medication.shiftDoses', {}, enabled);
export const useResidentDoses = (input: In<'medication.residentDoses'>, enabled = true) => useApi('medication.residentDoses', input, enabled);
export const useCheckers = (enabled = true) => useApi('medication.checkers', {}, enabled);
export const useRecordDose = (options?: MutationOptions<'medication.recordDose'>) => useApiMutation('medication.recordDose', options);
export const useAmendDose = (options?: MutationOptions<'medication.amendDose'>) => useApiMutation('medication.amendDose', options);
export const usePrnEffect = (options?: MutationOptions<'medication.prnEffect'>) => useApiMutation('medication.prnEffect', options);
export const useMonthRecord = (input: In<'medication.monthRecord'>, enabled = true) => useApi('medication.monthRecord', input, enabled);
export const useExportMonthRecord = (options?: MutationOptions<'medication.exportMonthRecord'>) => useApiMutation('medication.exportMonthRecord', options);
