// Signing in and out at a shared PC: first-run administrator, password or PIN, lock, own password and PIN.
import type { z } from 'zod';
import type { AuthStatus, ChangePasswordInput, LoginInput, PinLoginInput, SetPinInput, SetupAdminInput, SignedInUser } from '@shared/api/auth';
import { AppError, conflict } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import { hashSecret, verifySecret } from '../../security/secrets';
import type { Session } from '../../security/session';
import { recheckAccount, restampOwnAccount, storeGeneration } from '../../security/recheck';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import type { Platform } from '../../platform';
import { createIdentity, installationMode } from '../../package/identity';
import { isPostgres } from '../../db/dialect';
import { onDuty, onDutyStaffIds } from '../roster/roster';
import { readSettings } from '../settings/settings';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../../db/schema';
import { assertPasswordLength, assertPinFree, checkSecret, findUser, type SignInKind, toSessionUser, toSignedInUser } from './accounts';

export async function authStatus(deps: BackendDeps, session: Session): Promise<AuthStatus> {
  await recheckAccount(deps.db, session); // an account disabled (or changed) elsewhere signs this screen out
  const { idleMinutes } = await readSettings(deps.db);
  session.lockIfIdle(deps.clock.now(), idleMinutes); // an idle session shows as locked
  const users = await deps.db.selectFrom('users').selectAll().where('disabledAt', 'is', null).execute();
  const current = session.user ? users.find((u) => u.id === session.user!.userId) : undefined;
  const today = todayIn(deps.clock);
  const signedInToday = (u: (typeof users)[number]) => u.lastSignInAt !== null && todayIn({ now: () => new Date(u.lastSignInAt!) }) === today;
  const withPin = users.filter((u) => u.pinHash !== null);
  // "On shift": the people rostered on a shift running now; with no roster for now, those signed in today. A county
  // keeps no roster (and its PostgreSQL store has no centre tables at all).
  const hasRoster = !isPostgres(deps.db) && (await installationMode(deps)) === 'centre';
  const rostered = hasRoster ? (await onDuty(deps)).shifts.flatMap((s) => s.people.map((p) => p.name)) : [];
  const onDutyStaff = hasRoster ? await onDutyStaffIds(deps) : new Set<string>();
  const onShift = (u: (typeof users)[number]) => (rostered.length ? u.staffId !== null && onDutyStaff.has(u.staffId) : signedInToday(u));
  withPin.sort((a, b) => Number(onShift(b)) - Number(onShift(a)) || a.displayName.localeCompare(b.displayName, 'zh-Hans-CN'));
  return {
    needsSetup: (await deps.db.selectFrom('users').select('id').executeTakeFirst()) === undefined,
    user: current && session.user ? toSignedInUser(current, session.user) : null,
    locked: session.locked,
    idleMinutes,
    quickUsers: withPin.map((u) => ({ id: u.id, name: u.displayName, role: u.role, onShift: onShift(u) })),
    onShift: rostered.length ? [...new Set(rostered)] : users.filter(signedInToday).map((u) => u.displayName),
    onShiftFromRoster: rostered.length > 0,
    signedOutBecause: session.user ? null : session.endedBecause,
  };
}

export async function setupAdmin(deps: BackendDeps, session: Session, input: z.output<typeof SetupAdminInput>, platform?: Platform): Promise<SignedInUser> {
  if (await deps.db.selectFrom('users').select('id').executeTakeFirst()) {
    throw conflict('管理员账号已经创建过了，请直接登录');
  }
  await assertPasswordLength(deps.db, input.password, 'password');
  // A PostgreSQL store holds a county's tables only: a centre's data always lives in its own file.
  if (input.mode === 'centre' && isPostgres(deps.db)) throw new AppError('INVALID_INPUT', '数据放在 PostgreSQL 服务器上的电脑只能用作县级汇总；敬老院请改回本机文件', 'mode');
  const id = newId();
  const role = input.mode === 'county' ? ('county_admin' as const) : ('admin' as const);
  const creator: Caller = { userId: id, name: input.displayName, role };
  const passwordHash = await hashSecret(input.password);
  const pinHash = input.pin ? await hashSecret(input.pin) : null;
  await writeAction(deps, creator, async (ctx) => {
    // Checked again inside the transaction: two first-run screens must not both create an administrator.
    if (await ctx.trx.selectFrom('users').select('id').executeTakeFirst()) throw conflict('管理员账号已经创建过了，请直接登录');
    const row = { id, username: input.username, displayName: input.displayName, role, passwordHash, pinHash, mustChangePassword: 0, failedAttempts: 0, lockedUntil: null, disabledAt: null, staffId: null, lastSignInAt: ctx.at };
    await ctx.trx.insertInto('users').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'users', entityId: id, after: { username: row.username, displayName: row.displayName, role: row.role } });
    // The installation's kind and key pair are made with the first account: a centre's signing key, or the county's.
    await createIdentity(ctx, platform, input.mode, { code: input.countyCode ?? '', name: input.countyName ?? '' });
  });
  return signIn(deps, session, (await findUser(deps.db, { id }))!, 'password');
}

