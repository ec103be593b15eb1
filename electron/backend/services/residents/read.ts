// Reading residents: the searchable list, one full file with its stay history, and the census.
import { sql } from 'kysely';
import { z } from 'zod';
import { type Census, ContactInput, type ContactView, ResidentFile, type ResidentRow, type ResidentSearch, type StayEventView, residentsApi } from '@shared/api/residents';
import { notFound } from '@shared/api/errors';
import { ageOn } from '@shared/domain/dates';
import { maskIdNumber } from '@shared/domain/id-number';
import { maskPhone } from '@shared/domain/phone';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import type { ResidentsTable } from '../../db/schema';
import { activeBeds } from '../facility/bed-map';
import { bedLabels } from '../facility/places';
import { keepUntil } from './retention';
import { parseJsonColumn } from '../../db/json';

const nameCollator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

type ListColumns = Pick<
  ResidentsTable,
  'id' | 'name' | 'nameInitials' | 'idNumber' | 'sex' | 'birthDate' | 'primaryCategory' | 'status' | 'bedId' | 'admittedOn' | 'dischargedOn'
>;

const LIST_COLUMNS = [
  'residents.id',
  'residents.name',
  'residents.nameInitials',
  'residents.idNumber',
  'residents.sex',
  'residents.birthDate',
  'residents.primaryCategory',
  'residents.status',
  'residents.bedId',
  'residents.admittedOn',
  'residents.dischargedOn',
] as const;

export function toRow(r: ListColumns, today: string, labels: Map<string, string>): ResidentRow {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    age: ageOn(r.birthDate, today),
    idNumberMasked: maskIdNumber(r.idNumber),
    primaryCategory: r.primaryCategory as ResidentRow['primaryCategory'],
    status: r.status,
    bedId: r.bedId,
    bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
    admittedOn: r.admittedOn,
    dischargedOn: r.dischargedOn,
  };
}

const SCOPE_STATUSES: Record<z.output<typeof ResidentSearch>['scope'], ResidentsTable['status'][]> = {
  current: ['in_residence', 'on_leave', 'in_hospital'],
  in_residence: ['in_residence'],
  on_leave: ['on_leave'],
  in_hospital: ['in_hospital'],
  discharged: ['discharged'],
  archived: ['discharged'],
  all: ['in_residence', 'on_leave', 'in_hospital', 'discharged'],
};

