// Reading the care log: entries as people read them (with the task's name and who recorded), corrections shown
// beside what they correct, and the tasks due in a shift with what was recorded for each.
import { type Entry, EntryData, type TaskDue } from '@shared/api/care';
import { Frequency } from '@shared/domain/care-frequency';
import { describeEntry } from '@shared/domain/care/describe';
import { dueSlots } from '@shared/domain/care/due';
import { addDays } from '@shared/domain/dates';
import { type ShiftWindow } from '@shared/domain/care/shifts';
import { sql } from 'kysely';
import { parseJsonColumn } from '../../db/json';
import type { CareEntriesTable } from '../../db/schema';
import type { Executor } from '../../db/executor';

export type EntryRow = CareEntriesTable;

/** What one care entry recorded (care_entries.data), checked. */
export const entryData = (row: Pick<EntryRow, 'data'>): EntryData => parseJsonColumn(EntryData, row.data, 'care_entries.data');

/** Ids of entries a later entry corrects. */
export function supersededIds(rows: readonly Pick<EntryRow, 'amendsId'>[]): Set<string> {
  return new Set(rows.flatMap((r) => (r.amendsId ? [r.amendsId] : [])));
}

export async function taskNames(db: Executor, taskIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('carePlanTasks').select(['id', 'task']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.task]));
}

export function toEntry(row: EntryRow, residentName: string, tasks: Map<string, string>, correctedBy: Map<string, string>): Entry {
  const data = entryData(row);
  return {
    id: row.id,
    residentId: row.residentId,
    residentName,
    kind: row.kind,
    data,
    text: describeEntry(data, row.taskId ? tasks.get(row.taskId) : undefined),
    occurredAt: row.occurredAt,
    recordedBy: row.recordedBy,
    shiftId: row.shiftId,
    shiftDate: row.shiftDate,
    amendsId: row.amendsId,
    amendReason: row.amendReason,
    supersededBy: correctedBy.get(row.id) ?? null,
  };
}

/** Entries with names and corrections resolved, oldest first. */
export async function entriesForDisplay(db: Executor, rows: EntryRow[], residentNames: Map<string, string>): Promise<Entry[]> {
  const tasks = await taskNames(db, rows.flatMap((r) => (r.taskId ? [r.taskId] : [])));
  const correctedBy = new Map(rows.flatMap((r) => (r.amendsId ? [[r.amendsId, r.id] as const] : [])));
  return rows.map((r) => toEntry(r, residentNames.get(r.residentId) ?? '', tasks, correctedBy));
}

export interface PlanTask {
  id: string;
  residentId: string;
  task: string;
  frequency: Frequency;
  /** 查房时完成: a round records it. */
  completesOnRound: boolean;
}

/** Active plan tasks (that existed before the shift ended) of some residents. */
export async function planTasks(db: Executor, residentIds: readonly string[], window: ShiftWindow): Promise<PlanTask[]> {
  if (residentIds.length === 0) return [];
  const rows = await db
    .selectFrom('carePlanTasks')
    .select(['id', 'residentId', 'task', 'frequency', 'completesOnRound'])
    .where('residentId', 'in', [...residentIds])
    .where('active', '=', 1)
    .where('createdAt', '<', window.end.toISOString())
    .orderBy('createdAt')
    .execute();
  return rows.map((r) => ({ ...r, frequency: parseJsonColumn(Frequency, r.frequency, 'care_plan_tasks.frequency'), completesOnRound: r.completesOnRound === 1 }));
}

/** The last day each weekly task was done before the shift (weekly tasks fall due 7 days after). */
async function weeklyLastDone(db: Executor, tasks: readonly PlanTask[], window: ShiftWindow): Promise<Map<string, string>> {
  const weekly = tasks.filter((t) => t.frequency.kind === 'weekly').map((t) => t.id);
  if (weekly.length === 0) return new Map();
  const rows = await db
    .selectFrom('careEntries')
    .select(['taskId', 'shiftDate', 'data', 'id', 'amendsId'])
    .where('taskId', 'in', weekly)
    // Only the last week matters (done 7 or more days ago means due again): no need to read years of history.
    .where('shiftDate', '>=', addDays(window.shiftDate, -8))
    .where('occurredAt', '<', window.start.toISOString())
    .execute();
  const superseded = supersededIds(rows);
  const last = new Map<string, string>();
  for (const r of rows) {
    if (superseded.has(r.id)) continue;
    const data = entryData(r);
    if (data.kind !== 'task' || data.status !== 'done') continue;
    if (!last.has(r.taskId!) || last.get(r.taskId!)! < r.shiftDate) last.set(r.taskId!, r.shiftDate);
  }
  return last;
}

