// Every call of a signed-in session checks its account again (issue 20): with the county store on PostgreSQL several
// PCs share the accounts, so what an administrator does on one PC — disable an account, change its role, reset its
// password or PIN, restore a backup — must end that person's sessions on the others at their next call. One read by
// primary key (the account, with the store's generation row as a sub-select), so SQLite pays nothing measurable.
import { enumLabel } from '@shared/domain/enum-labels';
import type { Executor } from '../db/executor';
import { verifySecret } from './secrets';
import type { AccountStamp, Session } from './session';

/** The settings row a restore renews (modules keep their own keys in `settings`; readSettings ignores this one). */
export const GENERATION_KEY = 'storeGeneration';

export async function storeGeneration(db: Executor): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', GENERATION_KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** What a session records at sign-in, read from the account's row as it is now. */
export async function stampAccount(db: Executor, userId: string, by: AccountStamp['by']): Promise<AccountStamp | null> {
  const row = await db.selectFrom('users').select(['passwordHash', 'pinHash']).where('id', '=', userId).executeTakeFirst();
  return row ? { by, passwordHash: row.passwordHash, pinHash: row.pinHash, generation: await storeGeneration(db) } : null;
}

export const ENDED = {
  restored: '数据已从备份恢复（可能是在另一台电脑上恢复的），之前的登录已失效，请重新登录',
  missing: '您的账号在数据库中已不存在（可能已从备份恢复），请重新登录或联系管理员',
  disabled: '您的账号已被管理员停用，已退出登录。如有疑问请联系管理员',
  role: (role: string) => `管理员已把您的角色改为「${enumLabel('role', role)}」，请重新登录`,
  password: '您的密码已被管理员重置或已在其他电脑上修改，请重新登录',
  pin: '您的PIN码已被重设或已在其他电脑上修改，请重新登录',
} as const;

type AccountRow = { role: string; disabledAt: string | null; passwordHash: string | null; pinHash: string | null };

function whyEnded(stamp: AccountStamp, role: string, generation: string | null, row: AccountRow | undefined): string | null {
  if (generation !== stamp.generation) return ENDED.restored;
  if (!row) return ENDED.missing;
  if (row.disabledAt !== null) return ENDED.disabled;
  if (row.role !== role) return ENDED.role(row.role);
  if (row.passwordHash !== stamp.passwordHash) return ENDED.password;
  if (stamp.by === 'pin' && row.pinHash !== stamp.pinHash) return ENDED.pin;
  return null;
}

/**
 * Checks the signed-in account against the store. When it no longer holds — disabled, gone, another role, its
 * password (or, for a PIN session, its PIN) changed since sign-in, or the store restored from a backup — the session
 * is signed out and the reason returned as one Chinese sentence; otherwise null. A changed display name is taken over
 * (the audit log records the current one). Sessions without a stamp (the command line) are not checked.
 */
export async function recheckAccount(db: Executor, session: Session): Promise<string | null> {
  const user = session.user;
  const stamp = session.account;
  if (!user || !stamp) return null;
  const row = await db
    .selectFrom('users')
    .select((eb) => [
      'role',
      'disabledAt',
      'passwordHash',
      'pinHash',
      'displayName',
      eb.selectFrom('settings').select('value').where('key', '=', GENERATION_KEY).as('generation'),
    ])
    .where('id', '=', user.userId)
    .executeTakeFirst();
  const generation = row ? row.generation : await storeGeneration(db);
  const reason = whyEnded(stamp, user.role, generation ?? null, row);
  if (reason) {
    session.signOut(reason);
    return reason;
  }
  if (row && row.displayName !== user.name) user.name = row.displayName;
  return null;
}

/**
 * After this session changed its own password or PIN (or an administrator their own): the new secret is the one it
 * signed in with from now on, so the change does not sign out the very screen that made it. Only the secret this call
 * set is taken over, and only when the account still holds it: a password or PIN reset on another PC while this call
 * waited to write (or since it wrote) is not, so that reset still ends this session at its next call.
 */
export async function restampOwnAccount(db: Executor, session: Session, userId: string, set: { password: string } | { pin: string }): Promise<void> {
  if (!session.user || !session.account || session.user.userId !== userId) return;
  const fresh = await stampAccount(db, userId, session.account.by);
  const hash = 'password' in set ? fresh?.passwordHash : fresh?.pinHash;
  if (!hash || !(await verifySecret('password' in set ? set.password : set.pin, hash))) return;
  const account = session.account;
  if (!account || session.user?.userId !== userId) return; // signed out (or someone else signed in) meanwhile
  session.account = 'password' in set ? { ...account, passwordHash: hash } : { ...account, pinHash: hash };
}
