// Reading accounts and checking secrets against them, with the lockout rules applied and every outcome audited.
import { AppError } from '@shared/api/errors';
import type { SignedInUser } from '@shared/api/auth';
import type { BackendDeps } from '../../deps';
import { writeAction } from '../../audit';
import { AFTER_SUCCESS, afterFailure, isLockedOut, minutesLeft } from '../../security/lockout';
import { verifySecret } from '../../security/secrets';
import type { SessionUser } from '../../security/session';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../../db/schema';
import type { Executor } from '../../db/executor';
import { readSettings } from '../settings/settings';
import { deferUntilRoom } from '../disk/deferred';
import { isDiskFull, isStorageError } from '../disk/full-error';

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
  if (isLockedOut(row, now)) {
    throw new AppError('UNAUTHENTICATED', `输错次数过多，账号已锁定，请 ${minutesLeft(row.lockedUntil!, now)} 分钟后再试，或${WHO_RESETS[kind]}`);
  }
  const stored = kind === 'pin' ? row.pinHash : row.passwordHash;
  const ok = stored !== null && (await verifySecret(secret, stored));
  const subject = { userId: row.id, name: row.displayName, role: row.role };
  if (ok) {
    try {
      await writeAction(deps, subject, async (ctx) => {
        await ctx.trx.updateTable('users').set({ ...AFTER_SUCCESS, lastSignInAt: ctx.at }).where('id', '=', row.id).execute();
        await ctx.audit({ action: 'sign_in', entity: 'users', entityId: row.id, after: { by: kind } });
      });
    } catch (error) {
      if (!isDiskFull(error) && !isStorageError(error)) throw error;
      // A full disk must not lock everyone out of reading the records: the sign-in goes ahead and its record is
      // written when the disk has room again (disk/deferred.ts), with the time it happened.
      const signedInAt = now.toISOString();
      deferUntilRoom(deps, () =>
        writeAction(deps, subject, async (ctx) => {
          await ctx.trx.updateTable('users').set({ lastSignInAt: signedInAt }).where('id', '=', row.id).where((eb) => eb.or([eb('lastSignInAt', 'is', null), eb('lastSignInAt', '<', signedInAt)])).execute();
          await ctx.audit({ action: 'sign_in', entity: 'users', entityId: row.id, after: { by: kind, signedInAt, writtenLaterDiskFull: true } });
        }),
      );
    }
    return (await findUser(deps.db, { id: row.id }))!;
  }
  const rules = await readSettings(deps.db);
  const next = afterFailure(row, rules, now);
  await writeAction(deps, subject, async (ctx) => {
    await ctx.trx.updateTable('users').set(next).where('id', '=', row.id).execute();
    await ctx.audit({ action: next.lockedUntil !== row.lockedUntil ? 'locked_out' : 'sign_in_failed', entity: 'users', entityId: row.id, after: { by: kind } });
  });
  if (next.lockedUntil && isLockedOut(next, now)) {
    throw new AppError('UNAUTHENTICATED', `输错次数过多，账号已锁定 ${rules.lockoutMinutes} 分钟，请稍后再试，或${WHO_RESETS[kind]}`);
  }
  const left = rules.lockoutAttempts - next.failedAttempts;
  throw new AppError('UNAUTHENTICATED', `${WRONG[kind]}（再错 ${left} 次将锁定账号）`);
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
