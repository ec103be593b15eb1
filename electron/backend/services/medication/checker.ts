// The second person's check of a 高警示 dose: a colleague picks their name and types their PIN on the same screen. A
// wrong PIN counts towards that person's lockout exactly as a wrong PIN at sign-in does (and is written even though the
// dose is not); the right one clears their count and is audited as a check, not as a sign-in.
import { AppError, invalid } from '@shared/api/errors';
import { MEDICATION_GIVERS } from '@shared/api/medication-roles';
import type { Selectable } from 'kysely';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { UsersTable } from '../../db/schema';
import { AFTER_SUCCESS, afterFailure, isLockedOut, minutesLeft } from '../../security/lockout';
import { verifySecret } from '../../security/secrets';
import { onDutyStaffIds } from '../roster/roster';
import { readSettings } from '../settings/settings';

/** A wrong PIN found inside a dose's transaction: the dose is not written, the failure is (see recordCheckerFailure). */
export class WrongCheckerPin extends Error {
  constructor(readonly checker: Selectable<UsersTable>) {
    super('wrong checker PIN');
  }
}

/**
 * Checks the second person inside the dose's transaction: someone else, an active colleague who gives medicines, with
 * a PIN, not locked out, and the PIN right. Returns their id and name for the dose row.
 */
export async function verifyChecker(ctx: WriteContext, checker: { userId: string; pin: string } | null, what: string): Promise<{ id: string; name: string }> {
  if (!checker) throw invalid(`${what}是高警示药品，要第二个人核对：请核对人选择自己的名字并输入PIN码`, 'checker');
  if (checker.userId === ctx.caller.userId) throw invalid('核对人不能是您自己：请另一位同事来核对并输入他（她）的PIN码', 'checker');
  const row = await ctx.trx.selectFrom('users').selectAll().where('id', '=', checker.userId).executeTakeFirst();
  if (!row || row.disabledAt) throw invalid('找不到这位核对人（账号可能已停用），请另选一位同事', 'checker');
  if (!MEDICATION_GIVERS.includes(row.role)) throw invalid(`${row.displayName}的账号不负责发药，不能核对，请另选一位同事`, 'checker');
  if (!row.pinHash) throw invalid(`${row.displayName}还没有设置PIN码，不能核对。请另选一位同事，或请护理组长为他（她）设置PIN码`, 'checker');
  const now = new Date(ctx.at);
  if (isLockedOut(row, now)) throw invalid(`${row.displayName}的PIN码输错次数过多，已锁定，请 ${minutesLeft(row.lockedUntil!, now)} 分钟后再试，或另选一位同事核对`, 'checker');
  if (!(await verifySecret(checker.pin, row.pinHash))) throw new WrongCheckerPin(row);
  if (row.failedAttempts > 0) await ctx.trx.updateTable('users').set(AFTER_SUCCESS).where('id', '=', row.id).execute();
  await ctx.audit({ action: 'second_check', entity: 'users', entityId: row.id, after: { checker: row.displayName, for: what, by: ctx.caller.name } });
  return { id: row.id, name: row.displayName };
}

/** Writes a wrong checker PIN (its own transaction: the dose was not written) and returns the sentence to show. */
export async function recordCheckerFailure(deps: BackendDeps, row: Selectable<UsersTable>): Promise<AppError> {
  const rules = await readSettings(deps.db);
  const now = deps.clock.now();
  const next = afterFailure(row, rules, now);
  const subject: Caller = { userId: row.id, name: row.displayName, role: row.role };
  await writeAction(deps, subject, async (ctx) => {
    await ctx.trx.updateTable('users').set(next).where('id', '=', row.id).execute();
    await ctx.audit({ action: next.lockedUntil !== row.lockedUntil ? 'locked_out' : 'sign_in_failed', entity: 'users', entityId: row.id, after: { by: 'pin', for: '双人核对' } });
  });
  if (next.lockedUntil && isLockedOut(next, now)) {
    return invalid(`${row.displayName}的PIN码输错次数过多，已锁定 ${rules.lockoutMinutes} 分钟。请另选一位同事核对`, 'checker');
  }
  return invalid(`${row.displayName}的PIN码不正确（再错 ${rules.lockoutAttempts - next.failedAttempts} 次将锁定）。这次服药没有登记，请重新输入`, 'checker');
}

/** Runs a dose write; a wrong checker PIN is written on its own and refused with its sentence. */
export async function withCheckerFailures<T>(deps: BackendDeps, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WrongCheckerPin) throw await recordCheckerFailure(deps, error.checker);
    throw error;
  }
}

/** The colleagues who may check a dose: active, with a PIN, who give medicines; those on shift now first. */
export async function checkers(deps: BackendDeps, caller: Caller) {
  const users = await deps.db
    .selectFrom('users')
    .select(['id', 'displayName', 'role', 'staffId'])
    .where('disabledAt', 'is', null)
    .where('pinHash', 'is not', null)
    .where('id', '!=', caller.userId)
    .execute();
  const onDuty = await onDutyStaffIds(deps);
  return users
    .filter((u) => MEDICATION_GIVERS.includes(u.role))
    .map((u) => ({ userId: u.id, name: u.displayName, onShift: u.staffId !== null && onDuty.has(u.staffId) }))
    .sort((a, b) => Number(b.onShift) - Number(a.onShift) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}
