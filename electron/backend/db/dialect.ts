// Which store a Kysely handle (or a transaction of it) talks to: the few rules that differ — who may read the county's
// key, how to lock, how to write rows in bulk — ask here instead of carrying a flag around.
import { PostgresAdapter } from 'kysely';
import type { Executor } from './executor';

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
