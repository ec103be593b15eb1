// 盘点: the kept medicines counted against the ledger, with a witness. A line whose counted quantity differs from what
// the ledger says is left needs its reason, and the difference is written as a 'count' movement — so what is left
// becomes what was counted. One transaction: a refused line writes nothing of the count. A batch that moved since the
// screen showed it (a dose given meanwhile) is refused, so a count never undoes a dose.
import type { z } from 'zod';
import type { CountDetail, CountInput, CountRow } from '@shared/api/medication-stock';
import { AppError, conflict, invalid } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { formatQuantity, toCenti } from '@shared/domain/medication/quantity';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { batchBalances } from './stock-ledger';

export function countMedicines(deps: BackendDeps, caller: Caller, input: z.output<typeof CountInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('medicineCounts').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) {
      const differences = await db.selectFrom('medicineCountLines').select('batchId').where('countId', '=', repeated.id).whereRef('expectedCenti', '<>', 'countedCenti').execute();
      return { id: repeated.id, differences: differences.length };
    }
    if (input.countedOn > ctx.today) throw invalid(`盘点日期（${input.countedOn}）在将来，请在清点当天登记`, 'countedOn');
    const balances = new Map((await batchBalances(db, { batchIds: input.lines.map((l) => l.batchId) })).map((b) => [b.batchId, b]));
    const drugs = new Map(
      (await db.selectFrom('medicineBatches as b').innerJoin('drugs as d', 'd.id', 'b.drugId').select(['b.id', 'd.name', 'd.unit']).where('b.id', 'in', input.lines.map((l) => l.batchId)).execute()).map((r) => [r.id, r]),
    );
    const lines = input.lines.map((line) => {
      const balance = balances.get(line.batchId);
      const drug = drugs.get(line.batchId);
      if (!balance || !drug) throw new AppError('NOT_FOUND', '盘点单中有一个批次找不到了，请刷新后重新盘点', 'lines');
      const what = `${drug.name}（批号 ${balance.batchNo}）`;
      const unit = enumLabel('doseUnit', drug.unit);
      const counted = toCenti(line.counted);
      if (counted === null || counted < 0) throw invalid(`${what}的清点数量应为不小于0的数，最多两位小数`, 'lines');
      if (line.expectedCenti !== null && line.expectedCenti !== balance.leftCenti) {
        throw conflict(
          `${what}的账面数量已变化（打开盘点单时 ${formatQuantity(line.expectedCenti, unit)}，现在 ${formatQuantity(balance.leftCenti, unit)}，期间可能有人服药），请刷新后重新清点这一批`,
          'lines',
        );
      }
      if (counted !== balance.leftCenti && line.reason === '') {
        throw invalid(`${what}清点 ${formatQuantity(counted, unit)}，账面 ${formatQuantity(balance.leftCenti, unit)}，不一致，请填写差异原因`, 'lines');
      }
      return { batchId: line.batchId, expectedCenti: balance.leftCenti, countedCenti: counted, reason: counted === balance.leftCenti ? '' : line.reason, what, unit };
    });
    const id = newId();
    const count = { id, countedOn: input.countedOn, witness: input.witness, note: input.note, requestId: input.requestId, createdAt: ctx.at, createdById: caller.userId, createdBy: caller.name };
    await db.insertInto('medicineCounts').values(count).execute();
    let differences = 0;
    for (const l of lines) {
      await db.insertInto('medicineCountLines').values({ countId: id, batchId: l.batchId, expectedCenti: l.expectedCenti, countedCenti: l.countedCenti, reason: l.reason }).execute();
      if (l.countedCenti === l.expectedCenti) continue;
      differences += 1;
      await db
        .insertInto('medicineMovements')
        .values({ id: newId(), batchId: l.batchId, kind: 'count', quantityCenti: l.countedCenti - l.expectedCenti, at: ctx.at, doseId: null, countId: id, reason: l.reason, witness: input.witness, recordedById: caller.userId, recordedBy: caller.name })
        .execute();
    }
    await ctx.audit({
      action: 'create',
      entity: 'medicineCounts',
      entityId: id,
      after: {
        ...count,
        lines: lines.map((l) => ({ batch: l.what, expected: formatQuantity(l.expectedCenti, l.unit), counted: formatQuantity(l.countedCenti, l.unit), reason: l.reason })),
      },
    });
    return { id, differences };
  });
}

export async function countList(deps: BackendDeps, limit: number): Promise<CountRow[]> {
  const rows = await deps.db
    .selectFrom('medicineCounts as c')
    .leftJoin('medicineCountLines as l', 'l.countId', 'c.id')
    .select((eb) => [
      'c.id',
      'c.countedOn',
      'c.witness',
      'c.note',
      'c.createdBy',
      'c.createdAt',
      eb.fn.count<number>('l.batchId').as('lines'),
      eb.fn.sum<number>(eb.case().when('l.expectedCenti', '<>', eb.ref('l.countedCenti')).then(1).else(0).end()).as('differences'),
    ])
    .groupBy('c.id')
    .orderBy('c.countedOn', 'desc')
    .orderBy('c.createdAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, lines: Number(r.lines), differences: Number(r.differences ?? 0) }));
}

export async function countDetail(deps: BackendDeps, id: string): Promise<CountDetail> {
  const c = await deps.db.selectFrom('medicineCounts').select(['id', 'countedOn', 'witness', 'note', 'createdBy', 'createdAt']).where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', '找不到这次盘点记录', 'id');
  const items = await deps.db
    .selectFrom('medicineCountLines as l')
    .innerJoin('medicineBatches as b', 'b.id', 'l.batchId')
    .innerJoin('drugs as d', 'd.id', 'b.drugId')
    .innerJoin('residents as r', 'r.id', 'b.residentId')
    .select(['l.batchId', 'b.residentId', 'r.name as resident', 'd.name as drugName', 'd.strength', 'd.unit', 'b.batchNo', 'l.expectedCenti', 'l.countedCenti', 'l.reason'])
    .where('l.countId', '=', id)
    .orderBy('r.name')
    .orderBy('d.name')
    .execute();
  return { ...c, lines: items.length, differences: items.filter((i) => i.expectedCenti !== i.countedCenti).length, items };
}
