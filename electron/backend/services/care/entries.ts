// Reading the care log: entries as people read them (with the task's name and who recorded), corrections shown
// beside what they correct, and the tasks due in a shift with what was recorded for each.
import type { Entry, EntryData, TaskDue } from '../../../../shared/api/care';
import type { Frequency } from '../../../../shared/domain/care-frequency';
import { describeEntry } from '../../../../shared/domain/care/describe';
import { dueSlots } from '../../../../shared/domain/care/due';
import type { ShiftWindow } from '../../../../shared/domain/care/shifts';
import type { CareEntriesTable } from '../../db/schema';
import type { Executor } from '../facility/places';

export type EntryRow = CareEntriesTable;

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
  const data = JSON.parse(row.data) as EntryData;
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
}

/** Active plan tasks (that existed before the shift ended) of some residents. */
export async function planTasks(db: Executor, residentIds: readonly string[], window: ShiftWindow): Promise<PlanTask[]> {
  if (residentIds.length === 0) return [];
  const rows = await db
    .selectFrom('carePlanTasks')
    .select(['id', 'residentId', 'task', 'frequency'])
    .where('residentId', 'in', [...residentIds])
    .where('active', '=', 1)
    .where('createdAt', '<', window.end.toISOString())
    .orderBy('createdAt')
    .execute();
  return rows.map((r) => ({ ...r, frequency: JSON.parse(r.frequency) as Frequency }));
}

/** The last day each weekly task was done before the shift (weekly tasks fall due 7 days after). */
async function weeklyLastDone(db: Executor, tasks: readonly PlanTask[], window: ShiftWindow): Promise<Map<string, string>> {
  const weekly = tasks.filter((t) => t.frequency.kind === 'weekly').map((t) => t.id);
  if (weekly.length === 0) return new Map();
  const rows = await db
    .selectFrom('careEntries')
    .select(['taskId', 'shiftDate', 'data', 'id', 'amendsId'])
    .where('taskId', 'in', weekly)
    .where('occurredAt', '<', window.start.toISOString())
    .execute();
  const superseded = supersededIds(rows);
  const last = new Map<string, string>();
  for (const r of rows) {
    if (superseded.has(r.id) || (JSON.parse(r.data) as { status: string }).status !== 'done') continue;
    if (!last.has(r.taskId!) || last.get(r.taskId!)! < r.shiftDate) last.set(r.taskId!, r.shiftDate);
  }
  return last;
}

/** Each resident's tasks due in the shift with what was recorded (the latest correction counts). */
export async function tasksDue(db: Executor, tasks: readonly PlanTask[], window: ShiftWindow, shiftRows: readonly EntryRow[]): Promise<Map<string, TaskDue[]>> {
  const lastDone = await weeklyLastDone(db, tasks, window);
  const superseded = supersededIds(shiftRows);
  const recorded = new Map<string, EntryRow>();
  for (const r of shiftRows) if (r.kind === 'task' && !superseded.has(r.id)) recorded.set(`${r.taskId}|${r.slot}`, r);
  const result = new Map<string, TaskDue[]>();
  for (const t of tasks) {
    const slots = dueSlots(t.frequency, window, lastDone.get(t.id) ?? null);
    for (const s of slots) {
      const rec = recorded.get(`${t.id}|${s.slot}`);
      const data = rec ? (JSON.parse(rec.data) as { status: 'done' | 'not_done'; reason: string | null }) : null;
      const due: TaskDue = {
        taskId: t.id,
        task: t.task,
        slot: s.slot,
        dueAt: s.dueAt ? s.dueAt.toISOString() : null,
        status: data ? data.status : 'pending',
        reason: data?.reason ?? null,
        entryId: rec?.id ?? null,
        recordedBy: rec?.recordedBy ?? null,
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