/** Name, pinyin initials ("zs" → 张三), last digits of the ID number, or room number. */
export async function searchResidents(deps: BackendDeps, input: z.output<typeof ResidentSearch>) {
  const today = todayIn(deps.clock);
  const q = input.query.trim();
  let query = deps.db
    .selectFrom('residents')
    .leftJoin('beds', 'beds.id', 'residents.bedId')
    .leftJoin('rooms', 'rooms.id', 'beds.roomId')
    .select(LIST_COLUMNS)
    .where('residents.status', 'in', SCOPE_STATUSES[input.scope])
    // Archived files (past their retention time) leave the everyday lists; they are still here, under 已归档.
    .where('residents.archivedAt', input.scope === 'archived' ? 'is not' : 'is', null);
  if (q !== '') {
    // instr/substr instead of LIKE: no wildcard characters to escape in what people type.
    const initials = q.toLowerCase();
    const idTail = q.toUpperCase();
    query = query.where((eb) =>
      eb.or([
        eb(sql<number>`instr(residents.name, ${q})`, '>', 0),
        eb(sql<string>`substr(residents.name_initials, 1, ${initials.length})`, '=', initials),
        eb(sql<string>`substr(residents.id_number, ${-idTail.length})`, '=', idTail),
        eb('rooms.name', '=', q),
      ]),
    );
  }
  const rows = await query.execute();
  rows.sort((a, b) => nameCollator.compare(a.name, b.name));
  const start = (input.page - 1) * input.pageSize;
  const pageRows = rows.slice(start, start + input.pageSize);
  const labels = await bedLabels(deps.db, pageRows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  return { rows: pageRows.map((r) => toRow(r, today, labels)), total: rows.length };
}

/**
 * Family numbers in full only for those who may edit the file (the edit form sends the contacts back as they are);
 * everyone else sees them masked and taps to reveal one, which is audited (care.revealContactPhone), like the ID number.
 */
/** A resident's contacts as stored (residents.contacts): ContactInput's output. */
export const storedContacts = (text: string) => parseJsonColumn(z.array(ContactInput), text, 'residents.contacts');

function contactViews(stored: string, caller: Caller): ContactView[] {
  const editors = residentsApi['residents.update'].roles;
  const full = Array.isArray(editors) && editors.includes(caller.role);
  return storedContacts(stored).map((c) => ({
    name: c.name,
    relation: c.relation,
    phone: full ? c.phone : maskPhone(c.phone),
    phoneHidden: !full,
    isGuardian: c.isGuardian,
    isEmergency: c.isEmergency,
  }));
}

export async function getResidentFile(deps: BackendDeps, caller: Caller, id: string): Promise<ResidentFile> {
  const today = todayIn(deps.clock);
  const r = await deps.db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('老人档案');
  const events = await deps.db
    .selectFrom('stayEvents')
    .selectAll()
    .where('residentId', '=', id)
    .orderBy('date', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
  const labels = await bedLabels(deps.db, [
    ...(r.bedId ? [r.bedId] : []),
    ...events.flatMap((e) => [e.bedId, e.fromBedId].filter((b): b is string => b !== null)),
  ]);
  const eventViews: StayEventView[] = events.map((e) => ({
    id: e.id,
    type: e.type,
    date: e.date,
    endDate: e.endDate,
    expectedReturn: e.expectedReturn,
    bedLabel: e.bedId ? (labels.get(e.bedId) ?? null) : null,
    fromBedLabel: e.fromBedId ? (labels.get(e.fromBedId) ?? null) : null,
    agreementNo: e.agreementNo,
    agreementEnd: e.agreementEnd,
    kind: e.type === 'leave' || e.type === 'hospital' ? e.type : null,
    reason: e.reason,
    note: e.note,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
  }));
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: maskIdNumber(r.idNumber),
    sex: r.sex,
    birthDate: r.birthDate,
    age: ageOn(r.birthDate, today),
    ethnicity: r.ethnicity as ResidentFile['ethnicity'],
    householdAddress: r.householdAddress,
    village: r.village,
    primaryCategory: r.primaryCategory as ResidentFile['primaryCategory'],
    tags: parseJsonColumn(ResidentFile.shape.tags, r.tags, 'residents.tags'),
    tekunCertNo: r.tekunCertNo,
    hukou: r.hukou,
    contacts: contactViews(r.contacts, caller),
    allergies: r.allergies,
    chronicConditions: r.chronicConditions,
    dietType: r.dietType as ResidentFile['dietType'],
    photo: r.photo,
    note: r.note,
    status: r.status,
    bedId: r.bedId,
    bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
    admittedOn: r.admittedOn,
    dischargedOn: r.dischargedOn,
    keepUntil: r.status === 'discharged' ? await keepUntil(deps, r.id, r.dischargedOn) : null,
    archivedAt: r.archivedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    events: eventViews,
  };
}

/** `beds` lets a caller that already loaded the active beds (the dashboard) pass them in instead of loading them twice. */
export async function census(deps: BackendDeps, beds?: Awaited<ReturnType<typeof activeBeds>>): Promise<Census> {
  const byStatus = await deps.db
    .selectFrom('residents')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '!=', 'discharged')
    .groupBy('status')
    .execute();
  const count = (s: string) => byStatus.find((r) => r.status === s)?.n ?? 0;
  const free = (beds ?? (await activeBeds(deps.db))).filter((b) => b.status === 'free');
  const inResidence = count('in_residence');
  const onLeave = count('on_leave');
  const inHospital = count('in_hospital');
  return {
    inResidence,
    onLeave,
    inHospital,
    enrolled: inResidence + onLeave + inHospital,
    freeBeds: free.length,
    freeNormalBeds: free.filter((b) => b.bedType === 'normal').length,
    freeNursingBeds: free.filter((b) => b.bedType === 'nursing').length,
  };
}

/** The full ID number, for those whose work needs it; every view is written to the audit log. */
export function revealIdNumber(deps: BackendDeps, caller: Caller, id: string) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('residents').select(['idNumber']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('老人档案');
    await ctx.audit({ action: 'view_id_number', entity: 'residents', entityId: id });
    return { idNumber: row.idNumber };
  });
}
