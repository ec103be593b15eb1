// Which store a Kysely handle (or a transaction of it) talks to: the few rules that differ — who may read the county's
// key, how to lock, how to write rows in bulk — ask here instead of carrying a flag around.
import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from './executor';

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Makes writers of one kind take turns until the transaction ends. SQLite has one writer at a time already; on a
 * shared PostgreSQL store, PCs writing at the same moment need it (e.g. one centre's packages, the administrators).
 */
export async function takeTurns(trx: Executor, key: string): Promise<void> {
  if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(hashtext(${`township-care: ${key}`}))`.execute(trx);
}
