// Test helpers: a real SQLite file in a fresh temp folder (or, for a county under TC_TEST_STORE=postgres, a fresh
// database on the throwaway PostgreSQL server), the real dispatcher, a fixed clock, and signed-in sessions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { In, Method, Out } from '@shared/api/contract';
import type { Role } from '@shared/api/roles';
import { type Backend, startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import type { Clock } from '../../electron/backend/clock';
import { writeStoreConfig } from '../../electron/backend/db/store-config';
import { createTestDatabase } from './postgres-server';
import { inject } from 'vitest';

export function tempDir(prefix = 'tc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** 2026-03-15 10:00 China time, unless a test moves it. */
export function fixedClock(iso = '2026-03-15T02:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export const ADMIN = { username: 'admin', displayName: '王院长', password: 'Anquan-2026' } as const;

type Envelope = { ok: boolean; value?: unknown; error?: { code: string; message: string; field?: string } };

export interface TestBackend extends Backend {
  clock: ReturnType<typeof fixedClock>;
  /** The administrator's session (created by first-run setup). */
  admin: Session;
  adminId: string;
  /** Calls the dispatcher and returns the envelope. */
  raw<M extends Method>(method: M, input: In<M>, session?: Session): Promise<Envelope>;
  /** Calls the dispatcher and fails the test on an error envelope. */
  call<M extends Method>(method: M, input: In<M>, session?: Session): Promise<Out<M>>;
  /** A new account with this role, signed in on its own session with its own password set. */
  signInAs(role: Role, name?: string, pin?: string | null): Promise<{ session: Session; id: string; password: string }>;
  count(table: string): number;
  /** Which store the backend runs on: a county opened while TC_TEST_STORE=postgres runs on the test PostgreSQL server. */
  store: 'sqlite' | 'postgres';
  /** Raw SQL on whichever store this is (`?` placeholders, snake_case columns), for tests that look under the API. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** `count` on whichever store this is. */
  countRows(table: string): Promise<number>;
}

/** The county suite runs twice (vitest projects): on SQLite, and with TC_TEST_STORE=postgres on a real server. */
export const COUNTY_STORE: 'sqlite' | 'postgres' = process.env.TC_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** Points a data folder at a brand-new database of the throwaway PostgreSQL server before the backend starts. */
async function usePostgres(dataDir: string): Promise<void> {
  const db = await createTestDatabase(inject('postgres'));
  writeStoreConfig(dataDir, {
    kind: 'postgres',
    connection: { host: db.host, port: db.port, database: db.database, user: db.user, sslmode: 'disable' },
    password: { protection: 'none', value: db.password },
  });
}

export async function openTestBackend(dataDir = tempDir(), options: { withAdmin?: boolean; county?: { code: string; name: string }; store?: 'sqlite' | 'postgres' } = {}): Promise<TestBackend> {
  const clock = fixedClock();
  const store = options.store ?? (options.county && COUNTY_STORE === 'postgres' ? 'postgres' : 'sqlite');
  if (store === 'postgres') await usePostgres(dataDir);
  const backend = await startBackend({ dataDir, clock, checkOutput: true });
  const admin = new Session();
  const raw: TestBackend['raw'] = (method, input, session = admin) => backend.dispatch(session, method, input) as Promise<Envelope>;
  const call: TestBackend['call'] = async (method, input, session = admin) => {
    const result = await backend.dispatch(session, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as Out<typeof method>;
  };
  let adminId = '';
  if (options.withAdmin !== false) {
    const mode = options.county ? { mode: 'county' as const, countyCode: options.county.code, countyName: options.county.name } : {};
    adminId = (await call('auth.setupAdmin', { ...ADMIN, pin: null, ...mode })).id;
  }
  const query: TestBackend['query'] = async <T,>(text: string, ...params: unknown[]) => {
    if (backend.holder.postgres) {
      let n = 0;
      return (await backend.holder.postgres.pool.query(text.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    }
    const statement = backend.database.sqlite.prepare(text);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  };
  let serial = 0;
  return {
    // Not a spread: `database` is a getter that follows a restore to the new file.
    get database() {
      return backend.database;
    },
    holder: backend.holder,
    backups: backend.backups,
    disk: backend.disk,
    dispatch: backend.dispatch,
    dataDir: backend.dataDir,
    close: backend.close,
    clock,
    admin,
    adminId,
    raw,
    call,
    signInAs: async (role, name = `${role}用户`, pin = null) => {
      serial += 1;
      const username = `${role}${serial}`;
      const { id } = await call('users.create', { username, displayName: name, role, password: 'Temp-password-1', pin });
      const session = new Session();
      await call('auth.login', { username, password: 'Temp-password-1' }, session);
      await call('auth.changePassword', { current: 'Temp-password-1', next: 'Own-password-1' }, session);
      return { session, id, password: 'Own-password-1' };
    },
    count: (table) => (backend.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    store,
    countRows: async (table) => {
      const [row] = await query<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${table}`);
      return row.n;
    },
    query,
  };
}
