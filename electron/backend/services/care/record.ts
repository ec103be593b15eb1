// Writing the care log: one record, a correction (a new entry pointing at the old one, with a reason), and a night
// round over everyone in the area. Every write carries the person signed in; the same form sent twice writes once.
import type { z } from 'zod';
import type { AmendInput, EntryData, RecordInput, RoundInput } from '@shared/api/care';
import { AppError, conflict, invalid, notFound } from '@shared/api/errors';
import { describeEntry } from '@shared/domain/care/describe';
import { unusualVitals } from '@shared/domain/care/vitals';
import { enumLabel } from '@shared/domain/enum-labels';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { DEVICE_CLOCK_SKEW_MS } from '../../clock';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { type CallerShift, openCallerShift, residentsInArea } from './context';
import { planTasks, shiftEntries, taskMarks, tasksDue } from './entries';


function assertVitalsConfirmed(data: EntryData): void {
  if (data.kind !== 'vitals' || data.confirmedUnusual) return;
  const unusual = unusualVitals(data);
  if (unusual.length > 0) throw invalid(`${unusual.join('；')}。请再量一次核对；确认无误请勾选“数值无误”后再保存`, 'confirmedUnusual');
}

async function existingByRequest(db: Executor, requestId: string) {
  return db.selectFrom('careEntries').select(['id']).where('requestId', '=', requestId).executeTakeFirst();
}

async function loadPresentResident(db: Executor, residentId: string) {
  const resident = await db.selectFrom('residents').select(['id', 'name', 'status']).where('id', '=', residentId).executeTakeFirst();
  if (!resident) throw notFound('老人档案');
  if (resident.status !== 'in_residence') throw conflict(`${resident.name}目前${enumLabel('residentStatus', resident.status)}，不在院，不能记录护理`);
  return resident;
}

function occurredAtIn(shift: CallerShift, requested: string | undefined, ctx: WriteContext): string {
  const at = requested ? new Date(requested) : new Date(ctx.at);
  if (at.getTime() > new Date(ctx.at).getTime() + DEVICE_CLOCK_SKEW_MS) throw invalid('记录时间不能晚于现在', 'occurredAt');
  if (at < shift.window.start || at >= shift.window.end) throw invalid(`记录时间不在本班（${shift.shift.name}）时间内`, 'occurredAt');
  return at.toISOString();
}

interface NewEntry {
  residentId: string;
  residentName: string;
  data: EntryData;
  shiftId: string;
  shiftDate: string;
  occurredAt: string;
  requestId: string;
  taskName?: string;
  amendsId?: string;
  amendReason?: string;
  /** The round that recorded this task (its request id), for the audit trail. */
  roundRequestId?: string;
}

/** Only a round marks a task "from the round": a form's claim to it is dropped. */
function byHand<T extends EntryData>(data: T): T {
  if (data.kind !== 'task' || data.fromRound === undefined) return data;
  const { fromRound: _dropped, ...rest } = data;
  return rest as T;
}

async function insertEntry(ctx: WriteContext, e: NewEntry): Promise<string> {
  const id = newId();
  const taskId = e.data.kind === 'task' ? e.data.taskId : null;
  const slot = e.data.kind === 'task' ? e.data.slot : null;
  await ctx.trx
    .insertInto('careEntries')
    .values({
      id,
      residentId: e.residentId,
      kind: e.data.kind,
      taskId,
      slot,
      data: JSON.stringify(e.data),
      shiftId: e.shiftId,
      shiftDate: e.shiftDate,
      occurredAt: e.occurredAt,
      recordedById: ctx.caller.userId,
      recordedBy: ctx.caller.name,
      amendsId: e.amendsId ?? null,
      amendReason: e.amendReason ?? null,
      requestId: e.requestId,
      createdAt: ctx.at,
    })
    .execute();
  await ctx.audit({
    action: e.amendsId ? 'amend' : 'record',
    entity: 'careEntries',
    entityId: id,
    after: {
      residentId: e.residentName,
      kind: enumLabel('entryKind', e.data.kind),
      text: describeEntry(e.data, e.taskName),
      occurredAt: e.occurredAt,
      ...(e.roundRequestId ? { source: '查房时完成', round: e.roundRequestId } : {}),
      ...(e.amendsId ? { amendsId: e.amendsId, amendReason: e.amendReason } : {}),
    },
  });
  return id;
}

