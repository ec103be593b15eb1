// The audit data the screens read and write: one hook per method, keyed [method, input] by api/hooks; every
// write refreshes every read. Components import these hooks and never name a method themselves.
import type { In } from '@shared/api/contract';
import { type MutationOptions, useApi, useApiMutation } from '../../api/hooks';

export const useAuditExport = (options?: MutationOptions<'audit.export'>) => useApiMutation('audit.export', options);
export const useAuditSearch = (input: In<'audit.search'>, enabled = true) => useApi('audit.search', input, enabled);
