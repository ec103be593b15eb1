// People who only use a PIN: created with the person in one form, signed in with the PIN straight to work (never a
// forced password change), a forgotten PIN reset by 院长 or 护理组长 (audited), a password added later if wanted.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/security/session';
import { migrations } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open';
import { type TestBackend, openTestBackend, tempDir } from '../helpers/backend';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

const caregiver = { name: '李秀英', role: 'caregiver', hireDate: '2026-03-15', accountRole: 'caregiver', pin: '246810' } as const;

function account(id: string) {
  return b.database.sqlite.prepare('SELECT username, password_hash AS passwordHash, pin_hash AS pinHash, must_change_password AS must, staff_id AS staffId FROM users WHERE id = ?').get(id) as {
    username: string | null;
    passwordHash: string | null;
    pinHash: string | null;
    must: number;
    staffId: string | null;
  };
}

describe('a new person in one form', () => {
  it('writes the register entry and a PIN-only account together, audited in one action', async () => {
    const { id, userId } = await b.call('staff.hire', caregiver);
    expect(userId).toBeTruthy();
    expect(account(userId!)).toMatchObject({ username: null, passwordHash: null, must: 0, staffId: id });
    expect(account(userId!).pinHash).toMatch(/^scrypt\$/);
    const [person] = await b.call('staff.list', { includeLeft: false });
    expect(person).toMatchObject({ name: '李秀英', userId, userName: '李秀英', hireDate: '2026-03-15' });
    const audit = b.database.sqlite.prepare("SELECT entity, action, at FROM audit_log WHERE entity IN ('staff', 'users') AND action = 'create' AND entity_id IN (?, ?)").all(id, userId) as { at: string }[];
    expect(audit).toHaveLength(2);
    expect(new Set(audit.map((a) => a.at)).size).toBe(1);
  });

  it('a PIN sign-in goes straight to work: no password change is asked for, by the status or the dispatcher', async () => {
    const { userId } = await b.call('staff.hire', caregiver);
    const screen = new Session();
    const user = await b.call('auth.pinLogin', { userId: userId!, pin: '246810' }, screen);
    expect(user).toMatchObject({ name: '李秀英', role: 'caregiver', mustChangePassword: false, hasPin: true, hasPassword: false });
    expect((await b.call('auth.status', {}, screen)).user).toMatchObject({ mustChangePassword: false });
    expect((await b.raw('residents.search', {}, screen)).ok).toBe(true);
  });

  it('gives a login name and password only when asked, and then only a password sign-in must change it', async () => {
    const { userId } = await b.call('staff.hire', { ...caregiver, username: 'lixiuying', password: 'Temp-password-1' });
    expect(account(userId!)).toMatchObject({ username: 'lixiuying', must: 1 });
    const byPin = new Session();
    expect((await b.call('auth.pinLogin', { userId: userId!, pin: '246810' }, byPin)).mustChangePassword).toBe(false);
    expect((await b.raw('residents.search', {}, byPin)).ok).toBe(true);
    const byPassword = new Session();
    expect((await b.call('auth.login', { username: 'lixiuying', password: 'Temp-password-1' }, byPassword)).mustChangePassword).toBe(true);
    expect((await b.raw('residents.search', {}, byPassword)).error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('a person who does not sign in (a cleaner) gets no account', async () => {
    const { userId } = await b.call('staff.hire', { name: '保洁老陈', role: 'cleaner', hireDate: '2026-03-01', accountRole: null });
    expect(userId).toBeNull();
    expect(b.count('users')).toBe(1);
    expect(b.count('staff')).toBe(1);
  });

  it('refuses bad input with a message naming the field, and writes nothing', async () => {
    await b.call('staff.hire', { ...caregiver, name: '先来的', username: 'taken', password: 'Temp-password-1' });
    const before = { staff: b.count('staff'), users: b.count('users'), audit: b.count('audit_log') };
    const cases: [object, string, string][] = [
      [{ pin: '12345' }, 'pin', 'PIN码应为6位数字'],
      [{ pin: '12a456' }, 'pin', 'PIN码应为6位数字'],
      [{ pin: null }, 'pin', '请填写6位数字PIN码（用来在值班电脑上登录）'],
      [{ pin: '246810' }, 'pin', '这个PIN码已被其他人使用，请换一个'],
      [{ pin: '135246', username: 'TAKEN', password: 'Temp-password-1' }, 'username', '登录名「TAKEN」已被使用，请换一个'],
      [{ pin: '135246', username: 'newone', password: 'short' }, 'password', '密码至少需要 8 位'],
      [{ pin: '135246', username: 'newone' }, 'password', '填了登录名，也要填密码'],
      [{ pin: '135246', password: 'Temp-password-1' }, 'username', '填了密码，也要填登录名'],
      [{ pin: '135246', accountRole: 'admin', role: 'manager' }, 'username', '管理员要有登录名和密码（管理员能管账号和备份，不能只用PIN码）'],
      [{ pin: '135246', accountRole: 'county_viewer' }, 'accountRole', '敬老院的电脑不能设县级账号'],
      [{ pin: '135246', hireDate: '2026-03-16' }, 'hireDate', '入职日期不能晚于今天'],
    ];
    for (const [change, field, message] of cases) {
      const result = await b.raw('staff.hire', { ...caregiver, ...change } as never);
      expect(result.error, JSON.stringify(change)).toMatchObject({ field, message });
    }
    expect({ staff: b.count('staff'), users: b.count('users'), audit: b.count('audit_log') }).toEqual(before);
  });
});

describe('a forgotten PIN', () => {
  it('院长 and 护理组长 reset it (audited, lockout ended); the lead only for the people on the floor', async () => {
    const { userId } = await b.call('staff.hire', caregiver);
    const { userId: leadId } = await b.call('staff.hire', { name: '组长老赵', role: 'care_lead', hireDate: '2026-01-01', accountRole: 'care_lead', pin: '975310' });
    const lead = new Session();
    await b.call('auth.pinLogin', { userId: leadId!, pin: '975310' }, lead);
    // Five wrong PINs lock her out; the lead's reset lets her in again at once.
    for (let i = 0; i < 5; i++) await b.raw('auth.pinLogin', { userId: userId!, pin: '000000' }, new Session());
    expect((await b.raw('auth.pinLogin', { userId: userId!, pin: '246810' }, new Session())).error?.message).toMatch(/请护理组长或院长重设PIN码/);
    await b.call('users.resetPin', { id: userId!, pin: '112358' }, lead);
    expect((await b.raw('auth.pinLogin', { userId: userId!, pin: '112358' }, new Session())).ok).toBe(true);
    await b.call('users.resetPin', { id: userId!, pin: '314159' });
    const resets = b.database.sqlite.prepare("SELECT actor FROM audit_log WHERE action = 'pin_reset' AND entity_id = ? ORDER BY rowid").all(userId) as { actor: string }[];
    expect(resets.map((r) => r.actor)).toEqual(['组长老赵', '王院长']);

    const onAdmin = await b.raw('users.resetPin', { id: b.adminId, pin: '777777' }, lead);
    expect(onAdmin.error).toMatchObject({ code: 'FORBIDDEN', message: '护理组长只能重设护理员、厨房、安全员和医护的PIN码；其他人的PIN码请找院长重设' });
    const carer = new Session();
    await b.call('auth.pinLogin', { userId: userId!, pin: '314159' }, carer);
    expect((await b.raw('users.resetPin', { id: leadId!, pin: '777777' }, carer)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('users.resetPin', { id: userId!, pin: '975310' })).error).toMatchObject({ field: 'pin', message: '这个PIN码已被其他人使用，请换一个' });
    expect((await b.raw('users.resetPin', { id: userId!, pin: '97531' })).error).toMatchObject({ field: 'pin', message: 'PIN码应为6位数字' });
  });

  it('a PIN-only person changes their own PIN with the one they have', async () => {
    const { userId } = await b.call('staff.hire', caregiver);
    const s = new Session();
    await b.call('auth.pinLogin', { userId: userId!, pin: '246810' }, s);
    expect((await b.raw('auth.setPin', { current: '000000', pin: '135135' }, s)).error).toMatchObject({ field: 'current', message: '当前PIN码不正确' });
    await b.call('auth.setPin', { current: '246810', pin: '135135' }, s);
    expect((await b.raw('auth.pinLogin', { userId: userId!, pin: '135135' }, new Session())).ok).toBe(true);
    expect((await b.raw('auth.changePassword', { current: 'x', next: 'Whatever-1234' }, s)).error?.field).toBe('current');
  });
});

describe('a password added later', () => {
  it('gives a PIN-only person a login name with the password; the password sign-in asks for their own', async () => {
    const { userId } = await b.call('staff.hire', caregiver);
    expect((await b.raw('users.resetPassword', { id: userId!, password: 'Temp-password-1' })).error).toMatchObject({ field: 'username', message: '这个人还没有登录名，请同时填写登录名' });
    expect((await b.raw('users.resetPassword', { id: userId!, password: 'Temp-password-1', username: 'ADMIN' })).error?.field).toBe('username');
    await b.call('users.resetPassword', { id: userId!, password: 'Temp-password-1', username: 'lixy' });
    const s = new Session();
    expect((await b.call('auth.login', { username: 'lixy', password: 'Temp-password-1' }, s)).mustChangePassword).toBe(true);
    await b.call('auth.changePassword', { current: 'Temp-password-1', next: 'Own-password-1' }, s);
    expect((await b.raw('residents.search', {}, s)).ok).toBe(true);
    // After an administrator's reset, the PIN still goes straight to work.
    await b.call('users.resetPassword', { id: userId!, password: 'Reset-password-1' });
    expect((await b.call('auth.pinLogin', { userId: userId!, pin: '246810' }, new Session())).mustChangePassword).toBe(false);
    const rows = await b.call('users.list', {});
    expect(rows.find((r) => r.id === userId)).toMatchObject({ username: 'lixy', hasPin: true, mustChangePassword: true });
  });
});

describe('migration 12', () => {
  it('keeps every account of an older database, with its unique login names, staff links and no deletes', async () => {
    const file = path.join(tempDir(), 'data', 'old.sqlite');
    const old = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 11) });
    const stamp = "'2026-01-01T00:00:00.000Z', 'x', '2026-01-01T00:00:00.000Z', 'x'";
    old.sqlite.exec(`INSERT INTO users VALUES ('u1', 'Admin', '王院长', 'admin', 'scrypt$h', NULL, 0, 2, NULL, NULL, 's1', NULL, ${stamp})`);
    await old.close();
    const next = await openDatabase(file);
    const db = next.sqlite;
    expect(db.prepare('SELECT id, username, display_name AS name, failed_attempts AS failed, staff_id AS staffId FROM users').all()).toEqual([
      { id: 'u1', username: 'Admin', name: '王院长', failed: 2, staffId: 's1' },
    ]);
    const insert = (id: string, username: string | null, password: string | null, staffId: string | null) =>
      () => db.prepare(`INSERT INTO users VALUES (?, ?, '某人', 'caregiver', ?, 'scrypt$p', 0, 0, NULL, NULL, ?, NULL, ${stamp})`).run(id, username, password, staffId);
    expect(insert('u2', 'admin', 'scrypt$h', null)).toThrow(/UNIQUE/); // login names stay unique whatever the case
    expect(insert('u3', null, null, 's1')).toThrow(/UNIQUE/); // one account per person
    expect(insert('u4', 'only-name', null, null)).toThrow(/CHECK/); // a login name needs a password
    expect(insert('u5', null, null, null)).not.toThrow(); // PIN only
    expect(() => db.prepare("DELETE FROM users WHERE id = 'u1'").run()).toThrow(/never deleted/);
    await next.close();
  });
});
