// Time-based lockout after repeated failed sign-ins (password or PIN). Pure, so the rules are easy to test.
export interface LockoutRules {
  lockoutAttempts: number;
  lockoutMinutes: number;
}

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: string | null;
}

export function isLockedOut(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && new Date(state.lockedUntil).getTime() > now.getTime();
}

/** The state after one more failure: at the limit the account locks and the counter starts again. */
export function afterFailure(state: LockoutState, rules: LockoutRules, now: Date): LockoutState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= rules.lockoutAttempts) {
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + rules.lockoutMinutes * 60_000).toISOString() };
  }
  return { failedAttempts, lockedUntil: state.lockedUntil };
}

export const AFTER_SUCCESS: LockoutState = { failedAttempts: 0, lockedUntil: null };

/** Minutes left, rounded up, for the message a locked-out person reads. */
export function minutesLeft(lockedUntil: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 60_000));
}
