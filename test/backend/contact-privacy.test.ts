// Family phone numbers in a resident's file (issue 13): only those who edit the file see them in full; a caregiver sees
// them masked and taps to reveal one, and every reveal is in the audit log, like the ID number's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { careDay } from '../helpers/care-day';

let b: TestBackend;
let day: Awaited<ReturnType<typeof careDay>>;
beforeEach(async () => {
  b = await openTestBackend();
  day = await careDay(b);
});
afterEach(async () => b.close());

const reveals = () => b.database.sqlite.prepare("SELECT actor, entity_id AS entityId, after FROM audit_log WHERE action = 'view_contact_phone'").all() as { actor: string; entityId: string; after: string }[];

describe("family numbers in the resident's file", () => {
  it('a caregiver gets the numbers masked from residents.get; revealing one is audited', async () => {
    const caregiver = day.carers.early.session;
    const file = await b.call('residents.get', { id: day.zhang }, caregiver);
    expect(file.contacts).toEqual([{ name: '张小明', relation: '侄子', phone: '138****8000', phoneHidden: true, isGuardian: true, isEmergency: true }]);
    expect(JSON.stringify(file)).not.toContain('13800138000');
    expect(reveals()).toHaveLength(0);

    expect(await b.call('care.revealContactPhone', { residentId: day.zhang, index: 0 }, caregiver)).toEqual({ phone: '13800138000' });
    const audit = reveals();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: '早班小王', entityId: day.zhang });
    expect(JSON.parse(audit[0].after)).toEqual({ resident: '张三', contact: '侄子 张小明' });
  });

  it('the manager, who edits the file and sends the contacts back, gets the full numbers without a reveal', async () => {
    const file = await b.call('residents.get', { id: day.zhang });
    expect(file.contacts).toEqual([{ name: '张小明', relation: '侄子', phone: '13800138000', phoneHidden: false, isGuardian: true, isEmergency: true }]);
    expect(reveals()).toHaveLength(0);
  });
});
