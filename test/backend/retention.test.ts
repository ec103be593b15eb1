import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
let id: string;
beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  ({ id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1'), { agreementEnd: '2026-12-31' }) }));
  await b.call('residents.discharge', { residentId: id, date: '2026-03-01', reason: 'death', note: '' });
});
afterEach(async () => b.close());

async function moveTo(iso: string) {
  b.clock.set(iso);
  await b.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
}

describe('retention', () => {
  it('keeps a discharged file 5 years after the agreement ends; only then may an administrator archive it', async () => {
    const file = await b.call('residents.get', { id });
    // The agreement ran to 2026-12-31, later than the discharge: that later date counts.
    expect(file.keepUntil).toBe('2031-12-31');
    const early = await b.raw('residents.archive', { id });
    expect(early.error?.message).toBe('档案须保存到 2031-12-31（服务协议终止后5年，养老机构管理办法第32条），在此之前不能归档');
    expect(() => b.database.sqlite.exec(`DELETE FROM residents WHERE id = '${id}'`)).toThrow(/never deleted/);

    await moveTo('2031-12-31T02:00:00.000Z');
    const { session: caregiver } = await b.signInAs('caregiver');
    expect((await b.raw('residents.archive', { id }, caregiver)).error?.code).toBe('FORBIDDEN');
    await b.call('residents.archive', { id });
    expect((await b.call('residents.search', { query: '张三', scope: 'discharged' })).total).toBe(0);
    expect((await b.call('residents.search', { query: '张三', scope: 'archived' })).total).toBe(1);
    expect((await b.call('residents.get', { id })).archivedAt).not.toBeNull();
    expect((await b.call('audit.search', { action: 'archive' })).rows[0]).toMatchObject({ actor: '王院长', subject: '张三' });
  });

  it('follows a longer retention set by the centre', async () => {
    await b.call('settings.update', { idleMinutes: 10, lockoutAttempts: 5, lockoutMinutes: 15, passwordMinLength: 8, retentionYears: 10 });
    expect((await b.call('residents.get', { id })).keepUntil).toBe('2036-12-31');
  });
});
