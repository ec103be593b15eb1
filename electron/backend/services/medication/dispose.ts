// Returning a kept medicine to the family or destroying it (a resident discharged, an order stopped, a batch expired):
// a quantity not more than what is left, a reason and a witness, written as one 'returned' or 'destroyed' movement.
import type { z } from 'zod';
import type { DisposeInput } from '@shared/api/medication-stock';
import { AppError, invalid } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { formatQuantity, toCenti } from '@shared/domain/medication/quantity';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { batchBalances } from './stock-ledger';

export function disposeMedicine(deps: BackendDeps, caller: Caller, input: z.output<typeof DisposeInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    // the movement's id is the form's requestId: the same form sent twice is written once
    const repeated = await db.selectFrom('medicineMovements').select('id').where('id', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const [balance] = await batchBalances(db, { batchIds: [input.batchId] });
    if (!balance) throw new AppError('NOT_FOUND', '找不到这个批次，请刷新后重试', 'batchId');
    const drug = await db.selectFrom('drugs').select(['name', 'unit']).where('id', '=', balance.drugId).executeTakeFirstOrThrow();
    const unit = enumLabel('doseUnit', drug.unit);
    const quantityCenti = toCenti(input.quantity);
    if (quantityCenti === null || quantityCenti <= 0) throw invalid('数量应大于0，最多两位小数', 'quantity');
    const word = input.kind === 'returned' ? '退还' : '销毁';
    if (balance.leftCenti === 0) throw invalid(`${drug.name}（批号 ${balance.batchNo}）已经没有剩余，无需${word}`, 'quantity');
    if (quantityCenti > balance.leftCenti) {
      throw invalid(`${drug.name}（批号 ${balance.batchNo}）只剩 ${formatQuantity(balance.leftCenti, unit)}，不能${word} ${formatQuantity(quantityCenti, unit)}`, 'quantity');
    }
    const movement = {
      id: input.requestId,
      batchId: balance.batchId,
      kind: input.kind,
      quantityCenti: -quantityCenti,
      at: ctx.at,
      doseId: null,
      countId: null,
      reason: input.reason,
      witness: input.witness,
      recordedById: caller.userId,
      recordedBy: caller.name,
    };
    await db.insertInto('medicineMovements').values(movement).execute();
    await ctx.audit({
      action: 'create',
      entity: 'medicineMovements',
      entityId: movement.id,
      after: { ...movement, drug: drug.name, batchNo: balance.batchNo, quantity: formatQuantity(quantityCenti, unit), leftAfter: formatQuantity(balance.leftCenti - quantityCenti, unit) },
    });
    return { id: movement.id };
  });
}
