// The residents the health file speaks of: those in residence on a day (admitted by then and not discharged before it;
// on leave or in hospital they are still the centre's residents), and one resident for a write with a plain refusal.
import { AppError, invalid } from '@shared/api/errors';
import { ageOn } from '@shared/domain/dates';
import type { Sex } from '@shared/domain/enums';
import type { Executor } from '../../db/executor';
import { bedLabels } from '../facility/places';

export interface HealthResident {
  id: string;
  name: string;
  sex: Sex;
  age: number;
  birthDate: string;
  bedLabel: string | null;
  admittedOn: string | null;
  dischargedOn: string | null;
  status: string;
}

async function withBeds(
  db: Executor,
  rows: { id: string; name: string; sex: string; birthDate: string; bedId: string | null; admittedOn: string | null; dischargedOn: string | null; status: string }[],
  on: string,
): Promise<HealthResident[]> {
  const labels = await bedLabels(db, rows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sex: r.sex as Sex,
    age: ageOn(r.birthDate, on),
    birthDate: r.birthDate,
    bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
    admittedOn: r.admittedOn,
    dischargedOn: r.dischargedOn,
    status: r.status,
  }));
}

const COLUMNS = ['id', 'name', 'sex', 'birthDate', 'bedId', 'admittedOn', 'dischargedOn', 'status'] as const;

/** Residents in residence at some time between `from` and `to` (both included), by bed then name. */
export async function residentsBetween(db: Executor, from: string, to: string): Promise<HealthResident[]> {
  const rows = await db
    .selectFrom('residents')
    .select([...COLUMNS])
    .where('admittedOn', 'is not', null)
    .where('admittedOn', '<=', to)
    .where((eb) => eb.or([eb('dischargedOn', 'is', null), eb('dischargedOn', '>=', from)]))
    .where('archivedAt', 'is', null)
    .orderBy('name')
    .execute();
  const residents = await withBeds(db, rows, to);
  return residents.sort((a, b) => (a.bedLabel ?? '￿').localeCompare(b.bedLabel ?? '￿', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Residents in residence on the day. */
export const residentsOn = (db: Executor, on: string) => residentsBetween(db, on, on);

/** One resident (any state) with bed and age on the day. */
export async function healthResident(db: Executor, residentId: string, on: string): Promise<HealthResident> {
  const row = await db.selectFrom('residents').select([...COLUMNS]).where('id', '=', residentId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '找不到这位老人的档案，请刷新后重试', 'residentId');
  return (await withBeds(db, [row], on))[0]!;
}

/** A resident a health record may be written for on `day`: admitted by then, not discharged before it. */
export async function residentForRecord(db: Executor, residentId: string, day: string, what: string): Promise<HealthResident> {
  const r = await healthResident(db, residentId, day);
  if (r.admittedOn === null) throw invalid(`${r.name}还没有办理入住，不能登记${what}`, 'residentId');
  if (r.dischargedOn !== null && r.dischargedOn < day) throw invalid(`${r.name}已于${r.dischargedOn}出院，不能登记${day}的${what}`, 'residentId');
  return r;
}

export async function facilityName(db: Executor): Promise<string> {
  return (await db.selectFrom('facility').select('name').executeTakeFirst())?.name ?? '';
}
