// Yearly check-ups (体检): recorded with the paper report's photo or PDF, never changed — voided with a reason and
// recorded again. The coverage of the residents in residence (due when none in the last 12 months: the national
// basic public-health programme gives everyone aged 65+ one check a year) and the year's 体检汇总.
// Refused with a sentence and nothing written: a date in the future or before admission… (a check-up brought in on
// admission may be older: only a date after discharge is refused), abnormal findings without their follow-up, a
// resident not admitted or discharged before the date, voiding twice.
import type { z } from 'zod';
import type { CheckupRow, CheckupSummary, CheckupsQuery, Coverage, RecordCheckupInput } from '@shared/api/health-file';
import { AppError, conflict, invalid } from '@shared/api/errors';
import { chinaWallClock } from '@shared/domain/care/shifts';
import { addYears } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { bedLabels } from '../facility/places';
import { facilityName, residentForRecord, residentsBetween, residentsOn } from './residents-on';

export function recordCheckup(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordCheckupInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('healthCheckups').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    if (input.checkedOn > ctx.today) throw invalid(`体检日期（${input.checkedOn}）在将来，请在体检后登记`, 'checkedOn');
    const resident = await residentForRecord(db, input.residentId, input.checkedOn, '体检');
    if (input.abnormal !== '' && input.followUp === '') throw invalid('填写了异常发现，请同时填写随访处理（如复查、转诊、调整用药）', 'followUp');
    if (input.attachment === null && input.attachmentName !== '') throw invalid('附件名称已填写，但没有选择附件', 'attachment');
    const id = newId();
    const row = {
      id,
      residentId: resident.id,
      checkedOn: input.checkedOn,
      institution: input.institution,
      results: input.results,
      abnormal: input.abnormal,
      followUp: input.followUp,
      attachment: input.attachment,
      attachmentName: input.attachment === null ? '' : input.attachmentName || '体检报告',
      requestId: input.requestId,
      createdAt: ctx.at,
      createdById: caller.userId,
      createdBy: caller.name,
    };
    await db.insertInto('healthCheckups').values(row).execute();
    const { attachment, ...audited } = row;
    await ctx.audit({ action: 'create', entity: 'healthCheckups', entityId: id, after: { ...audited, resident: resident.name, hasAttachment: attachment !== null } });
    return { id };
  });
}

export function voidCheckup(deps: BackendDeps, caller: Caller, input: { id: string; reason: string }) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const row = await db
      .selectFrom('healthCheckups as c')
      .innerJoin('residents as r', 'r.id', 'c.residentId')
      .select(['c.id', 'c.checkedOn', 'c.institution', 'c.voidedAt', 'c.voidedBy', 'r.name as resident'])
      .where('c.id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', '找不到这条体检记录，请刷新后重试', 'id');
    if (row.voidedAt !== null) throw conflict(`这条体检记录已于${chinaWallClock(new Date(row.voidedAt))}由${row.voidedBy ?? ''}作废`);
    await db.updateTable('healthCheckups').set({ voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason }).where('id', '=', row.id).execute();
    await ctx.audit({
      action: 'void',
      entity: 'healthCheckups',
      entityId: row.id,
      before: { resident: row.resident, checkedOn: row.checkedOn, institution: row.institution, voidedAt: null },
      after: { voidedAt: ctx.at, voidedBy: caller.name, voidReason: input.reason },
    });
    return { id: row.id };
  });
}

