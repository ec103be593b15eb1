// The bed map (房态图): rooms as cards, each bed with its status and occupant, plus the counts the manager watches.
import type { z } from 'zod';
import type { BedCounts, BedMap, BedMapQuery, BedView, RoomView } from '@shared/api/facility';
import { type BedStatus, NURSING_BED_RATIO_GOAL } from '@shared/domain/enums';
import type { BackendDeps } from '../../deps';
import { highRisksByResident } from '../assessment/risk';
import type { Executor } from '../../db/executor';

const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });

export function bedStatus(setting: BedView['setting'], occupied: boolean): BedStatus {
  if (occupied) return 'occupied';
  if (setting === 'disabled') return 'disabled';
  if (setting === 'reserved') return 'reserved';
  return 'free';
}

export function countBeds(beds: readonly Pick<BedView, 'status' | 'bedType'>[]): BedCounts {
  const counts = { total: beds.length, free: 0, occupied: 0, reserved: 0, disabled: 0, nursing: 0 };
  for (const bed of beds) {
    counts[bed.status] += 1;
    if (bed.bedType === 'nursing' && bed.status !== 'disabled') counts.nursing += 1;
  }
  const inUse = counts.total - counts.disabled;
  return { ...counts, nursingRatio: inUse === 0 ? 0 : counts.nursing / inUse, nursingRatioGoal: NURSING_BED_RATIO_GOAL };
}

/** Every active bed with its place and occupant; the basis of the bed map, the census and the dashboard. */
export async function activeBeds(db: Executor) {
  const rows = await db
    .selectFrom('beds')
    .innerJoin('rooms', 'rooms.id', 'beds.roomId')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .leftJoin('residents', 'residents.bedId', 'beds.id')
    .select([
      'beds.id',
      'beds.roomId',
      'beds.label',
      'beds.bedType',
      'beds.setting',
      'rooms.buildingId',
      'rooms.floor',
      'rooms.name as roomName',
      'residents.id as residentId',
      'residents.name as residentName',
      'residents.status as residentStatus',
    ])
    .where('beds.retiredAt', 'is', null)
    .where('rooms.retiredAt', 'is', null)
    .where('buildings.retiredAt', 'is', null)
    .execute();
  return rows.map((r) => ({ ...r, status: bedStatus(r.setting, r.residentId !== null) }));
}

export async function bedMap(deps: BackendDeps, query: z.output<typeof BedMapQuery>): Promise<BedMap> {
  const buildings = await deps.db
    .selectFrom('buildings')
    .select(['id', 'name', 'floors'])
    .where('retiredAt', 'is', null)
    .orderBy('id') // UUIDv7: the order they were added in (一号楼 before 二号楼)
    .execute();
  const allRooms = await deps.db
    .selectFrom('rooms')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .select(['rooms.id', 'rooms.buildingId', 'rooms.floor', 'rooms.name'])
    .where('rooms.retiredAt', 'is', null)
    .where('buildings.retiredAt', 'is', null)
    .execute();
  const beds = (await activeBeds(deps.db)).filter(
    (b) => (!query.buildingId || b.buildingId === query.buildingId) && (query.floor === undefined || b.floor === query.floor),
  );

  const risks = await highRisksByResident(deps.db, beds.flatMap((b) => (b.residentId ? [b.residentId] : [])));
  const byRoom = new Map<string, BedView[]>();
  for (const b of beds) {
    const list = byRoom.get(b.roomId) ?? [];
    list.push({
      id: b.id,
      roomId: b.roomId,
      label: b.label,
      bedType: b.bedType,
      setting: b.setting,
      status: b.status,
      residentId: b.residentId,
      residentName: b.residentName,
      residentStatus: b.residentStatus,
      highRisks: b.residentId ? (risks.get(b.residentId) ?? []) : [],
    });
    byRoom.set(b.roomId, list);
  }
  const buildingOrder = new Map(buildings.map((b, i) => [b.id, i]));
  const rooms: RoomView[] = allRooms
    .filter((r) => (!query.buildingId || r.buildingId === query.buildingId) && (query.floor === undefined || r.floor === query.floor))
    .map((r) => ({ ...r, beds: (byRoom.get(r.id) ?? []).sort((x, y) => collator.compare(x.label, y.label)) }))
    .sort(
      (a, b) =>
        (buildingOrder.get(a.buildingId) ?? 0) - (buildingOrder.get(b.buildingId) ?? 0) ||
        a.floor - b.floor ||
        collator.compare(a.name, b.name),
    );
  return { buildings, rooms, counts: countBeds(beds) };
}
