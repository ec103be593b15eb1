// Writes held back while the disk is full. Only one kind exists: a sign-in's record. Signing in must still work on
// a full disk (reading the records is what the manager needs then, and the red notice says why saving fails), so the
// sign-in is let through and its record is written as soon as the disk has room again — never dropped.
import type { BackendDeps } from '../../deps';

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
  return written;
}
