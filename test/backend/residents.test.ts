import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre, snapshotCounts } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

let b: TestBackend;
let bed: Awaited<ReturnType<typeof smallCentre>>['bed'];

beforeEach(async () => {
  b = await openTestBackend();
  ({ bed } = await smallCentre(b));
});
afterEach(async () => b.close());

/** Runs a call that must fail, and checks it wrote nothing anywhere. */
async function expectRefused(run: () => ReturnType<TestBackend['raw']>, message: RegExp, field?: string) {
  const before = snapshotCounts(b);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(result.error?.message).toMatch(message);
  if (field) expect(result.error?.field).toBe(field);
  expect(snapshotCounts(b)).toEqual(before);
}

describe('admission', () => {
  it('creates the file with sex and birth date from the ID number, occupies the bed, and records who did it', async () => {
    const { id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const file = await b.call('residents.get', { id });
    expect(file).toMatchObject({ name: '张三', sex: 'male', birthDate: '1945-06-01', age: 80, status: 'in_residence', bedLabel: '一号楼 101室 1床' });
    expect(file.events).toHaveLength(1);
    expect(file.events[0]).toMatchObject({ type: 'admission', agreementNo: 'XY-2026-001', createdBy: '王院长' });
    const map = await b.call('facility.bedMap', {});
    expect(map.counts.occupied).toBe(1);
    const audit = b.database.sqlite.prepare("SELECT actor, action FROM audit_log WHERE entity = 'residents'").all();
    expect(audit).toEqual([{ actor: '王院长', action: 'admit' }]);
  });

  it('converts a legacy 15-digit ID number to 18 digits', async () => {
    const { id } = await b.call('residents.admit', { person: person({ idNumber: '320102450601123' }), admission: admission(bed('101', '1')) });
    expect((await b.call('residents.revealIdNumber', { id })).idNumber).toBe(validIdNumber('1945-06-01', '123'));
  });

  it('refuses an invalid ID number, naming the field', async () => {
    const bad = validIdNumber('1945-06-01').slice(0, 17) + (validIdNumber('1945-06-01').endsWith('1') ? '2' : '1');
    await expectRefused(() => b.raw('residents.admit', { person: person({ idNumber: bad }), admission: admission(bed('101', '1')) }), /校验位不正确/, 'person.idNumber');
  });

  it('refuses an ID number already in residence', async () => {
    await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    await expectRefused(
      () => b.raw('residents.admit', { person: person({ name: '张三丰' }), admission: admission(bed('101', '2')) }),
      /已在院，不能重复入住/,
      'person.idNumber',
    );
  });

  it('refuses an occupied bed and a disabled bed', async () => {
    await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    await expectRefused(
      () => b.raw('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1950-02-03', '222') }), admission: admission(bed('101', '1')) }),
      /已住着张三/,
      'admission.bedId',
    );
    await b.call('facility.updateBed', { id: bed('102', '1'), label: '1', bedType: 'normal', setting: 'disabled' });
    await expectRefused(
      () => b.raw('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1950-02-03', '222') }), admission: admission(bed('102', '1')) }),
      /已停用/,
    );
  });

  it('never lets two residents share a bed, even past the service checks', () => {
    const sqlite = b.database.sqlite;
    const stamp = "'2026-01-01T00:00:00Z','t','2026-01-01T00:00:00Z','t'";
    const insert = (id: string, idNo: string) =>
      sqlite.exec(
        `INSERT INTO residents VALUES ('${id}','甲','j','${idNo}','male','1940-01-01','汉族','','','other','[]','','[]','','','regular',NULL,'','in_residence','${bed('101', '2')}','2026-01-01',NULL,${stamp},NULL,'',NULL)`,
      );
    insert('r1', 'A1');
    expect(() => insert('r2', 'A2')).toThrow(/UNIQUE/);
  });

  it('refuses dates in the future, before birth, and an agreement ending before it starts', async () => {
    await expectRefused(() => b.raw('residents.admit', { person: person(), admission: admission(bed('101', '1'), { date: '2026-03-16' }) }), /不能晚于今天/, 'admission.date');
    await expectRefused(() => b.raw('residents.admit', { person: person(), admission: admission(bed('101', '1'), { date: '1940-01-01' }) }), /不能早于出生日期/);
    await expectRefused(
      () => b.raw('residents.admit', { person: person(), admission: admission(bed('101', '1'), { agreementEnd: '2026-01-01' }) }),
      /协议到期日期/,
      'admission.agreementEnd',
    );
    await expectRefused(() => b.raw('residents.admit', { person: person(), admission: admission(bed('101', '1'), { date: '2026-02-30' }) }), /不是有效日期/, 'admission.date');
  });

  it('clears a reservation when the reserved bed is used', async () => {
    await b.call('facility.updateBed', { id: bed('101', '2'), label: '2', bedType: 'nursing', setting: 'reserved' });
    await b.call('residents.admit', { person: person(), admission: admission(bed('101', '2')) });
    const map = await b.call('facility.bedMap', {});
    expect(map.counts).toMatchObject({ reserved: 0, occupied: 1 });
  });
});

