// Incidents (意外事件): reported by whoever saw them, followed up, closed by the manager. Never deleted or rewritten:
// follow-ups are appended. Each one prompts an immediate assessment and counts into the "risk events in 30 days".
import type { z } from 'zod';
import type { IncidentQuery, IncidentRow, ReportIncidentInput } from '@shared/api/incidents';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import { INCIDENT_RISK_EVENT, NO_RISK_EVENTS } from '@shared/domain/assessment/risk-events';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { DEVICE_CLOCK_SKEW_MS } from '../../clock';
import { newId } from '../../ids';
import { bedLabels } from '../facility/places';

type ReportInput = Omit<z.output<typeof ReportIncidentInput>, 'medicationError' | 'doseId'> & Partial<Pick<z.output<typeof ReportIncidentInput>, 'medicationError' | 'doseId'>>;

export async function reportIncident(deps: BackendDeps, caller: Caller, input: ReportInput) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('incidents').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const resident = await ctx.trx.selectFrom('residents').select(['id', 'name', 'admittedOn', 'status']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    const occurred = new Date(input.occurredAt);
    const now = new Date(ctx.at).getTime();
    if (occurred.getTime() > now + DEVICE_CLOCK_SKEW_MS) throw invalid('发生时间不能晚于现在', 'occurredAt');
    if (resident.admittedOn && occurred < chinaInstant(resident.admittedOn, '00:00')) throw invalid('发生时间早于老人入住日期', 'occurredAt');
    if (input.notifiedAt && new Date(input.notifiedAt).getTime() > now + DEVICE_CLOCK_SKEW_MS) throw invalid('通知家属的时间不能晚于现在', 'notifiedAt');
    if (input.notifiedAt && new Date(input.notifiedAt) < occurred) throw invalid('通知家属的时间不能早于事件发生时间', 'notifiedAt');
    if (input.doseId) {
      const dose = await ctx.trx.selectFrom('medicationDoses').select('residentId').where('id', '=', input.doseId).executeTakeFirst();
      if (!dose) throw notFound('服药记录');
      if (dose.residentId !== resident.id) throw invalid('这条服药记录不是这位老人的', 'doseId');
    }
    const row = {
      id: newId(),
      residentId: resident.id,
      type: input.type,
      occurredAt: occurred.toISOString(),
      place: input.place,
      severity: input.severity,
      description: input.description,
      actionTaken: input.actionTaken,
      familyNotified: input.familyNotified ? 1 : 0,
      notifiedWho: input.notifiedWho,
      notifiedAt: input.notifiedAt ? new Date(input.notifiedAt).toISOString() : null,
      hospitalTransfer: input.hospitalTransfer ? 1 : 0,
      hospital: input.hospital,
      medicationError: input.medicationError ?? null,
      doseId: input.doseId ?? null,
      status: 'open' as const,
      closedAt: null,
      closedBy: null,
      closingNote: null,
      reportedById: caller.userId,
      reportedBy: caller.name,
      requestId: input.requestId,
    };
    await ctx.trx.insertInto('incidents').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({
      action: 'report',
      entity: 'incidents',
      entityId: row.id,
      after: { ...row, residentId: resident.name, type: enumLabel('incidentType', row.type), medicationError: row.medicationError ? enumLabel('medicationError', row.medicationError) : null, severity: enumLabel('severity', row.severity), familyNotified: input.familyNotified, hospitalTransfer: input.hospitalTransfer },
    });
    return { id: row.id, repeated: false };
  });
}

