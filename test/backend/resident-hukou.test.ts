// 户籍 (城市/农村) on the resident file (issue 14 §4): recorded at admission, changed on edit (audited), shown on the
// file, unknown (null) on files made before it; a wrong value is refused with a Chinese message and writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre, snapshotCounts } from '../helpers/centre';

let b: TestBackend;
let bed: Awaited<ReturnType<typeof smallCentre>>['bed'];

beforeEach(async () => {
  b = await openTestBackend();
  ({ bed } = await smallCentre(b));
});
afterEach(async () => b.close());

describe('户籍类别', () => {
  it('is unknown unless given, is kept from admission, and an edit is audited with who made it', async () => {
    const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    expect((await b.call('residents.get', { id })).hukou).toBeNull();
    const file = await b.call('residents.get', { id });
    const { idNumber } = await b.call('residents.revealIdNumber', { id });
    await b.call('residents.update', { id, person: { ...person(), idNumber, contacts: file.contacts, hukou: 'rural' } });
    expect((await b.call('residents.get', { id })).hukou).toBe('rural');
    const audit = b.database.sqlite.prepare("SELECT actor, before, after FROM audit_log WHERE entity = 'residents' AND entity_id = ? AND action = 'update' ORDER BY at DESC LIMIT 1").get(id) as { actor: string; before: string; after: string };
    expect(JSON.parse(audit.before).hukou).toBeNull();
    expect(JSON.parse(audit.after).hukou).toBe('rural');
    expect(audit.actor).toBeTruthy();
    const urban = await b.call('residents.admit', { person: person({ name: '李四', idNumber: '11010519491231002X', hukou: 'urban' }), admission: admission(bed('101', '2')) });
    expect((await b.call('residents.get', { id: urban.id })).hukou).toBe('urban');
  });

  it('refuses a value that is neither 城市 nor 农村, naming it, and writes nothing', async () => {
    const before = snapshotCounts(b);
    const result = await b.raw('residents.admit', { person: { ...person(), hukou: 'city' as never }, admission: admission(bed('101', '1')) });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain('户籍类别应为城市或农村');
    expect(result.error?.field).toBe('person.hukou');
    expect(snapshotCounts(b)).toEqual(before);
  });
});
