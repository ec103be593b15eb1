// Hidden dangers (隐患): found on a round or reported by anyone, with a level, a person responsible and a deadline;
// 待整改 → 整改中 → 已整改 (with what was done) → 已验收, verified by someone other than the person who rectified it.
// A danger is closed only by verification; nothing is deleted. Past the deadline and not yet rectified = overdue.
import type { z } from 'zod';
import type { DangerAction, DangerInput, DangerRow } from '@shared/api/fire';
import { conflict, invalid, notFound } from '@shared/api/errors';
import type { DANGER_SOURCES } from '@shared/domain/fire/vocab';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';

export interface NewDanger {
  source: (typeof DANGER_SOURCES)[number];
  roundId: string | null;
  checkpointId: string | null;
  location: string;
  description: string;
  level: 'general' | 'major';
  photo: string | null;
  /** Chosen from the staff register; the stored name is the register's. */
  responsibleStaffId: string;
  deadline: string;
  requestId: string;
}

/** The person responsible must be on the staff register and still employed today. */
async function responsibleName(ctx: WriteContext, staffId: string): Promise<string> {
  const staff = await ctx.trx.selectFrom('staff').select(['name', 'leftOn']).where('id', '=', staffId).executeTakeFirst();
  if (!staff) throw invalid('整改责任人不在本院员工名册中，请从名单里选择', 'responsibleStaffId');
  if (staff.leftOn !== null && staff.leftOn <= ctx.today) throw invalid(`整改责任人“${staff.name}”已离职，请另选一位`, 'responsibleStaffId');
  return staff.name;
}

/** Writes a danger inside a larger action (a round, or a report of its own). */
export async function insertDanger(ctx: WriteContext, d: NewDanger): Promise<string> {
  if (d.deadline < ctx.today) throw invalid(`整改期限（${d.deadline}）不能早于今天`, 'deadline');
  let location = d.location;
  if (d.checkpointId) {
    const point = await ctx.trx.selectFrom('fireCheckpoints').select('name').where('id', '=', d.checkpointId).executeTakeFirst();
    if (!point) throw notFound('巡查点');
    location = location || point.name;
  }
  if (!location) throw invalid('请填写隐患所在的地点', 'location');
  const responsible = await responsibleName(ctx, d.responsibleStaffId);
  const row = {
    id: newId(),
    ...d,
    responsible,
    location,
    status: 'open' as const,
    foundAt: ctx.at,
    foundById: ctx.caller.userId,
    foundBy: ctx.caller.name,
    ...ctx.stampNew(),
  };
  await ctx.trx.insertInto('fireDangers').values(row).execute();
  await ctx.audit({ action: 'report', entity: 'fireDangers', entityId: row.id, after: { ...row, photo: row.photo ? '（照片）' : null } });
  return row.id;
}

export function reportDanger(deps: BackendDeps, caller: Caller, input: z.output<typeof DangerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const repeated = await ctx.trx.selectFrom('fireDangers').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id, repeated: true };
    const id = await insertDanger(ctx, { source: 'report', roundId: null, ...input });
    return { id, repeated: false };
  });
}

export function dangerAction(deps: BackendDeps, caller: Caller, input: z.output<typeof DangerAction>) {
  return writeAction(deps, caller, async (ctx) => {
    const d = await ctx.trx.selectFrom('fireDangers').selectAll().where('id', '=', input.dangerId).executeTakeFirst();
    if (!d) throw notFound('隐患');
    const before = { status: d.status };
    if (d.status === 'verified') throw conflict(`这条隐患已由${d.verifiedBy}验收，不能再改`);
    let after: Record<string, unknown>;
    if (input.action === 'start') {
      if (d.status !== 'open') throw conflict('只有“待整改”的隐患才能开始整改');
      after = { status: 'in_progress' };
    } else if (input.action === 'rectify') {
      if (d.status === 'rectified') throw conflict(`这条隐患已由${d.rectifiedBy}整改，等待验收`);
      after = { status: 'rectified', rectificationNote: input.note, rectificationPhoto: input.photo, rectifiedAt: ctx.at, rectifiedById: caller.userId, rectifiedBy: caller.name };
    } else {
      if (d.status !== 'rectified') throw invalid('还没有登记整改情况，不能验收（先“登记整改”，再由另一个人验收）');
      if (d.rectifiedById === caller.userId) throw invalid(`整改是您登记的，验收要由另一个人来做（不能自己验收自己）`);
      after = { status: 'verified', verifiedAt: ctx.at, verifiedById: caller.userId, verifiedBy: caller.name, verificationNote: input.note };
    }
    await ctx.trx.updateTable('fireDangers').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', d.id).execute();
    await ctx.audit({ action: input.action === 'verify' ? 'close' : 'update', entity: 'fireDangers', entityId: d.id, before, after: { ...after, rectificationPhoto: undefined } });
    return { id: d.id };
  });
}

export async function listDangers(deps: BackendDeps, status: 'open' | 'all'): Promise<DangerRow[]> {
  const today = todayIn(deps.clock);
  const rows = await deps.db.selectFrom('fireDangers').selectAll().$if(status === 'open', (q) => q.where('status', '!=', 'verified')).orderBy('foundAt', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    location: r.location,
    description: r.description,
    level: r.level,
    responsible: r.responsible,
    responsibleStaffId: r.responsibleStaffId,
    deadline: r.deadline,
    status: r.status,
    overdue: (r.status === 'open' || r.status === 'in_progress') && r.deadline < today,
    foundAt: r.foundAt,
    foundBy: r.foundBy,
    photo: r.photo,
    rectificationNote: r.rectificationNote,
    rectificationPhoto: r.rectificationPhoto,
    rectifiedAt: r.rectifiedAt,
    rectifiedBy: r.rectifiedBy,
    verifiedAt: r.verifiedAt,
    verifiedBy: r.verifiedBy,
    verificationNote: r.verificationNote,
  }));
}
