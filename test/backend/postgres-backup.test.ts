// Backups of a county store on PostgreSQL (issue 20), through the real dispatcher on the throwaway server: pg_dump to
// a folder with progress, the automatic copies as .dump files, a checked restore in one server transaction (refusing
// what is not a dump of our store, or of a newer version, with nothing changed), pg_dump missing, and the password
// never in argv, a message or a job's error. Runs in the `postgres` vitest project.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { openPostgres } from '../../electron/backend/db/postgres/open';
import { writeStoreConfig } from '../../electron/backend/db/store-config';
import { Session } from '../../electron/backend/security/session';
import { dumpPostgres, passwordOfStore } from '../../electron/backend/services/backup/postgres-dump';
import { checkDump, restorePostgres } from '../../electron/backend/services/backup/postgres-restore';
import { candidateDirs, childEnv, missingToolsMessage } from '../../electron/backend/services/backup/postgres-tools';
import { ADMIN, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';
import { smallCentre } from '../helpers/centre';
import { linkCentreToCounty } from '../helpers/county-link';
import { createRole, createTestDatabase, startThrowawayPostgres } from '../helpers/postgres-server';

let county: TestBackend;
let centre: TestBackend;

beforeEach(async () => {
  county = await openTestBackend(tempDir(), { county: { code: '320102', name: '玄武区' }, store: 'postgres' });
  centre = await openTestBackend();
  await smallCentre(centre);
  await linkCentreToCounty(centre, county);
  await county.call('users.create', { username: 'clerk1', displayName: '李文书', role: 'county_viewer', password: 'Temp-password-1', pin: null });
});
afterEach(async () => {
  delete process.env.POSTGRES_BIN_DIR;
  await county.close();
  await centre.close();
});

async function waitForJob(jobId: string, session?: Session) {
  for (;;) {
    const job = await county.call('backup.job', { jobId }, session);
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const usernames = async () => (await county.query<{ username: string }>('SELECT username FROM users ORDER BY username')).map((r) => r.username);

/** A county backend signed in again as the administrator (a PostgreSQL restore signs its caller out). */
async function signInAgain(): Promise<Session> {
  const session = new Session();
  await county.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, session);
  return session;
}

describe('backups of a county store on PostgreSQL', () => {
  it('dumps to a folder with progress, as a pg_dump custom archive, and records who did it', async () => {
    const usb = tempDir('tc-usb-');
    const seen: number[] = [];
    const { jobId } = await county.call('backup.toFolder', { folder: usb });
    let job;
    for (;;) {
      job = await county.call('backup.job', { jobId });
      seen.push(job.percent);
      if (job.done) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(job).toMatchObject({ done: true, error: null, percent: 100 });
    expect(path.basename(job.file!)).toMatch(/^敬老院数据备份-2026-03-15-.*\.dump$/);
    expect(fs.readdirSync(usb)).toEqual([path.basename(job.file!)]);
    expect(fs.readFileSync(job.file!).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
    expect((await county.call('audit.search', { action: 'backup' })).total).toBe(1);
  });

  it('reports progress table by table (pg_dump --verbose, each weighing its size) up to the whole', async () => {
    const fractions: number[] = [];
    await dumpPostgres(county.holder.postgres!, path.join(tempDir('tc-usb-'), 'p.dump'), (f) => fractions.push(f));
    const tables = await county.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
    const between = fractions.filter((f) => f > 0 && f < 1);
    expect(between.length).toBe(tables[0].n - 1); // as each table starts, the ones before it are done
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
  });

  it('looks for pg_dump in POSTGRES_BIN_DIR alone, else the newest install, then PATH; names what to install per system', () => {
    expect(candidateDirs({ POSTGRES_BIN_DIR: '/opt/pg/bin', PATH: '/usr/bin' }, 'linux')).toEqual(['/opt/pg/bin']);
    const linux = candidateDirs({ PATH: '/usr/local/bin:/usr/bin' }, 'linux');
    expect(linux.slice(-2)).toEqual(['/usr/local/bin', '/usr/bin']);
    const installed = fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    expect(linux[0]).toBe(`/usr/lib/postgresql/${installed[0]}/bin`);
    expect(missingToolsMessage({}, 'linux', 16)).toContain('sudo apt-get install postgresql-client-16');
    expect(missingToolsMessage({}, 'win32', 16)).toMatch(/请安装 PostgreSQL 16 或更新版本的命令行工具（Command Line Tools，安装在 C:\\Program Files\\PostgreSQL\\<版本>\\bin）/);
  });

  it('gives pg_dump the connection and the password in its environment only, TLS included', () => {
    process.env.PGSERVICE = 'someone-elses';
    const env = childEnv({ host: 'db.county', port: 6543, database: 'care', user: 'clerk', sslmode: 'verify-full', caFile: '/etc/ca.pem' }, 's3cret', {}, 15);
    delete process.env.PGSERVICE;
    expect(env).toMatchObject({ PGHOST: 'db.county', PGPORT: '6543', PGDATABASE: 'care', PGUSER: 'clerk', PGPASSWORD: 's3cret', PGSSLMODE: 'verify-full', PGSSLROOTCERT: '/etc/ca.pem' });
    expect(env.PGSERVICE).toBeUndefined();
    expect(childEnv({ host: 'h', port: 1, database: 'd', user: 'u', sslmode: 'verify-full' }, 'p', {}, 16).PGSSLROOTCERT).toBe('system');
    expect(childEnv({ host: 'h', port: 1, database: 'd', user: 'u', sslmode: 'require' }, 'p', {}, 16).PGSSLROOTCERT).toBeUndefined();
  });

  it('backs up and restores over TLS (sslmode=require) on a server that offers it', async () => {
    const server = await startThrowawayPostgres({ tls: true });
    const dataDir = tempDir();
    let tls: TestBackend | undefined;
    try {
      const db = await createTestDatabase(server);
      writeStoreConfig(dataDir, {
        kind: 'postgres',
        connection: { host: db.host, port: db.port, database: db.database, user: db.user, sslmode: 'require' },
        password: { protection: 'none', value: db.password },
      });
      tls = await openTestBackend(dataDir, { county: { code: '320102', name: '玄武区' }, store: 'sqlite' });
      expect(tls.holder.postgres?.connection.sslmode).toBe('require');
      const { jobId } = await tls.call('backup.toFolder', { folder: tempDir('tc-usb-') });
      let job;
      do job = await tls.call('backup.job', { jobId });
      while (!job.done);
      expect(job.error).toBeNull();
      expect((await tls.call('backup.restore', { source: job.file! })).safetyCopy).toMatch(/\.dump$/);
    } finally {
      await tls?.close();
      await server.stop();
    }
  }, 120_000);

  it('writes the daily and monthly copies as .dump files and lists them', async () => {
    expect(await county.backups.runAutomatic()).toEqual(['daily-2026-03-15.dump', 'monthly-2026-03.dump']);
    expect(await county.backups.runAutomatic()).toEqual([]);
    const list = await county.call('backup.list', {});
    expect(list.folder).toBe(path.join(county.dataDir, 'backups'));
    expect(list.backups.map((b) => [b.name, b.kind])).toEqual(expect.arrayContaining([['daily-2026-03-15.dump', 'daily'], ['monthly-2026-03.dump', 'monthly']]));
  });

  it('restores the store as it was at the backup, keeps a safety dump of what was there, audits it, and signs the caller out', async () => {
    const usb = tempDir('tc-usb-');
    const job = await waitForJob((await county.call('backup.toFolder', { folder: usb })).jobId);
    const centres = await county.countRows('county_centres');
    expect(centres).toBe(1);
    const before = await usernames();
    await county.call('users.create', { username: 'clerk2', displayName: '张文书', role: 'county_viewer', password: 'Temp-password-1', pin: null });
    expect(await usernames()).toContain('clerk2');

    const result = await county.call('backup.restore', { source: job.file! });
    expect(result.safetyCopy).toMatch(/^pre-restore-.*\.dump$/);
    expect(await usernames()).toEqual(before);
    expect(await county.countRows('county_centres')).toBe(centres);
    // Whoever restored signs in again (the accounts came back from the archive).
    expect((await county.raw('backup.list', {})).error?.code).toBe('UNAUTHENTICATED');
    const admin = await signInAgain();
    expect((await county.call('audit.search', { action: 'restore' }, admin)).total).toBe(1);
    // The account made after the backup is in the safety dump: restoring it brings it back.
    await county.call('backup.restore', { source: result.safetyCopy! }, admin);
    expect(await usernames()).toContain('clerk2');
    expect(county.holder.postgres).not.toBeNull();
  }, 120_000);

  it('restores a backup of an older version, then the migrations bring it up to this program’s', async () => {
    // A store made by the previous version of the program (one migration fewer), dumped.
    const db = await createTestDatabase(inject('postgres'));
    const connection = { host: db.host, port: db.port, database: db.database, user: db.user, sslmode: 'disable' as const };
    const older = await openPostgres(connection, db.password, { migrations: migrations.slice(0, -1) });
    expect(older.migration.to).toBe(LATEST_SCHEMA_VERSION - 1);
    const file = path.join(tempDir('tc-usb-'), 'older.dump');
    await dumpPostgres(older, file);
    await older.close();

    await county.call('backup.restore', { source: file });
    expect(county.holder.postgres!.migration).toEqual({ from: LATEST_SCHEMA_VERSION - 1, to: LATEST_SCHEMA_VERSION });
    expect(await county.query('SELECT version FROM township_care_schema')).toEqual([{ version: LATEST_SCHEMA_VERSION }]);
    expect(await usernames()).toEqual([]); // the older store had no accounts yet: nobody signs in until one is set up
    const [{ n }] = await county.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'restore'");
    expect(n).toBe(1);
  }, 120_000);

  it('leaves the store as it was when pg_restore fails half-way (one server transaction), and says why', async () => {
    const usb = tempDir('tc-usb-');
    const job = await waitForJob((await county.call('backup.toFolder', { folder: usb })).jobId);
    await county.call('users.create', { username: 'clerk2', displayName: '张文书', role: 'county_viewer', password: 'Temp-password-1', pin: null });
    const before = await usernames();
    const audit = await county.countRows('audit_log');
    // The table of contents and the version row are whole (the checks pass), but the last table's data is damaged:
    // pg_restore has dropped and loaded the other tables when it fails.
    const bytes = fs.readFileSync(job.file!);
    for (let i = bytes.length - 200; i < bytes.length - 50; i++) bytes[i] ^= 0x5a;
    const cut = path.join(usb, 'cut.dump');
    fs.writeFileSync(cut, bytes);
    const failed = await county.raw('backup.restore', { source: cut });
    expect(failed.ok).toBe(false);
    expect(failed.error!.message).toMatch(/^恢复没有完成，数据保持原样：.*could not uncompress data/);
    expect(await usernames()).toEqual(before);
    expect(await county.countRows('audit_log')).toBe(audit);
    expect((await county.call('users.list', {})).length).toBeGreaterThan(0); // still open and signed in
  }, 120_000);

  it('gives up, changing nothing, when another county PC holds the tables in an open transaction', async () => {
    const file = path.join(tempDir('tc-usb-'), 'now.dump');
    const store = county.holder.postgres!;
    await dumpPostgres(store, file);
    const { tools, inspection } = await checkDump(store, file);
    const before = await usernames();
    const other = await store.pool.connect(); // another PC, in the middle of its work
    try {
      await other.query('BEGIN');
      await other.query('SELECT count(*) FROM users');
      const failed = await restorePostgres(store, tools, file, inspection, 500).then(() => null, (e: Error) => e.message);
      expect(failed).toBe('其他县级电脑正在使用数据库，恢复没有进行，数据保持原样。请让其他电脑暂时退出本程序后再试');
    } finally {
      await other.query('ROLLBACK');
      other.release();
    }
    expect(await usernames()).toEqual(before);
    await restorePostgres(store, tools, file, inspection, 500); // and goes through once it is free
    expect(await usernames()).toEqual(before);
  }, 60_000);

  it('works when the database belongs to an ordinary role (no superuser), as on a county server', async () => {
    const server = inject('postgres');
    const db = await createTestDatabase(server);
    const role = await createRole(server, 'tc_backup_owner', 'Owner-pass-2026');
    const su = new pg.Client({ host: db.host, port: db.port, database: db.database, user: db.user, password: db.password });
    await su.connect();
    await su.query(`ALTER DATABASE ${db.database} OWNER TO tc_backup_owner`);
    await su.end();
    const dataDir = tempDir();
    writeStoreConfig(dataDir, {
      kind: 'postgres',
      connection: { host: db.host, port: db.port, database: db.database, user: role.user, sslmode: 'disable' },
      password: { protection: 'none', value: role.password },
    });
    const own = await openTestBackend(dataDir, { county: { code: '320102', name: '玄武区' }, store: 'sqlite' });
    try {
      expect(own.holder.postgres?.connection.user).toBe('tc_backup_owner');
      const { jobId } = await own.call('backup.toFolder', { folder: tempDir('tc-usb-') });
      let job;
      do job = await own.call('backup.job', { jobId });
      while (!job.done);
      expect(job.error).toBeNull();
      await own.call('users.create', { username: 'late', displayName: '后加', role: 'county_viewer', password: 'Temp-password-1', pin: null });
      await own.call('backup.restore', { source: job.file! });
      expect((await own.query<{ username: string }>('SELECT username FROM users')).map((r) => r.username)).not.toContain('late');
    } finally {
      await own.close();
    }
  }, 120_000);

  it('refuses a file that is not a dump of our store, or of a newer schema version, in Chinese, changing nothing', async () => {
    const folder = tempDir();
    const notDump = path.join(folder, 'photo.dump');
    fs.writeFileSync(notDump, 'this is not a backup at all');
    const before = await usernames();
    const backups = county.backups.list().length;
    const refused = await county.raw('backup.restore', { source: notDump });
    expect(refused.error).toMatchObject({ field: 'source', message: '这个文件不是本系统的备份文件（不是 pg_dump 生成的 PostgreSQL 备份）' });
    const sqliteFile = path.join(folder, 'old.sqlite');
    fs.writeFileSync(sqliteFile, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(100)]));
    expect((await county.raw('backup.restore', { source: sqliteFile })).error?.message).toMatch(/^这是本机数据文件（SQLite）的备份/);

    // A dump of a store written by a later version of the program.
    const newer = path.join(folder, 'newer.dump');
    const [{ version }] = await county.query<{ version: number }>('SELECT version FROM township_care_schema WHERE id = 1');
    await county.query('UPDATE township_care_schema SET version = 999 WHERE id = 1');
    await dumpPostgres(county.holder.postgres!, newer);
    await county.query('UPDATE township_care_schema SET version = ? WHERE id = 1', version);
    expect((await county.raw('backup.restore', { source: newer })).error?.message).toBe('这个备份来自更新版本的程序，请先升级本程序再恢复');

    // A pg_dump archive of another database (not our tables).
    const { pool } = county.holder.postgres!;
    await pool.query('CREATE SCHEMA other; CREATE TABLE other.t (x int)');
    const foreign = path.join(folder, 'foreign.dump');
    const { childEnv, findPostgresTools, runProgram } = await import('../../electron/backend/services/backup/postgres-tools');
    const tools = await findPostgresTools();
    const dumped = await runProgram(tools.pgDump, ['--format=custom', '--schema=other', `--file=${foreign}`], childEnv(county.holder.postgres!.connection, passwordOfStore(county.holder.postgres!)));
    expect(dumped.code).toBe(0);
    expect((await county.raw('backup.restore', { source: foreign })).error?.message).toMatch(/不是本系统的县级数据库/);

    expect(await usernames()).toEqual(before);
    expect(county.backups.list().length).toBe(backups); // no safety dump for a refused file
    expect((await county.call('audit.search', { action: 'restore' })).total).toBe(0);
  }, 120_000);

  it('names what to install when pg_dump is missing, and keeps the password out of argv, messages and job errors', async () => {
    process.env.POSTGRES_BIN_DIR = tempDir('tc-empty-bin-');
    const usb = tempDir('tc-usb-');
    const missing = await waitForJob((await county.call('backup.toFolder', { folder: usb })).jobId);
    expect(missing.error).toMatch(/^找不到 PostgreSQL 的备份程序 pg_dump \/ pg_restore.*postgresql-client-\d+/);
    expect(fs.readdirSync(usb)).toEqual([]);
    await expect(county.backups.runAutomatic()).rejects.toThrow(/找不到 PostgreSQL 的备份程序/);

    // A pg_dump that fails and echoes everything it was given: the password must show nowhere.
    const password = passwordOfStore(county.holder.postgres!);
    expect(password.length).toBeGreaterThan(3);
    const bin = tempDir('tc-fake-bin-');
    const argvFile = path.join(bin, 'argv.txt');
    const script = `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) 99.1"; exit 0; fi\necho "$@" >> ${argvFile}\necho "pg_dump: error: connection failed for $PGUSER with $PGPASSWORD" >&2\nexit 1\n`;
    for (const name of ['pg_dump', 'pg_restore']) fs.writeFileSync(path.join(bin, name), script, { mode: 0o755 });
    process.env.POSTGRES_BIN_DIR = bin;
    const failed = await waitForJob((await county.call('backup.toFolder', { folder: usb })).jobId);
    expect(failed.error).toMatch(/^pg_dump 备份没有完成/);
    expect(failed.error).not.toContain(password);
    expect(fs.readFileSync(argvFile, 'utf8')).not.toContain(password);
    const thrown = await county.backups.runAutomatic().then(() => null, (e: Error) => e.message);
    expect(thrown).toMatch(/pg_dump 备份没有完成/);
    expect(thrown).not.toContain(password);
    expect(fs.readdirSync(usb)).toEqual([]);
  });

  it('says plainly when pg_dump cannot reach the server', async () => {
    const store = county.holder.postgres!;
    const port = store.connection.port;
    store.connection.port = 1; // what pg_dump is given; the program's own pool stays connected
    try {
      const job = await waitForJob((await county.call('backup.toFolder', { folder: tempDir('tc-usb-') })).jobId);
      expect(job.error).toBe('pg_dump 备份没有完成：连不上数据库服务器，请检查网络和服务器是否开着，然后再试');
    } finally {
      store.connection.port = port;
    }
  });

  it('says when pg_dump is older than the server', async () => {
    const bin = tempDir('tc-old-bin-');
    const script = '#!/bin/sh\necho "pg_dump (PostgreSQL) 12.3"\n';
    for (const name of ['pg_dump', 'pg_restore']) fs.writeFileSync(path.join(bin, name), script, { mode: 0o755 });
    process.env.POSTGRES_BIN_DIR = bin;
    const job = await waitForJob((await county.call('backup.toFolder', { folder: tempDir('tc-usb-') })).jobId);
    expect(job.error).toMatch(/^找到的 pg_dump 是 PostgreSQL 12 版.*比数据库服务器的 \d+ 版旧，不能备份/);
  });
});
