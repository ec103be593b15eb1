// Family-doctor contracts (家庭医生签约): who signed with which doctor and team, for which period; ended early with a
// reason. The list shows who has none and whose contract ends within FAMILY_DOCTOR_WARN_DAYS.
// Refused with a sentence and nothing written: an end before the start, a signing date in the future, a resident not
// admitted or discharged, a period overlapping a contract the resident already has (end it first), ending twice or
// before the contract began.
import type { z } from 'zod';
import { AppError, conflict, invalid } from '@shared/api/errors';
import { FAMILY_DOCTOR_WARN_DAYS, type EndFamilyDoctorInput, type FamilyDoctorRow, type FamilyDoctorState, type FamilyDoctors, type SaveFamilyDoctorInput } from '@shared/api/health-file';
import { addDays } from '@shared/domain/dates';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { bedLabels } from '../facility/places';
import { residentForRecord, residentsOn } from './residents-on';

/**
 * The contract's last day in force: valid_to, or the day before it was ended (ended on D, it is no longer in force on
 * D — as the county package reads it).
 */
const lastDay = (c: { validTo: string; endedOn: string | null }) => (c.endedOn !== null && c.endedOn <= c.validTo ? addDays(c.endedOn, -1) : c.validTo);

export function contractState(c: { validFrom: string; validTo: string; endedOn: string | null }, on: string): FamilyDoctorState {
  if (c.endedOn !== null && c.endedOn <= on) return 'ended';
  if (c.validFrom > on) return 'future';
  if (c.validTo < on) return 'expired';
  if (lastDay(c) <= addDays(on, FAMILY_DOCTOR_WARN_DAYS)) return 'expiring';
  return 'current';
}

export function saveFamilyDoctor(deps: BackendDeps, caller: Caller, input: z.output<typeof SaveFamilyDoctorInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    if (input.validTo < input.validFrom) throw invalid(`到期日期（${input.validTo}）不能早于生效日期（${input.validFrom}）`, 'validTo');
    if (input.signedOn > ctx.today) throw invalid(`签约日期（${input.signedOn}）在将来，请在签约后登记`, 'signedOn');
    const resident = await residentForRecord(db, input.residentId, input.validFrom < ctx.today ? ctx.today : input.validFrom, '家庭医生签约');
    if (resident.status === 'discharged') throw invalid(`${resident.name}已出院，不能登记家庭医生签约`, 'residentId');
    const open = await db
      .selectFrom('familyDoctorContracts')
      .select(['id', 'doctor', 'validFrom', 'validTo', 'endedOn'])
      .where('residentId', '=', resident.id)
      .execute();
    const overlapping = open.find((c) => c.validFrom <= input.validTo && lastDay(c) >= input.validFrom);
    if (overlapping)
      throw conflict(`${resident.name}已与${overlapping.doctor}签约（${overlapping.validFrom} 至 ${lastDay(overlapping)}），与新的签约期重叠；请先解约或让新签约从到期后开始`, 'validFrom');
    const id = newId();
    const row = { id, ...input, ...ctx.stampNew() };
    await db.insertInto('familyDoctorContracts').values(row).execute();
    await ctx.audit({ action: 'create', entity: 'familyDoctorContracts', entityId: id, after: { ...row, resident: resident.name } });
    return { id };
  });
}

export function endFamilyDoctor(deps: BackendDeps, caller: Caller, input: z.output<typeof EndFamilyDoctorInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const c = await db.selectFrom('familyDoctorContracts').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!c) throw new AppError('NOT_FOUND', '找不到这份家庭医生签约，请刷新后重试', 'id');
    if (c.endedOn !== null) throw conflict(`这份签约已于${c.endedOn}解约（${c.endReason ?? ''}）`);
    if (input.endedOn < c.validFrom) throw invalid(`解约日期（${input.endedOn}）不能早于生效日期（${c.validFrom}）`, 'endedOn');
    if (input.endedOn > c.validTo) throw invalid(`解约日期（${input.endedOn}）晚于到期日期（${c.validTo}），到期后签约自然结束，无需解约`, 'endedOn');
    const after = { endedOn: input.endedOn, endReason: input.reason, ...ctx.stampUpdate() };
    await db.updateTable('familyDoctorContracts').set(after).where('id', '=', c.id).execute();
    await ctx.audit({ action: 'close', entity: 'familyDoctorContracts', entityId: c.id, before: { endedOn: null, endReason: null }, after });
    return { id: c.id };
  });
}

type ContractRow = Awaited<ReturnType<typeof contractRows>>[number];

async function contractRows(db: Executor, residentIds?: readonly string[]) {
  let q = db
    .selectFrom('familyDoctorContracts as f')
    .innerJoin('residents as r', 'r.id', 'f.residentId')
    .select(['f.id', 'f.residentId', 'r.name as resident', 'r.bedId', 'f.doctor', 'f.team', 'f.institution', 'f.phone', 'f.signedOn', 'f.validFrom', 'f.validTo', 'f.endedOn', 'f.endReason', 'f.createdBy'])
    .orderBy('f.validFrom', 'desc');
  if (residentIds !== undefined) {
    if (residentIds.length === 0) return [];
    q = q.where('f.residentId', 'in', [...residentIds]);
  }
  return q.execute();
}

async function toRows(db: Executor, rows: ContractRow[], on: string): Promise<FamilyDoctorRow[]> {
  const labels = await bedLabels(db, rows.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  return rows.map(({ bedId, ...r }) => ({ ...r, bedLabel: bedId ? (labels.get(bedId) ?? null) : null, state: contractState(r, on) }));
}

/** The contract in force on the day for each resident (the latest one to start). */
export async function contractsInForce(db: Executor, residentIds: readonly string[], on: string): Promise<Map<string, FamilyDoctorRow>> {
  const rows = await toRows(db, await contractRows(db, residentIds), on);
  const map = new Map<string, FamilyDoctorRow>();
  for (const r of rows) if ((r.state === 'current' || r.state === 'expiring') && !map.has(r.residentId)) map.set(r.residentId, r);
  return map;
}

/** Contracts of the residents in residence (and any still in force), with who has none on the day. */
export async function familyDoctors(db: Executor, on: string): Promise<z.output<typeof FamilyDoctors>> {
  const residents = await residentsOn(db, on);
  const ids = residents.map((r) => r.id);
  const contracts = await toRows(db, await contractRows(db, ids), on);
  const inForce = new Set(contracts.filter((c) => c.state === 'current' || c.state === 'expiring').map((c) => c.residentId));
  const without = residents.filter((r) => !inForce.has(r.id)).map((r) => ({ residentId: r.id, name: r.name, bedLabel: r.bedLabel }));
  const order: Record<FamilyDoctorState, number> = { expiring: 0, current: 1, future: 2, expired: 3, ended: 4 };
  contracts.sort((a, b) => order[a.state] - order[b.state] || a.validTo.localeCompare(b.validTo) || a.resident.localeCompare(b.resident, 'zh-CN'));
  return {
    on,
    contracts,
    without,
    totals: { residents: residents.length, signed: inForce.size, expiring: contracts.filter((c) => c.state === 'expiring').length, without: without.length },
  };
}
