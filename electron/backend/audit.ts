// The one write path: every change to a record goes through `writeAction`, which opens one transaction and
// appends who/when/what with before and after values to audit_log inside it.
import { type Transaction, sql } from 'kysely';
import type { Caller } from './caller';
import { nowIso, todayIn } from './clock';
import type { BackendDeps } from './deps';
import { assertMayWrite } from './db/read-only';
import type { DB } from './db/schema';
import { newId } from './ids';

export type AuditAction =
  | 'create'
  | 'update'
  | 'retire'
  | 'admit'
  | 'readmit'
  | 'transfer'
  | 'leave'
  | 'return'
  | 'discharge'
  | 'archive'
  | 'sign_in'
  | 'sign_in_failed'
  | 'locked_out'
  | 'password_changed'
  | 'password_reset'
  | 'pin_set'
  | 'pin_reset'
  | 'view_id_number'
  | 'view_contact_phone'
  | 'export'
  | 'backup'
  | 'restore'
  | 'record'
  | 'amend'
  | 'round'
  | 'report'
  | 'follow_up'
  | 'close'
  | 'hand_over'
  | 'accept'
  | 'void'
  | 'second_check';

export interface WriteContext {
  trx: Transaction<DB>;
  caller: Caller;
  /** ISO instant of this action; the same for every row it writes. */
  at: string;
  today: string;
  audit(entry: { action: AuditAction; entity: keyof DB | 'database'; entityId: string; before?: unknown; after?: unknown }): Promise<void>;
  /** Created/updated stamps for a new row. */
  stampNew(): { createdAt: string; createdBy: string; updatedAt: string; updatedBy: string };
  stampUpdate(): { updatedAt: string; updatedBy: string };
}


function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

let savepointCounter = 0;

/**
 * Inside a larger job that already holds a transaction (the demo loader), an action runs in a savepoint:
 * a failed action is undone on its own, and the whole job still commits once.
 */
async function inSavepoint<T>(trx: Transaction<DB>, body: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const name = `action_${++savepointCounter}`;
  await sql.raw(`SAVEPOINT ${name}`).execute(trx);
  try {
    const result = await body(trx);
    await sql.raw(`RELEASE ${name}`).execute(trx);
    return result;
  } catch (error) {
    await sql.raw(`ROLLBACK TO ${name}`).execute(trx);
    await sql.raw(`RELEASE ${name}`).execute(trx);
    throw error;
  }
}

/** Runs one user action in one transaction; anything thrown rolls back every write of it, audit rows included. */
export async function writeAction<T>(deps: BackendDeps, caller: Caller, work: (ctx: WriteContext) => Promise<T>): Promise<T> {
  assertMayWrite('writeAction');
  const at = nowIso(deps.clock);
  const today = todayIn(deps.clock);
  const run = (body: (trx: Transaction<DB>) => Promise<T>) =>
    deps.db.isTransaction ? inSavepoint(deps.db as Transaction<DB>, body) : deps.db.transaction().execute(body);
  return run(async (trx) => {
    const ctx: WriteContext = {
      trx,
      caller,
      at,
      today,
      audit: async ({ action, entity, entityId, before, after }) => {
        await trx
          .insertInto('auditLog')
          .values({ id: newId(), at, actorId: caller.userId, actor: caller.name, action, entity, entityId, before: toJson(before), after: toJson(after) })
          .execute();
      },
      stampNew: () => ({ createdAt: at, createdBy: caller.name, updatedAt: at, updatedBy: caller.name }),
      stampUpdate: () => ({ updatedAt: at, updatedBy: caller.name }),
    };
    return work(ctx);
  });
}
