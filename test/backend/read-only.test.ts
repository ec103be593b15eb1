// `writes: false` means something (issue 16): inside a method so declared, the database refuses every write — a
// Kysely insert, update or delete, a raw statement, and writeAction itself — while reads go on as before.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAction } from '../../electron/backend/audit';
import { runReadOnly } from '../../electron/backend/db/read-only';
import { contract } from '@shared/api/contract';
import { type TestBackend, openTestBackend } from '../helpers/backend';

let b: TestBackend;
beforeAll(async () => {
  b = await openTestBackend();
});
afterAll(async () => b.close());

describe('a read-only call', () => {
  const deps = () => b.holder.deps;
  const caller = { userId: 'u', name: '测试', role: 'admin' as const };

  it('reads as usual', async () => {
    const rows = await runReadOnly('settings.get', () => deps().db.selectFrom('careGrades').selectAll().execute());
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses an insert, an update, a delete and a raw write, naming the method', async () => {
    const db = deps().db;
    const before = b.count('care_grades');
    await expect(runReadOnly('settings.get', () => db.insertInto('careGrades').values({ id: 'x' } as never).execute())).rejects.toThrow('settings.get is declared writes: false but tried to write (InsertQueryNode)');
    await expect(runReadOnly('settings.get', () => db.updateTable('careGrades').set({ name: 'y' }).execute())).rejects.toThrow(/UpdateQueryNode/);
    await expect(runReadOnly('settings.get', () => db.deleteFrom('careGrades').execute())).rejects.toThrow(/DeleteQueryNode/);
    await expect(runReadOnly('settings.get', () => sql`DELETE FROM care_grades`.execute(db))).rejects.toThrow(/RawNode/);
    expect(b.count('care_grades')).toBe(before);
  });

  it('refuses writeAction before it opens a transaction, and allows it outside', async () => {
    await expect(runReadOnly('dashboard.summary', () => writeAction(deps(), caller, async () => 1))).rejects.toThrow('dashboard.summary is declared writes: false but tried to write (writeAction)');
    await expect(writeAction(deps(), caller, async () => 1)).resolves.toBe(1);
  });

  it('is what the dispatcher gives every method declared writes: false (the whole test suite runs through it)', async () => {
    const readOnly = Object.entries(contract).filter(([, spec]) => spec.writes === false).map(([name]) => name);
    expect(readOnly.length).toBeGreaterThan(50);
    // A read-only method through the real dispatcher still answers.
    expect((await b.raw('residents.census', {})).ok).toBe(true);
  });
});
