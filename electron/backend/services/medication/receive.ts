// Receiving a resident's medicine into the centre's keeping (代管药品): one batch of one drug, with its 'received'
// movement (+quantity) in the same transaction — what is left is always the sum of the ledger. Only for a resident
// living here (not discharged) with a signed 服药管理协议 when the settings ask for one (GB/T 35796-2017 5.6.2.5), a drug
// of the list that is not retired, and a batch not expired on arrival. The same form sent twice is written once.
import { z } from 'zod';
import type { ReceiveInput } from '@shared/api/medication-stock';
import { AppError, invalid } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { formatQuantity, toCenti } from '@shared/domain/medication/quantity';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { bedLabels } from '../facility/places';
import { readMedicationSettings } from './settings';

export function receiveMedicine(deps: BackendDeps, caller: Caller, input: z.output<typeof ReceiveInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const db = ctx.trx;
    const repeated = await db.selectFrom('medicineBatches').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
    if (repeated) return { id: repeated.id };
    const quantityCenti = toCenti(input.quantity);
    if (quantityCenti === null || quantityCenti <= 0) throw invalid('数量应大于0，最多两位小数', 'quantity');
    if (input.receivedOn > ctx.today) throw invalid(`接收日期（${input.receivedOn}）在将来，请在药品送到时登记`, 'receivedOn');

    const resident = await db.selectFrom('residents').select(['id', 'name', 'status', 'dischargedOn']).where('id', '=', input.residentId).executeTakeFirst();
    if (!resident) throw new AppError('NOT_FOUND', '找不到这位老人，请刷新后重新选择', 'residentId');
    if (resident.status === 'discharged') {
      throw invalid(`${resident.name}已${resident.dischargedOn ? `于${resident.dischargedOn}` : ''}出院，不能再接收代管药品；剩下的药请退还家属或销毁`, 'residentId');
    }
    const drug = await db.selectFrom('drugs').select(['id', 'name', 'strength', 'unit', 'retiredAt']).where('id', '=', input.drugId).executeTakeFirst();
    if (!drug) throw invalid('药品不在药品目录中，请刷新后重新选择', 'drugId');
    if (drug.retiredAt !== null) throw invalid(`药品“${drug.name}”已停用，不能再接收；请先在药品目录中核对`, 'drugId');
    // expired by the day it arrived, or by today (a receipt typed in late is not a way to keep an expired batch)
    if (input.expiresOn < input.receivedOn || input.expiresOn < ctx.today) {
      throw invalid(`这批${drug.name}（批号 ${input.batchNo}）已于${input.expiresOn}过期，不能接收代管；请退回送药人`, 'expiresOn');
    }
    const settings = await readMedicationSettings(db);
    if (settings.agreementRequired) {
      const agreement = await db
        .selectFrom('medicationAgreements')
        .select('id')
        .where('residentId', '=', resident.id)
        .where('endedOn', 'is', null)
        .where('signedOn', '<=', input.receivedOn)
        .executeTakeFirst();
      if (!agreement) {
        throw invalid(`${resident.name}还没有签订服药管理协议，不能接收代管药品。请先在“服药协议”中登记与老人或家属签订的协议`, 'residentId');
      }
    }

    const id = newId();
    const batch = {
      id,
      residentId: resident.id,
      drugId: drug.id,
      batchNo: input.batchNo,
      expiresOn: input.expiresOn,
      receivedOn: input.receivedOn,
      quantityCenti,
      source: input.source,
      fromWhom: input.fromWhom,
      note: input.note,
      requestId: input.requestId,
      createdAt: ctx.at,
      createdById: caller.userId,
      createdBy: caller.name,
    };
    await db.insertInto('medicineBatches').values(batch).execute();
    await db
      .insertInto('medicineMovements')
      .values({ id: newId(), batchId: id, kind: 'received', quantityCenti, at: ctx.at, doseId: null, countId: null, reason: '', witness: '', recordedById: caller.userId, recordedBy: caller.name })
      .execute();
    await ctx.audit({
      action: 'create',
      entity: 'medicineBatches',
      entityId: id,
      after: { ...batch, resident: resident.name, drug: `${drug.name} ${drug.strength}`.trim(), quantity: formatQuantity(quantityCenti, enumLabel('doseUnit', drug.unit)) },
    });
    return { id };
  });
}

/** Residents living here (not discharged) with whether an 服药管理协议 is open, and the drugs not retired. */
export async function receiveChoices(db: Executor) {
  const settings = await readMedicationSettings(db);
  const residents = await db.selectFrom('residents').select(['id', 'name', 'bedId']).where('status', '!=', 'discharged').execute();
  const open = new Set((await db.selectFrom('medicationAgreements').select('residentId').where('endedOn', 'is', null).execute()).map((a) => a.residentId));
  const labels = await bedLabels(db, residents.flatMap((r) => (r.bedId ? [r.bedId] : [])));
  const drugs = await db.selectFrom('drugs').select(['id', 'name', 'form', 'strength', 'unit']).where('retiredAt', 'is', null).orderBy('name').execute();
  return {
    agreementRequired: settings.agreementRequired,
    residents: residents
      .map((r) => ({ id: r.id, name: r.name, bedLabel: r.bedId ? (labels.get(r.bedId) ?? null) : null, hasAgreement: open.has(r.id) }))
      .sort((a, b) => (a.bedLabel ?? '\uffff').localeCompare(b.bedLabel ?? '\uffff', 'zh-CN')),
    drugs,
  };
}
