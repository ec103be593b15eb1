// Handover (交接班): at shift end the system sums up the caregiver's area (incidents, tasks not done, residents away,
// notes, rounds); the caregiver confirms and adds to it; someone on the next shift accepts it with their own sign-in.
import type { ResidentStatus } from '@shared/domain/enums';
import { type HandoverDraft, type HandoverRow, HandoverSummary } from '@shared/api/handover';
import { AppError, conflict, invalid, notFound } from '@shared/api/errors';
import { chinaWallClock, shiftWindow } from '@shared/domain/care/shifts';
import { describeEntry } from '@shared/domain/care/describe';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Clock } from '../../clock';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { StringList, parseJsonColumn } from '../../db/json';
import { areaText, loadAreas } from '../roster/areas';
import { hoursText, loadShifts } from '../roster/shifts';
import { readSettings } from '../settings/settings';
import { type CallerShift, callerShift, currentCallerShift, openCallerShift, residentsInArea } from '../care/context';
import type { EntryData } from '@shared/api/care';
import { entryData, planTasks, shiftEntries, supersededIds, taskMarks, tasksDue } from '../care/entries';

const time = (iso: string) => chinaWallClock(new Date(iso)).slice(11);
/** A round entry that found the resident other than asleep in bed. */
const isException = (data: EntryData) => data.kind === 'round' && data.state !== 'asleep';

interface ResidentLines {
  name: string;
  bedLabel: string | null;
  away: ResidentStatus | null;
  incidents: string[];
  notDone: string[];
  unrecorded: string[];
  notes: string[];
  tasksDone: number;
}

async function summarise(db: Executor, clock: Clock, s: CallerShift): Promise<HandoverSummary> {
  const residents = await residentsInArea(db, s.places, s.area);
  const names = new Map(residents.map((r) => [r.id, r.name]));
  const present = residents.filter((r) => r.present);
  const rows = (await shiftEntries(db, s.shift.id, s.window.shiftDate)).filter((r) => names.has(r.residentId));
  const superseded = supersededIds(rows);
  const live = rows.filter((r) => !superseded.has(r.id));
  const now = clock.now();
  const due = await tasksDue(db, await planTasks(db, present.map((r) => r.id), s.window), s.window, taskMarks(rows));
  const byResident = new Map<string, ResidentLines>(
    residents.map((r) => [
      r.id,
      { name: r.name, bedLabel: r.bedLabel, away: r.present ? null : (r.status as ResidentStatus), incidents: [], notDone: [], unrecorded: [], notes: [], tasksDone: 0 },
    ]),
  );
  const tasksNotDone: string[] = [];
  for (const r of present) {
    const lines = byResident.get(r.id)!;
    for (const d of due.get(r.id) ?? []) {
      const when = d.slot === 'shift' ? '' : d.slot === 'week' ? '（本周）' : ` ${d.slot.slice(11)}`;
      if (d.status === 'done') lines.tasksDone += 1;
      if (d.status === 'not_done') {
        const reason = enumLabel('notDoneReason', d.reason ?? 'other');
        tasksNotDone.push(`${r.name}：${d.task}${when} 未做（${reason}）`);
        lines.notDone.push(`${d.task}${when}（${reason}）`);
      } else if (d.status === 'pending' && (!d.dueAt || new Date(d.dueAt) <= now)) {
        tasksNotDone.push(`${r.name}：${d.task}${when} 未记录`);
        lines.unrecorded.push(`${d.task}${when}`);
      }
    }
  }
  const incidents = (
    await db
      .selectFrom('incidents')
      .select(['residentId', 'type', 'severity', 'occurredAt', 'place', 'actionTaken', 'hospitalTransfer', 'hospital'])
      .where('occurredAt', '>=', s.window.start.toISOString())
      .where('occurredAt', '<', s.window.end.toISOString())
      .orderBy('occurredAt')
      .execute()
  ).filter((i) => names.has(i.residentId));
  const incidentText = (i: (typeof incidents)[number]) =>
    `${time(i.occurredAt)} ${enumLabel('incidentType', i.type)}（${enumLabel('severity', i.severity)}）${i.place ? `，${i.place}` : ''}：${i.actionTaken}${i.hospitalTransfer ? `，已送${i.hospital}` : ''}`;
  for (const i of incidents) byResident.get(i.residentId)!.incidents.push(incidentText(i));
  const rounds = [...new Set(live.filter((r) => r.kind === 'round').map((r) => r.occurredAt))].sort();
  const roundExceptions = live.filter((r) => r.kind === 'round' && isException(entryData(r)));
  const noteRows = live.filter((r) => r.kind === 'note');
  for (const r of noteRows) byResident.get(r.residentId)!.notes.push(`${time(r.occurredAt)} ${describeEntry(entryData(r))}`);
  for (const r of roundExceptions) byResident.get(r.residentId)!.notes.push(`${time(r.occurredAt)} 查房：${describeEntry(entryData(r))}`);
  // Who needs the next shift's attention comes first: incidents, then anything not done, then the rest.
  const weight = (l: ResidentLines) => (l.incidents.length > 0 ? 0 : l.notDone.length + l.unrecorded.length + l.notes.length > 0 || l.away ? 1 : 2);
  const grouped = residents.map((r) => byResident.get(r.id)!).sort((a, b) => weight(a) - weight(b));
  const sum = (f: (l: ResidentLines) => number) => grouped.reduce((n, l) => n + f(l), 0);
  return {
    incidents: incidents.map((i) => `${time(i.occurredAt)} ${names.get(i.residentId)} ${enumLabel('incidentType', i.type)}（${enumLabel('severity', i.severity)}）：${i.actionTaken}${i.hospitalTransfer ? `，已送${i.hospital}` : ''}`),
    tasksNotDone,
    away: residents.filter((r) => !r.present).map((r) => `${r.name}：${enumLabel('residentStatus', r.status)}`),
    notes: [
      ...noteRows.map((r) => `${names.get(r.residentId)}：${describeEntry(entryData(r))}`),
      ...roundExceptions.map((r) => `${time(r.occurredAt)} 查房 ${names.get(r.residentId)}：${describeEntry(entryData(r))}`),
    ],
    roundsText: rounds.length ? `查房 ${rounds.length} 次，最后一次 ${time(rounds.at(-1)!)}` : s.shift.nightRounds ? '本班没有查房记录' : '',
    residents: grouped,
    counts: {
      residents: residents.length,
      incidents: incidents.length,
      notDone: sum((l) => l.notDone.length),
      unrecorded: sum((l) => l.unrecorded.length),
      tasksDone: sum((l) => l.tasksDone),
      away: sum((l) => (l.away ? 1 : 0)),
      notes: sum((l) => l.notes.length),
      rounds: rounds.length,
    },
  };
}

