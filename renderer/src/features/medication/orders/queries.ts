// The medication orders part's data as the screens read and write it: one hook per method, keyed [method, input] by
// api/hooks; every write refreshes every read.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../../api/hooks';

export const useMedicationSettings = (enabled = true) => useApi('medication.settings', {}, enabled);
export const useMedicationSaveSettings = (options?: MutationOptions<'medication.saveSettings'>) => useApiMutation('medication.saveSettings', options);
export const useMedicationDrugs = (input: In<'medication.drugs'>, enabled = true) => useApi('medication.drugs', input, enabled);
export const useMedicationSaveDrug = (options?: MutationOptions<'medication.saveDrug'>) => useApiMutation('medication.saveDrug', options);
export const useMedicationAgreements = (input: In<'medication.agreements'>, enabled = true) => useApi('medication.agreements', input, enabled);
export const useMedicationAgreementPhoto = (input: In<'medication.agreementPhoto'>, enabled = true) => useApi('medication.agreementPhoto', input, enabled);
export const useMedicationStartAgreement = (options?: MutationOptions<'medication.startAgreement'>) => useApiMutation('medication.startAgreement', options);
export const useMedicationEndAgreement = (options?: MutationOptions<'medication.endAgreement'>) => useApiMutation('medication.endAgreement', options);
export const useMedicationOrders = (input: In<'medication.orders'>, enabled = true) => useApi('medication.orders', input, enabled);
export const useMedicationResidentOrders = (input: In<'medication.residentOrders'>, enabled = true) => useApi('medication.residentOrders', input, enabled);
export const useMedicationStartOrder = (options?: MutationOptions<'medication.startOrder'>) => useApiMutation('medication.startOrder', options);
export const useMedicationStopOrder = (options?: MutationOptions<'medication.stopOrder'>) => useApiMutation('medication.stopOrder', options);
export const useMedicationChangeOrder = (options?: MutationOptions<'medication.changeOrder'>) => useApiMutation('medication.changeOrder', options);