describe('stay events', () => {
  let id: string;
  beforeEach(async () => {
    ({ id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
  });

  it('transfers, records leave and return, goes to hospital, and discharges, keeping the whole history', async () => {
    await b.call('residents.transfer', { residentId: id, date: '2026-02-01', toBedId: bed('102', '1'), note: '换到朝南房间' });
    await b.call('residents.startLeave', { residentId: id, kind: 'leave', startDate: '2026-02-10', expectedReturn: '2026-02-17', note: '回家过年' });
    expect((await b.call('residents.census', {})).onLeave).toBe(1);
    await b.call('residents.endLeave', { residentId: id, returnDate: '2026-02-16' });
    await b.call('residents.startLeave', { residentId: id, kind: 'hospital', startDate: '2026-03-01', expectedReturn: null, note: '县医院' });
    expect((await b.call('residents.census', {})).inHospital).toBe(1);
    await b.call('residents.discharge', { residentId: id, date: '2026-03-10', reason: 'death', note: '' });

    const file = await b.call('residents.get', { id });
    expect(file.status).toBe('discharged');
    expect(file.bedId).toBeNull();
    expect(file.events.map((e) => e.type)).toEqual(['discharge', 'hospital', 'leave', 'transfer', 'admission']);
    expect(file.events.find((e) => e.type === 'hospital')?.endDate).toBe('2026-03-10');
    expect(file.events.find((e) => e.type === 'transfer')).toMatchObject({ fromBedLabel: '一号楼 101室 1床', bedLabel: '一号楼 102室 1床' });
    expect((await b.call('facility.bedMap', {})).counts.occupied).toBe(0);
    // Discharged files stay readable and searchable.
    expect((await b.call('residents.search', { query: '张三', scope: 'discharged' })).total).toBe(1);
    expect((await b.call('residents.search', { query: '张三', scope: 'current' })).total).toBe(0);
  });

  it('refuses discharging twice, a return before the leave started, and events before the last one', async () => {
    await b.call('residents.startLeave', { residentId: id, kind: 'leave', startDate: '2026-02-10', expectedReturn: '2026-02-17', note: '' });
    await expectRefused(() => b.raw('residents.endLeave', { residentId: id, returnDate: '2026-02-09' }), /不能早于外出或住院的开始日期/, 'returnDate');
    await b.call('residents.endLeave', { residentId: id, returnDate: '2026-02-12' });
    await expectRefused(() => b.raw('residents.transfer', { residentId: id, date: '2026-02-11', toBedId: bed('102', '1'), note: '' }), /不能早于该老人上一条记录/);
    await b.call('residents.discharge', { residentId: id, date: '2026-03-01', reason: 'moved_out', note: '' });
    await expectRefused(() => b.raw('residents.discharge', { residentId: id, date: '2026-03-02', reason: 'moved_out', note: '' }), /不能重复办理/);
  });

  it('refuses leave without an expected return, and leave for someone already away', async () => {
    await expectRefused(
      () => b.raw('residents.startLeave', { residentId: id, kind: 'leave', startDate: '2026-02-10', expectedReturn: null, note: '' }),
      /预计返回日期/,
      'expectedReturn',
    );
    await b.call('residents.startLeave', { residentId: id, kind: 'hospital', startDate: '2026-02-10', expectedReturn: null, note: '' });
    await expectRefused(
      () => b.raw('residents.startLeave', { residentId: id, kind: 'leave', startDate: '2026-02-11', expectedReturn: '2026-02-12', note: '' }),
      /住院中/,
    );
  });

  it('readmits a discharged resident into their existing file', async () => {
    await b.call('residents.discharge', { residentId: id, date: '2026-02-01', reason: 'moved_out', note: '' });
    await expectRefused(() => b.raw('residents.admit', { person: person(), admission: admission(bed('101', '2'), { date: '2026-03-01' }) }), /再次入住/);
    await b.call('residents.readmit', { residentId: id, admission: admission(bed('101', '2'), { date: '2026-03-01', agreementEnd: '2027-03-01' }) });
    const file = await b.call('residents.get', { id });
    expect(file.status).toBe('in_residence');
    expect(file.events.filter((e) => e.type === 'admission')).toHaveLength(2);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    await b.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1950-02-03', '222', '320104') }), admission: admission(bed('102', '2')) });
  });

  it.each([
    ['zs', ['张三']],
    ['ZS', ['张三']],
    ['李', ['李四']],
    [validIdNumber('1950-02-03', '222', '320104').slice(-4), ['李四']],
    ['102', ['李四']],
    ['', ['李四', '张三']],
  ])('"%s" finds %j', async (query, names) => {
    const result = await b.call('residents.search', { query });
    expect(result.rows.map((r) => r.name)).toEqual(names);
  });

  it('masks ID numbers in the list', async () => {
    const result = await b.call('residents.search', { query: 'zs' });
    expect(result.rows[0].idNumberMasked).toMatch(/^3201\*{10}\d{3}[\dX]$/);
  });
});

describe('editing a file', () => {
  let id: string;
  beforeEach(async () => {
    ({ id } = await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) }));
  });

  it('updates personal data and contacts, audited with before and after', async () => {
    await b.call('residents.update', {
      id,
      person: person({ dietType: 'soft', allergies: '青霉素', contacts: [{ name: '张大', relation: '儿子', phone: '0371-12345678', isGuardian: true, isEmergency: true }] }),
    });
    const file = await b.call('residents.get', { id });
    expect(file).toMatchObject({ dietType: 'soft', allergies: '青霉素', status: 'in_residence' });
    expect(file.contacts[0].phone).toBe('0371-12345678');
    const row = b.database.sqlite.prepare("SELECT before, after FROM audit_log WHERE entity = 'residents' AND action = 'update'").get() as { before: string; after: string };
    expect(JSON.parse(row.before).dietType).toBe('regular');
    expect(JSON.parse(row.after).dietType).toBe('soft');
  });

  it('refuses an ID number that belongs to another file, a bad phone number, and a non-image photo', async () => {
    const other = validIdNumber('1950-02-03', '222');
    await b.call('residents.admit', { person: person({ name: '李四', idNumber: other }), admission: admission(bed('101', '2')) });
    await expectRefused(() => b.raw('residents.update', { id, person: person({ idNumber: other }) }), /已属于另一份档案（李四）/, 'person.idNumber');
    await expectRefused(
      () => b.raw('residents.update', { id, person: person({ contacts: [{ name: '张大', relation: '儿子', phone: '12345' }] }) }),
      /联系人电话格式不正确/,
      'person.contacts.0.phone',
    );
    await expectRefused(() => b.raw('residents.update', { id, person: person({ photo: 'data:text/html;base64,PGgxPg==' }) }), /照片应为 JPG 或 PNG/);
  });
});
