// The dry run of connecting to a PostgreSQL server: reach it, say whether the line is encrypted, and what is there —
// nothing yet (a county store will be made), a county store (its accounts are used from then on), a newer program's
// store or another program's tables (refused). Nothing is written on the server or here.
import pg from 'pg';
import type { PostgresConnectionInput, StoreCheck } from '@shared/api/store';
import { AppError } from '@shared/api/errors';
import type { BackendDeps } from '../../deps';
import { type PostgresConnection, poolConfig } from '../../db/postgres/connection';
import { describePostgresError } from '../../db/postgres/errors';
import { latestVersion } from '../../db/postgres/migrate';
import type { DatabaseHolder } from '../backup/holder';

export function connectionOf(input: PostgresConnectionInput): PostgresConnection {
  return { host: input.host, port: input.port, database: input.database, user: input.user, sslmode: input.sslmode, caFile: input.caFile };
}

/** Whether this PC's own file holds a county's data, which moves with it (a centre never gets this far: access.ts). */
async function localData(deps: BackendDeps, holder: DatabaseHolder): Promise<'none' | 'county'> {
  if (!holder.current) return 'none';
  const identity = await deps.db.selectFrom('syncIdentity').select('mode').executeTakeFirst();
  return identity?.mode === 'county' ? 'county' : 'none';
}

interface ServerState {
  state: 'empty' | 'county';
  serverVersion: string;
  encrypted: boolean;
  countyName: string | null;
  centres: number;
  packages: number;
  accounts: number;
}

async function probe(client: pg.ClientBase): Promise<ServerState> {
  const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
  const serverVersion = (await one<{ v: string }>("SELECT current_setting('server_version') AS v")).v;
  const encrypted = (await one<{ ssl: boolean | null }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()'))?.ssl === true;
  const ours = (await one<{ ours: boolean }>("SELECT to_regclass('township_care_schema') IS NOT NULL AS ours")).ours;
  if (!ours) {
    const others = (await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 5")).rows.map((r) => r.name);
    if (others.length) throw new AppError('CONFLICT', `这个数据库里已经有别的程序的表（${others.join('、')}），不是本系统的县级数据库；请新建一个空数据库再连接`);
    return { state: 'empty', serverVersion, encrypted, countyName: null, centres: 0, packages: 0, accounts: 0 };
  }
  const version = (await one<{ version: number }>('SELECT version FROM township_care_schema')).version;
  const latest = latestVersion();
  if (version > latest) throw new AppError('CONFLICT', `服务器上的县级数据库版本（${version}）高于本程序支持的版本（${latest}），请先升级本程序再连接`);
  const identity = await one<{ county_name: string; mode: string } | undefined>('SELECT county_name, mode FROM sync_identity');
  const count = async (table: string) => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).n);
  const [centres, packages, accounts] = [await count('county_centres'), await count('county_packages'), await count('users')];
  return {
    // Made by an earlier connection but never set up (no account, no centre): as good as empty.
    state: accounts === 0 && centres === 0 ? 'empty' : 'county',
    serverVersion,
    encrypted,
    countyName: identity?.county_name ?? null,
    centres,
    packages,
    accounts,
  };
}

export async function checkPostgres(deps: BackendDeps, holder: DatabaseHolder, input: PostgresConnectionInput): Promise<StoreCheck> {
  const connection = connectionOf(input);
  const mine = await localData(deps, holder);
  let client: pg.Client | null = null;
  let server: ServerState;
  try {
    client = new pg.Client(poolConfig(connection, input.password));
    await client.connect();
    server = await probe(client);
  } catch (error) {
    throw describePostgresError(connection, error);
  } finally {
    await client?.end().catch(() => undefined);
  }
  // This PC's county data moves into an empty store; beside an existing one it stays in the file, untouched.
  const localDataPlan = mine === 'none' ? 'none' : server.state === 'empty' ? 'copied' : 'left_in_file';
  const where = `${input.host}:${input.port}/${input.database}`;
  const lines = [
    server.state === 'empty'
      ? `可以连接 ${where}（PostgreSQL ${server.serverVersion}）：这里还没有县级数据，连接时将建立县级数据库。`
      : `可以连接 ${where}（PostgreSQL ${server.serverVersion}）：这里已有${server.countyName ? `「${server.countyName}」的` : ''}县级数据（${server.centres} 个机构、${server.packages} 个数据包、${server.accounts} 个账号），连接后用那里的账号登录。`,
    server.encrypted ? '连接已加密（TLS）。' : '注意：连接没有加密，只应在可信的内网里这样使用。',
    localDataPlan === 'copied' ? '本机现有的县级数据（账号、机构登记、数据包、操作记录）会全部复制到服务器，本机文件保留不动。' : '',
    localDataPlan === 'left_in_file' ? '本机现有的县级数据不会复制过去（服务器上已有数据），仍留在本机文件里；需要时可在设置里切换回本机文件。' : '',
  ];
  return { ...server, localData: localDataPlan, message: lines.filter(Boolean).join('') };
}
