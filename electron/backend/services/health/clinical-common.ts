// What the clinical records (doctors' visits, referrals, pressure injuries) share: who was a resident of the centre on a
// day (from the admissions and discharges of stay_events, so a readmitted resident counts from the new admission), the
// names and beds of the residents a list shows, and the plain search of the lists.
import { invalid, notFound } from '@shared/api/errors';
import type { ResidentStatus } from '@shared/domain/enums';
import type { Executor } from '../../db/executor';
import { bedLabels } from '../facility/places';

/**
 * The residents on the centre's books on a day: admitted on or before it and not discharged by it (a discharge dated
 * that day ends the stay). Residents away on leave or in hospital are still the centre's residents and count.
 */
export async function residentsOnBooks(db: Executor, onDate: string): Promise<Set<string>> {
  const events = await db
    .selectFrom('stayEvents')
    .select(['residentId', 'type'])
    .where('type', 'in', ['admission', 'discharge'])
    .where('date', '<=', onDate)
    .orderBy('date')
    .orderBy('createdAt')
    .execute();
  const last = new Map<string, string>();
  for (const e of events) last.set(e.residentId, e.type);
  return new Set([...last].filter(([, type]) => type === 'admission').map(([id]) => id));
}

/** The resident for a record dated `day`: refused unless the resident was the centre's on that day. */
export async function residentOnDay(db: Executor, residentId: string, day: string, what: string, field = 'residentId') {
  const resident = await db.selectFrom('residents').select(['id', 'name', 'admittedOn', 'dischargedOn', 'status']).where('id', '=', residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  const onBooks = await residentsOnBooks(db, day);
  if (!onBooks.has(resident.id)) {
    if (resident.admittedOn === null || resident.admittedOn > day) {
      throw invalid(`${resident.name}${resident.admittedOn ? `${resident.admittedOn}才入住` : '尚未入住'}，${day}不在本院，不能登记${what}`, field);
    }
    throw invalid(`${resident.name}${resident.dischargedOn ? `已于${resident.dischargedOn}离院` : '已离院'}，${day}不在本院，不能登记${what}`, field);
  }
  return resident;
}

/**
 * Refuses a resident who was away all that day (on leave or in hospital since an earlier day and not back by it): a
 * doctor cannot have seen them at the centre. The day they leave or come back they may have been seen.
 */
export async function assertPresentOn(db: Executor, resident: { id: string; name: string }, day: string, what: string, field: string) {
  const away = await db
    .selectFrom('stayEvents')
    .select(['type', 'date', 'note'])
    .where('residentId', '=', resident.id)
    .where('type', 'in', ['leave', 'hospital'])
    .where('date', '<', day)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', day)]))
    .executeTakeFirst();
  if (away) throw invalid(`${resident.name}${away.date}起${away.type === 'hospital' ? '住院' : '请假外出'}，${day}不在院内，不能登记${what}`, field);
}

/** A day not after today (a record is made of what happened). */
export function notFuture(day: string, today: string, label: string, field: string) {
  if (day > today) throw invalid(`${label}（${day}）在将来，不能预先登记`, field);
}

export interface ResidentBrief {
  name: string;
  initials: string;
  bedLabel: string | null;
  status: ResidentStatus;
}

export async function residentBriefs(db: Executor, ids: readonly string[]): Promise<Map<string, ResidentBrief>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('residents').select(['id', 'name', 'nameInitials', 'bedId', 'status']).where('id', 'in', unique).execute();
  const labels = await bedLabels(db, rows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  return new Map(rows.map((r) => [r.id, { name: r.name, initials: r.nameInitials, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, status: r.status }]));
}

/** Whether any of the texts holds the search words (a name's pinyin initials match from their start). */
export function matches(search: string, texts: readonly string[], initials: readonly string[] = []): boolean {
  const q = search.trim().toLowerCase();
  if (q === '') return true;
  return texts.some((t) => t.toLowerCase().includes(q)) || initials.some((i) => i.toLowerCase().startsWith(q));
}
