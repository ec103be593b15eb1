// County side of 特困认定: the proposals received with the centres' monthly packages (section tier_proposals, stored by
// the import), each with how long it has waited, and the clerk's answer (认定 with date, 文号, tier and 照料护理档次, or
// 不予认定 with a reason). One answer per proposal; answers are records (never changed or deleted).
import { z } from 'zod';
import type { CountyAnswerInput, CountyProposalRow } from '@shared/api/tier';
import { conflict, notFound } from '@shared/api/errors';
import { chinaDate } from '@shared/domain/dates';
import { maskIdNumber } from '@shared/domain/id-number';
import { answerOverdue, workingDaysBetween } from '@shared/domain/tier/working-days';
import { TIERS } from '@shared/domain/assessment/tekun-tier';
import { SECTIONS } from '@shared/domain/sync/sections';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import { answerWorkingDays } from './answer-days';
import { assertAnswer } from './answer-rules';
import type { TierProposalRecord } from './for-package';
import { parseJsonColumn } from '../../db/json';

/** The fields of a county-kept resident record read here (idNumber and tekunTier are missing from format-1 records). */
const ResidentRecord = z.object({ id: z.string(), name: z.string(), idNumber: z.string().nullable().optional(), tekunTier: z.enum(TIERS).nullable().optional() });

/** Every proposal received, once each (a proposal is carried month after month until answered: first receipt counts). */
async function received(deps: BackendDeps) {
  const rows = await deps.db
    .selectFrom('countyRecords as r')
    .innerJoin('countyPackages as p', 'p.packageId', 'r.packageId')
    .select(['r.centreCode', 'r.period', 'r.recordId', 'r.data', 'p.importedAt'])
    .where('r.section', '=', 'tier_proposals')
    // Packages imported in the same instant (a batch) by month: the same rows in the same order on every store.
    .orderBy('p.importedAt')
    .orderBy('r.centreCode')
    .orderBy('r.period')
    .orderBy('r.recordId')
    .execute();
  const byKey = new Map<string, { centreCode: string; period: string; record: TierProposalRecord; receivedOn: string }>();
  for (const r of rows) {
    const key = `${r.centreCode}/${r.recordId}`;
    const seen = byKey.get(key);
    const record: TierProposalRecord = parseJsonColumn(SECTIONS.tier_proposals.schema, r.data, 'county_records.data');
    // The first import dates it (rows come in import order); the latest month's copy is the one shown.
    if (!seen) byKey.set(key, { centreCode: r.centreCode, period: r.period, record, receivedOn: chinaDate(new Date(r.importedAt)) });
    else if (r.period > seen.period) Object.assign(seen, { period: r.period, record });
  }
  return [...byKey.values()];
}

export async function countyProposals(deps: BackendDeps): Promise<{ allowedDays: number; rows: CountyProposalRow[] }> {
  const proposals = await received(deps);
  const centres = new Map((await deps.db.selectFrom('countyCentres').select(['centreCode', 'name']).execute()).map((c) => [c.centreCode, c.name]));
  const answers = await deps.db.selectFrom('countyTierAnswers').selectAll().execute();
  const answerOf = new Map(answers.map((a) => [`${a.centreCode}/${a.proposalId}`, a]));
  const allowed = await answerWorkingDays(deps.db);
  const today = todayIn(deps.clock);
  const residentRows = await deps.db.selectFrom('countyRecords').select(['centreCode', 'period', 'recordId', 'data']).where('section', '=', 'residents').orderBy('period').execute();
  const residents = new Map(residentRows.map((r) => [`${r.centreCode}/${r.recordId}`, parseJsonColumn(ResidentRecord, r.data, 'county_records.data')])); // the latest month wins
  const newest = new Map<string, string>();
  for (const p of proposals) {
    const key = `${p.centreCode}/${p.record.residentId}`;
    if ((newest.get(key) ?? '') < p.record.proposedOn) newest.set(key, p.record.proposedOn);
  }
  const rows = proposals.map(({ centreCode, record, receivedOn }): CountyProposalRow => {
    const a = answerOf.get(`${centreCode}/${record.id}`);
    const superseded = !a && newest.get(`${centreCode}/${record.residentId}`)! > record.proposedOn;
    const person = residents.get(`${centreCode}/${record.residentId}`);
    const waiting = workingDaysBetween(receivedOn, a ? chinaDate(new Date(a.createdAt)) : today);
    return {
      centreCode,
      centreName: centres.get(centreCode) ?? centreCode,
      proposalId: record.id,
      residentId: record.residentId,
      residentName: person?.name ?? '（名单中没有）',
      idNumberMasked: person?.idNumber ? maskIdNumber(person.idNumber) : '',
      proposedOn: record.proposedOn,
      tier: record.tier,
      currentTier: person?.tekunTier ?? record.previousTier,
      indicatorsNotMet: record.indicatorsNotMet,
      note: record.note,
      receivedOn,
      workingDaysWaiting: waiting,
      overdue: !a && !superseded && answerOverdue(receivedOn, today, allowed),
      superseded,
      answer: a ? { outcome: a.outcome, decidedOn: a.decidedOn, documentNo: a.documentNo, tier: a.tier, careTier: a.careTier, reason: a.reason, createdBy: a.createdBy } : null,
    };
  });
  // Waiting first, the longest waiting on top (received the same day: proposed first); then answered or superseded, newest
  // first; then by centre and proposal, so the order never depends on the store's.
  const done = (r: CountyProposalRow) => Number(!!r.answer || r.superseded);
  rows.sort(
    (x, y) =>
      done(x) - done(y) ||
      (done(x) ? y.proposedOn.localeCompare(x.proposedOn) : x.receivedOn.localeCompare(y.receivedOn) || x.proposedOn.localeCompare(y.proposedOn)) ||
      x.centreCode.localeCompare(y.centreCode) ||
      x.proposalId.localeCompare(y.proposalId),
  );
  return { allowedDays: allowed, rows };
}

export function answerProposal(deps: BackendDeps, caller: Caller, input: z.output<typeof CountyAnswerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const proposal = (await received({ ...deps, db: ctx.trx })).find((p) => p.centreCode === input.centreCode && p.record.id === input.proposalId);
    if (!proposal) throw notFound('认定建议');
    const already = await ctx.trx.selectFrom('countyTierAnswers').select('createdBy').where('centreCode', '=', input.centreCode).where('proposalId', '=', input.proposalId).executeTakeFirst();
    if (already) throw conflict(`这条建议已由${already.createdBy}答复过，不能再答复一次`, 'proposalId');
    if (input.outcome === 'rejected' && !input.reason.trim()) throw conflict('不予认定时请写明理由', 'reason');
    assertAnswer(input, ctx.today, proposal.record.proposedOn);
    const row = {
      id: newId(),
      centreCode: input.centreCode,
      proposalId: input.proposalId,
      residentId: proposal.record.residentId,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      documentNo: input.documentNo.trim(),
      tier: input.outcome === 'confirmed' ? input.tier : null,
      careTier: input.outcome === 'confirmed' ? input.careTier : null,
      reason: input.reason,
    };
    await ctx.trx.insertInto('countyTierAnswers').values({ ...row, createdAt: ctx.at, createdBy: caller.name }).execute();
    await ctx.audit({ action: 'record', entity: 'countyTierAnswers', entityId: row.id, after: row });
    return { id: row.id };
  });
}
