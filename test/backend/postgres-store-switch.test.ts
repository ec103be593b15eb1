// Choosing where the county keeps its data (the store module, issue 20), through the real dispatcher: the first run on
// a PostgreSQL server, a second county PC joining the same store with the first one's accounts, a county that outgrew
// its PC moving its whole history onto an empty server, the way back to the file, who may do it, and a server that
// cannot be reached at start. Runs in the `postgres` vitest project on the throwaway server.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { PostgresConnectionInput } from '@shared/api/store';
import { storeFile } from '../../electron/backend/db/store-config';
import { Session } from '../../electron/backend/security/session';
import { ADMIN, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';
import { createTestDatabase } from '../helpers/postgres-server';
import { exportAndImport, linkCentreToCounty } from '../helpers/county-link';

const COUNTY = { mode: 'county' as const, countyCode: '411422', countyName: '睢县' };

async function newServerStore(): Promise<PostgresConnectionInput> {
  const db = await createTestDatabase(inject('postgres'));
  return { host: db.host, port: db.port, database: db.database, user: db.user, password: db.password, sslmode: 'disable', caFile: null };
}

/** A PC at its first run: nothing set up, the SQLite file by default. */
const freshPc = () => openTestBackend(tempDir(), { withAdmin: false });

async function expectError(backend: TestBackend, method: Parameters<TestBackend['raw']>[0], input: unknown, session: Session, message: RegExp) {
  const result = await backend.raw(method, input as never, session);
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error!.message).toMatch(message);
}