/** Signs the session in, with the account as it is now: every later call checks it again (security/recheck.ts). */
async function signIn(deps: BackendDeps, session: Session, row: Selectable<UsersTable>, by: SignInKind): Promise<SignedInUser> {
  const user = toSessionUser(row, by);
  session.signIn(user, deps.clock.now(), { by, passwordHash: row.passwordHash, pinHash: row.pinHash, generation: await storeGeneration(deps.db) });
  return toSignedInUser(row, user);
}

export async function login(deps: BackendDeps, session: Session, input: z.output<typeof LoginInput>): Promise<SignedInUser> {
  const user = await checkSecret(deps, await findUser(deps.db, { username: input.username }), input.password, 'password');
  return signIn(deps, session, user, 'password');
}

export async function pinLogin(deps: BackendDeps, session: Session, input: z.output<typeof PinLoginInput>): Promise<SignedInUser> {
  const row = await findUser(deps.db, { id: input.userId });
  if (row && row.pinHash === null) throw new AppError('UNAUTHENTICATED', '该账号还没有设置PIN码，请用密码登录');
  const user = await checkSecret(deps, row, input.pin, 'pin');
  return signIn(deps, session, user, 'pin');
}

export async function changePassword(deps: BackendDeps, session: Session, caller: Caller, input: z.output<typeof ChangePasswordInput>) {
  const row = (await findUser(deps.db, { id: caller.userId }))!;
  if (row.passwordHash === null) throw new AppError('INVALID_INPUT', '您只用PIN码登录，还没有密码；需要密码请找院长开通登录名和密码', 'current');
  if (!(await verifySecret(input.current, row.passwordHash))) throw new AppError('INVALID_INPUT', '当前密码不正确', 'current');
  await assertPasswordLength(deps.db, input.next, 'next');
  if (input.next === input.current) throw new AppError('INVALID_INPUT', '新密码不能与当前密码相同', 'next');
  const passwordHash = await hashSecret(input.next);
  await writeAction(deps, caller, async (ctx) => {
    await ctx.trx.updateTable('users').set({ passwordHash, mustChangePassword: 0, ...ctx.stampUpdate() }).where('id', '=', caller.userId).execute();
    await ctx.audit({ action: 'password_changed', entity: 'users', entityId: caller.userId });
  });
  if (session.user) session.user.mustChangePassword = false;
  await restampOwnAccount(deps.db, session, caller.userId, { password: input.next });
  return { ok: true as const };
}

export async function setPin(deps: BackendDeps, session: Session, caller: Caller, input: z.output<typeof SetPinInput>) {
  const row = (await findUser(deps.db, { id: caller.userId }))!;
  // The person proves it is them with their password, or (PIN-only people) with the PIN they have now.
  const proven = (row.passwordHash !== null && (await verifySecret(input.current, row.passwordHash))) || (row.pinHash !== null && (await verifySecret(input.current, row.pinHash)));
  if (!proven) throw new AppError('INVALID_INPUT', row.passwordHash ? '当前密码或PIN码不正确' : '当前PIN码不正确', 'current');
  await assertPinFree(deps.db, input.pin, caller.userId);
  const pinHash = await hashSecret(input.pin);
  await writeAction(deps, caller, async (ctx) => {
    await ctx.trx.updateTable('users').set({ pinHash, ...ctx.stampUpdate() }).where('id', '=', caller.userId).execute();
    await ctx.audit({ action: 'pin_set', entity: 'users', entityId: caller.userId });
  });
  await restampOwnAccount(deps.db, session, caller.userId, { pin: input.pin });
  return { ok: true as const };
}
