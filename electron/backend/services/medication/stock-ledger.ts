// The stock ledger of medicines kept for residents (代管药品): what is left of each batch is the sum of its movements
// (received +, given −, corrected +, counted ±, returned/destroyed −), kept as a running balance by the database
// (medicine_batch_balances, migration 0026), which also refuses any movement that would take a batch below zero. A given dose takes from the batches that expire first (FEFO), never from an expired one.
import { invalid } from '@shared/api/errors';
import { formatQuantity } from '@shared/domain/medication/quantity';
import type { WriteContext } from '../../audit';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';

export interface BatchBalance {
  batchId: string;
  residentId: string;
  drugId: string;
  batchNo: string;
  expiresOn: string;
  receivedOn: string;
  receivedCenti: number;
  leftCenti: number;
}

/** What is left of each batch of the given residents (and drugs), batches that expire first first. */
export async function batchBalances(
  db: Executor,
  filter: {
    residentIds?: readonly string[];
    drugIds?: readonly string[];
    batchIds?: readonly string[];
    /** Only batches expiring on or after this date. */
    expiringFrom?: string;
    /** Only batches with something left. */
    withStockOnly?: boolean;
  },
): Promise<BatchBalance[]> {
  let q = db
    .selectFrom('medicineBatches as b')
    .leftJoin('medicineBatchBalances as bal', 'bal.batchId', 'b.id')
    .select((eb) => [
      'b.id as batchId',
      'b.residentId',
      'b.drugId',
      'b.batchNo',
      'b.expiresOn',
      'b.receivedOn',
      'b.quantityCenti as receivedCenti',
      eb.fn.coalesce('bal.leftCenti', eb.lit(0)).as('leftCenti'),
    ]);
  // Ten years of used-up batches are skipped through the balances' partial index.
  if (filter.withStockOnly) q = q.where('bal.leftCenti', '>', 0);
  if (filter.residentIds) {
    if (filter.residentIds.length === 0) return [];
    q = q.where('b.residentId', 'in', [...filter.residentIds]);
  }
  if (filter.drugIds) {
    if (filter.drugIds.length === 0) return [];
    q = q.where('b.drugId', 'in', [...filter.drugIds]);
  }
  if (filter.batchIds) {
    if (filter.batchIds.length === 0) return [];
    q = q.where('b.id', 'in', [...filter.batchIds]);
  }
  if (filter.expiringFrom) q = q.where('b.expiresOn', '>=', filter.expiringFrom);
  const rows = await q.orderBy('b.expiresOn').orderBy('b.receivedOn').execute();
  return rows.map((r) => ({ ...r, leftCenti: Number(r.leftCenti) }));
}

interface DoseTake {
  residentId: string;
  drugId: string;
  /** For the message. */
  drugName: string;
  unitLabel: string;
  doseCenti: number;
  doseId: string;
  /** The China date the dose is given (a batch expiring before it is not used). */
  onDate: string;
}

/**
 * Takes a given dose from the resident's kept stock of the drug, from the batches that expire first. Refuses, naming
 * the problem, when what is left of the unexpired batches is less than the dose, or when only expired ones are left.
 */
export async function takeForDose(ctx: WriteContext, take: DoseTake): Promise<void> {
  // only the batches not expired on the day are summed (years of used-up ones are not read on every dose)
  const usable = (await batchBalances(ctx.trx, { residentIds: [take.residentId], drugIds: [take.drugId], expiringFrom: take.onDate })).filter((b) => b.leftCenti > 0);
  const available = usable.reduce((sum, b) => sum + b.leftCenti, 0);
  if (available < take.doseCenti) {
    const all = await batchBalances(ctx.trx, { residentIds: [take.residentId], drugIds: [take.drugId] });
    const expired = all.filter((b) => b.leftCenti > 0 && b.expiresOn < take.onDate);
    if (expired.length > 0 && available === 0) {
      throw invalid(`${take.drugName}代管的药已过期（批号 ${expired[0].batchNo}，有效期至 ${expired[0].expiresOn}），不能服用。请登记“缺药”并联系家属或卫生院，过期药按销毁登记`, 'outcome');
    }
    throw invalid(
      `${take.drugName}代管库存不足：只剩 ${formatQuantity(available, take.unitLabel)}，这次要服 ${formatQuantity(take.doseCenti, take.unitLabel)}。请登记“缺药”，或先登记新送来的药`,
      'outcome',
    );
  }
  let left = take.doseCenti;
  for (const b of usable) {
    if (left === 0) break;
    const part = Math.min(left, b.leftCenti);
    await ctx.trx
      .insertInto('medicineMovements')
      .values({ id: newId(), batchId: b.batchId, kind: 'given', quantityCenti: -part, at: ctx.at, doseId: take.doseId, countId: null, reason: '', witness: '', recordedById: ctx.caller.userId, recordedBy: ctx.caller.name })
      .execute();
    left -= part;
  }
}

/**
 * A given dose corrected to not given: what it took goes back to the same batches. The stock was taken by the record
 * that first made the dose given; a correction that kept it given (a reason changed) took nothing, so the chain of given
 * records is followed back to it.
 */
export async function returnForDose(ctx: WriteContext, doseId: string, newDoseId: string): Promise<void> {
  const chain: string[] = [];
  for (let id: string | null = doseId; id !== null; ) {
    const row: { id: string; outcome: string; amendsId: string | null } | undefined = await ctx.trx.selectFrom('medicationDoses').select(['id', 'outcome', 'amendsId']).where('id', '=', id).executeTakeFirst();
    if (!row || row.outcome !== 'given') break;
    chain.push(row.id);
    id = row.amendsId;
  }
  if (chain.length === 0) return;
  const taken = await ctx.trx.selectFrom('medicineMovements').select(['batchId', 'quantityCenti']).where('doseId', 'in', chain).where('kind', '=', 'given').execute();
  for (const t of taken) {
    await ctx.trx
      .insertInto('medicineMovements')
      .values({ id: newId(), batchId: t.batchId, kind: 'dose_corrected', quantityCenti: -t.quantityCenti, at: ctx.at, doseId: newDoseId, countId: null, reason: '服药记录更正', witness: '', recordedById: ctx.caller.userId, recordedBy: ctx.caller.name })
      .execute();
  }
}
