// Every call checks the signed-in account again (security/recheck.ts): an account disabled, given another role, or
// whose password was reset by an administrator on another screen is signed out at its next call with one Chinese
// sentence, which the sign-in screen shows; a restore ends every other screen's session. Here two screens of one
// SQLite backend (the browser host); two PCs on one PostgreSQL store are in postgres-sessions.test.ts.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/security/session';
import { ENDED } from '../../electron/backend/security/recheck';
import { ADMIN, type TestBackend, openTestBackend, tempDir } from '../helpers/backend';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

async function waitForJob(jobId: string) {
  for (;;) {
    const job = await b.call('backup.job', { jobId });
    if (job.done) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('an account changed on another screen', () => {
  it('disabled: the next call is refused with a plain message, the session is signed out, the sign-in screen says why', async () => {
    const nurse = await b.signInAs('caregiver', '护理员小李');
    const lead = await b.signInAs('care_lead', '护理组长');
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).ok).toBe(true);

    await b.call('users.update', { id: nurse.id, displayName: '护理员小李', role: 'caregiver', disabled: true });

    expect(await b.raw('auth.heartbeat', {}, nurse.session)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ENDED.disabled } });
    expect(ENDED.disabled).toBe('您的账号已被管理员停用，已退出登录。如有疑问请联系管理员');
    expect(nurse.session.user).toBeNull();
    expect(await b.call('auth.status', {}, nurse.session)).toMatchObject({ user: null, locked: false, signedOutBecause: ENDED.disabled });
    // Signed out, not merely refused once: the next call is an ordinary "sign in first", and signing in is refused.
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect((await b.raw('auth.login', { username: 'caregiver1', password: nurse.password }, nurse.session)).ok).toBe(false);
    // Nobody else is touched.
    expect((await b.raw('auth.heartbeat', {}, lead.session)).ok).toBe(true);
    expect((await b.raw('users.list', {})).ok).toBe(true);
  });

  it('a disabled account on a locked screen is signed out too (the lock is no way to keep it)', async () => {
    const nurse = await b.signInAs('caregiver');
    nurse.session.lock();
    await b.call('users.update', { id: nurse.id, displayName: 'caregiver用户', role: 'caregiver', disabled: true });
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).error?.message).toBe(ENDED.disabled);
    expect(await b.call('auth.status', {}, nurse.session)).toMatchObject({ user: null, locked: false });
  });

  it('the sign-in screen finds it out too: auth.status signs a disabled account out without another call', async () => {
    const nurse = await b.signInAs('caregiver');
    await b.call('users.update', { id: nurse.id, displayName: 'caregiver用户', role: 'caregiver', disabled: true });
    expect(await b.call('auth.status', {}, nurse.session)).toMatchObject({ user: null, signedOutBecause: ENDED.disabled });
    expect(nurse.session.user).toBeNull();
    // Once someone signs in again on that screen the reason is gone.
    const other = await b.signInAs('kitchen');
    await b.call('auth.login', { username: 'kitchen2', password: other.password }, nurse.session);
    expect(await b.call('auth.status', {}, nurse.session)).toMatchObject({ user: { name: 'kitchen用户' }, signedOutBecause: null });
  });

  it('another role: signed out, and the message names the new role', async () => {
    const lead = await b.signInAs('care_lead', '护理组长老张');
    await b.call('users.update', { id: lead.id, displayName: '护理组长老张', role: 'caregiver', disabled: false });
    const refused = await b.raw('users.resetPin', { id: lead.id, pin: '246810' }, lead.session);
    expect(refused.error).toEqual({ code: 'UNAUTHENTICATED', message: '管理员已把您的角色改为「护理员」，请重新登录' });
    // Signing in again gives the new role and its rights.
    await b.call('auth.login', { username: 'care_lead1', password: lead.password }, lead.session);
    expect((await b.raw('users.resetPin', { id: lead.id, pin: '246810' }, lead.session)).error?.code).toBe('FORBIDDEN');
  });

  it('password reset by an administrator: that person is signed out; the administrator resetting their own stays', async () => {
    const nurse = await b.signInAs('caregiver');
    await b.call('users.resetPassword', { id: nurse.id, password: 'Temp-password-2', username: null });
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).error?.message).toBe(ENDED.password);
    await b.call('users.resetPassword', { id: b.adminId, password: 'Temp-password-3', username: null });
    expect((await b.raw('users.list', {})).ok).toBe(true);
  });

  it('a password changed on one screen ends the same person\'s session on another; the screen that changed it carries on', async () => {
    const nurse = await b.signInAs('caregiver');
    const second = new Session();
    await b.call('auth.login', { username: 'caregiver1', password: nurse.password }, second);
    await b.call('auth.changePassword', { current: nurse.password, next: 'Newer-password-1' }, nurse.session);
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).ok).toBe(true);
    expect((await b.raw('auth.heartbeat', {}, second)).error?.message).toBe(ENDED.password);
  });

  it('a PIN reset ends a PIN session of that person, not a password session', async () => {
    const nurse = await b.signInAs('caregiver', '护理员小王', '135791');
    const byPin = new Session();
    await b.call('auth.pinLogin', { userId: nurse.id, pin: '135791' }, byPin);
    await b.call('users.resetPin', { id: nurse.id, pin: '864200' });
    expect((await b.raw('auth.heartbeat', {}, byPin)).error?.message).toBe(ENDED.pin);
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).ok).toBe(true);
  });

  it('a new display name is taken over: the person\'s next write is audited under it', async () => {
    const nurse = await b.signInAs('caregiver', '李护理');
    await b.call('users.update', { id: nurse.id, displayName: '李护理员', role: 'caregiver', disabled: false });
    await b.call('auth.setPin', { current: nurse.password, pin: '975310' }, nurse.session);
    const [row] = await b.query<{ actor: string }>("SELECT actor FROM audit_log WHERE action = 'pin_set' AND actor_id = ?", nurse.id);
    expect(row.actor).toBe('李护理员');
    // Setting one's own PIN does not sign out the screen that set it.
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).ok).toBe(true);
  });
});

describe('a restore', () => {
  it('ends every other screen\'s session at its next call; the screen that restored carries on', async () => {
    const nurse = await b.signInAs('caregiver');
    const job = await waitForJob((await b.call('backup.toFolder', { folder: tempDir('tc-usb-') })).jobId);
    await b.call('backup.restore', { source: path.resolve(job.file!) });
    expect((await b.raw('users.list', {})).ok).toBe(true);
    expect(await b.raw('auth.heartbeat', {}, nurse.session)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: ENDED.restored } });
    // Signing in again works (the account was in the backup), and stays signed in.
    await b.call('auth.login', { username: 'caregiver1', password: nurse.password }, nurse.session);
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).ok).toBe(true);
    // A second restore ends it again, and the administrator's screen still carries on.
    await b.call('backup.restore', { source: path.resolve(job.file!) });
    expect((await b.raw('auth.heartbeat', {}, nurse.session)).error?.message).toBe(ENDED.restored);
    expect((await b.raw('users.list', {})).ok).toBe(true);
    const admin = new Session();
    await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, admin);
    expect((await b.raw('users.list', {}, admin)).ok).toBe(true);
  });
});
