// Looking up a bed with its room, building and occupant, and the label people read ("一号楼 101室 2床").
import { notFound } from '@shared/api/errors';
import type { Executor } from '../../db/executor';

export function formatBedLabel(buildingName: string, roomName: string, bedLabel: string): string {
  return `${buildingName} ${roomName}室 ${bedLabel}床`;
}

export interface BedPlace {
  id: string;
  label: string;
  bedType: 'normal' | 'nursing';
  setting: 'available' | 'reserved' | 'disabled';
  roomId: string;
  fullLabel: string;
  occupantId: string | null;
  occupantName: string | null;
}

/** An active (not retired) bed, or NOT_FOUND. */
export async function loadActiveBed(db: Executor, bedId: string): Promise<BedPlace> {
  const row = await db
    .selectFrom('beds')
    .innerJoin('rooms', 'rooms.id', 'beds.roomId')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .leftJoin('residents', 'residents.bedId', 'beds.id')
    .select([
      'beds.id',
      'beds.label',
      'beds.bedType',
      'beds.setting',
      'beds.roomId',
      'rooms.name as roomName',
      'buildings.name as buildingName',
      'residents.id as occupantId',
      'residents.name as occupantName',
    ])
    .where('beds.id', '=', bedId)
    .where('beds.retiredAt', 'is', null)
    .where('rooms.retiredAt', 'is', null)
    .where('buildings.retiredAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('床位');
  return {
    id: row.id,
    label: row.label,
    bedType: row.bedType,
    setting: row.setting,
    roomId: row.roomId,
    fullLabel: formatBedLabel(row.buildingName, row.roomName, row.label),
    occupantId: row.occupantId,
    occupantName: row.occupantName,
  };
}

/** Labels for any beds (retired ones too, for history), keyed by bed id. */
export async function bedLabels(db: Executor, bedIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(bedIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('beds')
    .innerJoin('rooms', 'rooms.id', 'beds.roomId')
    .innerJoin('buildings', 'buildings.id', 'rooms.buildingId')
    .select(['beds.id', 'beds.label', 'rooms.name as roomName', 'buildings.name as buildingName'])
    .where('beds.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, formatBedLabel(r.buildingName, r.roomName, r.label)]));
}
