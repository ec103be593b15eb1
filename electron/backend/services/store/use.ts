// Changing where the data is kept. To PostgreSQL: checked (the dry run again), the server's county store made or
// brought up to date, this PC's county data copied into it when it is empty (one server transaction: all or nothing),
// then the settings written and the store opened. Back to the file: the settings changed and the file opened again.
// Whoever was signed in signs in again afterwards: the accounts may be the other store's.
import type { PostgresConnectionInput, StoreStatus } from '@shared/api/store';
import { AppError } from '@shared/api/errors';
import { sql } from 'kysely';
import { writeAction } from '../../audit';
import { newId } from '../../ids';
import type { Caller } from '../../caller';
import type { BackendDeps } from '../../deps';
import { openPostgres } from '../../db/postgres/open';
import { protectPassword, writeStoreConfig } from '../../db/store-config';
import type { Platform } from '../../platform';
import type { Session } from '../../security/session';
import type { DatabaseHolder } from '../backup/holder';
import { assertMayChangeStore } from './access';
import { checkPostgres, connectionOf } from './check';
import { copyCountyStore } from './copy';
import { storeStatus } from './status';

function callerOf(session: Session): Caller | null {
  return session.user ? { userId: session.user.userId, name: session.user.name, role: session.user.role } : null;
}

export async function usePostgres(deps: BackendDeps, holder: DatabaseHolder, platform: Platform | undefined, session: Session, input: PostgresConnectionInput): Promise<StoreStatus> {
  await assertMayChangeStore(deps, holder, session);
  const check = await checkPostgres(deps, holder, input);
  const connection = connectionOf(input);
  const where = `${input.host}:${input.port}/${input.database}`;
  const caller = callerOf(session);
  if (check.localData === 'copied') {
    const key = await deps.db.selectFrom('syncIdentity').select('keyProtection').executeTakeFirst();
    if (key?.keyProtection === 'safe_storage' && !platform?.unprotectSecret) {
      throw new AppError('CONFLICT', '本机的县级密钥由桌面程序加密保存，请在桌面程序里做这一步（浏览器方式读不出密钥）');
    }
  }
  const server = await openPostgres(connection, input.password);
  try {
    if (check.localData === 'copied') {
      await server.db.transaction().execute(async (trx) => {
        // Two PCs moving into the same new store at once: one copies, the other finds it taken and stops.
        await sql`SELECT pg_advisory_xact_lock(hashtext('township-care: copy'))`.execute(trx);
        const taken = await trx.selectFrom('users').select('id').executeTakeFirst();
        if (taken) throw new AppError('CONFLICT', `服务器 ${where} 上刚刚已有别的电脑建立了县级数据，本机数据没有复制；请重新检查连接`);
        const copied = await copyCountyStore(deps.db, trx, platform);
        const at = deps.clock.now().toISOString();
        await trx
          .insertInto('auditLog')
          .values({ id: newId(), at, actorId: caller?.userId ?? '', actor: caller?.name ?? '', action: 'create', entity: 'database', entityId: 'store', before: null, after: JSON.stringify({ from: 'sqlite', to: where, copied }) })
          .execute();
      });
    }
  } finally {
    await server.close();
  }
  // The move is recorded in the file it leaves, too, by whoever made it (nobody is signed in at a first run).
  if (caller && holder.current) {
    await writeAction(deps, caller, (ctx) => ctx.audit({ action: 'update', entity: 'database', entityId: 'store', before: { kind: 'sqlite' }, after: { kind: 'postgres', server: where, localData: check.localData } }));
  }
  writeStoreConfig(holder.dataDir, { kind: 'postgres', connection, password: protectPassword(platform, input.password) });
  session.signOut();
  await holder.reopen();
  return storeStatus(holder);
}

/**
 * The start screen's 重试: opens the store again (the server may be back, or room made on a full disk); what is wrong
 * now, if anything, is said (reopen puts it in holder.recovery). A damaged file is not retried: it needs a restore.
 */
export async function retryStore(holder: DatabaseHolder): Promise<StoreStatus> {
  if (!holder.recovery || (holder.recovery.store !== 'postgres' && !holder.recovery.diskFull)) return storeStatus(holder);
  try {
    await holder.reopen();
  } catch (error) {
    holder.recovery ??= { problem: error instanceof Error ? error.message : String(error), store: 'postgres' };
  }
  return storeStatus(holder);
}

export async function useFile(deps: BackendDeps, holder: DatabaseHolder, session: Session): Promise<{ ok: true }> {
  await assertMayChangeStore(deps, holder, session);
  const caller = callerOf(session);
  if (caller && holder.postgres) {
    await writeAction(deps, caller, (ctx) => ctx.audit({ action: 'update', entity: 'database', entityId: 'store', before: { kind: 'postgres' }, after: { kind: 'sqlite' } }));
  }
  writeStoreConfig(holder.dataDir, { kind: 'sqlite' });
  session.signOut();
  await holder.reopen();
  return { ok: true };
}
