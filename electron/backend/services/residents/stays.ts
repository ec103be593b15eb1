// Bed transfer (调床), leave and hospital stays (请假外出/住院) with return (销假), and discharge (离院).
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { DischargeInput, EndLeaveInput, StartLeaveInput, TransferInput } from '@shared/api/residents';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { ResidentsTable } from '../../db/schema';
import { newId } from '../../ids';
import { withoutPhotoBytes } from './admission';
import { claimBed } from './beds';
import { assertAfterHistory, assertNotBeforeBirth, assertNotFuture } from './rules';
import { linkDischarge } from '../elders/residence-link';
import { stopOrdersAtDischarge } from '../medication/discharge';

type Resident = Selectable<ResidentsTable>;

const STATUS_WORDS: Record<Resident['status'], string> = {
  in_residence: '在院',
  on_leave: '请假外出中',
  in_hospital: '住院中',
  discharged: '已离院',
};

async function loadResident(ctx: WriteContext, id: string): Promise<Resident> {
  const row = await ctx.trx.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('老人档案');
  return row;
}

async function checkEventDate(ctx: WriteContext, resident: Resident, date: string, label: string, field: string) {
  assertNotFuture(date, ctx.today, label, field);
  assertNotBeforeBirth(date, resident.birthDate, label, field);
  await assertAfterHistory(ctx.trx, resident.id, date, label, field);
}

async function insertEvent(
  ctx: WriteContext,
  event: { residentId: string; type: 'transfer' | 'leave' | 'hospital' | 'discharge'; date: string } & Partial<{
    expectedReturn: string | null;
    bedId: string | null;
    fromBedId: string | null;
    reason: string | null;
    note: string;
  }>,
) {
  const row = {
    id: newId(),
    endDate: null,
    expectedReturn: null,
    bedId: null,
    fromBedId: null,
    agreementNo: null,
    agreementEnd: null,
    reason: null,
    note: '',
    ...event,
  };
  await ctx.trx.insertInto('stayEvents').values({ ...row, ...ctx.stampNew() }).execute();
  await ctx.audit({ action: 'create', entity: 'stayEvents', entityId: row.id, after: row });
}

async function updateResident(
  ctx: WriteContext,
  before: Resident,
  action: 'transfer' | 'leave' | 'return' | 'discharge',
  change: Partial<Pick<Resident, 'status' | 'bedId' | 'dischargedOn'>>,
) {
  await ctx.trx.updateTable('residents').set({ ...change, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
  await ctx.audit({ action, entity: 'residents', entityId: before.id, before: withoutPhotoBytes(before), after: change });
}

/** The open leave or hospital event of a resident who is away. */
async function openAbsence(ctx: WriteContext, residentId: string) {
  return ctx.trx
    .selectFrom('stayEvents')
    .selectAll()
    .where('residentId', '=', residentId)
    .where('type', 'in', ['leave', 'hospital'])
    .where('endDate', 'is', null)
    .orderBy('date', 'desc')
    .executeTakeFirst();
}

export function transfer(deps: BackendDeps, caller: Caller, input: z.output<typeof TransferInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await loadResident(ctx, input.residentId);
    if (resident.status === 'discharged') throw conflict(`${resident.name}已离院，不能调床`);
    if (resident.bedId === input.toBedId) throw invalid('新床位与当前床位相同，请选择另一张床', 'toBedId');
    await checkEventDate(ctx, resident, input.date, '调床日期', 'date');
    await claimBed(ctx, input.toBedId, 'toBedId');
    await insertEvent(ctx, {
      residentId: resident.id,
      type: 'transfer',
      date: input.date,
      bedId: input.toBedId,
      fromBedId: resident.bedId,
      note: input.note,
    });
    await updateResident(ctx, resident, 'transfer', { bedId: input.toBedId });
    return { id: resident.id };
  });
}

export function startLeave(deps: BackendDeps, caller: Caller, input: z.output<typeof StartLeaveInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await loadResident(ctx, input.residentId);
    if (resident.status !== 'in_residence') {
      throw conflict(`${resident.name}目前${STATUS_WORDS[resident.status]}，只有在院老人可以登记外出或住院`);
    }
    const label = input.kind === 'leave' ? '外出日期' : '住院日期';
    await checkEventDate(ctx, resident, input.startDate, label, 'startDate');
    if (input.expectedReturn !== null && input.expectedReturn < input.startDate) {
      throw invalid(`预计返回日期（${input.expectedReturn}）不能早于${label}（${input.startDate}）`, 'expectedReturn');
    }
    await insertEvent(ctx, {
      residentId: resident.id,
      type: input.kind,
      date: input.startDate,
      expectedReturn: input.expectedReturn,
      bedId: resident.bedId,
      note: input.note,
    });
    await updateResident(ctx, resident, 'leave', { status: input.kind === 'leave' ? 'on_leave' : 'in_hospital' });
    return { id: resident.id };
  });
}

export function endLeave(deps: BackendDeps, caller: Caller, input: z.output<typeof EndLeaveInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await loadResident(ctx, input.residentId);
    const absence = await openAbsence(ctx, resident.id);
    if (!absence || (resident.status !== 'on_leave' && resident.status !== 'in_hospital')) {
      throw conflict(`${resident.name}目前${STATUS_WORDS[resident.status]}，没有未销假的外出或住院记录`);
    }
    if (input.returnDate < absence.date) {
      throw invalid(`返回日期（${input.returnDate}）不能早于外出或住院的开始日期（${absence.date}）`, 'returnDate');
    }
    assertNotFuture(input.returnDate, ctx.today, '返回日期', 'returnDate');
    await ctx.trx.updateTable('stayEvents').set({ endDate: input.returnDate, ...ctx.stampUpdate() }).where('id', '=', absence.id).execute();
    await ctx.audit({ action: 'return', entity: 'stayEvents', entityId: absence.id, before: absence, after: { endDate: input.returnDate } });
    await updateResident(ctx, resident, 'return', { status: 'in_residence' });
    return { id: resident.id };
  });
}

export function discharge(deps: BackendDeps, caller: Caller, input: z.output<typeof DischargeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await loadResident(ctx, input.residentId);
    if (resident.status === 'discharged') {
      throw conflict(`${resident.name}已于 ${resident.dischargedOn} 离院，不能重复办理`);
    }
    const absence = await openAbsence(ctx, resident.id);
    // Someone who dies or moves on while away: the absence ends on the discharge date.
    if (absence) {
      if (input.date < absence.date) {
        throw invalid(`离院日期（${input.date}）不能早于外出/住院开始日期（${absence.date}）`, 'date');
      }
      await ctx.trx.updateTable('stayEvents').set({ endDate: input.date, ...ctx.stampUpdate() }).where('id', '=', absence.id).execute();
      await ctx.audit({ action: 'return', entity: 'stayEvents', entityId: absence.id, before: absence, after: { endDate: input.date } });
    }
    await checkEventDate(ctx, resident, input.date, '离院日期', 'date');
    await insertEvent(ctx, {
      residentId: resident.id,
      type: 'discharge',
      date: input.date,
      fromBedId: resident.bedId,
      reason: input.reason,
      note: input.note,
    });
    await updateResident(ctx, resident, 'discharge', { status: 'discharged', bedId: null, dischargedOn: input.date });
    await linkDischarge(ctx, resident.id, input.date, input.reason);
    await stopOrdersAtDischarge(ctx, resident.id, input.date);
    return { id: resident.id };
  });
}
