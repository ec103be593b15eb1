// The throwaway PostgreSQL server the `postgres` vitest project runs on (test/helpers/postgres-server.ts): real, reached
// with node-postgres over TCP with a password, one fresh database per test, and the exact errors node-postgres gives
// for a wrong password, a missing database, nobody listening, and TLS required of a server without it — the ones the
// app turns into Chinese messages.
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createRole, createTestDatabase, startThrowawayPostgres, type TestDatabase, type ThrowawayPostgres } from '../helpers/postgres-server';

async function query<T extends pg.QueryResultRow>(db: TestDatabase | pg.ClientConfig, text: string, ssl?: pg.ClientConfig['ssl']): Promise<T[]> {
  const client = new pg.Client({ ...db, ssl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** What connecting fails with (or null when it connects). */
async function connectError(config: pg.ClientConfig): Promise<{ message: string; code?: string } | null> {
  const client = new pg.Client(config);
  try {
    await client.connect();
    await client.end();
    return null;
  } catch (error) {
    const e = error as Error & { code?: string };
    return { message: e.message, code: e.code };
  }
}

describe('the throwaway PostgreSQL server of the postgres project', () => {
  it('is a real server reached over TCP with the superuser password, on a UTF8, C-collated cluster without TLS', async () => {
    const server = inject('postgres');
    expect(server.host).toBe('127.0.0.1');
    expect(server.tls).toBe(false);
    expect(process.env.TC_TEST_STORE).toBe('postgres');
    const [row] = await query<{ version: string; encoding: string; collate: string; ssl: string }>(
      { connectionString: server.superuserUrl },
      "SELECT version(), pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, current_setting('ssl') AS ssl FROM pg_database WHERE datname = current_database()",
    );
    expect(row.version).toMatch(/^PostgreSQL \d+/);
    expect(row).toMatchObject({ encoding: 'UTF8', collate: 'C', ssl: 'off' });
  });

  it('gives each test a brand-new empty database of its own: what one writes, the other does not see', async () => {
    const server = inject('postgres');
    const a = await createTestDatabase(server);
    const b = await createTestDatabase(server, 'tc_other');
    expect(a.database).not.toBe(b.database);
    expect(b.database).toMatch(/^tc_other_[0-9a-f]{12}$/);
    expect(await query(a, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
    await query(a, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('只在 a 里')");
    expect(await query(a, 'SELECT text FROM notes')).toEqual([{ text: '只在 a 里' }]);
    await expect(query(b, 'SELECT text FROM notes')).rejects.toMatchObject({ code: '42P01', message: 'relation "notes" does not exist' });
  });

  it('says exactly what went wrong: wrong password (28P01), no such database (3D000), nobody listening (ECONNREFUSED)', async () => {
    const server = inject('postgres');
    const db = await createTestDatabase(server);
    const clerk = await createRole(server, 'tc_clerk_server_test', 'right-password');
    // A limited role with the right password gets in; with a wrong one the server refuses with 28P01.
    expect(await query({ ...db, ...clerk }, 'SELECT current_user AS who')).toEqual([{ who: 'tc_clerk_server_test' }]);
    expect(await connectError({ ...db, user: clerk.user, password: 'wrong-password' })).toEqual({
      code: '28P01',
      message: 'password authentication failed for user "tc_clerk_server_test"',
    });
    // A user that does not exist gets the very same answer (the server does not say which names exist).
    expect(await connectError({ ...db, user: 'nobody_here', password: 'x' })).toEqual({ code: '28P01', message: 'password authentication failed for user "nobody_here"' });
    expect(await connectError({ ...db, database: 'no_such_store' })).toEqual({ code: '3D000', message: 'database "no_such_store" does not exist' });
    expect(await connectError({ ...db, port: 1 })).toEqual({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' });
  });

  it('a server that accepts the connection but never answers ends in the connection timeout, not a hang', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const config = { host: '127.0.0.1', port, user: 'u', password: 'p', database: 'd', connectionTimeoutMillis: 300 };
    try {
      expect(await connectError(config)).toEqual({ code: undefined, message: 'timeout expired' });
      const pool = new pg.Pool(config);
      await expect(pool.query('SELECT 1')).rejects.toThrow(/^Connection terminated due to connection timeout$/);
      await pool.end();
    } finally {
      silent.close();
    }
  });

  describe('TLS', () => {
    let tlsServer: ThrowawayPostgres;
    beforeAll(async () => {
      tlsServer = await startThrowawayPostgres({ tls: true });
    });
    afterAll(async () => {
      await tlsServer?.stop();
    });

    it('a TLS server accepts sslmode=require (encrypted, self-signed certificate not verified)', async () => {
      expect(tlsServer.tls).toBe(true);
      const db = await createTestDatabase(tlsServer);
      // libpq's sslmode=require is node-postgres's ssl: { rejectUnauthorized: false } (its own `?sslmode=require` in a
      // connection string verifies the certificate like verify-full, which a self-signed one fails).
      expect(await query(db, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()', { rejectUnauthorized: false })).toEqual([{ ssl: true }]);
      expect(await connectError({ ...db, ssl: true })).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' });
    });

    it('the plain server refuses a client that requires TLS, with node-postgres\'s own message', async () => {
      const db = await createTestDatabase(inject('postgres'));
      expect(await connectError({ ...db, ssl: { rejectUnauthorized: false } })).toEqual({ code: undefined, message: 'The server does not support SSL connections' });
    });
  });
});
