import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { PROFILE, admission, person, smallCentre, snapshotCounts } from '../helpers/centre';

let b: TestBackend;
beforeEach(async () => {
  b = await openTestBackend();
});
afterEach(async () => b.close());

describe('facility profile', () => {
  it('is saved once and then updated, with both writes audited', async () => {
    expect(await b.call('facility.get', {})).toBeNull();
    await b.call('facility.save', PROFILE);
    await b.call('facility.save', { ...PROFILE, licensedBeds: 30 });
    expect(await b.call('facility.get', {})).toMatchObject({ name: '测试镇敬老院', licensedBeds: 30 });
    expect(b.count('facility')).toBe(1);
    const actions = b.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'facility' ORDER BY at, rowid").all();
    expect(actions).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('names the field of a bad area code in Chinese', async () => {
    const result = await b.raw('facility.save', { ...PROFILE, areaCode: '3201' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'areaCode' } });
    expect(result.error?.message).toMatch(/12位/);
    expect(b.count('facility')).toBe(0);
  });
});

describe('rooms and beds', () => {
  it('shows rooms with their beds on the bed map, filtered by building and floor, with the nursing-bed ratio', async () => {
    const { buildingId } = await smallCentre(b);
    const { id: second } = await b.call('facility.addBuilding', { name: '二号楼', floors: 3 });
    await b.call('facility.addRoom', { buildingId: second, floor: 3, name: '301', bedCount: 1, bedType: 'normal' });
    const all = await b.call('facility.bedMap', {});
    expect(all.rooms.map((r) => r.name)).toEqual(['101', '102', '301']);
    expect(all.counts).toMatchObject({ total: 5, free: 5, nursing: 2 });
    expect(all.counts.nursingRatio).toBeCloseTo(2 / 5);
    expect((await b.call('facility.bedMap', { buildingId })).rooms).toHaveLength(2);
    expect((await b.call('facility.bedMap', { floor: 3 })).rooms.map((r) => r.name)).toEqual(['301']);
  });

  it('refuses a duplicate room number, a floor above the building, and a duplicate bed label', async () => {
    const { buildingId, rooms } = await smallCentre(b);
    const before = snapshotCounts(b);
    expect((await b.raw('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'normal' })).error?.message).toMatch(/已有房间「101」/);
    expect((await b.raw('facility.addRoom', { buildingId, floor: 5, name: '501', bedCount: 2, bedType: 'normal' })).error?.field).toBe('floor');
    expect((await b.raw('facility.addBed', { roomId: rooms[0].id, label: '1', bedType: 'normal' })).error?.message).toMatch(/已有1号床/);
    expect(snapshotCounts(b)).toEqual(before);
  });

  it('refuses to remove an occupied bed, room or building, or to disable an occupied bed; empty ones retire', async () => {
    const { buildingId, bed, rooms } = await smallCentre(b);
    await b.call('residents.admit', { person: person(), admission: admission(bed('101', '1')) });
    const room101 = rooms.find((r) => r.name === '101')!.id;
    const before = snapshotCounts(b);
    expect((await b.raw('facility.retireBed', { id: bed('101', '1') })).error?.message).toMatch(/住着张三/);
    expect((await b.raw('facility.retireRoom', { id: room101 })).error?.message).toMatch(/还住着张三/);
    expect((await b.raw('facility.retireBuilding', { id: buildingId })).error?.message).toMatch(/还住着 1 位老人/);
    expect((await b.raw('facility.updateBed', { id: bed('101', '1'), label: '1', bedType: 'nursing', setting: 'disabled' })).error?.message).toMatch(/不能设为停用/);
    expect(snapshotCounts(b)).toEqual(before);

    await b.call('facility.retireBed', { id: bed('101', '2') });
    await b.call('facility.retireRoom', { id: rooms.find((r) => r.name === '102')!.id });
    const map = await b.call('facility.bedMap', {});
    expect(map.rooms.map((r) => r.name)).toEqual(['101']);
    expect(map.counts.total).toBe(1);
    // Retired, never deleted: the rows are still there for history.
    expect(b.count('beds')).toBe(4);
  });
});