/** Minutes until the shift ends, and whether handing over now needs a reason (the setting, default 60). */
async function earliness(db: Executor, clock: Clock, s: CallerShift) {
  const { earlyHandoverMinutes } = await readSettings(db);
  const minutesLeft = Math.floor((s.window.end.getTime() - clock.now().getTime()) / 60_000);
  return { minutesLeft, earlyLimitMinutes: earlyHandoverMinutes, needsReason: minutesLeft > earlyHandoverMinutes };
}

export async function draftHandover(deps: BackendDeps, caller: Caller, shiftId: string, shiftDate: string): Promise<HandoverDraft> {
  const s = await callerShift(deps.db, caller, deps.clock, shiftId, shiftDate);
  return { summary: await summarise(deps.db, deps.clock, s), ...(await earliness(deps.db, deps.clock, s)) };
}

export function submitHandover(deps: BackendDeps, caller: Caller, input: { shiftId: string; shiftDate: string; requestId: string; notes: string; earlyReason: string }) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('handovers').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const s = await openCallerShift(ctx.trx, caller, deps.clock, input.shiftId, input.shiftDate);
    const early = await earliness(ctx.trx, deps.clock, s);
    if (early.needsReason && !input.earlyReason) {
      throw invalid(`离下班还有 ${early.minutesLeft} 分钟（超过 ${early.earlyLimitMinutes} 分钟），提前交班请写明原因`, 'earlyReason');
    }
    const earlyReason = early.needsReason ? input.earlyReason : '';
    const summary = await summarise(ctx.trx, deps.clock, s);
    const row = {
      id: newId(),
      shiftId: s.shift.id,
      shiftDate: s.window.shiftDate,
      fromUserId: caller.userId,
      fromName: caller.name,
      area: JSON.stringify(s.area),
      summary: JSON.stringify(summary),
      notes: input.notes,
      earlyReason,
      submittedAt: ctx.at,
      acceptedById: null,
      acceptedBy: null,
      acceptedAt: null,
      acceptNote: null,
      requestId: input.requestId,
    };
    await ctx.trx.insertInto('handovers').values(row).execute();
    await ctx.audit({
      action: 'hand_over',
      entity: 'handovers',
      entityId: row.id,
      after: { shiftDate: row.shiftDate, shiftId: s.shift.name, area: s.areaText, summary, notes: input.notes, ...(earlyReason ? { earlyHandoverReason: earlyReason, minutesLeft: early.minutesLeft } : {}) },
    });
    return { id: row.id, repeated: false };
  });
}

