// Records held back while the disk is full: sign-ins, and a finished backup to a USB stick. Signing in must still work
// on a full disk (reading the records is what the manager needs then, and the red notice says why saving fails), and a
// whole copy on the stick is not a failed backup; the record of either is written as soon as the disk has room again —
// never dropped. A wrong password or PIN still counts: the
// account's lockout state is held here (it could not be written) and read before the stored one, so a full disk never
// opens the way to guessing.
import type { BackendDeps } from '../../deps';
import type { LockoutState } from '../../security/lockout';

type Deferred = () => Promise<void>;

const pending = new WeakMap<BackendDeps, Deferred[]>();

export function deferUntilRoom(deps: BackendDeps, write: Deferred): void {
  const list = pending.get(deps) ?? [];
  list.push(write);
  pending.set(deps, list);
}

export function deferredCount(deps: BackendDeps): number {
  return pending.get(deps)?.length ?? 0;
}

const heldLockout = new WeakMap<BackendDeps, Map<string, LockoutState>>();

/** An account's lockout state that could not be written yet (newer than the stored one), if any. */
export function heldLockoutOf(deps: BackendDeps, userId: string): LockoutState | undefined {
  return heldLockout.get(deps)?.get(userId);
}

export function holdLockout(deps: BackendDeps, userId: string, state: LockoutState): void {
  const map = heldLockout.get(deps) ?? new Map<string, LockoutState>();
  map.set(userId, state);
  heldLockout.set(deps, map);
}

/** The account's state was written (directly, or by the last held-back write). */
export function releaseLockout(deps: BackendDeps, userId: string): void {
  heldLockout.get(deps)?.delete(userId);
}

const flushing = new WeakMap<BackendDeps, Promise<number>>();

/**
 * Writes what was held back, oldest first; stops at the first that still fails (the disk is still full). One flush at
 * a time: two checks at once would otherwise both write the first entry.
 */
export function writeDeferred(deps: BackendDeps): Promise<number> {
  const under = flushing.get(deps);
  if (under) return under;
  const flush = flushOnce(deps).finally(() => flushing.delete(deps));
  flushing.set(deps, flush);
  return flush;
}

async function flushOnce(deps: BackendDeps): Promise<number> {
  const list = pending.get(deps);
  let written = 0;
  while (list && list.length > 0) {
    try {
      await list[0]!();
    } catch {
      break;
    }
    list.shift();
    written += 1;
  }
  // Every held-back write stored the held state as it was then; with none left, the stored state is the latest.
  if (!list || list.length === 0) heldLockout.delete(deps);
  return written;
}
