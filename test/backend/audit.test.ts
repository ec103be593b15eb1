import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

describe('audit log', () => {
  it('records actor, time, entity, action and before/after for every write, in the same transaction', async () => {
    const { bed } = await smallCentre(b);
    const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    await b.call('residents.transfer', { residentId: id, date: '2026-02-01', toBedId: bed('102', '1'), note: '' });
    const rows = b.database.sqlite
      .prepare("SELECT actor_id AS actorId, actor, action, entity, before, after, at FROM audit_log WHERE entity = 'residents' AND entity_id = ? ORDER BY rowid")
      .all(id) as { actorId: string; actor: string; action: string; before: string | null; after: string; at: string }[];
    expect(rows.map((r) => r.action)).toEqual(['admit', 'transfer']);
    expect(rows.every((r) => r.actor === '王院长' && r.actorId === b.adminId)).toBe(true);
    expect(rows[1].at).toBe('2026-03-15T02:00:00.000Z');
    expect(JSON.parse(rows[1].before!).bedId).toBe(bed('101', '1'));
    expect(JSON.parse(rows[1].after).bedId).toBe(bed('102', '1'));
  });

  it('writes no audit row when the action fails', async () => {
    const { bed } = await smallCentre(b);
    const before = b.count('audit_log');
    const result = await b.raw('residents.admit', { person: person(), admission: admission(bed('101', '1'), { date: '2030-01-01' }) });
    expect(result.ok).toBe(false);
    expect(b.count('audit_log')).toBe(before);
  });

  it('is append-only, and resident files and stay events can never be deleted', async () => {
    const { bed } = await smallCentre(b);
    await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const sqlite = b.database.sqlite;
    expect(() => sqlite.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    expect(() => sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => sqlite.exec('DELETE FROM residents')).toThrow(/never deleted/);
    expect(() => sqlite.exec('DELETE FROM stay_events')).toThrow(/never deleted/);
    expect(() => sqlite.exec('DELETE FROM beds')).toThrow(/never deleted/);
  });
});