async function toRows(db: Executor, clock: Clock, rows: Awaited<ReturnType<typeof loadHandovers>>): Promise<HandoverRow[]> {
  const shifts = await loadShifts(db, true);
  const places = await loadAreas(db);
  const now = clock.now();
  return rows.map((h) => {
    const shift = shifts.find((s) => s.id === h.shiftId)!;
    const window = shiftWindow(shift, h.shiftDate);
    return {
      id: h.id,
      shiftId: h.shiftId,
      shiftDate: h.shiftDate,
      shiftName: shift.name,
      hoursText: hoursText(shift),
      fromName: h.fromName,
      areaText: areaText(places, parseJsonColumn(StringList, h.area, 'handovers.area')),
      // Summaries made before issue 13 lack the grouping: the schema fills the defaults.
      summary: parseJsonColumn(HandoverSummary, h.summary, 'handovers.summary'),
      notes: h.notes,
      earlyReason: h.earlyReason,
      submittedAt: h.submittedAt,
      acceptedBy: h.acceptedBy,
      acceptedAt: h.acceptedAt,
      acceptNote: h.acceptNote,
      flagged: h.acceptedAt === null && now >= window.end,
    };
  });
}

function loadHandovers(db: Executor, from: string, to: string) {
  return db.selectFrom('handovers').selectAll().where('shiftDate', '>=', from).where('shiftDate', '<=', to).orderBy('shiftDate').orderBy('submittedAt').execute();
}

export async function listHandovers(deps: BackendDeps, from: string, to: string): Promise<HandoverRow[]> {
  return toRows(deps.db, deps.clock, await loadHandovers(deps.db, from, to));
}

const HANDOVER_REACH_MS = 2 * 60 * 60 * 1000;

/** Handovers the caller's shift can accept: someone else's, unaccepted, from a shift that began earlier and ended near this one's start. */
async function acceptable(deps: BackendDeps, caller: Caller) {
  const mine = await currentCallerShift(deps.db, caller, deps.clock);
  if (!mine) return { mine: null, rows: [] as HandoverRow[] };
  const from = chinaWallClock(new Date(mine.window.start.getTime() - 2 * 24 * 3600_000)).slice(0, 10);
  const shifts = await loadShifts(deps.db, true);
  const candidates = (await loadHandovers(deps.db, from, mine.window.shiftDate)).filter((h) => {
    if (h.acceptedAt || h.fromUserId === caller.userId) return false;
    const w = shiftWindow(shifts.find((s) => s.id === h.shiftId)!, h.shiftDate);
    return w.start < mine.window.start && Math.abs(w.end.getTime() - mine.window.start.getTime()) <= HANDOVER_REACH_MS;
  });
  return { mine, rows: await toRows(deps.db, deps.clock, candidates) };
}

export async function pendingHandovers(deps: BackendDeps, caller: Caller): Promise<HandoverRow[]> {
  return (await acceptable(deps, caller)).rows;
}

export async function acceptHandover(deps: BackendDeps, caller: Caller, input: { id: string; note: string }) {
  const { mine, rows } = await acceptable(deps, caller);
  return writeAction(deps, caller, async (ctx) => {
    const handover = await ctx.trx.selectFrom('handovers').select(['id', 'acceptedBy', 'fromUserId', 'fromName']).where('id', '=', input.id).executeTakeFirst();
    if (!handover) throw notFound('交班记录');
    if (handover.acceptedBy) throw conflict(`这份交班已由${handover.acceptedBy}接班`);
    if (handover.fromUserId === caller.userId) throw conflict('不能自己接自己的班，请由下一班的人员登录后接班');
    if (!mine || !rows.some((r) => r.id === input.id)) throw new AppError('FORBIDDEN', '只有排在下一班的人员才能接这份交班；请用自己的PIN码登录后再接班');
    await ctx.trx.updateTable('handovers').set({ acceptedById: caller.userId, acceptedBy: caller.name, acceptedAt: ctx.at, acceptNote: input.note }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'accept', entity: 'handovers', entityId: input.id, after: { acceptNote: input.note, shiftId: mine.shift.name } });
    return { id: input.id };
  });
}
