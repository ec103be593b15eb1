// Builds a small centre through the real API: one building, rooms with beds, and helpers to admit people.
import type { In } from '@shared/api/contract';
import type { TestBackend } from './backend';
import { validIdNumber } from './ids';

export const PROFILE: In<'facility.save'> = {
  name: '测试镇敬老院',
  creditCode: '52320102MJ1234567X',
  areaCode: '320102001000',
  county: '测试县',
  township: '测试镇',
  type: 'township_home',
  licensedBeds: 20,
};

export async function smallCentre(b: TestBackend) {
  await b.call('facility.save', PROFILE);
  const { id: buildingId } = await b.call('facility.addBuilding', { name: '一号楼', floors: 2 });
  await b.call('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  await b.call('facility.addRoom', { buildingId, floor: 1, name: '102', bedCount: 2, bedType: 'normal' });
  const map = await b.call('facility.bedMap', {});
  const bed = (room: string, label: string) => {
    const found = map.rooms.find((r) => r.name === room)?.beds.find((x) => x.label === label);
    if (!found) throw new Error(`no bed ${room}-${label}`);
    return found.id;
  };
  return { buildingId, bed, rooms: map.rooms };
}

export function person(overrides: Partial<In<'residents.admit'>['person']> = {}): In<'residents.admit'>['person'] {
  return {
    name: '张三',
    idNumber: validIdNumber('1945-06-01', '123'),
    primaryCategory: 'tekun_concentrated',
    contacts: [{ name: '张小明', relation: '侄子', phone: '13800138000', isGuardian: true, isEmergency: true }],
    ...overrides,
  };
}

export function admission(bedId: string, overrides: Partial<In<'residents.admit'>['admission']> = {}) {
  return { date: '2026-01-10', bedId, agreementNo: 'XY-2026-001', agreementEnd: '2027-01-09', ...overrides };
}

/** Row counts of every table a resident action may write. */
export function snapshotCounts(b: TestBackend) {
  return {
    residents: b.count('residents'),
    stayEvents: b.count('stay_events'),
    audit: b.count('audit_log'),
    beds: b.count('beds'),
    rooms: b.count('rooms'),
  };
}