/** The task must be the resident's and due in this shift; returns its name and any record already made for the slot. */
async function checkTaskSlot(ctx: WriteContext, shift: CallerShift, residentId: string, data: Extract<EntryData, { kind: 'task' }>) {
  const tasks = (await planTasks(ctx.trx, [residentId], shift.window)).filter((t) => t.id === data.taskId);
  if (tasks.length === 0) throw notFound('护理任务（可能已停用）');
  const rows = await shiftEntries(ctx.trx, shift.shift.id, shift.window.shiftDate, residentId);
  const due = (await tasksDue(ctx.trx, tasks, shift.window, taskMarks(rows))).get(residentId) ?? [];
  const slot = due.find((d) => d.slot === data.slot);
  if (!slot) throw invalid(`「${tasks[0].task}」本班这个时间不需要做`, 'slot');
  return { name: tasks[0].task, slot };
}

export async function recordEntry(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await existingByRequest(ctx.trx, input.requestId);
    if (repeated) return { id: repeated.id, repeated: true };
    const shift = await openCallerShift(ctx.trx, caller, deps.clock, input.shiftId, input.shiftDate);
    const resident = await loadPresentResident(ctx.trx, input.residentId);
    const occurredAt = occurredAtIn(shift, input.occurredAt, ctx);
    assertVitalsConfirmed(input.data);
    const base = { residentId: resident.id, residentName: resident.name, data: byHand(input.data), shiftId: shift.shift.id, shiftDate: shift.window.shiftDate, occurredAt, requestId: input.requestId };
    if (input.data.kind === 'task') {
      const { name, slot } = await checkTaskSlot(ctx, shift, resident.id, input.data);
      if (slot.entryId) {
        // Re-marking a task in one's own open shift is a correction; someone else's mark is corrected explicitly.
        const previous = await ctx.trx.selectFrom('careEntries').select(['recordedById']).where('id', '=', slot.entryId).executeTakeFirstOrThrow();
        if (previous.recordedById !== caller.userId) throw conflict(`这项任务已由${slot.recordedBy}记录；如需更正请点“更正”并写明原因`);
        return { id: await insertEntry(ctx, { ...base, taskName: name, amendsId: slot.entryId, amendReason: '本班内更正' }), repeated: false };
      }
      return { id: await insertEntry(ctx, { ...base, taskName: name }), repeated: false };
    }
    if (input.data.kind === 'round') throw invalid('查房请用“开始查房”一次记录全部老人', 'data');
    return { id: await insertEntry(ctx, base), repeated: false };
  });
}

const CORRECTORS = new Set(['admin', 'care_lead']);

export async function amendEntry(deps: BackendDeps, caller: Caller, input: z.output<typeof AmendInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await existingByRequest(ctx.trx, input.requestId);
    if (repeated) return { id: repeated.id, repeated: true };
    const original = await ctx.trx.selectFrom('careEntries').selectAll().where('id', '=', input.entryId).executeTakeFirst();
    if (!original) throw notFound('护理记录');
    const later = await ctx.trx.selectFrom('careEntries').select('id').where('amendsId', '=', original.id).executeTakeFirst();
    if (later) throw conflict('这条记录已经更正过，请更正最新的那一条');
    if (original.kind !== input.data.kind) throw invalid('更正时不能改变记录的类别', 'data');
    if (original.recordedById !== caller.userId && !CORRECTORS.has(caller.role)) {
      throw new AppError('FORBIDDEN', `只能更正自己的记录；${original.recordedBy}的记录请找护理组长或院长更正`);
    }
    if (input.data.kind === 'task' && (input.data.taskId !== original.taskId || input.data.slot !== original.slot)) {
      throw invalid('更正任务记录时不能换成别的任务或时间', 'data');
    }
    assertVitalsConfirmed(input.data);
    const resident = await ctx.trx.selectFrom('residents').select(['name']).where('id', '=', original.residentId).executeTakeFirstOrThrow();
    const taskName = original.taskId ? (await ctx.trx.selectFrom('carePlanTasks').select('task').where('id', '=', original.taskId).executeTakeFirst())?.task : undefined;
    const id = await insertEntry(ctx, {
      residentId: original.residentId,
      residentName: resident.name,
      data: byHand(input.data),
      shiftId: original.shiftId,
      shiftDate: original.shiftDate,
      occurredAt: original.occurredAt,
      requestId: input.requestId,
      taskName,
      amendsId: original.id,
      amendReason: input.reason,
    });
    return { id, repeated: false };
  });
}

/** A task recorded by a round carries the round's request id and its own task (one request, one row per resident). */
/** A round task whose slot falls due within the next minute counts as due now. */
const ROUND_TASK_DUE_SOON_MS = 60_000;

const roundTaskRequestId = (roundRequestId: string, taskId: string) => `${roundRequestId}:${taskId}`;

