import type { ApiError } from './errors';

/** Every API call answers with an envelope, never a thrown error. */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
