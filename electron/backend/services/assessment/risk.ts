// GB 38600 safety risk assessments: all nine risks, each 低/中/高 with the measures taken; history kept (append-only).
import type { z } from 'zod';
import { type RiskInput, RiskView } from '@shared/api/assessment';
import { invalid, notFound } from '@shared/api/errors';
import { type RiskGrade, SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { parseJsonColumn } from '../../db/json';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { assertNotBeforeBirth, assertNotFuture } from '../residents/rules';

export function recordRisks(deps: BackendDeps, caller: Caller, input: z.output<typeof RiskInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const resident = await ctx.trx.selectFrom('residents').select(['birthDate']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw notFound('老人档案');
    assertNotFuture(input.assessedOn, ctx.today, '评估日期', 'assessedOn');
    assertNotBeforeBirth(input.assessedOn, resident.birthDate, '评估日期', 'assessedOn');
    const codes = new Set(input.risks.map((r) => r.code));
    const missing = SAFETY_RISKS.filter((r) => !codes.has(r.code));
    if (missing.length) throw invalid(`还没有评估：${missing.map((r) => r.name).join('、')}`, 'risks');
    const highWithoutMeasures = input.risks.filter((r) => r.grade !== 'low' && !r.measures.trim());
    if (highWithoutMeasures.length) {
      const names = highWithoutMeasures.map((r) => SAFETY_RISKS.find((s) => s.code === r.code)!.name);
      throw invalid(`中、高风险需要写明防范措施：${names.join('、')}`, 'risks');
    }
    const row = { id: newId(), residentId: input.residentId, assessedOn: input.assessedOn, risks: JSON.stringify(input.risks), assessor: input.assessor, note: input.note };
    await ctx.trx.insertInto('riskAssessments').values({ ...row, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'riskAssessments', entityId: row.id, after: { ...row, risks: input.risks } });
    return { id: row.id };
  });
}

/** The risks of one risk assessment as stored (risk_assessments.risks). */
export const storedRisks = (text: string) => parseJsonColumn(RiskView.shape.risks, text, 'risk_assessments.risks');

export async function listRisks(deps: BackendDeps, residentId: string) {
  const rows = await deps.db.selectFrom('riskAssessments').selectAll().where('residentId', '=', residentId).orderBy('assessedOn', 'desc').orderBy('createdAt', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    assessedOn: r.assessedOn,
    risks: storedRisks(r.risks),
    assessor: r.assessor,
    note: r.note,
    createdBy: r.createdBy,
  }));
}

/** The high risks of each resident's latest risk assessment, by resident id: the badges on the bed map. */
export async function highRisksByResident(db: Executor, residentIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (residentIds.length === 0) return result;
  const rows = await db
    .selectFrom('riskAssessments')
    .select(['residentId', 'risks', 'assessedOn', 'createdAt'])
    .where('residentId', 'in', residentIds)
    .orderBy('assessedOn')
    .orderBy('createdAt')
    .execute();
  for (const r of rows) {
    const risks = storedRisks(r.risks);
    result.set(r.residentId, risks.filter((x) => x.grade === 'high').map((x) => SAFETY_RISKS.find((s) => s.code === x.code)?.name ?? x.code));
  }
  return result;
}

/** The grade of one risk (e.g. 'choking') in each resident's latest risk assessment, by resident id. */
export async function latestRiskGrade(db: Executor, residentIds: string[], code: string): Promise<Map<string, RiskGrade>> {
  const result = new Map<string, RiskGrade>();
  if (residentIds.length === 0) return result;
  const rows = await db.selectFrom('riskAssessments').select(['residentId', 'risks']).where('residentId', 'in', residentIds).orderBy('assessedOn').orderBy('createdAt').execute();
  for (const r of rows) {
    const grade = storedRisks(r.risks).find((x) => x.code === code)?.grade;
    if (grade) result.set(r.residentId, grade);
    else result.delete(r.residentId);
  }
  return result;
}