/** What counts of a task record: the latest version of the mark on one slot. */
export interface TaskMark {
  id: string;
  taskId: string;
  slot: string;
  status: 'done' | 'not_done';
  reason: string | null;
  recordedBy: string;
  /** Recorded by a round (1/true), not by hand. */
  fromRound: boolean | number | null;
}

/** Task marks from full entry rows (corrections resolved). */
export function taskMarks(rows: readonly EntryRow[]): TaskMark[] {
  const superseded = supersededIds(rows);
  return rows
    .filter((r) => r.kind === 'task' && !superseded.has(r.id))
    .flatMap((r) => {
      const data = entryData(r);
      if (data.kind !== 'task') return [];
      return { id: r.id, taskId: r.taskId!, slot: r.slot!, status: data.status, reason: data.reason, recordedBy: r.recordedBy, fromRound: data.fromRound ?? false };
    });
}

/** Only what the shift list needs, straight from SQL: a shift holds thousands of records at a large centre. */
export async function shiftSummary(db: Executor, shiftId: string, shiftDate: string) {
  const live = sql`e.shift_date = ${shiftDate} AND e.shift_id = ${shiftId} AND NOT EXISTS (SELECT 1 FROM care_entries c WHERE c.amends_id = e.id)`;
  const marks = await sql<TaskMark>`
    SELECT e.id, e.task_id AS taskId, e.slot, json_extract(e.data, '$.status') AS status, json_extract(e.data, '$.reason') AS reason, e.recorded_by AS recordedBy,
      json_extract(e.data, '$.fromRound') AS fromRound
    FROM care_entries e WHERE ${live} AND e.kind = 'task'`.execute(db);
  const counts = await sql<{ residentId: string; n: number }>`SELECT e.resident_id AS residentId, count(*) AS n FROM care_entries e WHERE ${live} GROUP BY e.resident_id`.execute(db);
  const rounds = await sql<{ occurredAt: string; recordedById: string }>`
    SELECT DISTINCT e.occurred_at AS occurredAt, e.recorded_by_id AS recordedById FROM care_entries e WHERE ${live} AND e.kind = 'round'`.execute(db);
  return { marks: marks.rows, recordsByResident: new Map(counts.rows.map((c) => [c.residentId, Number(c.n)])), rounds: rounds.rows };
}

/** Each resident's tasks due in the shift with what was recorded (the latest correction counts); with `now`, the
 * ones still pending after their time are marked overdue. */
export async function tasksDue(db: Executor, tasks: readonly PlanTask[], window: ShiftWindow, marks: readonly TaskMark[], now?: Date): Promise<Map<string, TaskDue[]>> {
  const lastDone = await weeklyLastDone(db, tasks, window);
  const recorded = new Map(marks.map((m) => [`${m.taskId}|${m.slot}`, m]));
  // Residents share a handful of frequencies: work out each one's slots once per shift.
  const slotsOf = new Map<string, { slot: string; dueAt: string | null }[]>();
  const result = new Map<string, TaskDue[]>();
  for (const t of tasks) {
    const done = lastDone.get(t.id) ?? null;
    const key = `${JSON.stringify(t.frequency)}|${done}`;
    if (!slotsOf.has(key)) slotsOf.set(key, dueSlots(t.frequency, window, done).map((d) => ({ slot: d.slot, dueAt: d.dueAt ? d.dueAt.toISOString() : null })));
    for (const s of slotsOf.get(key)!) {
      const rec = recorded.get(`${t.id}|${s.slot}`);
      const due: TaskDue = {
        taskId: t.id,
        task: t.task,
        slot: s.slot,
        dueAt: s.dueAt,
        status: rec ? rec.status : 'pending',
        reason: rec?.reason ?? null,
        entryId: rec?.id ?? null,
        recordedBy: rec?.recordedBy ?? null,
        overdue: !rec && now !== undefined && s.dueAt !== null && new Date(s.dueAt) < now,
        completesOnRound: t.completesOnRound,
        fromRound: Boolean(rec?.fromRound),
      };
      const list = result.get(t.residentId) ?? [];
      list.push(due);
      result.set(t.residentId, list);
    }
  }
  return result;
}

export async function shiftEntries(db: Executor, shiftId: string, shiftDate: string, residentId?: string): Promise<EntryRow[]> {
  return db
    .selectFrom('careEntries')
    .selectAll()
    .where('shiftDate', '=', shiftDate)
    .where('shiftId', '=', shiftId)
    .$if(residentId !== undefined, (q) => q.where('residentId', '=', residentId!))
    .orderBy('occurredAt')
    .orderBy('createdAt')
    .execute();
}
