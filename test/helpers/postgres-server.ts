// A real, throwaway PostgreSQL server for the tests and the bench (issue 20): a new cluster in a temp folder
// (initdb --locale=C -E UTF8, a superuser with a password, scram-sha-256 on 127.0.0.1, its unix socket in that folder),
// listening on a free port, started with `pg_ctl -w start` and stopped with `pg_ctl -m fast stop`, the folder removed.
// It is stopped on stop(), on process exit and on SIGINT/SIGTERM; a small watcher process also stops it if this
// process dies without a word (SIGKILL), so nothing is left running. Light on purpose (fsync off, small buffers): the
// data is thrown away. The server programs come from Debian's `postgresql` package (test/prerequisites.ts installs it).
// initdb and postgres refuse to run as root: as root they run as the `postgres` user that package creates.
// Usable outside vitest too (plain tsx): `const server = await startThrowawayPostgres(); … await server.stop();`
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findOnPath, postgresBinDir } from '../prerequisites';

/** How to reach a running throwaway server as its superuser (what vitest's inject('postgres') gives a test). */
export interface PostgresServerInfo {
  host: string;
  port: number;
  /** The superuser made by initdb. */
  user: string;
  password: string;
  /** postgres://user:password@host:port/postgres */
  superuserUrl: string;
  /** Whether the server offers TLS (ssl=on with a self-signed certificate). */
  tls: boolean;
}

export interface ThrowawayPostgres extends PostgresServerInfo {
  /** Stops the server (pg_ctl -m fast) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** ssl=on with a self-signed certificate (made with `openssl req`); otherwise ssl=off. */
  tls?: boolean;
  /** Extra postgresql.conf settings, e.g. { fsync: 'on' } for a bench that wants durable writes. */
  settings?: Record<string, string>;
}

/** Connection details of one database on the server. */
export interface TestDatabase {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
}

const SUPERUSER = 'tc_super';
const HOST = '127.0.0.1';

type Runner = (program: string, args: string[], options?: SpawnSyncOptions) => { status: number | null; output: string };

interface Identity {
  /** Runs a server program as the user that owns the cluster. */
  run: Runner;
  /** The argv prefix that runs a command as that user (empty when it is this process's user). */
  prefix: string[];
  uid: number;
  gid: number;
}

/** As root: the `postgres` OS user through runuser (or setpriv); otherwise this process's own user. */
function identity(): Identity {
  const isRoot = process.getuid?.() === 0;
  let prefix: string[] = [];
  let uid = process.getuid?.() ?? 0;
  let gid = process.getgid?.() ?? 0;
  if (isRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (ids.status !== 0 || gids.status !== 0) {
      throw new Error('以 root 运行测试时需要系统用户 postgres（Debian 的 postgresql 软件包会创建）：initdb 和 postgres 不能以 root 运行。 ' +
        'Running as root needs the `postgres` OS user (made by Debian\'s postgresql package): initdb and postgres refuse to run as root.');
    }
    uid = Number(ids.stdout.trim());
    gid = Number(gids.stdout.trim());
    const runuser = findOnPath('runuser') ?? ['/usr/sbin/runuser', '/sbin/runuser'].find((p) => fs.existsSync(p));
    const setpriv = findOnPath('setpriv') ?? ['/usr/bin/setpriv'].find((p) => fs.existsSync(p));
    if (runuser) prefix = [runuser, '-u', 'postgres', '--'];
    else if (setpriv) prefix = [setpriv, `--reuid=${uid}`, `--regid=${gid}`, '--init-groups'];
    else throw new Error('以 root 运行测试时需要 runuser 或 setpriv（util-linux）来以 postgres 用户启动服务器。 Running as root needs runuser or setpriv (util-linux).');
  }
  const run: Runner = (program, args, options = {}) => {
    const argv = [...prefix, program, ...args];
    const result = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', ...options });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
  };
  return { run, prefix, uid, gid };
}

/**
 * A new 0700 folder for the cluster, owned by the user that runs it. In the OS temp folder unless, as root, that user
 * cannot reach it there (a TMPDIR under /root): then under /tmp.
 */
