// What goes to a check worker and what comes back (check-worker.ts, check-pool.ts): plain data only.
import type { Checked, CentreSnapshot, CountyKeys } from './verdict';

export interface CheckJob {
  id: number;
  fileName: string;
  fileHash: string;
  bytes: Uint8Array;
  centres: CentreSnapshot;
  keys: CountyKeys;
  /** The county's clock when the batch was staged (ms). */
  now: number;
  /** Tests only (check-pool.ts `dieOnFileForTests`): the worker exits in the middle of this file. */
  dieForTests: boolean;
}

export type CheckReply = { id: number; checked: Checked } | { id: number; failed: string };