/** Check-ups, newest first; `residentIds` narrows them (the health file, the card). */
export async function checkupRows(db: Executor, q: z.output<typeof CheckupsQuery>): Promise<CheckupRow[]> {
  let query = db
    .selectFrom('healthCheckups as c')
    .innerJoin('residents as r', 'r.id', 'c.residentId')
    .select([
      'c.id',
      'c.residentId',
      'r.name as resident',
      'r.bedId',
      'c.checkedOn',
      'c.institution',
      'c.results',
      'c.abnormal',
      'c.followUp',
      (eb) => eb('c.attachment', 'is not', null).as('hasAttachment'),
      'c.attachmentName',
      'c.createdAt',
      'c.createdBy',
      'c.voidedAt',
      'c.voidedBy',
      'c.voidReason',
    ])
    .orderBy('c.checkedOn', 'desc')
    .orderBy('c.createdAt', 'desc');
  if (q.residentId !== null) query = query.where('c.residentId', '=', q.residentId);
  if (q.year !== null) query = query.where('c.checkedOn', '>=', `${q.year}-01-01`).where('c.checkedOn', '<=', `${q.year}-12-31`);
  if (!q.includeVoided) query = query.where('c.voidedAt', 'is', null);
  if (q.search !== '') {
    const like = `%${q.search}%`;
    query = query.where((eb) =>
      eb.or([eb('r.name', 'like', like), eb('r.nameInitials', 'like', `${q.search.toUpperCase()}%`), eb('c.institution', 'like', like), eb('c.results', 'like', like), eb('c.abnormal', 'like', like)]),
    );
  }
  const rows = await query.execute();
  const labels = await bedLabels(db, rows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  return rows.map((r) => ({
    id: r.id,
    residentId: r.residentId,
    resident: r.resident,
    bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
    checkedOn: r.checkedOn,
    institution: r.institution,
    results: r.results,
    abnormal: r.abnormal,
    followUp: r.followUp,
    hasAttachment: Boolean(r.hasAttachment),
    attachmentName: r.attachmentName,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    voided: r.voidedAt === null ? null : { at: r.voidedAt, by: r.voidedBy ?? '', reason: r.voidReason ?? '' },
  }));
}

export async function checkupAttachment(db: Executor, id: string) {
  const row = await db.selectFrom('healthCheckups').select(['attachment', 'attachmentName']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', '找不到这条体检记录，请刷新后重试', 'id');
  return { attachment: row.attachment, name: row.attachmentName };
}

/** The last (not voided) check-up of each resident on or before the day. */
export async function lastCheckups(db: Executor, residentIds: readonly string[], on: string) {
  const last = new Map<string, { checkedOn: string; institution: string; abnormal: string }>();
  if (residentIds.length === 0) return last;
  const rows = await db
    .selectFrom('healthCheckups')
    .select(['residentId', 'checkedOn', 'institution', 'abnormal'])
    .where('residentId', 'in', [...residentIds])
    .where('voidedAt', 'is', null)
    .where('checkedOn', '<=', on)
    .orderBy('checkedOn')
    .orderBy('createdAt')
    .execute();
  for (const r of rows) last.set(r.residentId, { checkedOn: r.checkedOn, institution: r.institution, abnormal: r.abnormal });
  return last;
}

/** Due: no check-up in the 12 months before the day (a check-up on the same day a year ago still counts). */
export const checkupDue = (lastCheckedOn: string | null, on: string) => lastCheckedOn === null || lastCheckedOn < addYears(on, -1);

export async function checkupCoverage(db: Executor, on: string): Promise<z.output<typeof Coverage>> {
  const residents = await residentsOn(db, on);
  const last = await lastCheckups(
    db,
    residents.map((r) => r.id),
    on,
  );
  const rows = residents.map((r) => {
    const l = last.get(r.id) ?? null;
    return {
      residentId: r.id,
      name: r.name,
      sex: r.sex,
      age: r.age,
      bedLabel: r.bedLabel,
      lastCheckedOn: l?.checkedOn ?? null,
      lastInstitution: l?.institution ?? null,
      lastAbnormal: l !== null && l.abnormal !== '',
      due: checkupDue(l?.checkedOn ?? null, on),
    };
  });
  const due = rows.filter((r) => r.due).length;
  return { on, rows, totals: { residents: rows.length, covered: rows.length - due, due } };
}

/** The year's 体检汇总: every resident in residence during the year (up to today) and that year's check-ups. */
export async function checkupSummary(db: Executor, year: string, today: string): Promise<z.output<typeof CheckupSummary>> {
  const from = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (from > today) throw invalid(`${year}年还没有到`, 'year');
  const to = yearEnd < today ? yearEnd : today;
  const residents = await residentsBetween(db, from, to);
  const checkups = await db
    .selectFrom('healthCheckups')
    .select(['residentId', 'checkedOn', 'institution', 'results', 'abnormal', 'followUp'])
    .where('voidedAt', 'is', null)
    .where('checkedOn', '>=', from)
    .where('checkedOn', '<=', yearEnd)
    .orderBy('checkedOn')
    .execute();
  const byResident = new Map<string, typeof checkups>();
  for (const c of checkups) byResident.set(c.residentId, [...(byResident.get(c.residentId) ?? []), c]);
  const rows = residents.map((r) => ({
    residentId: r.id,
    name: r.name,
    sex: r.sex,
    age: r.age,
    bedLabel: r.bedLabel,
    checkups: (byResident.get(r.id) ?? []).map(({ residentId: _, ...c }) => c),
  }));
  const checked = rows.filter((r) => r.checkups.length > 0).length;
  const abnormal = rows.filter((r) => r.checkups.some((c) => c.abnormal !== '')).length;
  return { year, facility: await facilityName(db), rows, totals: { residents: rows.length, checked, notChecked: rows.length - checked, abnormal } };
}
