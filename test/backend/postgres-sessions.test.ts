// Two county PCs on one PostgreSQL store (issue 20) share the accounts: what the administrator does on PC A — disable
// an account, change its role, reset its password, restore a backup — ends that person's session on PC B at its next
// call, with one Chinese sentence (security/recheck.ts). Runs in the `postgres` vitest project.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeFile } from '../../electron/backend/db/store-config';
import { ENDED } from '../../electron/backend/security/recheck';
import { hashSecret } from '../../electron/backend/security/secrets';
import { Session } from '../../electron/backend/security/session';
import { ADMIN, openTestBackend, tempDir, type TestBackend } from '../helpers/backend';

let pcA: TestBackend;
let pcB: TestBackend;
let clerkId: string;
let clerk: Session;
const CLERK = { username: 'clerk2', password: 'Own-password-1' };

/** A second county PC: its own data folder, the same server's store (its settings copied), nothing set up locally. */
async function joinSameStore(of: TestBackend): Promise<TestBackend> {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.copyFileSync(storeFile(of.dataDir), storeFile(dir));
  return openTestBackend(dir, { withAdmin: false });
}

async function signIn(on: TestBackend, who: { username: string; password: string }): Promise<Session> {
  const session = new Session();
  await on.call('auth.login', who, session);
  return session;
}

/** A client of its own on the store, as another PC's write is. */
async function anotherPc(of: TestBackend): Promise<pg.Client> {
  const connection = of.holder.postgres!.connection;
  const config = JSON.parse(fs.readFileSync(storeFile(of.dataDir), 'utf8')) as { password: { value: string } };
  const client = new pg.Client({ host: connection.host, port: connection.port, database: connection.database, user: connection.user, password: config.password.value });
  await client.connect();
  return client;
}

beforeEach(async () => {
  pcA = await openTestBackend(tempDir(), { county: { code: '411422', name: '睢县' }, store: 'postgres' });
  clerkId = (await pcA.call('users.create', { username: CLERK.username, displayName: '第二位办事员', role: 'county_admin', password: 'Temp-password-1', pin: null })).id;
  pcB = await joinSameStore(pcA);
  clerk = new Session();
  await pcB.call('auth.login', { username: CLERK.username, password: 'Temp-password-1' }, clerk);
  await pcB.call('auth.changePassword', { current: 'Temp-password-1', next: CLERK.password }, clerk);
  expect((await pcB.raw('users.list', {}, clerk)).ok).toBe(true);
}, 60_000);

afterEach(async () => {
  await pcB?.close();
  await pcA?.close();
});

describe('sessions on two PCs of one PostgreSQL store', () => {
  it('an account disabled on PC A is signed out on PC B at its next call, and cannot sign in again', async () => {
    expect(pcA.store).toBe('postgres');
    await pcA.call('users.update', { id: clerkId, displayName: '第二位办事员', role: 'county_admin', disabled: true });
    expect(await pcB.raw('county.centres', {}, clerk)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ENDED.disabled } });
    expect(clerk.user).toBeNull();
    expect(await pcB.call('auth.status', {}, clerk)).toMatchObject({ user: null, signedOutBecause: ENDED.disabled });
    expect((await pcB.raw('auth.login', CLERK, new Session())).error?.code).toBe('UNAUTHENTICATED');
    // PC A's administrator is untouched.
    expect((await pcA.raw('users.list', {})).ok).toBe(true);
  });

  it('a role changed or a password reset on PC A ends the session on PC B', async () => {
    await pcA.call('users.update', { id: clerkId, displayName: '第二位办事员', role: 'county_viewer', disabled: false });
    expect((await pcB.raw('auth.heartbeat', {}, clerk)).error).toEqual({ code: 'UNAUTHENTICATED', message: '管理员已把您的角色改为「县级查看」，请重新登录' });
    clerk = await signIn(pcB, CLERK);
    expect((await pcB.raw('users.list', {}, clerk)).error?.code).toBe('FORBIDDEN');
    await pcA.call('users.resetPassword', { id: clerkId, password: 'Temp-password-9', username: null });
    expect((await pcB.raw('auth.heartbeat', {}, clerk)).error?.message).toBe(ENDED.password);
  });

  it('a restore on PC A ends every session on PC B at its next call (and its own administrator signs in again)', async () => {
    const adminOnB = await signIn(pcB, ADMIN);
    const usb = tempDir('tc-usb-');
    const { jobId } = await pcA.call('backup.toFolder', { folder: usb });
    let file: string | null = null;
    for (;;) {
      const job = await pcA.call('backup.job', { jobId });
      if (job.done) {
        expect(job.error).toBeNull();
        file = job.file;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    // Sessions on PC B keep working until the restore.
    expect((await pcB.raw('auth.heartbeat', {}, clerk)).ok).toBe(true);
    await pcA.call('backup.restore', { source: file! });
    for (const session of [clerk, adminOnB]) {
      expect(await pcB.raw('auth.heartbeat', {}, session)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ENDED.restored } });
      expect(session.user).toBeNull();
    }
    // The accounts came back from the backup: the clerk signs in again on PC B and carries on.
    clerk = await signIn(pcB, CLERK);
    expect((await pcB.raw('users.list', {}, clerk)).ok).toBe(true);
    expect((await pcA.raw('auth.heartbeat', {}, await signIn(pcA, ADMIN))).ok).toBe(true);
  });

  it('a password reset on PC A while PC B\'s person is setting their own PIN still ends that session: only the new PIN is taken over', async () => {
    // Another PC's transaction holds the account's row, so PC B's 设置PIN码 (checked, its PIN hashed) waits to write it.
    const other = await anotherPc(pcA);
    await other.query('BEGIN');
    await other.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [clerkId]);
    const setting = pcB.raw('auth.setPin', { current: CLERK.password, pin: '246813' }, clerk);
    for (let polls = 0; (await pcA.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM pg_locks WHERE NOT granted'))[0].n === 0; polls++) {
      if (polls > 1000) throw new Error('PC B never waited for the account\'s row');
      await new Promise((r) => setTimeout(r, 10));
    }
    // Meanwhile the administrator on that PC resets the password (as users.resetPassword writes it) and commits.
    await other.query('UPDATE users SET password_hash = $1, must_change_password = 1 WHERE id = $2', [await hashSecret('Temp-password-7'), clerkId]);
    await other.query('COMMIT');
    await other.end();
    expect((await setting).ok).toBe(true);
    // The session knew the old password, not the one the administrator chose: it ends at its next call.
    expect(await pcB.raw('auth.heartbeat', {}, clerk)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ENDED.password } });
  });
});
