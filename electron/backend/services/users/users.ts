// The administrator's account list: create, edit (role, disable), reset a password (forced change at next sign-in).
import type { z } from 'zod';
import type { CreateUserInput, ResetPasswordInput, UpdateUserInput, UserRow } from '../../../../shared/api/users';
import { conflict, invalid, notFound } from '../../../../shared/api/errors';
import { ADMIN_ROLE_OF, COUNTY_ROLES, type Role } from '../../../../shared/api/roles';
import { type BackendDeps, writeAction } from '../../audit';
import { hashSecret } from '../../auth/secrets';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { installationMode } from '../../sync/identity';
import { assertPasswordLength, assertPinFree, findUser } from '../auth/accounts';

export async function listUsers(deps: BackendDeps): Promise<UserRow[]> {
  const now = deps.clock.now().toISOString();
  const rows = await deps.db.selectFrom('users').selectAll().orderBy('createdAt').execute();
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
async function assertRoleFits(deps: BackendDeps, role: Role) {
  const mode = await installationMode(deps);
  if ((mode === 'county') !== COUNTY_ROLES.includes(role)) {
    throw invalid(mode === 'county' ? '县级汇总电脑只能设县级管理员或县级查看账号' : '敬老院的电脑不能设县级账号', 'role');
  }
}

export async function createUser(deps: BackendDeps, caller: Caller, input: z.output<typeof CreateUserInput>) {
  await assertRoleFits(deps, input.role);
  if (await findUser(deps.db, { username: input.username })) throw conflict(`登录名「${input.username}」已被使用`, 'username');
  await assertPasswordLength(deps.db, input.password, 'password');
  if (input.pin) await assertPinFree(deps.db, input.pin, null);
  const passwordHash = await hashSecret(input.password);
  const pinHash = input.pin ? await hashSecret(input.pin) : null;
  return writeAction(deps, caller, async (ctx) => {
    const id = newId();
    // A password set by someone else is temporary: the person chooses their own at first sign-in.
    const row = { id, username: input.username, displayName: input.displayName, role: input.role, passwordHash, pinHash, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, disabledAt: null, staffId: null, lastSignInAt: null };
    await ctx.trx.insertInto('users').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'users', entityId: id, after: { username: row.username, displayName: row.displayName, role: row.role, hasPin: pinHash !== null } });
    return { id };
  });
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

export async function resetPassword(deps: BackendDeps, caller: Caller, input: z.output<typeof ResetPasswordInput>) {
  await assertPasswordLength(deps.db, input.password, 'password');
  const passwordHash = await hashSecret(input.password);
  return writeAction(deps, caller, async (ctx) => {
    if (!(await findUser(ctx.trx, { id: input.id }))) throw notFound('账号');
    await ctx.trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, ...ctx.stampUpdate() })
      .where('id', '=', input.id)
      .execute();
    await ctx.audit({ action: 'password_reset', entity: 'users', entityId: input.id });
    return { id: input.id };
  });
}