export async function listIncidents(deps: BackendDeps, q: z.output<typeof IncidentQuery>): Promise<IncidentRow[]> {
  let query = deps.db.selectFrom('incidents').innerJoin('residents', 'residents.id', 'incidents.residentId').selectAll('incidents').select(['residents.name as residentName', 'residents.bedId']);
  if (q.from) query = query.where('incidents.occurredAt', '>=', chinaInstant(q.from, '00:00').toISOString());
  if (q.to) query = query.where('incidents.occurredAt', '<', chinaInstant(addDays(q.to, 1), '00:00').toISOString());
  if (q.residentId) query = query.where('incidents.residentId', '=', q.residentId);
  if (q.status !== 'all') query = query.where('incidents.status', '=', q.status);
  const rows = await query.orderBy('incidents.occurredAt', 'desc').limit(2000).execute();
  const labels = await bedLabels(deps.db, rows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const followUps = rows.length
    ? await deps.db.selectFrom('incidentFollowUps').selectAll().where('incidentId', 'in', rows.map((r) => r.id)).orderBy('at').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    residentId: r.residentId,
    residentName: r.residentName,
    bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
    type: r.type,
    occurredAt: r.occurredAt,
    place: r.place,
    severity: r.severity,
    description: r.description,
    actionTaken: r.actionTaken,
    familyNotified: r.familyNotified === 1,
    notifiedWho: r.notifiedWho,
    notifiedAt: r.notifiedAt,
    hospitalTransfer: r.hospitalTransfer === 1,
    hospital: r.hospital,
    medicationError: r.medicationError,
    doseId: r.doseId,
    status: r.status,
    reportedBy: r.reportedBy,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
    closingNote: r.closingNote,
    followUps: followUps.filter((f) => f.incidentId === r.id).map((f) => ({ id: f.id, at: f.at, note: f.note, by: f.by })),
  }));
}

export function followUp(deps: BackendDeps, caller: Caller, input: { id: string; note: string }) {
  return writeAction(deps, caller, async (ctx) => {
    const incident = await ctx.trx.selectFrom('incidents').select(['id', 'status']).where('id', '=', input.id).executeTakeFirst();
    if (!incident) throw notFound('意外事件');
    if (incident.status === 'closed') throw conflict('这件意外事件已结案，不能再添加跟进');
    const row = { id: newId(), incidentId: input.id, at: ctx.at, note: input.note, by: caller.name };
    await ctx.trx.insertInto('incidentFollowUps').values(row).execute();
    await ctx.audit({ action: 'follow_up', entity: 'incidents', entityId: input.id, after: { note: input.note } });
    return { id: row.id };
  });
}

export function closeIncident(deps: BackendDeps, caller: Caller, input: { id: string; note: string }) {
  return writeAction(deps, caller, async (ctx) => {
    const incident = await ctx.trx.selectFrom('incidents').select(['id', 'status']).where('id', '=', input.id).executeTakeFirst();
    if (!incident) throw notFound('意外事件');
    if (incident.status === 'closed') throw conflict('这件意外事件已经结案');
    await ctx.trx.updateTable('incidents').set({ status: 'closed', closedAt: ctx.at, closedBy: caller.name, closingNote: input.note, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
    await ctx.audit({ action: 'close', entity: 'incidents', entityId: input.id, before: { status: '处理中' }, after: { status: '已结案', closingNote: input.note } });
    return { id: input.id };
  });
}

/**
 * Incidents in the 30 days up to a date: the named care-risk events counted into the assessment's A.2.14 boxes, the
 * others (突发疾病, 压疮, 烫伤, 他伤 …) listed for the assessor, never counted by themselves.
 */
export async function riskEventCounts(deps: BackendDeps, residentId: string, onDate: string) {
  const counts = { ...NO_RISK_EVENTS };
  const others: { id: string; occurredAt: string; type: IncidentRow['type']; description: string }[] = [];
  const rows = await deps.db
    .selectFrom('incidents')
    .select(['id', 'type', 'occurredAt', 'description'])
    .where('residentId', '=', residentId)
    // 近30天: the assessment day and the 29 days before it, China time.
    .where('occurredAt', '>=', chinaInstant(addDays(onDate, -29), '00:00').toISOString())
    .where('occurredAt', '<', chinaInstant(addDays(onDate, 1), '00:00').toISOString())
    .orderBy('occurredAt')
    .execute();
  for (const r of rows) {
    const kind = INCIDENT_RISK_EVENT[r.type];
    if (kind) counts[kind] += 1;
    else others.push(r);
  }
  return { counts, others };
}
