// The entrusted data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every write
// refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useEntrustedSettings = (enabled = true) => useApi('entrusted.settings', {}, enabled);
export const useEntrustedSaveSettings = (options?: MutationOptions<'entrusted.saveSettings'>) => useApiMutation('entrusted.saveSettings', options);
export const useEntrustedCandidates = (enabled = true) => useApi('entrusted.candidates', {}, enabled);
export const useEntrustedProviders = (enabled = true) => useApi('entrusted.providers', {}, enabled);
export const useEntrustedAgreements = (input: In<'entrusted.agreements'>, enabled = true) => useApi('entrusted.agreements', input, enabled);
export const useEntrustedCreate = (options?: MutationOptions<'entrusted.createAgreement'>) => useApiMutation('entrusted.createAgreement', options);
export const useEntrustedEnd = (options?: MutationOptions<'entrusted.endAgreement'>) => useApiMutation('entrusted.endAgreement', options);
export const useEntrustedRecordCheck = (options?: MutationOptions<'entrusted.recordCheck'>) => useApiMutation('entrusted.recordCheck', options);
export const useEntrustedVoidCheck = (options?: MutationOptions<'entrusted.voidCheck'>) => useApiMutation('entrusted.voidCheck', options);
export const useEntrustedOfElder = (input: In<'entrusted.ofElder'>, enabled = true) => useApi('entrusted.ofElder', input, enabled);
export const useEntrustedMonth = (input: In<'entrusted.month'>, enabled = true) => useApi('entrusted.month', input, enabled);
export const useEntrustedExport = (options?: MutationOptions<'entrusted.exportMonth'>) => useApiMutation('entrusted.exportMonth', options);
export const useEntrustedPhoto = (input: In<'entrusted.agreementPhoto'>, enabled = true) => useApi('entrusted.agreementPhoto', input, enabled);
