// The administrator's account list: create, edit (role, disable), reset a password (forced change at the next password
// sign-in) or a forgotten PIN.
import type { z } from 'zod';
import { type CreateUserInput, PINS_A_CARE_LEAD_RESETS, type ResetPasswordInput, type ResetPinInput, type UpdateUserInput, type UserRow } from '@shared/api/users';
import { AppError, conflict, invalid, notFound } from '@shared/api/errors';
import { ADMIN_ROLE_OF, COUNTY_ROLES, type Role } from '@shared/api/roles';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import { takeTurns } from '../../db/dialect';
import { hashSecret } from '../../security/secrets';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { installationMode } from '../../package/identity';
import { assertPasswordLength, assertPinFree, assertUsernameFree, findUser } from '../auth/accounts';

export async function listUsers(deps: BackendDeps): Promise<UserRow[]> {
  const now = deps.clock.now().toISOString();
  // Accounts made in the same instant by id (UUIDv7, time-ordered): the order they were made on every store.
  const rows = await deps.db.selectFrom('users').selectAll().orderBy('createdAt').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    hasPin: r.pinHash !== null,
    mustChangePassword: r.mustChangePassword === 1,
    lockedUntil: r.lockedUntil && r.lockedUntil > now ? r.lockedUntil : null,
    disabled: r.disabledAt !== null,
    lastSignInAt: r.lastSignInAt,
  }));
}

/** A county PC gives county roles only, a centre's PC centre roles only. */
export async function assertRoleFits(deps: BackendDeps, role: Role, field = 'role') {
  const mode = await installationMode(deps);
  if ((mode === 'county') !== COUNTY_ROLES.includes(role)) {
    throw invalid(mode === 'county' ? '县级汇总电脑只能设县级管理员或县级查看账号' : '敬老院的电脑不能设县级账号', field);
  }
}

export interface NewAccount {
  displayName: string;
  role: Role;
  /** Both null for a person who signs in with their PIN only. */
  username: string | null;
  passwordHash: string | null;
  pinHash: string | null;
  staffId: string | null;
}

/** Writes one account inside the caller's transaction, audited. A password someone else chose is temporary. */
export async function insertAccount(ctx: WriteContext, account: NewAccount): Promise<string> {
  const id = newId();
  const row = { id, ...account, mustChangePassword: account.passwordHash ? 1 : 0, failedAttempts: 0, lockedUntil: null, disabledAt: null, lastSignInAt: null };
  await ctx.trx.insertInto('users').values({ ...row, ...ctx.stampNew() }).execute();
  await ctx.audit({
    action: 'create',
    entity: 'users',
    entityId: id,
    after: { username: row.username, displayName: row.displayName, role: row.role, hasPin: row.pinHash !== null, hasPassword: row.passwordHash !== null, staffId: row.staffId },
  });
  return id;
}

export async function createUser(deps: BackendDeps, caller: Caller, input: z.output<typeof CreateUserInput>) {
  await assertRoleFits(deps, input.role);
  await assertUsernameFree(deps.db, input.username, null);
  await assertPasswordLength(deps.db, input.password, 'password');
  if (input.pin) await assertPinFree(deps.db, input.pin, null);
  const passwordHash = await hashSecret(input.password);
  const pinHash = input.pin ? await hashSecret(input.pin) : null;
  return writeAction(deps, caller, async (ctx) => ({
    id: await insertAccount(ctx, { username: input.username, displayName: input.displayName, role: input.role, passwordHash, pinHash, staffId: null }),
  }));
}

export async function updateUser(deps: BackendDeps, caller: Caller, input: z.output<typeof UpdateUserInput>) {
  const adminRole = ADMIN_ROLE_OF[await installationMode(deps)];
  await assertRoleFits(deps, input.role);
  return writeAction(deps, caller, async (ctx) => {
    const before = await findUser(ctx.trx, { id: input.id });
    if (!before) throw notFound('账号');
    const demotesSelf = input.id === caller.userId && (input.role !== adminRole || input.disabled);
    if (demotesSelf) throw conflict('不能停用自己的账号或取消自己的管理员角色，请让另一位管理员操作');
    if (before.role === adminRole && (input.role !== adminRole || input.disabled)) {
      // Two administrators on two county PCs must not each disable the other: the count is taken in turn.
      await takeTurns(ctx.trx, 'administrators');
      const admins = await ctx.trx.selectFrom('users').select('id').where('role', '=', adminRole).where('disabledAt', 'is', null).execute();
      if (admins.length <= 1) throw conflict('这是唯一的管理员账号，不能停用或改为其他角色');
    }
    const change = { displayName: input.displayName, role: input.role, disabledAt: input.disabled ? (before.disabledAt ?? ctx.at) : null };
    await ctx.trx.updateTable('users').set({ ...change, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({
      action: 'update',
      entity: 'users',
      entityId: input.id,
      before: { displayName: before.displayName, role: before.role, disabled: before.disabledAt !== null },
      after: { displayName: input.displayName, role: input.role, disabled: input.disabled },
    });
    return { id: input.id };
  });
}

/**
 * A new password chosen by the administrator: the person must replace it at their next password sign-in. For a
 * person who had only a PIN this also gives them a login name (required then).
 */
export async function resetPassword(deps: BackendDeps, caller: Caller, input: z.output<typeof ResetPasswordInput>) {
  const account = await findUser(deps.db, { id: input.id });
  if (!account) throw notFound('账号');
  const username = input.username ?? account.username;
  if (!username) throw invalid('这个人还没有登录名，请同时填写登录名', 'username');
  await assertUsernameFree(deps.db, username, input.id);
  await assertPasswordLength(deps.db, input.password, 'password');
  const passwordHash = await hashSecret(input.password);
  return writeAction(deps, caller, async (ctx) => {
    await ctx.trx
      .updateTable('users')
      .set({ username, passwordHash, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, ...ctx.stampUpdate() })
      .where('id', '=', input.id)
      .execute();
    await ctx.audit({ action: 'password_reset', entity: 'users', entityId: input.id, before: { username: account.username }, after: { username } });
    return { id: input.id };
  });
}

/** A forgotten PIN, reset by 院长 or 护理组长 (the lead only for the people on the floor). Also ends a lockout. */
export async function resetPin(deps: BackendDeps, caller: Caller, input: z.output<typeof ResetPinInput>) {
  const account = await findUser(deps.db, { id: input.id });
  if (!account) throw notFound('账号');
  if (caller.role === 'care_lead' && !PINS_A_CARE_LEAD_RESETS.includes(account.role)) {
    throw new AppError('FORBIDDEN', '护理组长只能重设护理员、厨房、安全员和医护的PIN码；其他人的PIN码请找院长重设');
  }
  await assertPinFree(deps.db, input.pin, input.id);
  const pinHash = await hashSecret(input.pin);
  return writeAction(deps, caller, async (ctx) => {
    await ctx.trx.updateTable('users').set({ pinHash, failedAttempts: 0, lockedUntil: null, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'pin_reset', entity: 'users', entityId: input.id, after: { name: account.displayName } });
    return { id: input.id };
  });
}
