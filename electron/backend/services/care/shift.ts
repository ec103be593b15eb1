// The caregiver's screen: "本班任务" — my shift, my residents with their tasks due and how far along they are, the
// night-round clock; and one resident's shift: tasks, and everything recorded so far.
import { DIET_TYPES, type DietType, type ResidentStatus } from '@shared/domain/enums';
import type { MyShift, ResidentShift, ShiftInstance } from '@shared/api/care';
import { notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { maskPhone } from '@shared/domain/phone';
import { highRisksByResident } from '../assessment/risk';
import { bedLabels } from '../facility/places';
import { storedContacts } from '../residents/read';
import { hoursText } from '../roster/shifts';
import { readSettings } from '../settings/settings';
import { type CallerShift, callerShift, currentCallerShift, residentsInArea } from './context';
import { entriesForDisplay, planTasks, shiftEntries, shiftSummary, taskMarks, tasksDue } from './entries';

/** The photo alone: the shift list only says whether there is one. */
export async function residentPhoto(deps: BackendDeps, residentId: string) {
  const row = await deps.db.selectFrom('residents').select('photo').where('id', '=', residentId).executeTakeFirst();
  if (!row) throw notFound('老人档案');
  return { photo: row.photo };
}

/** A family member's full number; every reveal is in the audit log, like the ID number's. */
export function revealContactPhone(deps: BackendDeps, caller: Caller, input: { residentId: string; index: number }) {
  return writeAction(deps, caller, async (ctx) => {
    const row = await ctx.trx.selectFrom('residents').select(['name', 'contacts']).where('id', '=', input.residentId).executeTakeFirst();
    if (!row) throw notFound('老人档案');
    const contact = storedContacts(row.contacts)[input.index];
    if (!contact) throw notFound('联系人');
    await ctx.audit({ action: 'view_contact_phone', entity: 'residents', entityId: input.residentId, after: { resident: row.name, contact: `${contact.relation} ${contact.name}` } });
    return { phone: contact.phone };
  });
}

export function shiftInstance(s: CallerShift): ShiftInstance {
  return {
    shiftId: s.shift.id,
    shiftDate: s.window.shiftDate,
    name: s.shift.name,
    hoursText: hoursText(s.shift),
    start: s.window.start.toISOString(),
    end: s.window.end.toISOString(),
    open: s.open,
    areaText: s.areaText,
    nightRounds: s.shift.nightRounds,
  };
}

export async function myShift(deps: BackendDeps, caller: Caller): Promise<MyShift> {
  const { roundIntervalMinutes } = await readSettings(deps.db);
  const emptyRounds = { intervalMinutes: roundIntervalMinutes, last: null, nextDue: null, overdue: false, count: 0 };
  const s = await currentCallerShift(deps.db, caller, deps.clock);
  if (!s) {
    const linked = (await deps.db.selectFrom('users').select('staffId').where('id', '=', caller.userId).executeTakeFirst())?.staffId;
    const message = linked ? '您现在没有排班（排班表上这个时间没有您的班）。如有疑问请找护理组长。' : '您的账号还没有关联员工档案。请院长在“员工档案”中把账号关联到您，并排班。';
    return { shift: null, residents: [], rounds: emptyRounds, handedOver: false, message };
  }
  const residents = await residentsInArea(deps.db, s.places, s.area);
  const summary = await shiftSummary(deps.db, s.shift.id, s.window.shiftDate);
  const present = residents.filter((r) => r.present);
  const tasks = await planTasks(deps.db, present.map((r) => r.id), s.window);
  const due = await tasksDue(deps.db, tasks, s.window, summary.marks, deps.clock.now());
  const risks = await highRisksByResident(deps.db, residents.map((r) => r.id));
  const myRounds = [...new Set(summary.rounds.filter((r) => r.recordedById === caller.userId).map((r) => r.occurredAt))].sort();
  const last = myRounds.at(-1) ?? null;
  const now = deps.clock.now();
  const nextDue = s.shift.nightRounds ? new Date((last ? new Date(last) : s.window.start).getTime() + roundIntervalMinutes * 60_000) : null;
  return {
    shift: shiftInstance(s),
    residents: residents.map((r) => {
      const list = due.get(r.id) ?? [];
      const recorded = list.filter((d) => d.status !== 'pending').length;
      const overdueTasks = list.filter((d) => d.overdue).length;
      // Nothing due is not "all done": a green card must mean someone recorded everything.
      const allDone = r.present && list.length > 0 && recorded === list.length;
      const state = !r.present ? 'away' : list.length === 0 ? 'no_tasks' : allDone ? 'done' : overdueTasks > 0 ? 'overdue' : 'in_progress';
      return {
        residentId: r.id,
        name: r.name,
        bedLabel: r.bedLabel,
        status: r.status as ResidentStatus,
        present: r.present,
        tasksDue: list.length,
        tasksRecorded: recorded,
        records: summary.recordsByResident.get(r.id) ?? 0,
        allDone,
        state,
        overdueTasks,
        highRisks: risks.get(r.id) ?? [],
        hasPhoto: r.hasPhoto,
      };
    }),
    rounds: {
      intervalMinutes: roundIntervalMinutes,
      last,
      nextDue: nextDue && nextDue < s.window.end ? nextDue.toISOString() : null,
      overdue: nextDue !== null && nextDue < now && nextDue < s.window.end && s.open,
      count: myRounds.length,
    },
    handedOver: s.handedOver,
    message: null,
  };
}

export async function residentShift(deps: BackendDeps, caller: Caller, input: { shiftId: string; shiftDate: string; residentId: string }): Promise<ResidentShift> {
  // Only one's own shift: other shifts are read through the manager's views (coverage, timeline, ledgers).
  const s = await callerShift(deps.db, caller, deps.clock, input.shiftId, input.shiftDate);
  const resident = await deps.db.selectFrom('residents').select(['id', 'name', 'status', 'bedId', 'dietType', 'allergies', 'photo', 'contacts']).where('id', '=', input.residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  const bedLabel = resident.bedId ? ((await bedLabels(deps.db, [resident.bedId])).get(resident.bedId) ?? null) : null;
  const rows = await shiftEntries(deps.db, s.shift.id, s.window.shiftDate, resident.id);
  const tasks = resident.status === 'in_residence' ? await planTasks(deps.db, [resident.id], s.window) : [];
  const due = (await tasksDue(deps.db, tasks, s.window, taskMarks(rows), deps.clock.now())).get(resident.id) ?? [];
  const risks = await highRisksByResident(deps.db, [resident.id]);
  return {
    shift: shiftInstance(s),
    resident: {
      id: resident.id,
      name: resident.name,
      bedLabel,
      status: resident.status as ResidentStatus,
      present: resident.status === 'in_residence',
      diet: (DIET_TYPES as readonly string[]).includes(resident.dietType) ? (resident.dietType as DietType) : 'other',
      allergies: resident.allergies,
      highRisks: risks.get(resident.id) ?? [],
      photo: resident.photo,
      contacts: storedContacts(resident.contacts).map((c, index) => ({
        index,
        name: c.name,
        relation: c.relation,
        phoneMasked: maskPhone(c.phone),
        isGuardian: c.isGuardian,
        isEmergency: c.isEmergency,
      })),
    },
    tasks: due,
    entries: await entriesForDisplay(deps.db, rows, new Map([[resident.id, resident.name]])),
  };
}
