// The vitals of the care log (care_entries of kind 'vitals') as the health file reads them: only the latest version of
// a corrected record counts (a record some later entry amends is left out), read in China time.
import { sql } from 'kysely';
import { chinaInstant } from '@shared/domain/care/shifts';
import { addDays } from '@shared/domain/dates';
import type { Executor } from '../../db/executor';

export interface VitalReading {
  residentId: string;
  at: string;
  systolic: number | null;
  diastolic: number | null;
  glucose: number | null;
  weight: number | null;
}

const startOf = (date: string) => chinaInstant(date, '00:00').toISOString();

/** The vitals recorded for the residents between two China dates (both included), oldest first. */
export async function vitalReadings(db: Executor, residentIds: readonly string[], from: string, to: string): Promise<VitalReading[]> {
  if (residentIds.length === 0) return [];
  const rows = await db
    .selectFrom('careEntries as e')
    .select([
      'e.residentId',
      'e.occurredAt as at',
      sql<number | null>`json_extract(e.data, '$.systolic')`.as('systolic'),
      sql<number | null>`json_extract(e.data, '$.diastolic')`.as('diastolic'),
      sql<number | null>`json_extract(e.data, '$.glucose')`.as('glucose'),
      sql<number | null>`json_extract(e.data, '$.weight')`.as('weight'),
    ])
    .where('e.residentId', 'in', [...residentIds])
    .where('e.kind', '=', 'vitals')
    .where('e.occurredAt', '>=', startOf(from))
    .where('e.occurredAt', '<', startOf(addDays(to, 1)))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('careEntries as a').select('a.id').whereRef('a.amendsId', '=', 'e.id'))))
    .orderBy('e.occurredAt')
    .orderBy('e.createdAt')
    .execute();
  return rows.map((r) => ({ residentId: r.residentId, at: r.at, systolic: r.systolic ?? null, diastolic: r.diastolic ?? null, glucose: r.glucose ?? null, weight: r.weight ?? null }));
}
