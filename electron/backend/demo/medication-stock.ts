// The demo centre's kept medicines (issue 19, stock part): for every kept order the orders part's demo made (their
// drugs per resident), a receipt 35 days back (or on the order's start) of enough for about 45 days at its scheduled
// doses (按需: 20 of its unit), so the month of rounds has stock and about ten days are left; one batch running low (a
// receipt of 38 days' worth), one expiring in three weeks; a second small batch destroyed with a witness (受潮变色); a
// count of every batch (demoMedicationCount, called after the month of rounds), one with a difference and its reason. Through the real services, each with the
// clock set to the day it happens, so the stamps and the ledger read as they would have. Residents without a signed
// 服药管理协议 get none (the service refuses, as it would for a user).
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/medication/schedule';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { countMedicines } from '../services/medication/counts';
import { disposeMedicine } from '../services/medication/dispose';
import { orderRows } from '../services/medication/order-rows';
import { receiveMedicine } from '../services/medication/receive';
import { batchBalances } from '../services/medication/stock-ledger';
import type { Random } from './random';

const BRINGERS = ['家属', '卫生院药房', '乡镇卫生院', '家属'];

export async function demoMedicationStock(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  const on = (date: string, time = '09:30'): BackendDeps => ({ db: deps.db, clock: { now: () => chinaInstant(date, time) } });
  const from = addDays(today, -35);
  const orders = (await orderRows(deps.db, { activeFrom: from, activeTo: today })).filter((o) => o.supply === 'kept');
  const pairs = new Map<string, { residentId: string; drugId: string; daily: number; prn: boolean; startsOn: string }>();
  for (const o of orders) {
    const key = `${o.residentId}|${o.drugId}`;
    const p = pairs.get(key) ?? { residentId: o.residentId, drugId: o.drugId, daily: 0, prn: true, startsOn: o.startsOn };
    if (o.frequency !== 'prn') {
      p.daily += o.doseCenti * o.times.length;
      p.prn = false;
    }
    if (o.startsOn < p.startsOn) p.startsOn = o.startsOn;
    pairs.set(key, p);
  }
  let events = 0;
  let low = false;
  let expiring = false;
  let destroyed = false;
  let serial = 0;
  for (const p of pairs.values()) {
    serial += 1;
    const receivedOn = p.startsOn > from ? (p.startsOn > today ? today : p.startsOn) : from;
    let days = 45;
    if (!p.prn && !low && serial > 2) {
      days = 38;
      low = true;
    }
    const quantity = p.prn ? 20 : Math.ceil((p.daily * days) / 100);
    let expiresOn = addDays(today, 200 + random.int(0, 500));
    if (!expiring && serial > 4) {
      expiresOn = addDays(today, 21);
      expiring = true;
    }
    try {
      await receiveMedicine(on(receivedOn), actor, {
        requestId: randomUUID(),
        residentId: p.residentId,
        drugId: p.drugId,
        batchNo: `${receivedOn.replaceAll('-', '').slice(2)}${String(random.int(10, 99))}`,
        expiresOn,
        quantity,
        source: random.pick(['family', 'township_hospital', 'family', 'pharmacy'] as const),
        fromWhom: random.pick(BRINGERS),
        receivedOn,
        note: '',
      });
      events += 1;
      if (!destroyed && !p.prn) {
        // a second small batch that got damp: destroyed ten days ago before the witness
        const extra = await receiveMedicine(on(addDays(today, -30)), actor, {
          requestId: randomUUID(),
          residentId: p.residentId,
          drugId: p.drugId,
          batchNo: `${addDays(today, -30).replaceAll('-', '').slice(2)}07`,
          expiresOn: addDays(today, 400),
          quantity: 6,
          source: 'family',
          fromWhom: '家属',
          receivedOn: addDays(today, -30),
          note: '家属另送一小瓶',
        });
        await disposeMedicine(on(addDays(today, -10), '15:00'), actor, { requestId: randomUUID(), batchId: extra.id, kind: 'destroyed', quantity: 6, reason: '药片受潮变色', witness: '李护士' });
        destroyed = true;
        events += 2;
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return events;
}

/** After the month of rounds: a count this morning of every batch with stock, one a tablet short with its reason. */
export async function demoMedicationCount(deps: BackendDeps, actor: Caller, today: string): Promise<number> {
  const on = (date: string, time: string): BackendDeps => ({ db: deps.db, clock: { now: () => chinaInstant(date, time) } });
  let events = 0;
  const countedOn = today;
  const batches = (await batchBalances(deps.db, {})).filter((b) => b.leftCenti > 0);
  if (batches.length > 0) {
    const short = batches.find((b) => b.leftCenti >= 200) ?? null;
    await countMedicines(on(countedOn, '06:30'), actor, {
      requestId: randomUUID(),
      countedOn,
      witness: '李护士',
      note: '月度盘点',
      lines: batches.map((b) => ({
        batchId: b.batchId,
        counted: (b === short ? b.leftCenti - 100 : b.leftCenti) / 100,
        expectedCenti: b.leftCenti,
        reason: b === short ? '少一片，疑为服药时掉落，已告知护理组长' : '',
      })),
    });
    events += 1;
  }
  return events;
}
