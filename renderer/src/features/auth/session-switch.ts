// After a sign-in at the shared PC: the same person finds their screen as they left it (fresh data); another person
// starts clean — nothing the previous person loaded stays in the cache to be shown to them.
import type { QueryClient } from '@tanstack/react-query';
import type { SignedInUser } from '@shared/api/auth';
import { ApiCallError } from '../../api/client';

export async function settleSignIn(client: QueryClient, lockedFor: string | null, user: SignedInUser) {
  if (lockedFor !== null && lockedFor !== user.id) {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth.status' });
    await client.invalidateQueries({ queryKey: ['auth.status'] });
    return;
  }
  await client.invalidateQueries();
}

/**
 * After 退出登录: the sign-in screen replaces the app first, then everything the person loaded is dropped, so the next
 * person (whoever it is) starts from an empty cache and never sees the previous person's pages, even for a moment.
 */
export async function settleSignOut(client: QueryClient) {
  await client.invalidateQueries({ queryKey: ['auth.status'] });
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth.status' });
}

const isLocked = (error: unknown) => error instanceof ApiCallError && error.code === 'LOCKED';

/**
 * A read refused because the screen is locked is tried again (every few seconds) instead of failing: a failed read
 * would swap the page under the lock for an error message and lose the form the person is filling in.
 */
export function keepReadsThroughLock(client: QueryClient) {
  client.setQueryDefaults([], {
    retry: (failures, error) => (isLocked(error) ? failures < 10_000 : failures < 1),
    retryDelay: (failures, error) => (isLocked(error) ? 3_000 : Math.min(1_000 * 2 ** failures, 30_000)),
  });
}
