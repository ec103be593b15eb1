// Coverage of one shift for the manager: who worked where, residents with no record at all, tasks missed (not
// recorded by the time they were due, or recorded as not done with the reason), residents nobody was assigned to.
import type { NOT_DONE_REASONS } from '@shared/domain/care/vocab';
import type { Coverage } from '@shared/api/care';
import { shiftWindow } from '@shared/domain/care/shifts';
import { CARE_STAFF_ROLES, type StaffRole } from '@shared/domain/care/vocab';
import type { BackendDeps } from '../../deps';
import type { Executor } from '../../db/executor';
import { areaText, loadAreas } from '../roster/areas';
import { hoursText, shiftById } from '../roster/shifts';
import { residentsInArea } from './context';
import { planTasks, shiftEntries, supersededIds, taskMarks, tasksDue } from './entries';
import { StringList, parseJsonColumn } from '../../db/json';

/** Residents away (leave or hospital) on a date, from the stay history. */
export async function awayOn(db: Executor, date: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('stayEvents')
    .select('residentId')
    .where('type', 'in', ['leave', 'hospital'])
    .where('date', '<=', date)
    .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', date)]))
    .execute();
  return new Set(rows.map((r) => r.residentId));
}

export async function shiftCoverage(deps: BackendDeps, shiftId: string, shiftDate: string): Promise<Coverage> {
  const shift = await shiftById(deps.db, shiftId);
  const window = shiftWindow(shift, shiftDate);
  const now = deps.clock.now();
  const cutoff = now < window.end ? now : window.end;
  const places = await loadAreas(deps.db);
  const roster = await deps.db
    .selectFrom('rosterEntries')
    .innerJoin('staff', 'staff.id', 'rosterEntries.staffId')
    .leftJoin('users', 'users.staffId', 'staff.id')
    .select(['staff.name', 'staff.role', 'rosterEntries.area', 'users.id as userId'])
    .where('rosterEntries.shiftId', '=', shiftId)
    .where('rosterEntries.shiftDate', '=', shiftDate)
    .where('rosterEntries.cancelledAt', 'is', null)
    .execute();
  const carers = roster.filter((r) => CARE_STAFF_ROLES.includes(r.role as StaffRole)).map((r) => ({ ...r, area: parseJsonColumn(StringList, r.area, 'roster_entries.area') }));
  const handedOver = new Set(
    (await deps.db.selectFrom('handovers').select('fromUserId').where('shiftId', '=', shiftId).where('shiftDate', '=', shiftDate).execute()).map((h) => h.fromUserId),
  );
  const away = await awayOn(deps.db, shiftDate);
  const everyone = (await residentsInArea(deps.db, places, [])).filter((r) => !away.has(r.id));
  const admitted = new Set(
    (await deps.db.selectFrom('residents').select('id').where('admittedOn', '<=', shiftDate).execute()).map((r) => r.id),
  );
  const residents = everyone.filter((r) => admitted.has(r.id));
  const rooms = await deps.db.selectFrom('residents').innerJoin('beds', 'beds.id', 'residents.bedId').innerJoin('rooms', 'rooms.id', 'beds.roomId').select(['residents.id', 'rooms.id as roomId', 'rooms.buildingId', 'rooms.floor']).execute();
  const roomOf = new Map(rooms.map((r) => [r.id, r]));
  const rows = await shiftEntries(deps.db, shiftId, shiftDate);
  const superseded = supersededIds(rows);
  const live = rows.filter((r) => !superseded.has(r.id));
  const due = await tasksDue(deps.db, await planTasks(deps.db, residents.map((r) => r.id), window), window, taskMarks(rows));
  const result = residents.map((r) => {
    const room = roomOf.get(r.id);
    const assigned = carers.filter((c) => room && places.covers(c.area, room)).map((c) => c.name);
    const missed = (due.get(r.id) ?? [])
      .filter((d) => d.status === 'not_done' || (d.status === 'pending' && (d.dueAt ? new Date(d.dueAt) <= cutoff : cutoff === window.end)))
      .map((d) => ({ task: d.task, slot: d.slot, reason: d.reason as (typeof NOT_DONE_REASONS)[number] | null }));
    return { residentId: r.id, name: r.name, bedLabel: r.bedLabel, caregivers: assigned, records: live.filter((e) => e.residentId === r.id).length, missed };
  });
  return {
    shift: {
      shiftId,
      shiftDate,
      name: shift.name,
      hoursText: hoursText(shift),
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      open: now < window.end,
      areaText: '全院',
      nightRounds: shift.nightRounds,
    },
    caregivers: carers.map((c) => ({ name: c.name, areaText: areaText(places, c.area), handedOver: c.userId !== null && handedOver.has(c.userId) })),
    residents: result,
    unassigned: result.filter((r) => r.caregivers.length === 0).length,
    withoutRecord: result.filter((r) => r.records === 0).length,
    missedTasks: result.reduce((n, r) => n + r.missed.length, 0),
  };
}
