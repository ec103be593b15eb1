import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/security/session';
import { ADMIN, type TestBackend, openTestBackend } from '../helpers/backend';
import { PROFILE, admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
afterEach(async () => b.close());

describe('first run', () => {
  beforeEach(async () => {
    b = await openTestBackend(undefined, { withAdmin: false });
  });

  it('has no account and no default password: nothing but setup works until the administrator exists', async () => {
    const visitor = new Session();
    expect(await b.call('auth.status', {}, visitor)).toMatchObject({ needsSetup: true, user: null });
    expect((await b.raw('facility.get', {}, visitor)).error?.code).toBe('UNAUTHENTICATED');
    expect((await b.raw('auth.login', { username: 'admin', password: 'admin' }, visitor)).ok).toBe(false);
    const admin = await b.call('auth.setupAdmin', { ...ADMIN, pin: '135790' }, visitor);
    expect(admin).toMatchObject({ name: '王院长', role: 'admin', hasPin: true });
    expect(await b.call('auth.status', {}, visitor)).toMatchObject({ needsSetup: false, user: { name: '王院长' } });
    const again = await b.raw('auth.setupAdmin', { username: 'other', displayName: '别人', password: 'Another-pass-1', pin: null }, new Session());
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a short password', async () => {
    const result = await b.raw('auth.setupAdmin', { ...ADMIN, password: 'short', pin: null }, new Session());
    expect(result).toMatchObject({ ok: false, error: { field: 'password', message: '密码至少需要 8 位' } });
    expect(b.count('users')).toBe(0);
  });
});

describe('signing in', () => {
  beforeEach(async () => {
    b = await openTestBackend();
  });

  it('locks an account after repeated wrong passwords, for a while, and audits each attempt', async () => {
    const s = new Session();
    for (let i = 1; i <= 4; i++) {
      const r = await b.raw('auth.login', { username: 'admin', password: 'wrong-password' }, s);
      expect(r.error?.message).toBe(`登录名或密码不正确（再错 ${5 - i} 次将锁定账号）`);
    }
    const fifth = await b.raw('auth.login', { username: 'admin', password: 'wrong-password' }, s);
    expect(fifth.error?.message).toMatch(/账号已锁定 15 分钟/);
    // Even the right password waits for the lock to pass.
    expect((await b.raw('auth.login', { username: 'admin', password: ADMIN.password }, s)).error?.message).toMatch(/请 15 分钟后再试/);
    b.clock.set('2026-03-15T02:16:00.000Z');
    expect((await b.raw('auth.login', { username: 'admin', password: ADMIN.password }, s)).ok).toBe(true);
    const actions = b.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'users' AND action != 'create' ORDER BY rowid").all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'sign_in_failed', 'locked_out', 'sign_in']);
  });

  it('does not say whether a user name exists', async () => {
    const r = await b.raw('auth.login', { username: 'nobody', password: 'whatever-1' }, new Session());
    expect(r.error?.message).toBe('登录名或密码不正确');
  });

  it('forces a new password after an administrator reset', async () => {
    const { id } = await b.call('users.create', { username: 'lihua', displayName: '李华', role: 'caregiver', password: 'Temp-password-1', pin: null });
    const s = new Session();
    const user = await b.call('auth.login', { username: 'lihua', password: 'Temp-password-1' }, s);
    expect(user.mustChangePassword).toBe(true);
    expect((await b.raw('residents.search', {}, s)).error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await b.raw('auth.changePassword', { current: 'wrong', next: 'Own-password-1' }, s)).error?.field).toBe('current');
    await b.call('auth.changePassword', { current: 'Temp-password-1', next: 'Own-password-1' }, s);
    expect((await b.raw('residents.search', {}, s)).ok).toBe(true);
    await b.call('users.resetPassword', { id, password: 'Reset-password-1' });
    const again = await b.call('auth.login', { username: 'lihua', password: 'Reset-password-1' }, new Session());
    expect(again.mustChangePassword).toBe(true);
  });
});