describe('where the county keeps its data', () => {
  it('a first run on a PostgreSQL server: checked first, then the administrator and the county key are made on the server', async () => {
    const pc = await freshPc();
    const visitor = new Session();
    const server = await newServerStore();
    const check = await pc.call('store.check', server, visitor);
    expect(check).toMatchObject({ state: 'empty', encrypted: false, accounts: 0, localData: 'none' });
    expect(check.message).toContain('这里还没有县级数据，连接时将建立县级数据库');
    expect(check.message).toContain('连接没有加密');
    expect(fs.existsSync(storeFile(pc.dataDir))).toBe(false); // the dry run wrote nothing

    const status = await pc.call('store.usePostgres', server, visitor);
    expect(status).toMatchObject({ kind: 'postgres', connection: { host: server.host, database: server.database }, problem: null });
    expect(pc.holder.postgres).not.toBeNull();
    const admin = await pc.call('auth.setupAdmin', { ...ADMIN, pin: null, ...COUNTY }, visitor);
    expect(admin.role).toBe('county_admin');
    expect(await pc.query('SELECT username FROM users')).toEqual([{ username: ADMIN.username }]);
    // The settings (with the password, encrypted by the desktop app's key store where there is one) are this user's only.
    expect(fs.statSync(storeFile(pc.dataDir)).mode & 0o077).toBe(0);
    await pc.close();
  });

  it('a second county PC joins the same store and its clerk signs in with an account made on the first, audited under it', async () => {
    const server = await newServerStore();
    const first = await freshPc();
    const visitor = new Session();
    await first.call('store.usePostgres', server, visitor);
    await first.call('auth.setupAdmin', { ...ADMIN, pin: null, ...COUNTY }, visitor);
    const clerk = await first.call('users.create', { username: 'clerk1', displayName: '李办事员', role: 'county_admin', password: 'Temp-password-1', pin: null }, visitor);

    const second = await freshPc();
    const elsewhere = new Session();
    const check = await second.call('store.check', server, elsewhere);
    expect(check).toMatchObject({ state: 'county', countyName: '睢县', accounts: 2, localData: 'none' });
    expect(check.message).toContain('连接后用那里的账号登录');
    await second.call('store.usePostgres', server, elsewhere);
    expect((await second.call('auth.status', {}, elsewhere)).needsSetup).toBe(false);
    await second.call('auth.login', { username: 'clerk1', password: 'Temp-password-1' }, elsewhere);
    await second.call('auth.changePassword', { current: 'Temp-password-1', next: 'Own-password-1' }, elsewhere);
    // Both PCs read the same county: the same key, and the clerk's change is audited under the clerk on the server.
    expect((await second.call('county.status', {}, elsewhere)).fingerprint).toBe((await first.call('county.status', {}, visitor)).fingerprint);
    const audit = await first.query<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE actor_id = ? AND action = 'password_changed'", clerk.id);
    expect(audit).toEqual([{ actor: '李办事员', action: 'password_changed' }]);
    await first.close();
    await second.close();
  });

  it('a county that outgrew its PC moves its whole history onto an empty server, and can go back to its file', async () => {
    const county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' }, store: 'sqlite' });
    const centre = await openTestBackend();
    await centre.call('system.loadDemo', {});
    centre.clock.set('2026-02-03T02:00:00.000Z');
    await linkCentreToCounty(centre, county);
    await exportAndImport(centre, county, '2026-01', tempDir('tc-usb-'));
    const before = { centres: await county.call('county.centres', {}), reports: await county.call('county.reports', { query: '', outcome: null }), indicators: await county.call('county.indicators', { period: '2026-01' }) };

    const server = await newServerStore();
    const check = await county.call('store.check', server);
    expect(check).toMatchObject({ state: 'empty', localData: 'copied' });
    expect(check.message).toContain('本机现有的县级数据（账号、机构登记、数据包、操作记录）会全部复制到服务器');
    await county.call('store.usePostgres', server);
    // Everyone signs in again: the accounts are the server's now (copied, so the same ones).
    expect((await county.raw('county.centres', {})).error?.code).toBe('UNAUTHENTICATED');
    await county.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(county.holder.postgres).not.toBeNull();
    expect(await county.call('county.centres', {})).toEqual(before.centres);
    expect(await county.call('county.reports', { query: '', outcome: null })).toEqual(before.reports);
    expect(await county.call('county.indicators', { period: '2026-01' })).toEqual(before.indicators);
    const moved = await county.query<{ after: string }>("SELECT after FROM audit_log WHERE entity = 'database' AND action = 'create'");
    expect(JSON.parse(moved[0].after)).toMatchObject({ from: 'sqlite', copied: { countyRecords: expect.any(Number), users: 1 } });

    await county.call('store.useFile', {});
    expect(county.holder.postgres).toBeNull();
    await county.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await county.call('county.centres', {})).toEqual(before.centres);
    // The file recorded both moves, by the administrator.
    const file = await county.query<{ actor: string; after: string }>("SELECT actor, after FROM audit_log WHERE entity = 'database' ORDER BY at");
    expect(file.map((r) => JSON.parse(r.after).kind)).toEqual(['postgres']);
    await county.close();
    await centre.close();
  }, 120_000);

  it('keeps a centre off the server even at a first run, and keeps the idle lock for the store methods too', async () => {
    const pc = await freshPc();
    const visitor = new Session();
    await pc.call('store.usePostgres', await newServerStore(), visitor);
    await expectError(pc, 'auth.setupAdmin', { ...ADMIN, pin: null, mode: 'centre' }, visitor, /只能用作县级汇总/);
    expect(await pc.countRows('users')).toBe(0);
    await pc.call('auth.setupAdmin', { ...ADMIN, pin: null, ...COUNTY }, visitor);
    // Idle past the lock time: a store change is refused like any signed-in method.
    pc.clock.set('2026-03-15T05:00:00.000Z');
    await expectError(pc, 'store.useFile', {}, visitor, /屏幕已锁定/);
    expect(pc.holder.postgres).not.toBeNull();
    await pc.close();
  });

  it('lets only a county administrator change it once someone can sign in, and never moves a centre', async () => {
    const county = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' } });
    const server = await newServerStore();
    await expectError(county, 'store.check', server, new Session(), /请先登录（县级管理员）/);
    const viewer = await county.signInAs('county_viewer');
    await expectError(county, 'store.usePostgres', server, viewer.session, /只有县级管理员可以更改数据存放位置/);
    await expectError(county, 'store.useFile', {}, viewer.session, /只有县级管理员/);
    await county.close();

    const centre = await openTestBackend();
    await expectError(centre, 'store.check', server, centre.admin, /这台电脑是敬老院/);
    await centre.close();
  });

  it('says what is wrong with the details and writes nothing: wrong password, missing database, nobody listening', async () => {
    const pc = await freshPc();
    const visitor = new Session();
    const server = await newServerStore();
    await expectError(pc, 'store.usePostgres', { ...server, password: 'not-the-password' }, visitor, /密码不对/);
    await expectError(pc, 'store.check', { ...server, database: 'nowhere' }, visitor, /没有名为「nowhere」的数据库/);
    await expectError(pc, 'store.usePostgres', { ...server, port: 1 }, visitor, /连不上数据库服务器/);
    await expectError(pc, 'store.check', { ...server, sslmode: 'require' }, visitor, /没有开启加密/);
    await expectError(pc, 'store.check', { ...server, host: '' }, visitor, /请填写数据库服务器地址/);
    await expectError(pc, 'store.check', { ...server, sslmode: 'verify-full', caFile: '/nowhere/ca.pem' }, visitor, /读不到证书颁发机构（CA）文件「\/nowhere\/ca\.pem」（文件不存在）/);
    expect(fs.existsSync(storeFile(pc.dataDir))).toBe(false);
    expect(pc.holder.postgres).toBeNull();
    await pc.close();
  });

  it('starts with the problem on the start screen when the server cannot be reached, opens once it is back (重试), and lets the PC go back to its file', async () => {
    const dir = tempDir();
    const pc = await openTestBackend(dir, { withAdmin: false });
    const visitor = new Session();
    await pc.call('store.usePostgres', await newServerStore(), visitor);
    await pc.call('auth.setupAdmin', { ...ADMIN, pin: null, ...COUNTY }, visitor);
    await pc.close();
    // The server moved away (here: the settings name a port nobody listens on).
    const file = storeFile(dir);
    const settings = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, settings.replace(/"port": \d+/, '"port": 1'));

    const again = await openTestBackend(dir, { withAdmin: false });
    const status = await again.call('store.status', {}, visitor);
    expect(status).toMatchObject({ kind: 'postgres', connection: { port: 1 } });
    expect(status.problem).toMatch(/连不上数据库服务器 127\.0\.0\.1:1/);
    expect((await again.raw('auth.login', { username: ADMIN.username, password: ADMIN.password }, visitor)).error?.code).toBe('RECOVERY_NEEDED');
    expect((await again.call('backup.recoveryStatus', {}, visitor)).backups).toEqual([]);
    // 重试 while it is still away says so again; once the server is back (here: the right port again) it opens.
    expect((await again.call('store.retry', {}, visitor)).problem).toMatch(/连不上数据库服务器/);
    fs.writeFileSync(file, settings);
    expect((await again.call('store.retry', {}, visitor)).problem).toBeNull();
    await again.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, visitor);
    expect((await again.call('county.status', {}, visitor)).countyName).toBe('睢县');
    await again.call('store.useFile', {}, visitor);
    expect((await again.call('store.status', {}, visitor)).kind).toBe('sqlite');
    expect((await again.call('auth.status', {}, visitor)).needsSetup).toBe(true); // this PC's own file was never set up
    expect(path.basename(file)).toBe('store.json');
    await again.close();
  });
});
