import { describe, expect, it } from 'vitest';
import { AFTER_SUCCESS, afterFailure, isLockedOut, minutesLeft } from '../../electron/backend/security/lockout';
import { hashSecret, verifySecret } from '../../electron/backend/security/secrets';
import { Session } from '../../electron/backend/security/session';

describe('password hashing (scrypt)', () => {
  it('stores no secret in clear, salts every hash, and verifies only the right secret', async () => {
    const a = await hashSecret('Anquan-2026');
    const b = await hashSecret('Anquan-2026');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain('Anquan');
    expect(a).not.toBe(b);
    expect(await verifySecret('Anquan-2026', a)).toBe(true);
    expect(await verifySecret('anquan-2026', a)).toBe(false);
    expect(await verifySecret('Anquan-2026', 'plain-text')).toBe(false);
  });
});

describe('lockout', () => {
  const rules = { lockoutAttempts: 3, lockoutMinutes: 15 };
  const now = new Date('2026-03-15T02:00:00Z');

  it('locks after the allowed number of failures, for the configured time', () => {
    let state = AFTER_SUCCESS;
    state = afterFailure(state, rules, now);
    state = afterFailure(state, rules, now);
    expect(isLockedOut(state, now)).toBe(false);
    state = afterFailure(state, rules, now);
    expect(isLockedOut(state, now)).toBe(true);
    expect(minutesLeft(state.lockedUntil!, now)).toBe(15);
    expect(isLockedOut(state, new Date(now.getTime() + 15 * 60_000 + 1))).toBe(false);
  });
});

describe('session idle lock', () => {
  it('locks after the idle limit and not before', () => {
    const s = new Session();
    const t0 = new Date('2026-03-15T02:00:00Z');
    s.signIn({ userId: 'u', name: '甲', role: 'caregiver', mustChangePassword: false }, t0);
    s.touch(new Date(t0.getTime() + 9 * 60_000), 10);
    expect(s.locked).toBe(false);
    s.touch(new Date(t0.getTime() + 9 * 60_000 + 10 * 60_000 + 1), 10);
    expect(s.locked).toBe(true);
  });
});

describe('looking is not using', () => {
  it('lockIfIdle locks an idle session but does not keep an active one alive', () => {
    const s = new Session();
    const t0 = new Date('2026-03-15T02:00:00Z');
    s.signIn({ userId: 'u', name: '甲', role: 'caregiver', mustChangePassword: false }, t0);
    s.lockIfIdle(new Date(t0.getTime() + 9 * 60_000), 10);
    expect(s.locked).toBe(false);
    s.lockIfIdle(new Date(t0.getTime() + 10 * 60_000 + 1), 10);
    expect(s.locked).toBe(true);
  });
});
