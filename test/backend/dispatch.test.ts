import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../electron/backend/security/session';
import { contract } from '@shared/api/contract';
import { RENAMED_METHODS } from '../../electron/backend/rpc/dispatch';
import { ROLES } from '@shared/api/roles';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { PROFILE } from '../helpers/centre';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

describe('dispatcher', () => {
  it('every method declares its roles and whether it writes', () => {
    for (const [name, spec] of Object.entries(contract)) {
      if (spec.roles === 'public') {
        expect(name, 'only sign-in, status, start-up recovery and the choice of store (checked in the backend) are public').toMatch(/^(auth\.(status|setupAdmin|login|pinLogin)|backup\.(recoveryStatus|recoveryRestore)|store\.(status|check|usePostgres|retry|useFile))$/);
        continue;
      }
      expect(spec.roles.length, name).toBeGreaterThan(0);
      for (const role of spec.roles) expect(ROLES, name).toContain(role);
      expect(typeof spec.writes, name).toBe('boolean');
    }
  });

  it('refuses a method renamed when each module got its own prefix, naming the new name (issue 16)', async () => {
    expect(await b.dispatch(b.admin, 'risk.due', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '操作「risk.due」已改名为「assessment.riskDue」，请升级或重新启动程序' } });
    expect(await b.dispatch(new Session(), 'recovery.status', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('「backup.recoveryStatus」') } });
    for (const renamed of Object.values(RENAMED_METHODS)) expect(Object.hasOwn(contract, renamed), renamed).toBe(true);
  });

  it('answers an unknown method with an envelope, never a throw', async () => {
    expect(await b.dispatch(new Session(), 'residents.dropTable', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await b.dispatch(new Session(), 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await b.dispatch(new Session(), '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a caller without a session, and a role the method does not allow', async () => {
    expect(await b.raw('facility.save', PROFILE, new Session())).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const { session: caregiver } = await b.signInAs('caregiver', '护理员小王');
    const result = await b.raw('facility.save', PROFILE, caregiver);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(result.error?.message).toMatch(/护理员/);
    expect(b.count('facility')).toBe(0);
    const { session: kitchen } = await b.signInAs('kitchen', '厨房老李');
    expect((await b.raw('residents.search', {}, kitchen)).error?.code).toBe('FORBIDDEN');
  });

  it('turns invalid input into a Chinese message naming the field', async () => {
    const missing = await b.raw('facility.save', { ...PROFILE, name: '' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name', message: '请填写机构名称' } });
    const wrongType = await b.dispatch(b.admin, 'facility.save', 'not an object');
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(wrongType.ok === false && /[\u4e00-\u9fff]/.test(wrongType.error.message)).toBe(true);
  });
});
