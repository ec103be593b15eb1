// Admission (入住): a new file with its first stay, or a returning resident's new stay, in one transaction; an elder of
// the village register with the same ID number is marked as moved in (elders/residence-link.ts).
import type { z } from 'zod';
import type { AdmissionInput, AdmitInput, ReadmitInput } from '@shared/api/residents';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { linkAdmission } from '../elders/residence-link';
import { claimBed } from './beds';
import { personRow } from './person';
import { assertNotBeforeBirth, assertNotFuture } from './rules';

type Admission = z.output<typeof AdmissionInput>;

/** Dates, agreement term and the bed; clears a reservation on the bed. Writes nothing else. */
async function checkAdmission(ctx: WriteContext, birthDate: string, admission: Admission) {
  assertNotFuture(admission.date, ctx.today, '入住日期', 'admission.date');
  assertNotBeforeBirth(admission.date, birthDate, '入住日期', 'admission.date');
  if (admission.agreementEnd <= admission.date) {
    throw invalid(`协议到期日期（${admission.agreementEnd}）应晚于入住日期（${admission.date}）`, 'admission.agreementEnd');
  }
  await claimBed(ctx, admission.bedId, 'admission.bedId');
}

async function insertAdmissionEvent(ctx: WriteContext, residentId: string, admission: Admission) {
  const event = {
    id: newId(),
    residentId,
    type: 'admission' as const,
    date: admission.date,
    endDate: null,
    expectedReturn: null,
    bedId: admission.bedId,
    fromBedId: null,
    agreementNo: admission.agreementNo,
    agreementEnd: admission.agreementEnd,
    reason: null,
    note: '',
  };
  await ctx.trx.insertInto('stayEvents').values({ ...event, ...ctx.stampNew() }).execute();
  await ctx.audit({ action: 'create', entity: 'stayEvents', entityId: event.id, after: event });
}

/** Audit rows show that a photo exists, not its bytes. */
export function withoutPhotoBytes<T extends { photo?: string | null }>(row: T): T {
  return { ...row, photo: row.photo ? '(照片)' : null };
}

export function admit(deps: BackendDeps, caller: Caller, input: z.output<typeof AdmitInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const person = personRow(input.person, ctx.today);
    const existing = await ctx.trx
      .selectFrom('residents')
      .select(['name', 'status'])
      .where('idNumber', '=', person.idNumber)
      .executeTakeFirst();
    if (existing?.status === 'discharged') {
      throw conflict(`该身份证号已有档案（${existing.name}，已离院），请在其档案中办理“再次入住”`, 'person.idNumber');
    }
    if (existing) throw conflict(`该身份证号的老人（${existing.name}）已在院，不能重复入住`, 'person.idNumber');
    await checkAdmission(ctx, person.birthDate, input.admission);

    const id = newId();
    const row = { id, ...person, status: 'in_residence' as const, bedId: input.admission.bedId, admittedOn: input.admission.date, dischargedOn: null };
    await ctx.trx.insertInto('residents').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'admit', entity: 'residents', entityId: id, after: withoutPhotoBytes(row) });
    await insertAdmissionEvent(ctx, id, input.admission);
    await linkAdmission(ctx, { id, idNumber: person.idNumber }, input.admission.date);
    return { id };
  });
}

export function readmit(deps: BackendDeps, caller: Caller, input: z.output<typeof ReadmitInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('residents').selectAll().where('id', '=', input.residentId).executeTakeFirst();
    if (!before) throw notFound('老人档案');
    if (before.status !== 'discharged') throw conflict(`${before.name}目前在院，不需要再次入住`);
    if (before.dischargedOn && input.admission.date < before.dischargedOn) {
      throw invalid(`再次入住日期（${input.admission.date}）不能早于上次离院日期（${before.dischargedOn}）`, 'admission.date');
    }
    await checkAdmission(ctx, before.birthDate, input.admission);
    const change = { status: 'in_residence' as const, bedId: input.admission.bedId, admittedOn: input.admission.date, dischargedOn: null };
    await ctx.trx.updateTable('residents').set({ ...change, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'readmit', entity: 'residents', entityId: before.id, before: withoutPhotoBytes(before), after: change });
    await insertAdmissionEvent(ctx, before.id, input.admission);
    await linkAdmission(ctx, before, input.admission.date);
    return { id: before.id };
  });
}
