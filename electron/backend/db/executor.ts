// What every query runs on: the database itself, or the transaction of the action under way (writeAction's `trx`).
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';

export type Executor = Kysely<DB> | Transaction<DB>;
