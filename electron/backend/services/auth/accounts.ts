// Reading accounts and checking secrets against them, with the lockout rules applied and every outcome audited.
import { AppError } from '@shared/api/errors';
import type { SignedInUser } from '@shared/api/auth';
import type { BackendDeps } from '../../deps';
import { writeAction } from '../../audit';
import { AFTER_SUCCESS, type LockoutState, afterFailure, isLockedOut, minutesLeft } from '../../security/lockout';
import { verifySecret } from '../../security/secrets';
import type { SessionUser } from '../../security/session';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { readSettings } from '../settings/settings';
import { deferUntilRoom, heldLockoutOf, holdLockout, releaseLockout } from '../disk/deferred';
import { isDiskFull } from '../disk/full-error';

export type SignInKind = 'password' | 'pin';

/**
 * A forced password change follows a password sign-in to a password an administrator chose. A PIN sign-in never
 * asks for one: people who only use a PIN never meet a password.
 */
export function toSessionUser(row: Selectable<UsersTable>, by: SignInKind): SessionUser {
  return { userId: row.id, name: row.displayName, role: row.role, mustChangePassword: by === 'password' && row.mustChangePassword === 1 };
}

export function toSignedInUser(row: Selectable<UsersTable>, session: SessionUser): SignedInUser {
  return {
    id: row.id,
    name: row.displayName,
    role: row.role,
    mustChangePassword: session.mustChangePassword,
    hasPin: row.pinHash !== null,
    hasPassword: row.passwordHash !== null,
  };
}

export async function findUser(db: Executor, by: { id?: string; username?: string }) {
  let q = db.selectFrom('users').selectAll();
  if (by.id) q = q.where('id', '=', by.id);
  if (by.username) q = q.where((eb) => eb(eb.fn('lower', ['username']), '=', by.username!.toLowerCase()));
  return q.executeTakeFirst();
}

const WRONG = { password: '登录名或密码不正确', pin: 'PIN码不正确' } as const;
const WHO_RESETS = { password: '请管理员重置密码', pin: '请护理组长或院长重设PIN码' } as const;

/**
 * Checks a password or PIN for an account. A wrong secret counts towards the lockout; the right one resets it.
 * Messages do not reveal whether a user name exists.
 */
export async function checkSecret(deps: BackendDeps, row: Selectable<UsersTable> | undefined, secret: string, kind: 'password' | 'pin'): Promise<Selectable<UsersTable>> {
  const now = deps.clock.now();
  if (!row || row.disabledAt) throw new AppError('UNAUTHENTICATED', kind === 'pin' ? WRONG.pin : WRONG.password);
  // On a full disk the latest failures may be held in memory only (disk/deferred.ts): they count first.
  const state = heldLockoutOf(deps, row.id) ?? row;
  if (isLockedOut(state, now)) {
    throw new AppError('UNAUTHENTICATED', `输错次数过多，账号已锁定，请 ${minutesLeft(state.lockedUntil!, now)} 分钟后再试，或${WHO_RESETS[kind]}`);
  }
  const stored = kind === 'pin' ? row.pinHash : row.passwordHash;
  const ok = stored !== null && (await verifySecret(secret, stored));
  const subject = { userId: row.id, name: row.displayName, role: row.role };
  if (ok) {
    await recordOutcome(deps, subject, row.id, { ...AFTER_SUCCESS, lastSignInAt: now.toISOString() }, 'sign_in', kind, now);
    return (await findUser(deps.db, { id: row.id }))!;
  }
  const rules = await readSettings(deps.db);
  const next = afterFailure(state, rules, now);
  await recordOutcome(deps, subject, row.id, next, next.lockedUntil !== state.lockedUntil ? 'locked_out' : 'sign_in_failed', kind, now);
  if (next.lockedUntil && isLockedOut(next, now)) {
    throw new AppError('UNAUTHENTICATED', `输错次数过多，账号已锁定 ${rules.lockoutMinutes} 分钟，请稍后再试，或${WHO_RESETS[kind]}`);
  }
  const left = rules.lockoutAttempts - next.failedAttempts;
  throw new AppError('UNAUTHENTICATED', `${WRONG[kind]}（再错 ${left} 次将锁定账号）`);
}

/**
 * Writes a sign-in's outcome: the account's lockout state and the audit row. On a full disk the state is held in
 * memory (it still decides the next try) and the record is written once there is room, with the time it happened —
 * a full disk neither locks people out of reading nor lets anyone guess a PIN without limit.
 */
async function recordOutcome(
  deps: BackendDeps,
  subject: { userId: string; name: string; role: Selectable<UsersTable>['role'] },
  userId: string,
  next: LockoutState & { lastSignInAt?: string },
  action: 'sign_in' | 'sign_in_failed' | 'locked_out',
  kind: SignInKind,
  now: Date,
): Promise<void> {
  try {
    await writeAction(deps, subject, async (ctx) => {
      await ctx.trx.updateTable('users').set(next).where('id', '=', userId).execute();
      await ctx.audit({ action, entity: 'users', entityId: userId, after: { by: kind } });
    });
    releaseLockout(deps, userId);
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    const at = now.toISOString();
    holdLockout(deps, userId, { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil });
    deferUntilRoom(deps, () =>
      writeAction(deps, subject, async (ctx) => {
        // The state held when this is written is the newest (later tries changed it); none held: a direct write since.
        const held = heldLockoutOf(deps, userId);
        if (held) await ctx.trx.updateTable('users').set(held).where('id', '=', userId).execute();
        if (next.lastSignInAt) {
          await ctx.trx.updateTable('users').set({ lastSignInAt: next.lastSignInAt }).where('id', '=', userId).where((eb) => eb.or([eb('lastSignInAt', 'is', null), eb('lastSignInAt', '<', next.lastSignInAt!)])).execute();
        }
        await ctx.audit({ action, entity: 'users', entityId: userId, after: { by: kind, happenedAt: at, writtenLaterDiskFull: true } });
      }),
    );
  }
}

/** Login names are unique whatever their case. */
export async function assertUsernameFree(db: Executor, username: string, exceptUserId: string | null) {
  const holder = await findUser(db, { username });
  if (holder && holder.id !== exceptUserId) throw new AppError('CONFLICT', `登录名「${username}」已被使用，请换一个`, 'username');
}

export async function assertPasswordLength(db: Executor, password: string, field: string) {
  const { passwordMinLength } = await readSettings(db);
  if (password.length < passwordMinLength) throw new AppError('INVALID_INPUT', `密码至少需要 ${passwordMinLength} 位`, field);
}

/** PINs identify a person at the shared PC, so no two active accounts may share one. */
export async function assertPinFree(db: Executor, pin: string, exceptUserId: string | null) {
  const rows = await db.selectFrom('users').select(['id', 'pinHash']).where('pinHash', 'is not', null).where('disabledAt', 'is', null).execute();
  for (const r of rows) {
    if (r.id !== exceptUserId && (await verifySecret(pin, r.pinHash!))) {
      throw new AppError('CONFLICT', '这个PIN码已被其他人使用，请换一个', 'pin');
    }
  }
}