/** The round-type tasks (查房时完成) a round completes: per task, the latest slot already due and still open. */
async function roundTasks(ctx: WriteContext, shift: CallerShift, residentIds: string[], at: Date) {
  const tasks = (await planTasks(ctx.trx, residentIds, shift.window)).filter((t) => t.completesOnRound);
  if (tasks.length === 0) return [];
  const marks = taskMarks(await shiftEntries(ctx.trx, shift.shift.id, shift.window.shiftDate));
  const due = await tasksDue(ctx.trx, tasks, shift.window, marks);
  const names = new Map(tasks.map((t) => [t.id, t.task]));
  const chosen = new Map<string, { residentId: string; taskId: string; slot: string; task: string }>();
  for (const [residentId, list] of due) {
    for (const d of list) {
      const open = d.status === 'pending' && (d.dueAt === null || new Date(d.dueAt).getTime() <= at.getTime() + ROUND_TASK_DUE_SOON_MS);
      // A later due slot replaces an earlier one: one round stands for one visit, not for the ones missed before.
      if (open) chosen.set(d.taskId, { residentId, taskId: d.taskId, slot: d.slot, task: names.get(d.taskId) ?? d.task });
    }
  }
  return [...chosen.values()];
}

/** One round: everyone present in the caller's area is checked; the exceptions say who was not simply asleep. The
 * round also records the round-type tasks of everyone it covers, so nobody taps them one by one afterwards. */
export async function recordRound(deps: BackendDeps, caller: Caller, input: z.output<typeof RoundInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('careEntries').select('id').where('requestId', '=', input.requestId).execute();
    if (repeated.length > 0) {
      const tasks = await ctx.trx
        .selectFrom('careEntries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('requestId', '>', roundTaskRequestId(input.requestId, ''))
        .where('requestId', '<', `${input.requestId};`)
        .executeTakeFirstOrThrow();
      return { checked: repeated.length, tasksCompleted: Number(tasks.n), repeated: true };
    }
    const shift = await openCallerShift(ctx.trx, caller, deps.clock, input.shiftId, input.shiftDate);
    const present = (await residentsInArea(ctx.trx, shift.places, shift.area)).filter((r) => r.present);
    if (present.length === 0) throw conflict('您负责的区域里没有在院的老人，不需要查房');
    for (const e of input.exceptions) {
      if (!present.some((p) => p.id === e.residentId)) throw invalid('查房记录里有不在您负责区域（或不在院）的老人', 'exceptions');
    }
    const occurredAt = occurredAtIn(shift, undefined, ctx);
    // Round tasks (检查床栏…) are ticked only for those found in bed: someone out of bed or unwell was not checked
    // that way, and the caregiver deals with them separately.
    const stateOf = (residentId: string) => input.exceptions.find((e) => e.residentId === residentId)?.state ?? 'asleep';
    const inBed = present.filter((r) => stateOf(r.id) === 'asleep' || stateOf(r.id) === 'awake');
    const completed = await roundTasks(ctx, shift, inBed.map((r) => r.id), new Date(occurredAt));
    for (const r of present) {
      const exception = input.exceptions.find((e) => e.residentId === r.id);
      const data: EntryData = { kind: 'round', state: exception?.state ?? 'asleep', note: exception?.note ?? '' };
      await ctx.trx
        .insertInto('careEntries')
        .values({
          id: newId(),
          residentId: r.id,
          kind: 'round',
          taskId: null,
          slot: null,
          data: JSON.stringify(data),
          shiftId: shift.shift.id,
          shiftDate: shift.window.shiftDate,
          occurredAt,
          recordedById: caller.userId,
          recordedBy: caller.name,
          amendsId: null,
          amendReason: null,
          requestId: input.requestId,
          createdAt: ctx.at,
        })
        .execute();
    }
    const names = new Map(present.map((r) => [r.id, r.name]));
    for (const c of completed) {
      await insertEntry(ctx, {
        residentId: c.residentId,
        residentName: names.get(c.residentId) ?? '',
        data: { kind: 'task', taskId: c.taskId, slot: c.slot, status: 'done', reason: null, fromRound: true },
        shiftId: shift.shift.id,
        shiftDate: shift.window.shiftDate,
        occurredAt,
        requestId: roundTaskRequestId(input.requestId, c.taskId),
        taskName: c.task,
        roundRequestId: input.requestId,
      });
    }
    await ctx.audit({
      action: 'round',
      entity: 'careEntries',
      entityId: input.requestId,
      after: { shiftDate: shift.window.shiftDate, shiftId: shift.shift.name, checked: present.length, exceptions: input.exceptions.length, tasksCompleted: completed.length },
    });
    return { checked: present.length, tasksCompleted: completed.length, repeated: false };
  });
}
