// Reading the stock ledger: one batch's movements with the balance after each, and the printed 代管药品登记 (per
// resident: each batch received, what was given, the count differences, returns and destruction, what is left).
import { sql } from 'kysely';
import type { z } from 'zod';
import type { BatchLedger, StockSheet, StockSheetQuery } from '@shared/api/medication-stock';
import { AppError } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { todayIn } from '../../clock';
import type { BackendDeps } from '../../deps';
import { bedLabels } from '../facility/places';
import { readMedicationSettings } from './settings';
import { batchBalances } from './stock-ledger';

export async function batchLedger(deps: BackendDeps, batchId: string): Promise<BatchLedger> {
  const today = todayIn(deps.clock);
  const b = await deps.db
    .selectFrom('medicineBatches as b')
    .innerJoin('drugs as d', 'd.id', 'b.drugId')
    .innerJoin('residents as r', 'r.id', 'b.residentId')
    .select(['b.id', 'b.residentId', 'r.name as resident', 'd.name as drugName', 'd.strength', 'd.unit', 'b.batchNo', 'b.expiresOn', 'b.receivedOn', 'b.quantityCenti', 'b.source', 'b.fromWhom', 'b.createdBy', 'b.note'])
    .where('b.id', '=', batchId)
    .executeTakeFirst();
  if (!b) throw new AppError('NOT_FOUND', '找不到这个批次，请刷新后重试', 'batchId');
  const rows = await deps.db
    .selectFrom('medicineMovements')
    .select(['id', 'at', 'kind', 'quantityCenti', 'reason', 'witness', 'recordedBy', 'doseId', 'countId'])
    .where('batchId', '=', batchId)
    .orderBy('at')
    .orderBy(sql`rowid`)
    .execute();
  let balance = 0;
  const movements = rows.map((m) => ({ ...m, balanceCenti: (balance += m.quantityCenti) }));
  const settings = await readMedicationSettings(deps.db);
  const expired = b.expiresOn < today;
  return {
    batch: {
      batchId: b.id,
      residentId: b.residentId,
      resident: b.resident,
      drugName: b.drugName,
      strength: b.strength,
      unit: b.unit,
      note: b.note,
      batchNo: b.batchNo,
      expiresOn: b.expiresOn,
      receivedOn: b.receivedOn,
      receivedCenti: b.quantityCenti,
      leftCenti: balance,
      source: b.source,
      fromWhom: b.fromWhom,
      receivedBy: b.createdBy,
      expired,
      expiring: !expired && b.expiresOn <= addDays(today, settings.expiryWarnDays),
    },
    movements,
  };
}

export async function stockSheet(deps: BackendDeps, query: z.output<typeof StockSheetQuery>): Promise<StockSheet> {
  const today = todayIn(deps.clock);
  const settings = await readMedicationSettings(deps.db);
  const warnUntil = addDays(today, settings.expiryWarnDays);
  const centreName = (await deps.db.selectFrom('facility').select('name').executeTakeFirst())?.name ?? '';
  const balances = await batchBalances(deps.db, query.residentId ? { residentIds: [query.residentId] } : {});
  // everyone's whole history would be long: all residents' sheet shows the batches with stock left, one resident's all of them
  const shown = query.residentId ? balances : balances.filter((b) => b.leftCenti > 0);
  if (shown.length === 0) {
    if (query.residentId) {
      const r = await deps.db.selectFrom('residents').select(['id', 'name', 'bedId']).where('id', '=', query.residentId).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', '找不到这位老人', 'residentId');
      const labels = await bedLabels(deps.db, r.bedId ? [r.bedId] : []);
      return { today, centreName, residents: [{ residentId: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, batches: [] }] };
    }
    return { today, centreName, residents: [] };
  }
  const ids = shown.map((b) => b.batchId);
  const info = new Map<string, { source: string; fromWhom: string; createdBy: string; drugName: string; strength: string; unit: string }>();
  const given = new Map<string, number>();
  const events = new Map<string, StockSheet['residents'][number]['batches'][number]['events']>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await deps.db
      .selectFrom('medicineBatches as b')
      .innerJoin('drugs as d', 'd.id', 'b.drugId')
      .select(['b.id', 'b.source', 'b.fromWhom', 'b.createdBy', 'd.name as drugName', 'd.strength', 'd.unit'])
      .where('b.id', 'in', part)
      .execute();
    for (const r of rows) info.set(r.id, r);
    const moves = await deps.db
      .selectFrom('medicineMovements')
      .select(['batchId', 'at', 'kind', 'quantityCenti', 'reason', 'witness', 'recordedBy'])
      .where('batchId', 'in', part)
      .where('kind', '<>', 'received')
      .orderBy('at')
      .orderBy(sql`rowid`)
      .execute();
    for (const m of moves) {
      if (m.kind === 'given' || m.kind === 'dose_corrected') given.set(m.batchId, (given.get(m.batchId) ?? 0) - m.quantityCenti);
      else events.set(m.batchId, [...(events.get(m.batchId) ?? []), { at: m.at, kind: m.kind, quantityCenti: m.quantityCenti, reason: m.reason, witness: m.witness, recordedBy: m.recordedBy }]);
    }
  }
  const residentIds = [...new Set(shown.map((b) => b.residentId))];
  const residents = await deps.db.selectFrom('residents').select(['id', 'name', 'bedId']).where('id', 'in', residentIds).execute();
  const labels = await bedLabels(deps.db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const out = residents.map((r) => ({
    residentId: r.id,
    name: r.name,
    bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null,
    batches: shown
      .filter((b) => b.residentId === r.id)
      .map((b) => {
        const d = info.get(b.batchId)!;
        const expired = b.expiresOn < today;
        return {
          batchId: b.batchId,
          batchNo: b.batchNo,
          expiresOn: b.expiresOn,
          receivedOn: b.receivedOn,
          receivedCenti: b.receivedCenti,
          leftCenti: b.leftCenti,
          source: d.source as StockSheet['residents'][number]['batches'][number]['source'],
          fromWhom: d.fromWhom,
          receivedBy: d.createdBy,
          expired,
          expiring: !expired && b.expiresOn <= warnUntil,
          drugName: d.drugName,
          strength: d.strength,
          unit: d.unit as StockSheet['residents'][number]['batches'][number]['unit'],
          givenCenti: given.get(b.batchId) ?? 0,
          events: events.get(b.batchId) ?? [],
        };
      })
      .sort((a, b) => a.drugName.localeCompare(b.drugName, 'zh-CN') || a.receivedOn.localeCompare(b.receivedOn)),
  }));
  out.sort((a, b) => (a.bedLabel ?? '\uffff').localeCompare(b.bedLabel ?? '\uffff', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
  return { today, centreName, residents: out };
}