describe('the shared PC', () => {
  beforeEach(async () => {
    b = await openTestBackend();
  });

  it('locks after the idle time, and a caregiver switches in with a PIN; their writes carry their name', async () => {
    const { bed } = await smallCentre(b);
    const { id: residentId } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const { id: caregiverId } = await b.signInAs('caregiver', '护理员小张', '246810');

    const screen = b.admin; // the front-desk PC, the administrator signed in
    b.clock.set('2026-03-15T02:11:00.000Z'); // 11 minutes later
    expect((await b.raw('residents.census', {}, screen)).error?.code).toBe('LOCKED');
    const status = await b.call('auth.status', {}, screen);
    expect(status).toMatchObject({ locked: true, user: { name: '王院长' } });
    expect(status.quickUsers.map((u) => u.name)).toContain('护理员小张');
    expect(status.onShift).toContain('护理员小张');

    expect((await b.raw('auth.pinLogin', { userId: caregiverId, pin: '111111' }, screen)).error?.message).toMatch(/PIN码不正确/);
    await b.call('auth.pinLogin', { userId: caregiverId, pin: '246810' }, screen);
    await b.call('residents.startLeave', { residentId, kind: 'leave', startDate: '2026-03-15', expectedReturn: '2026-03-16', note: '' }, screen);
    const row = b.database.sqlite.prepare("SELECT actor FROM audit_log WHERE entity = 'residents' AND action = 'leave'").get();
    expect(row).toEqual({ actor: '护理员小张' });
  });

  it('a screen in use (heartbeats) stays unlocked past the idle time', async () => {
    b.clock.set('2026-03-15T02:09:00.000Z');
    await b.call('auth.heartbeat', {});
    b.clock.set('2026-03-15T02:18:00.000Z');
    expect((await b.raw('residents.census', {})).ok).toBe(true);
    b.clock.set('2026-03-15T02:28:01.000Z');
    expect((await b.call('auth.status', {})).locked).toBe(true);
  });

  it('refuses a PIN someone else already uses', async () => {
    await b.signInAs('caregiver', '甲', '123456');
    const result = await b.raw('users.create', { username: 'yi', displayName: '乙', role: 'caregiver', password: 'Temp-password-1', pin: '123456' });
    expect(result).toMatchObject({ ok: false, error: { field: 'pin', message: '这个PIN码已被其他人使用，请换一个' } });
    const { session } = await b.signInAs('caregiver', '丙');
    const own = await b.raw('auth.setPin', { current: 'Own-password-1', pin: '123456' }, session);
    expect(own.error?.field).toBe('pin');
  });
});

describe('permissions', () => {
  beforeEach(async () => {
    b = await openTestBackend();
  });

  it('caregivers record leave and return but cannot admit, discharge, edit beds or change settings', async () => {
    const { bed, buildingId } = await smallCentre(b);
    const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const { session } = await b.signInAs('caregiver');
    expect((await b.raw('residents.startLeave', { residentId: id, kind: 'hospital', startDate: '2026-03-15', expectedReturn: null, note: '' }, session)).ok).toBe(true);
    expect((await b.raw('residents.endLeave', { residentId: id, returnDate: '2026-03-15' }, session)).ok).toBe(true);
    const refused = [
      await b.raw('residents.admit', { person: person({ name: '李四' }), admission: admission(bed('101', '2')) }, session),
      await b.raw('residents.discharge', { residentId: id, date: '2026-03-15', reason: 'moved_out', note: '' }, session),
      await b.raw('facility.addRoom', { buildingId, floor: 1, name: '109', bedCount: 1, bedType: 'normal' }, session),
      await b.raw('facility.save', PROFILE, session),
      await b.raw('settings.update', { idleMinutes: 60, lockoutAttempts: 5, lockoutMinutes: 15, passwordMinLength: 8, retentionYears: 5 }, session),
      await b.raw('users.list', {}, session),
    ];
    for (const r of refused) expect(r.error?.code).toBe('FORBIDDEN');
  });

  it('the kitchen sees headcounts but no resident files or ID numbers', async () => {
    const { bed } = await smallCentre(b);
    const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    await b.call('residents.startLeave', { residentId: id, kind: 'leave', startDate: '2026-03-15', expectedReturn: '2026-03-20', note: '' });
    const { session } = await b.signInAs('kitchen');
    const summary = await b.call('dashboard.summary', {}, session);
    expect(summary.census).toMatchObject({ enrolled: 1, onLeave: 1 });
    expect(summary.away).toHaveLength(1);
    expect(JSON.stringify(summary)).not.toMatch(/idNumber/);
    expect((await b.raw('residents.search', {}, session)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('residents.get', { id: '0190b7c4-0000-7000-8000-000000000000' }, session)).error?.code).toBe('FORBIDDEN');
  });
});
