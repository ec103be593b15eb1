// What every service is given: the database and the clock (the backend's only source of time).
import type { Kysely } from 'kysely';
import type { Clock } from './clock';
import type { DB } from './db/schema';

export interface BackendDeps {
  db: Kysely<DB>;
  clock: Clock;
}