function clusterFolder(who: Identity): string {
  for (const parent of [...new Set([os.tmpdir(), '/tmp'])]) {
    const dir = fs.mkdtempSync(path.join(parent, 'tc-pg-'));
    fs.chmodSync(dir, 0o700);
    fs.chownSync(dir, who.uid, who.gid);
    if (who.prefix.length === 0 || who.run('test', ['-w', dir, '-a', '-x', dir]).status === 0) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  throw new Error(`用户 postgres 进不了临时文件夹 ${os.tmpdir()} 和 /tmp。 The postgres user cannot reach ${os.tmpdir()} nor /tmp.`);
}

/** A port nobody listens on right now (the OS picks it; a clash at start is retried). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function quoteConf(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const running = new Set<() => void>();
let exitHooked = false;

/** Once per process: stop every server still running when the process exits or is interrupted. */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const stopNow of [...running]) stopNow();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      for (const stopNow of [...running]) stopNow();
      // Only ours listened: do what the signal would have done.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/** Starts a brand-new PostgreSQL cluster in a temp folder; see the top of this file. */
export async function startThrowawayPostgres(options: StartOptions = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('找不到 PostgreSQL 的 initdb、pg_ctl、postgres（Debian 的 postgresql 软件包；或设 POSTGRES_BIN_DIR=<文件夹>）。 ' +
      'PostgreSQL\'s initdb, pg_ctl and postgres were not found (Debian package postgresql, or set POSTGRES_BIN_DIR=<folder>).');
  }
  const who = identity();
  const dir = clusterFolder(who);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const password = crypto.randomBytes(18).toString('base64url');
  const cleanupFolder = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const pwfile = path.join(dir, 'pwfile');
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    fs.chownSync(pwfile, who.uid, who.gid);

    const init = who.run(path.join(bin, 'initdb'), [
      '-D', data, '-U', SUPERUSER, `--pwfile=${pwfile}`, '--locale=C', '-E', 'UTF8',
      '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync',
    ], { cwd: dir });
    fs.rmSync(pwfile, { force: true });
    if (init.status !== 0) throw new Error(`initdb 失败 / initdb failed:\n${init.output}`);

    // Only these ways in: the socket in the (0700) temp folder, and a password over TCP on 127.0.0.1.
    fs.writeFileSync(path.join(data, 'pg_hba.conf'), ['local all all trust', `host all all ${HOST}/32 scram-sha-256`, ''].join('\n'));

    const tls = options.tls === true;
    if (tls) {
      const cert = path.join(data, 'server.crt');
      const key = path.join(data, 'server.key');
      const openssl = findOnPath('openssl') ?? '/usr/bin/openssl';
      const made = spawnSync(openssl, [
        'req', '-x509', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
        '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${HOST}`,
      ], { encoding: 'utf8' });
      if (made.status !== 0) throw new Error(`openssl req 生成证书失败 / openssl req failed:\n${made.stderr ?? ''}${made.error ?? ''}`);
      fs.chmodSync(key, 0o600);
      fs.chownSync(key, who.uid, who.gid);
      fs.chownSync(cert, who.uid, who.gid);
    }

    let port = 0;
    let started = false;
    let lastOutput = '';
    for (let attempt = 0; attempt < 4 && !started; attempt++) {
      port = await freePort();
      const settings: Record<string, string> = {
        listen_addresses: quoteConf(HOST),
        port: String(port),
        unix_socket_directories: quoteConf(dir),
        max_connections: '200',
        shared_buffers: '32MB',
        fsync: 'off',
        synchronous_commit: 'off',
        full_page_writes: 'off',
        wal_level: 'minimal',
        max_wal_senders: '0',
        checkpoint_timeout: '1h',
        max_wal_size: '1GB',
        autovacuum: 'off',
        jit: 'off',
        log_min_messages: 'warning',
        ssl: tls ? 'on' : 'off',
        ...(tls ? { ssl_cert_file: quoteConf('server.crt'), ssl_key_file: quoteConf('server.key') } : {}),
        ...options.settings,
      };
      fs.writeFileSync(
        path.join(data, 'postgresql.auto.conf'),
        `# throwaway test server (test/helpers/postgres-server.ts)\n${Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`,
      );
      fs.chownSync(path.join(data, 'postgresql.auto.conf'), who.uid, who.gid);
      const start = who.run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', '-s', 'start'], { cwd: dir });
      started = start.status === 0;
      if (!started) {
        let serverLog = '';
        try {
          serverLog = fs.readFileSync(log, 'utf8');
        } catch {
          // no log yet
        }
        lastOutput = `${start.output}\n${serverLog}`;
        // Only a port taken between freePort() and the start is worth another try.
        if (!/could not (bind|create listen socket)|Address already in use/i.test(serverLog)) break;
      }
    }
    if (!started) throw new Error(`PostgreSQL 测试服务器没有启动 / the test PostgreSQL server did not start:\n${lastOutput}`);

    // A watcher that outlives a killed node process: once this process is gone, it stops the server and removes the folder.
    const pgCtlStop = [...who.prefix, path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-s', 'stop'];
    const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const watcher = spawn('/bin/sh', ['-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${pgCtlStop.map(shellQuote).join(' ')} >/dev/null 2>&1; rm -rf ${shellQuote(dir)}`,
    ], { detached: true, stdio: 'ignore' });
    watcher.unref();

    let stopped = false;
    const stopNow = () => {
      if (stopped) return;
      stopped = true;
      running.delete(stopNow);
      try {
        if (watcher.pid) process.kill(watcher.pid);
      } catch {
        // already gone
      }
      who.run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', '-s', 'stop'], { cwd: os.tmpdir() });
      cleanupFolder();
    };
    running.add(stopNow);
    hookExit();

    const superuserUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${port}/postgres`;
    return {
      host: HOST,
      port,
      user: SUPERUSER,
      password,
      superuserUrl,
      tls,
      stop: async () => stopNow(),
    };
  } catch (error) {
    who.run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-s', 'stop'], { cwd: os.tmpdir() });
    cleanupFolder();
    throw error;
  }
}

async function asSuperuser<T>(server: PostgresServerInfo, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: server.host, port: server.port, user: server.user, password: server.password, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A brand-new empty database with a random name (one per test, for isolation), owned by the superuser. */
export async function createTestDatabase(server: PostgresServerInfo, prefix = 'tc_test'): Promise<TestDatabase> {
  const database = `${prefix}_${crypto.randomBytes(6).toString('hex')}`.toLowerCase();
  await asSuperuser(server, async (client) => {
    // FILE_COPY (PostgreSQL 15+) copies the small template's files: ~20 ms a database here, against ~70 ms for the
    // default WAL_LOG, which matters with one database per test.
    const version = Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0].server_version_num);
    const strategy = version >= 150000 ? ' STRATEGY FILE_COPY' : '';
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'${strategy}`);
  });
  return { host: server.host, port: server.port, database, user: server.user, password: server.password };
}

/**
 * A login role (not a superuser) with this password; an existing one gets the new password. Roles belong to the
 * whole server, shared by every test file of the run: give each test its own name when the password matters.
 */
export async function createRole(server: PostgresServerInfo, name: string, password: string): Promise<{ user: string; password: string }> {
  await asSuperuser(server, async (client) => {
    try {
      await client.query(`CREATE ROLE ${pg.escapeIdentifier(name)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
    } catch (error) {
      // 42710 duplicate_object: the role is there already (from another test); 23505: the same, raced.
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw error;
      await client.query(`ALTER ROLE ${pg.escapeIdentifier(name)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`);
    }
  });
  return { user: name, password };
}

// `tsx test/helpers/postgres-server.ts [--tls]`: a throwaway server to poke at by hand (psql "<url>"), until Ctrl-C.
if (require.main === module) {
  startThrowawayPostgres({ tls: process.argv.includes('--tls') }).then(
    (server) => {
      console.log(`PostgreSQL 测试服务器已启动 / throwaway server up (Ctrl-C stops it and removes its folder):\n  ${server.superuserUrl}`);
      setInterval(() => undefined, 60_000);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
