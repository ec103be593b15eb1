// API of the store module (issue 20): where this installation keeps its data — the SQLite file on this PC (the
// default), or, for a county that several clerks use at once or a prefecture/province, a PostgreSQL server.
import { z } from 'zod';
import { Ok, requiredText, wholeNumber } from './fields';
import { PUBLIC, method } from './method';

export const SSL_MODES = ['disable', 'require', 'verify-full'] as const;

export const PostgresConnectionInput = z.object({
  host: requiredText('数据库服务器地址', 255),
  port: wholeNumber('端口', 1, 65535).default(5432),
  database: requiredText('数据库名', 63),
  user: requiredText('数据库用户名', 63),
  password: z.string({ error: '请填写数据库密码' }).min(1, { error: '请填写数据库密码' }).max(200, { error: '密码不能超过200个字符' }),
  sslmode: z.enum(SSL_MODES, { error: '请选择加密方式' }),
  /** For verify-full: the certificate authority's PEM file on this PC. */
  caFile: z.string().trim().max(500).nullable().default(null),
});
export type PostgresConnectionInput = z.output<typeof PostgresConnectionInput>;

const Connection = z.object({ host: z.string(), port: z.number(), database: z.string(), user: z.string(), sslmode: z.enum(SSL_MODES), caFile: z.string().nullable() });

export const StoreStatus = z.object({
  kind: z.enum(['sqlite', 'postgres']),
  /** The server, when the store is PostgreSQL (never the password). */
  connection: Connection.nullable(),
  /** Why the store could not be opened at start (the server unreachable, the password changed…), or null. */
  problem: z.string().nullable(),
});
export type StoreStatus = z.output<typeof StoreStatus>;

/** What connecting would find, said before anything is written. */
export const StoreCheck = z.object({
  /** empty: a new county store will be made; county: one is there already (its accounts are used from then on). */
  state: z.enum(['empty', 'county']),
  serverVersion: z.string(),
  encrypted: z.boolean(),
  countyName: z.string().nullable(),
  centres: z.number(),
  packages: z.number(),
  accounts: z.number(),
  /** What "连接并使用" will do with this PC's own county data (copied when the server's store is empty). */
  localData: z.enum(['none', 'copied', 'left_in_file']),
  message: z.string(),
});
export type StoreCheck = z.output<typeof StoreCheck>;

export const storeApi = {
  'store.status': method({ input: z.object({}), output: StoreStatus, roles: PUBLIC, writes: false }),
  /**
   * The dry run of connecting. Public only while nobody can sign in (first run, or the server unreachable at start);
   * otherwise the county administrator's (checked in the backend).
   */
  'store.check': method({ input: PostgresConnectionInput, output: StoreCheck, roles: PUBLIC, writes: false }),
  /** Connects, makes or brings the county store up to date, copies this PC's county data into an empty one, and uses it. */
  'store.usePostgres': method({ input: PostgresConnectionInput, output: StoreStatus, roles: PUBLIC, writes: true }),
  /** Tries the server again after it could not be reached (start screen's 重试); the same rule as store.check. */
  'store.retry': method({ input: z.object({}), output: StoreStatus, roles: PUBLIC, writes: true }),
  /** Back to the SQLite file on this PC (the server's data stays there); the same rule as store.check for who may. */
  'store.useFile': method({ input: z.object({}), output: Ok, roles: PUBLIC, writes: true }),
};
