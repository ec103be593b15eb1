// Care grades: the centre's list (rank, suggested ability levels, dated monthly fee in fen) and each resident's dated
// grade history. The suggestion comes from the latest finalised assessment; another grade needs a reason and an
// approver; the resident's or their agent's consent is always recorded (养老机构管理办法 第15条).
import type { z } from 'zod';
import type { AssignGradeInput, GradeInput, GradeRow } from '@shared/api/grades';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { NumberList, parseJsonColumn } from '../../db/json';

const suggestedLevels = (text: string) => parseJsonColumn(NumberList, text, 'care_grades.suggested_for_levels');

async function feeOn(db: Executor, gradeId: string, date: string) {
  return db
    .selectFrom('careGradeFees')
    .select(['monthlyFeeFen', 'effectiveFrom'])
    .where('gradeId', '=', gradeId)
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
}

export async function listGrades(deps: BackendDeps): Promise<GradeRow[]> {
  const today = todayIn(deps.clock);
  const rows = await deps.db.selectFrom('careGrades').selectAll().where('retiredAt', 'is', null).orderBy('rank').execute();
  const result: GradeRow[] = [];
  for (const g of rows) {
    const fee = await feeOn(deps.db, g.id, today);
    result.push({ id: g.id, name: g.name, rank: g.rank, levels: suggestedLevels(g.suggestedForLevels), monthlyFeeFen: fee?.monthlyFeeFen ?? null, feeFrom: fee?.effectiveFrom ?? null });
  }
  return result;
}

export function saveGrade(deps: BackendDeps, caller: Caller, input: z.output<typeof GradeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const others = await ctx.trx.selectFrom('careGrades').selectAll().where('retiredAt', 'is', null).execute();
    const clash = others.find((g) => g.id !== input.id && g.name === input.name);
    if (clash) throw conflict(`已有名为「${input.name}」的护理等级`, 'name');
    const taken = others.filter((g) => g.id !== input.id).flatMap((g) => suggestedLevels(g.suggestedForLevels).map((l) => [l, g.name] as const));
    const double = taken.find(([level]) => input.levels.includes(level));
    if (double) throw invalid(`能力等级 ${double[0]} 已对应「${double[1]}」，一个能力等级只能建议一个护理等级`, 'levels');
    const values = { name: input.name, rank: input.rank, suggestedForLevels: JSON.stringify([...new Set(input.levels)].sort()) };
    let id = input.id;
    if (id) {
      const before = others.find((g) => g.id === id);
      if (!before) throw notFound('护理等级');
      await ctx.trx.updateTable('careGrades').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', id).execute();
      await ctx.audit({ action: 'update', entity: 'careGrades', entityId: id, before, after: values });
    } else {
      id = newId();
      await ctx.trx.insertInto('careGrades').values({ id, ...values, retiredAt: null, ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'create', entity: 'careGrades', entityId: id, after: values });
    }
    const current = await feeOn(ctx.trx, id, input.feeFrom);
    if (!current || current.monthlyFeeFen !== input.monthlyFeeFen || current.effectiveFrom !== input.feeFrom) {
      const fee = { id: newId(), gradeId: id, monthlyFeeFen: input.monthlyFeeFen, effectiveFrom: input.feeFrom };
      await ctx.trx.insertInto('careGradeFees').values({ ...fee, ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'create', entity: 'careGradeFees', entityId: fee.id, after: fee });
    }
    return { id };
  });
}

/** The grade suggested by the latest finalised ability assessment. */
export async function suggestGrade(db: Executor, residentId: string) {
  const latest = await db
    .selectFrom('assessments')
    .select(['id', 'finalLevel'])
    .where('residentId', '=', residentId)
    .where('status', '=', 'final')
    .orderBy('assessedOn', 'desc')
    .orderBy('finalizedAt', 'desc')
    .executeTakeFirst();
  if (!latest) return { assessmentId: null, level: null, gradeId: null, gradeName: null };
  const grades = await db.selectFrom('careGrades').select(['id', 'name', 'suggestedForLevels']).where('retiredAt', 'is', null).execute();
  const grade = grades.find((g) => suggestedLevels(g.suggestedForLevels).includes(latest.finalLevel!));
  return { assessmentId: latest.id, level: latest.finalLevel, gradeId: grade?.id ?? null, gradeName: grade?.name ?? null };
}

export function assignGrade(deps: BackendDeps, caller: Caller, input: z.output<typeof AssignGradeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select(['status', 'admittedOn']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    if (resident.status === 'discharged') throw conflict('老人已离院，不能设定护理等级');
    const grade = await ctx.trx.selectFrom('careGrades').select(['id', 'name']).where('id', '=', input.gradeId).where('retiredAt', 'is', null).executeTakeFirst();
    if (!grade) throw notFound('护理等级');
    const suggestion = await suggestGrade(ctx.trx, input.residentId);
    if (suggestion.gradeId && suggestion.gradeId !== input.gradeId) {
      if (!input.overrideReason.trim()) throw invalid(`评估建议为「${suggestion.gradeName}」，改为「${grade.name}」需要写明原因`, 'overrideReason');
      if (!input.approver.trim()) throw invalid('改为评估建议以外的等级需要填写批准人', 'approver');
    }
    // Every grade change is logged, even one to the same grade (domain.md §2.2).
    const row = {
      id: newId(),
      residentId: input.residentId,
      gradeId: input.gradeId,
      effectiveFrom: input.effectiveFrom,
      assessmentId: suggestion.assessmentId,
      suggestedGradeId: suggestion.gradeId,
      overrideReason: input.overrideReason,
      approver: input.approver,
      consentBy: input.consentBy,
      consentRelation: input.consentRelation,
    };
    await ctx.trx.insertInto('residentGrades').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'residentGrades', entityId: row.id, after: row });
    return { id: row.id };
  });
}

export async function gradeHistory(deps: BackendDeps, residentId: string) {
  const rows = await deps.db
    .selectFrom('residentGrades')
    .innerJoin('careGrades as g', 'g.id', 'residentGrades.gradeId')
    .leftJoin('careGrades as s', 's.id', 'residentGrades.suggestedGradeId')
    .leftJoin('assessments as a', 'a.id', 'residentGrades.assessmentId')
    .select([
      'residentGrades.id',
      'residentGrades.gradeId',
      'g.name as gradeName',
      'residentGrades.effectiveFrom',
      's.name as suggestedName',
      'a.finalLevel as assessedLevel',
      'residentGrades.overrideReason',
      'residentGrades.approver',
      'residentGrades.consentBy',
      'residentGrades.consentRelation',
      'residentGrades.createdBy',
      'residentGrades.createdAt',
    ])
    .where('residentGrades.residentId', '=', residentId)
    .orderBy('residentGrades.effectiveFrom', 'desc')
    .orderBy('residentGrades.createdAt', 'desc')
    .execute();
  const result = [];
  for (const r of rows) {
    const fee = await feeOn(deps.db, r.gradeId, r.effectiveFrom);
    const { gradeId: _gradeId, createdAt: _createdAt, ...rest } = r;
    result.push({ ...rest, monthlyFeeFen: fee?.monthlyFeeFen ?? null });
  }
  return result;
}
