// Drills (including night-time and bedridden evacuation) and fire-safety training with attendees; staff without
// fire training in the configured months are listed.
import { addMonths } from '@shared/domain/dates';
import type { z } from 'zod';
import type { DrillInput, TrainingInput } from '@shared/api/fire';
import { invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { readFireSettings } from './settings';

export async function listDrills(deps: BackendDeps) {
  const rows = await deps.db.selectFrom('fireDrills').selectAll().orderBy('date', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    scenario: r.scenario,
    atNight: r.atNight === 1,
    bedridden: r.bedridden === 1,
    participants: r.participants,
    participantNames: r.participantNames,
    evacuationSeconds: r.evacuationSeconds,
    evaluation: r.evaluation,
    improvements: r.improvements,
    recordedBy: r.createdBy,
  }));
}

export function saveDrill(deps: BackendDeps, caller: Caller, input: z.output<typeof DrillInput>) {
  return writeAction(deps, caller, async (ctx) => {
    if (input.date > ctx.today) throw invalid(`演练日期（${input.date}）在将来：演练做完再登记`, 'date');
    const row = { id: newId(), ...input, atNight: input.atNight ? 1 : 0, bedridden: input.bedridden ? 1 : 0, ...ctx.stampNew() };
    await ctx.trx.insertInto('fireDrills').values(row).execute();
    await ctx.audit({ action: 'create', entity: 'fireDrills', entityId: row.id, after: input });
    return { id: row.id };
  });
}

/** Current staff whose last fire-safety training is older than the interval (or who never had one). */
export async function untrainedStaff(db: Executor, today: string, everyMonths: number) {
  const since = addMonths(today, -everyMonths);
  const staff = await db.selectFrom('staff').select(['id', 'name', 'role']).where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', today)])).orderBy('name').execute();
  const last = await db
    .selectFrom('fireTrainingAttendees')
    .innerJoin('fireTrainings', 'fireTrainings.id', 'fireTrainingAttendees.trainingId')
    .select(['fireTrainingAttendees.staffId', (eb) => eb.fn.max('fireTrainings.date').as('last')])
    .groupBy('fireTrainingAttendees.staffId')
    .execute();
  const lastOf = new Map(last.map((l) => [l.staffId, l.last]));
  return staff
    .filter((s) => (lastOf.get(s.id) ?? '') < since)
    .map((s) => ({ staffId: s.id, name: s.name, role: s.role, lastTrained: lastOf.get(s.id) ?? null }));
}

export async function listTrainings(deps: BackendDeps) {
  const sessions = await deps.db.selectFrom('fireTrainings').selectAll().orderBy('date', 'desc').execute();
  const attendees = await deps.db.selectFrom('fireTrainingAttendees').innerJoin('staff', 'staff.id', 'fireTrainingAttendees.staffId').select(['fireTrainingAttendees.trainingId', 'staff.name']).execute();
  const { trainingEveryMonths } = await readFireSettings(deps.db);
  return {
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, topic: s.topic, hours: s.hours, trainer: s.trainer, attendees: attendees.filter((a) => a.trainingId === s.id).map((a) => a.name) })),
    untrained: await untrainedStaff(deps.db, todayIn(deps.clock), trainingEveryMonths),
    // Whom a new session can list as attendees (the safety officer may not read the staff register itself).
    staff: await deps.db.selectFrom('staff').select(['id', 'name']).where((eb) => eb.or([eb('leftOn', 'is', null), eb('leftOn', '>', todayIn(deps.clock))])).orderBy('name').execute(),
  };
}

export function saveTraining(deps: BackendDeps, caller: Caller, input: z.output<typeof TrainingInput>) {
  return writeAction(deps, caller, async (ctx) => {
    if (input.date > ctx.today) throw invalid('培训日期不能晚于今天', 'date');
    const ids = [...new Set(input.staffIds)];
    const found = await ctx.trx.selectFrom('staff').select('id').where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw notFound('员工');
    const id = newId();
    await ctx.trx.insertInto('fireTrainings').values({ id, date: input.date, topic: input.topic, hours: input.hours, trainer: input.trainer, ...ctx.stampNew() }).execute();
    for (const staffId of ids) await ctx.trx.insertInto('fireTrainingAttendees').values({ trainingId: id, staffId }).execute();
    await ctx.audit({ action: 'create', entity: 'fireTrainings', entityId: id, after: { ...input, staffIds: ids } });
    return { id };
  });
}
