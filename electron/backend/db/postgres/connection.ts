// How the program reaches a county's PostgreSQL server: the details a clerk types (host, port, database, user, TLS
// mode) and node-postgres's pool options made from them. The password is passed in, never stored here.
import fs from 'node:fs';
import type { PoolConfig } from 'pg';
import { types } from 'pg';

/** libpq's sslmode words, the ones that mean something for a county server. */
export type SslMode = 'disable' | 'require' | 'verify-full';

export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  sslmode: SslMode;
  /** For verify-full: the certificate authority that signed the server's certificate (a PEM file). */
  caFile?: string | null;
}

/** Counts (bigint) come back as numbers, as SQLite gives them: our counts are far below 2^53. */
const numberTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8 || oid === types.builtins.NUMERIC ? (value: string) => Number(value) : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

function sslOption(c: PostgresConnection): PoolConfig['ssl'] {
  if (c.sslmode === 'disable') return false;
  // require: encrypted, the certificate not checked (libpq's meaning); verify-full: the certificate and the host name.
  if (c.sslmode === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ...(c.caFile ? { ca: fs.readFileSync(c.caFile, 'utf8') } : {}) };
}

export function poolConfig(c: PostgresConnection, password: string): PoolConfig {
  return {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password,
    ssl: sslOption(c),
    types: numberTypes,
    max: 8,
    // An unreachable server is said within seconds, not after the operating system's minutes-long timeout.
    connectionTimeoutMillis: 8000,
    idleTimeoutMillis: 30_000,
    application_name: 'township-care',
  };
}

/** host:port/database as a clerk reads it in messages (never the password). */
export function describeConnection(c: PostgresConnection): string {
  return `${c.host}:${c.port}/${c.database}`;
}
