// 服药管理协议 (GB/T 35796-2017 5.6.2.5): signed with the resident or the family before the centre manages the
// resident's medicines; one open per resident; ended with a reason, never deleted. The stock part refuses a receipt for
// a resident without one when the settings ask for it (openAgreement).
import type { z } from 'zod';
import type { AgreementInput, AgreementQuery, AgreementRow, EndAgreementInput, ResidentBrief } from '@shared/api/medication-orders';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { bedLabels } from '../facility/places';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

/** The resident's open 服药管理协议, or undefined. */
export async function openAgreement(db: Executor, residentId: string) {
  return db.selectFrom('medicationAgreements').select(['id', 'signedOn', 'signedBy']).where('residentId', '=', residentId).where('endedOn', 'is', null).executeTakeFirst();
}

export async function listAgreements(db: Executor, q: z.output<typeof AgreementQuery>): Promise<{ rows: AgreementRow[]; missing: ResidentBrief[] }> {
  const rows = await db
    .selectFrom('medicationAgreements as a')
    .innerJoin('residents as r', 'r.id', 'a.residentId')
    .select(['a.id', 'a.residentId', 'r.name as residentName', 'r.bedId', 'a.signedOn', 'a.signedBy', 'a.relation', 'a.note', 'a.endedOn', 'a.endReason', 'a.createdBy'])
    .select((eb) => eb('a.photo', 'is not', null).as('hasPhoto'))
    .$if(q.residentId !== null, (qb) => qb.where('a.residentId', '=', q.residentId!))
    .$if(!q.includeEnded, (qb) => qb.where('a.endedOn', 'is', null))
    .execute();
  const open = new Set(rows.filter((r) => r.endedOn === null).map((r) => r.residentId));
  const residents = await db
    .selectFrom('residents')
    .select(['id', 'name', 'bedId', 'status'])
    .where('status', '<>', 'discharged')
    .where('archivedAt', 'is', null)
    .$if(q.residentId !== null, (qb) => qb.where('id', '=', q.residentId!))
    .execute();
  const withOpen = q.includeEnded
    ? open
    : new Set((await db.selectFrom('medicationAgreements').select('residentId').where('endedOn', 'is', null).execute()).map((r) => r.residentId));
  for (const id of open) withOpen.add(id);
  const labels = await bedLabels(db, [...rows, ...residents].flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const label = (bedId: string | null) => (bedId ? (labels.get(bedId) ?? null) : null);
  return {
    rows: rows
      .sort((a, b) => (a.endedOn ? 1 : 0) - (b.endedOn ? 1 : 0) || collator.compare(a.residentName, b.residentName) || b.signedOn.localeCompare(a.signedOn))
      .map((r) => ({
        id: r.id,
        residentId: r.residentId,
        residentName: r.residentName,
        bedLabel: label(r.bedId),
        signedOn: r.signedOn,
        signedBy: r.signedBy,
        relation: r.relation,
        note: r.note,
        hasPhoto: Boolean(r.hasPhoto),
        endedOn: r.endedOn,
        endReason: r.endReason,
        by: r.createdBy,
      })),
    missing: residents
      .filter((r) => !withOpen.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, bedLabel: label(r.bedId), status: r.status }))
      .sort((a, b) => (a.bedLabel ?? '\uffff').localeCompare(b.bedLabel ?? '\uffff') || collator.compare(a.name, b.name)),
  };
}

export async function agreementPhoto(db: Executor, id: string) {
  const row = await db.selectFrom('medicationAgreements').select('photo').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('服药管理协议');
  return { photo: row.photo };
}

export function startAgreement(deps: BackendDeps, caller: Caller, input: z.output<typeof AgreementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select(['id', 'name', 'status', 'admittedOn']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    if (resident.status === 'discharged') throw conflict(`${resident.name}已离院，不能再签订服药管理协议`, 'residentId');
    if (input.signedOn > ctx.today) throw invalid('签订日期不能晚于今天', 'signedOn');
    const open = await openAgreement(ctx.trx, resident.id);
    if (open) throw conflict(`${resident.name}已有 ${open.signedOn} 签订的服药管理协议；如需重签，请先终止原协议`, 'residentId');
    const row = {
      id: newId(),
      residentId: resident.id,
      signedOn: input.signedOn,
      signedBy: input.signedBy,
      relation: input.relation,
      note: input.note,
      photo: input.photo,
      endedOn: null,
      endReason: null,
    };
    await ctx.trx.insertInto('medicationAgreements').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'medicationAgreements', entityId: row.id, after: { ...row, residentId: resident.name, photo: row.photo ? '（有照片）' : null } });
    return { id: row.id };
  });
}

export function endAgreement(deps: BackendDeps, caller: Caller, input: z.output<typeof EndAgreementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('medicationAgreements').select(['id', 'signedOn', 'endedOn', 'endReason']).where('id', '=', input.id).executeTakeFirst();
    if (!before) throw notFound('服药管理协议');
    if (before.endedOn) throw conflict(`该协议已于 ${before.endedOn} 终止`, 'endedOn');
    if (input.endedOn < before.signedOn) throw invalid(`终止日期不能早于签订日期 ${before.signedOn}`, 'endedOn');
    if (input.endedOn > ctx.today) throw invalid('终止日期不能晚于今天', 'endedOn');
    const after = { endedOn: input.endedOn, endReason: input.reason };
    await ctx.trx.updateTable('medicationAgreements').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'update', entity: 'medicationAgreements', entityId: before.id, before: { endedOn: null, endReason: null }, after });
    return { id: before.id };
  });
}
