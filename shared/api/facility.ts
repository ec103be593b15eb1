// API of the facility module: the centre's profile, buildings, rooms, beds and the bed map.
import { z } from 'zod';
import { BED_SETTINGS, BED_STATUSES, BED_TYPES, FACILITY_TYPES } from '../domain/enums';
import { Done, entityId, oneOf, optionalText, requiredText, wholeNumber } from './fields';
import { method } from './method';
import { CENTRE_STAFF, MANAGERS } from './roles';

export const FacilityProfileInput = z.object({
  name: requiredText('机构名称', 60),
  creditCode: z
    .string({ error: '请填写统一社会信用代码或民政机构代码' })
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{9,18}$/, { error: '统一社会信用代码应为18位（或民政机构代码9–18位字母数字）' }),
  areaCode: z
    .string({ error: '请填写12位行政区划代码' })
    .trim()
    .regex(/^\d{12}$/, { error: '行政区划代码应为12位数字（如 320381103000）' }),
  county: requiredText('所属县（市、区）', 30),
  township: requiredText('所属乡镇', 30),
  type: oneOf('机构类型', FACILITY_TYPES),
  licensedBeds: wholeNumber('核定床位数', 1, 5000),
  phone: optionalText('联系电话', 30),
  address: optionalText('地址', 100),
});
export type FacilityProfileInput = z.input<typeof FacilityProfileInput>;

export const FacilityProfile = FacilityProfileInput.extend({
  id: z.string(),
  updatedAt: z.string(),
  /** When the centre started using this system (ISO instant): no alarm is raised for anything before it. */
  startedAt: z.string(),
});
export type FacilityProfile = z.output<typeof FacilityProfile>;

export const BedView = z.object({
  id: z.string(),
  roomId: z.string(),
  label: z.string(),
  bedType: z.enum(BED_TYPES),
  setting: z.enum(BED_SETTINGS),
  status: z.enum(BED_STATUSES),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  residentStatus: z.string().nullable(),
  /** High risks from the resident's latest GB 38600 risk assessment: the badges on the bed map. */
  highRisks: z.array(z.string()),
});
export type BedView = z.output<typeof BedView>;

export const RoomView = z.object({
  id: z.string(),
  buildingId: z.string(),
  floor: z.number(),
  name: z.string(),
  beds: z.array(BedView),
});
export type RoomView = z.output<typeof RoomView>;

export const BuildingView = z.object({ id: z.string(), name: z.string(), floors: z.number() });
export type BuildingView = z.output<typeof BuildingView>;

export const BedCounts = z.object({
  total: z.number(),
  free: z.number(),
  occupied: z.number(),
  reserved: z.number(),
  disabled: z.number(),
  nursing: z.number(),
  /** Share of nursing-type beds among beds in use (not disabled), 0–1. */
  nursingRatio: z.number(),
  nursingRatioGoal: z.number(),
});
export type BedCounts = z.output<typeof BedCounts>;

export const BedMapQuery = z.object({
  buildingId: entityId('楼栋').optional(),
  floor: wholeNumber('楼层', -5, 99).optional(),
});

export const BedMap = z.object({
  buildings: z.array(BuildingView),
  rooms: z.array(RoomView),
  counts: BedCounts,
});
export type BedMap = z.output<typeof BedMap>;

export const BuildingInput = z.object({ name: requiredText('楼栋名称', 30), floors: wholeNumber('楼层数', 1, 30) });
export const RoomInput = z.object({
  buildingId: entityId('楼栋'),
  floor: wholeNumber('楼层', -5, 99),
  name: requiredText('房间号', 20),
  bedCount: wholeNumber('床位数', 0, 20),
  bedType: oneOf('床位类型', BED_TYPES),
});
export const RoomUpdateInput = z.object({
  id: entityId('房间'),
  floor: wholeNumber('楼层', -5, 99),
  name: requiredText('房间号', 20),
});
export const BedInput = z.object({
  roomId: entityId('房间'),
  label: requiredText('床号', 10),
  bedType: oneOf('床位类型', BED_TYPES),
});
export const BedUpdateInput = z.object({
  id: entityId('床位'),
  label: requiredText('床号', 10),
  bedType: oneOf('床位类型', BED_TYPES),
  setting: oneOf('床位状态', BED_SETTINGS),
});
const IdOnly = (label: string) => z.object({ id: entityId(label) });

export const facilityApi = {
  'facility.get': method({ input: z.object({}), output: FacilityProfile.nullable(), roles: CENTRE_STAFF, writes: false }),
  'facility.save': method({ input: FacilityProfileInput, output: FacilityProfile, roles: MANAGERS, writes: true }),
  'facility.bedMap': method({ input: BedMapQuery, output: BedMap, roles: CENTRE_STAFF, writes: false }),
  'facility.addBuilding': method({ input: BuildingInput, output: Done, roles: MANAGERS, writes: true }),
  'facility.updateBuilding': method({
    input: BuildingInput.extend({ id: entityId('楼栋') }),
    output: Done,
    roles: MANAGERS,
    writes: true,
  }),
  'facility.retireBuilding': method({ input: IdOnly('楼栋'), output: Done, roles: MANAGERS, writes: true }),
  'facility.addRoom': method({ input: RoomInput, output: Done, roles: MANAGERS, writes: true }),
  'facility.updateRoom': method({ input: RoomUpdateInput, output: Done, roles: MANAGERS, writes: true }),
  'facility.retireRoom': method({ input: IdOnly('房间'), output: Done, roles: MANAGERS, writes: true }),
  'facility.addBed': method({ input: BedInput, output: Done, roles: MANAGERS, writes: true }),
  'facility.updateBed': method({ input: BedUpdateInput, output: Done, roles: MANAGERS, writes: true }),
  'facility.retireBed': method({ input: IdOnly('床位'), output: Done, roles: MANAGERS, writes: true }),
};
