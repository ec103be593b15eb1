// Doctors' visits to the centre (医生巡诊): the day, the doctor and where from, and each resident seen with the findings
// and the advice. A visit is never changed (the table refuses it): a wrong one is voided with a reason and recorded
// again. The orders a doctor's advice started (written by the medication part with doctor_visit_id) are shown on the
// visit. Refused with a sentence and nothing written: a visit in the future, a resident who was not the centre's that
// day or was away all that day (on leave or in hospital), a resident seen with neither findings nor advice, voiding twice, voiding a visit whose orders are still running.
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { DoctorVisitRow, DoctorVisitsQuery, RecordDoctorVisitInput, VoidInput } from '@shared/api/health-clinical';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { lastDayOfMonth } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';
import { assertPresentOn, matches, notFuture, residentBriefs, residentOnDay } from './clinical-common';

export function recordDoctorVisit(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordDoctorVisitInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('doctorVisits').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    notFuture(input.visitedOn, ctx.today, '巡诊日期', 'visitedOn');
    const names: string[] = [];
    for (const seen of input.residents) {
      const resident = await residentOnDay(db, seen.residentId, input.visitedOn, '这次巡诊', 'residents');
      await assertPresentOn(db, resident, input.visitedOn, '这次巡诊', 'residents');
      if (seen.findings === '' && seen.advice === '') throw invalid(`请填写${resident.name}的检查所见或医嘱建议`, 'residents');
      names.push(resident.name);
    }
    const id = newId();
    await db
      .insertInto('doctorVisits')
      .values({
        id,
        visitedOn: input.visitedOn,
        doctor: input.doctor,
        institution: input.institution,
        note: input.note,
        requestId: input.requestId,
        createdAt: ctx.at,
        createdById: caller.userId,
        createdBy: caller.name,
      })
      .execute();
    await db.insertInto('doctorVisitResidents').values(input.residents.map((r) => ({ visitId: id, residentId: r.residentId, findings: r.findings, advice: r.advice }))).execute();
    await ctx.audit({
      action: 'record',
      entity: 'doctorVisits',
      entityId: id,
      after: { visitedOn: input.visitedOn, doctor: input.doctor, institution: input.institution, note: input.note, residents: input.residents.map((r, i) => ({ name: names[i], findings: r.findings, advice: r.advice })) },
    });
    return { id };
  });
}

export function voidDoctorVisit(deps: BackendDeps, caller: Caller, input: z.output<typeof VoidInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const visit = await db.selectFrom('doctorVisits').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!visit) throw notFound('巡诊记录');
    if (visit.voidedAt !== null) throw conflict(`这次巡诊已由${visit.voidedBy ?? ''}作废（${visit.voidReason ?? ''}）`);
    const running = await db
      .selectFrom('medicationOrders as o')
      .innerJoin('drugs as d', 'd.id', 'o.drugId')
      .innerJoin('residents as r', 'r.id', 'o.residentId')
      .select(['r.name', 'd.name as drug'])
      .where('o.doctorVisitId', '=', visit.id)
      .where('o.stoppedAt', 'is', null)
      .where((eb) => eb.or([eb('o.endsOn', 'is', null), eb('o.endsOn', '>=', ctx.today)]))
      .execute();
    if (running.length > 0) {
      throw conflict(`这次巡诊开出的医嘱仍在执行（${running.map((o) => `${o.name}：${o.drug}`).join('、')}），请先在服药管理中停止这些医嘱，再作废巡诊记录`);
    }
    await db.updateTable('doctorVisits').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', visit.id).execute();
    await ctx.audit({
      action: 'void',
      entity: 'doctorVisits',
      entityId: visit.id,
      before: { visitedOn: visit.visitedOn, doctor: visit.doctor, voidedAt: null },
      after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
    });
    return { id: visit.id };
  });
}

/** The visits of a month (newest first) with the residents seen and the orders each visit started. */
export async function doctorVisits(db: Executor, q: z.output<typeof DoctorVisitsQuery>): Promise<DoctorVisitRow[]> {
  let query = db.selectFrom('doctorVisits').selectAll().where('visitedOn', '>=', `${q.month}-01`).where('visitedOn', '<=', lastDayOfMonth(q.month));
  if (!q.includeVoided) query = query.where('voidedAt', 'is', null);
  if (q.residentId !== null) query = query.where('id', 'in', (eb) => eb.selectFrom('doctorVisitResidents').select('visitId').where('residentId', '=', q.residentId));
  const visits = await query.orderBy('visitedOn', 'desc').orderBy('createdAt', 'desc').execute();
  return visitRows(db, visits, q.search);
}

/** A resident's visits (newest first), for the health file. */
export async function residentDoctorVisits(db: Executor, residentId: string): Promise<DoctorVisitRow[]> {
  const visits = await db
    .selectFrom('doctorVisits')
    .selectAll()
    .where('voidedAt', 'is', null)
    .where('id', 'in', (eb) => eb.selectFrom('doctorVisitResidents').select('visitId').where('residentId', '=', residentId))
    .orderBy('visitedOn', 'desc')
    .execute();
  return (await visitRows(db, visits, '')).map((v) => ({ ...v, residents: v.residents.filter((r) => r.residentId === residentId) }));
}

type VisitTableRow = Selectable<DB['doctorVisits']>;

async function visitRows(db: Executor, visits: VisitTableRow[], search: string): Promise<DoctorVisitRow[]> {
  if (visits.length === 0) return [];
  const ids = visits.map((v) => v.id);
  const seen = await db.selectFrom('doctorVisitResidents').selectAll().where('visitId', 'in', ids).execute();
  const orders = await db
    .selectFrom('medicationOrders as o')
    .innerJoin('drugs as d', 'd.id', 'o.drugId')
    .select(['o.id', 'o.residentId', 'o.doctorVisitId', 'd.name', 'd.strength', 'o.startsOn', 'o.stoppedOn'])
    .where('o.doctorVisitId', 'in', ids)
    .orderBy('o.createdAt')
    .execute();
  const briefs = await residentBriefs(db, seen.map((s) => s.residentId));
  const rows = visits.map((v): DoctorVisitRow => ({
    id: v.id,
    visitedOn: v.visitedOn,
    doctor: v.doctor,
    institution: v.institution,
    note: v.note,
    residents: seen
      .filter((s) => s.visitId === v.id)
      .map((s) => {
        const b = briefs.get(s.residentId);
        return {
          residentId: s.residentId,
          name: b?.name ?? '',
          bedLabel: b?.bedLabel ?? null,
          findings: s.findings,
          advice: s.advice,
          orders: orders
            .filter((o) => o.doctorVisitId === v.id && o.residentId === s.residentId)
            .map((o) => ({ id: o.id, residentId: o.residentId, drug: o.strength ? `${o.name} ${o.strength}` : o.name, startsOn: o.startsOn, stoppedOn: o.stoppedOn })),
        };
      })
      .sort((a, b) => (a.bedLabel ?? '').localeCompare(b.bedLabel ?? '') || a.name.localeCompare(b.name, 'zh-Hans-CN')),
    recordedBy: v.createdBy,
    recordedAt: v.createdAt,
    voided: v.voidedAt === null ? null : { at: v.voidedAt, by: v.voidedBy ?? '', reason: v.voidReason ?? '' },
  }));
  if (search.trim() === '') return rows;
  return rows.filter((v) =>
    matches(
      search,
      [v.doctor, v.institution, v.note, ...v.residents.flatMap((r) => [r.name, r.findings, r.advice])],
      v.residents.map((r) => briefs.get(r.residentId)?.initials ?? ''),
    ),
  );
}
