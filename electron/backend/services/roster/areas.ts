// Where a caregiver works in a shift: whole floors ("floor:<buildingId>:<n>") or single rooms ("room:<roomId>").
// No keys means the whole centre. This file turns keys into words and into the residents they cover.
import type { Executor } from '../../db/executor';

export interface AreaPlaces {
  /** Every choosable key with its label, floors first. */
  options: { value: string; label: string }[];
  label(key: string): string;
  /** Whether a room (by id, building and floor) lies in an area. */
  covers(area: readonly string[], room: { roomId: string; buildingId: string; floor: number }): boolean;
}

export async function loadAreas(db: Executor): Promise<AreaPlaces> {
  const rooms = await db
    .selectFrom('rooms')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .select(['rooms.id', 'rooms.name', 'rooms.floor', 'rooms.buildingId', 'buildings.name as buildingName', 'rooms.retiredAt', 'buildings.retiredAt as buildingRetiredAt'])
    .orderBy('buildings.name')
    .orderBy('rooms.floor')
    .orderBy('rooms.name')
    .execute();
  const labels = new Map<string, string>();
  const options: { value: string; label: string }[] = [];
  const roomOptions: { value: string; label: string }[] = [];
  for (const r of rooms) {
    const floorKey = `floor:${r.buildingId}:${r.floor}`;
    const active = r.retiredAt === null && r.buildingRetiredAt === null;
    if (!labels.has(floorKey)) {
      labels.set(floorKey, `${r.buildingName} ${r.floor}层`);
      if (active) options.push({ value: floorKey, label: `${r.buildingName} ${r.floor}层（整层）` });
    }
    labels.set(`room:${r.id}`, `${r.buildingName} ${r.name}室`);
    if (active) roomOptions.push({ value: `room:${r.id}`, label: `${r.buildingName} ${r.name}室` });
  }
  return {
    options: [...options, ...roomOptions],
    label: (key) => labels.get(key) ?? '已移除的区域',
    covers: (area, room) => area.length === 0 || area.includes(`room:${room.roomId}`) || area.includes(`floor:${room.buildingId}:${room.floor}`),
  };
}

export function areaText(places: AreaPlaces, area: readonly string[]): string {
  return area.length === 0 ? '全院' : area.map((k) => places.label(k)).join('、');
}
