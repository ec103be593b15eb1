// Care plans: a resident's tasks come from templates for their current care grade and for each safety risk at or
// above the template's minimum grade. Generating adds what is missing and leaves adjusted tasks alone; every change
// is audited; tasks are switched off, never deleted. The care-log issue turns these into shift tasks.
import type { z } from 'zod';
import type { CarePlanTask, SaveTaskInput } from '@shared/api/careplan';
import { conflict, notFound } from '@shared/api/errors';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { Frequency, describeFrequency } from '@shared/domain/care-frequency';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { parseJsonColumn } from '../../db/json';
import { newId } from '../../ids';
import { storedRisks } from '../assessment/risk';
import type { Executor } from '../../db/executor';

const RISK_ORDER = { low: 0, medium: 1, high: 2 } as const;

export async function carePlan(deps: BackendDeps, residentId: string): Promise<CarePlanTask[]> {
  const rows = await deps.db.selectFrom('carePlanTasks').selectAll().where('residentId', '=', residentId).orderBy('active', 'desc').orderBy('createdAt').execute();
  return rows.map((r) => {
    const frequency = parseJsonColumn(Frequency, r.frequency, 'care_plan_tasks.frequency');
    return { id: r.id, task: r.task, frequency, frequencyText: describeFrequency(frequency), source: r.source, active: r.active === 1, note: r.note, completesOnRound: r.completesOnRound === 1, updatedBy: r.updatedBy };
  });
}

async function applicableTemplates(db: Executor, residentId: string) {
  const grade = await db
    .selectFrom('residentGrades')
    .innerJoin('careGrades', 'careGrades.id', 'residentGrades.gradeId')
    .select(['residentGrades.gradeId', 'careGrades.name'])
    .where('residentGrades.residentId', '=', residentId)
    .orderBy('residentGrades.effectiveFrom', 'desc')
    .orderBy('residentGrades.createdAt', 'desc')
    .executeTakeFirst();
  const risk = await db
    .selectFrom('riskAssessments')
    .select('risks')
    .where('residentId', '=', residentId)
    .orderBy('assessedOn', 'desc')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  const risks = risk ? storedRisks(risk.risks) : [];
  const templates = await db.selectFrom('carePlanTemplates').selectAll().where('retiredAt', 'is', null).execute();
  const matching = templates.filter((t) => {
    if (t.triggerKind === 'grade') return grade?.gradeId === t.triggerRef;
    const r = risks.find((x) => x.code === t.triggerRef);
    return r !== undefined && t.minRisk !== null && RISK_ORDER[r.grade] >= RISK_ORDER[t.minRisk];
  });
  // For one risk, only the templates of the highest matching grade apply (a high risk's plan replaces the medium one).
  const topRiskLevel = new Map<string, number>();
  for (const t of matching) if (t.triggerKind === 'risk') topRiskLevel.set(t.triggerRef, Math.max(topRiskLevel.get(t.triggerRef) ?? 0, RISK_ORDER[t.minRisk!]));
  return matching
    .filter((t) => t.triggerKind === 'grade' || RISK_ORDER[t.minRisk!] === topRiskLevel.get(t.triggerRef))
    .map((t) => ({
      ...t,
      source:
        t.triggerKind === 'grade'
          ? `护理等级：${grade!.name}`
          : `${SAFETY_RISKS.find((s) => s.code === t.triggerRef)?.name ?? t.triggerRef}${risks.find((x) => x.code === t.triggerRef)!.grade === 'high' ? '高' : '中'}风险`,
    }));
}

export function generatePlan(deps: BackendDeps, caller: Caller, residentId: string) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select(['status']).where('id', '=', residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    if (resident.status === 'discharged') throw conflict('老人已离院，不需要护理计划');
    const templates = await applicableTemplates(ctx.trx, residentId);
    if (templates.length === 0) throw conflict('请先设定护理等级或完成安全风险评估，才能生成护理计划');
    const existing = new Set(
      (await ctx.trx.selectFrom('carePlanTasks').select('templateId').where('residentId', '=', residentId).execute()).map((r) => r.templateId),
    );
    let added = 0;
    for (const t of templates) {
      if (existing.has(t.id)) continue; // already in the plan (perhaps adjusted or switched off): leave it as people set it
      const row = { id: newId(), residentId, templateId: t.id, task: t.task, frequency: t.frequency, source: t.source, active: 1, note: '', completesOnRound: t.completesOnRound };
      await ctx.trx.insertInto('carePlanTasks').values({ ...row, ...ctx.stampNew() }).execute();
      await ctx.audit({
        action: 'create',
        entity: 'carePlanTasks',
        entityId: row.id,
        after: { ...row, frequency: describeFrequency(parseJsonColumn(Frequency, t.frequency, 'care_plan_templates.frequency')), completesOnRound: t.completesOnRound === 1 },
      });
      added += 1;
    }
    return { added };
  });
}

export function saveTask(deps: BackendDeps, caller: Caller, input: z.output<typeof SaveTaskInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const values = { task: input.task, frequency: JSON.stringify(input.frequency), active: input.active ? 1 : 0, note: input.note, completesOnRound: input.completesOnRound ? 1 : 0 };
    const shown = { ...values, frequency: describeFrequency(input.frequency), active: input.active, completesOnRound: input.completesOnRound };
    if (input.id) {
      const before = await ctx.trx.selectFrom('carePlanTasks').selectAll().where('id', '=', input.id).where('residentId', '=', input.residentId).executeTakeFirst();
      if (!before) throw notFound('护理任务');
      await ctx.trx.updateTable('carePlanTasks').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', input.id).execute();
      await ctx.audit({
        action: 'update',
        entity: 'carePlanTasks',
        entityId: input.id,
        before: {
          task: before.task,
          frequency: describeFrequency(parseJsonColumn(Frequency, before.frequency, 'care_plan_tasks.frequency')),
          active: before.active === 1,
          note: before.note,
          completesOnRound: before.completesOnRound === 1,
        },
        after: shown,
      });
      return { id: input.id };
    }
    const resident = await ctx.trx.selectFrom('residents').select('id').where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    const row = { id: newId(), residentId: input.residentId, templateId: null, source: '手动添加', ...values };
    await ctx.trx.insertInto('carePlanTasks').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'carePlanTasks', entityId: row.id, after: shown });
    return { id: row.id };
  });
}
