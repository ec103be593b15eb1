// The records the county kept of one centre's month, read back in the current shapes: a record stored from an older
// package (before the fields the county now counts) is upgraded the way the import upgrades it, so it counts as 不详.
import { OLDER_SECTIONS, SECTION_NAMES, type SectionData, type SectionName } from '@shared/domain/sync/sections';
import type { BackendDeps } from '../../deps';
import { JsonObject, parseJsonColumn } from '../../db/json';

/** An older record lacks the fields its section gained later: it gets them as null (not carried). */
function current(section: SectionName, record: Record<string, unknown>): unknown {
  if (section === 'residents' && !('supportMode' in record)) return OLDER_SECTIONS.residents![1].upgrade(record as never);
  if (section === 'staff' && !('trainedInYear' in record)) return OLDER_SECTIONS.staff![1].upgrade(record as never);
  if (section === 'incidents' && !('medicationError' in record)) return OLDER_SECTIONS.incidents![1].upgrade(record as never);
  return record;
}

export async function readMonth(deps: BackendDeps, centreCode: string, period: string, sections: readonly SectionName[] = SECTION_NAMES): Promise<SectionData> {
  const rows = await deps.db
    .selectFrom('countyRecords')
    .select(['section', 'data'])
    .where('centreCode', '=', centreCode)
    .where('period', '=', period)
    .where('section', 'in', [...sections])
    .orderBy('recordId')
    .execute();
  const data = Object.fromEntries(SECTION_NAMES.map((s) => [s, [] as unknown[]])) as Record<SectionName, unknown[]>;
  for (const r of rows) {
    const section = r.section as SectionName;
    data[section]?.push(current(section, parseJsonColumn(JsonObject, r.data, 'county_records.data')));
  }
  return data as SectionData;
}
