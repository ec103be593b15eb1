// Recording a dose on the round: given, refused, held (with a reason) or not available; a 按需 dose with its reason.
// Everything that makes a dose wrong is refused with its own sentence and nothing is written: an order not running
// then (stopped, not started, or a time that is not one of its times), a dose already recorded, a resident away, a
// dose too early, a 按需 dose beyond its daily maximum, the kept stock short or expired, the second person missing,
// the same person or a wrong PIN. The same form sent twice is written once.
import type { z } from 'zod';
import type { RecordDoseInput } from '@shared/api/medication-round';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { addDays, chinaDate } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import { formatQuantity } from '@shared/domain/medication/quantity';
import { chinaClock, chinaInstant, lastDay, runsOn } from '@shared/domain/medication/schedule';
import { type WriteContext, writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { type CallerShift, currentCallerShift, openCallerShift } from '../care/context';
import { verifyChecker, withCheckerFailures } from './checker';
import { needsSecondCheck } from './due';
import { type OrderRow, orderRows } from './order-rows';
import { readMedicationSettings } from './settings';
import { takeForDose } from './stock-ledger';

/** How a drug is named in a sentence: 阿司匹林肠溶片 100 mg. */
export const drugText = (o: Pick<OrderRow, 'drugName' | 'strength'>) => (o.strength ? `${o.drugName} ${o.strength}` : o.drugName);

/** The caller's running shift, open for records; refuses (naming why) when there is none. */
export async function openShiftNow(deps: BackendDeps, db: Executor, caller: Caller): Promise<CallerShift> {
  const s = await currentCallerShift(db, caller, deps.clock);
  if (!s) throw conflict('您现在没有排班，不能登记服药。发药的人要在排班表上（本班），如有疑问请找护理组长');
  return openCallerShift(db, caller, deps.clock, s.shift.id, s.window.shiftDate);
}

export async function loadOrder(db: Executor, orderId: string): Promise<OrderRow> {
  const [order] = await orderRows(db, { orderIds: [orderId] });
  if (!order) throw notFound('医嘱');
  return order;
}

export async function presentResident(db: Executor, residentId: string) {
  const r = await db.selectFrom('residents').select(['id', 'name', 'status']).where('id', '=', residentId).executeTakeFirst();
  if (!r) throw notFound('老人档案');
  if (r.status !== 'in_residence') {
    throw conflict(`${r.name}目前${enumLabel('residentStatus', r.status)}，不在院，不能登记服药。回院后请先看医嘱是否有变`, 'orderId');
  }
  return r;
}

/** The order must run on the dose's date (and, for a scheduled dose, have that time). */
export function assertOrderRuns(order: OrderRow, date: string, slot: string | null): void {
  const what = drugText(order);
  if (order.startsOn > date) throw conflict(`${what}的医嘱从 ${order.startsOn} 才开始，${date} 还不能服`, 'orderId');
  if (!runsOn(order, date)) {
    const last = lastDay(order);
    if (order.stoppedOn && last !== null && last < date) throw conflict(`${what}的医嘱已于 ${order.stoppedOn} 停止（${order.stopReason ?? ''}），不能再服`, 'orderId');
    throw conflict(`${what}的医嘱已到期（最后一天 ${last}），不能再服`, 'orderId');
  }
  if (slot !== null && !order.times.includes(slot)) throw invalid(`${what}的医嘱在 ${slot} 没有服药时间（医嘱时间：${order.times.join('、')}）`, 'dueAt');
}

export async function insertDose(
  ctx: WriteContext,
  d: {
    order: OrderRow;
    dueAt: string | null;
    slot: string | null;
    doseDate: string;
    outcome: 'given' | 'refused' | 'held' | 'not_available';
    reason: string;
    givenAt: string;
    lateMinutes: number | null;
    checker: { id: string; name: string } | null;
    shiftId: string | null;
    shiftDate: string | null;
    amendsId: string | null;
    amendReason: string | null;
    requestId: string;
  },
): Promise<string> {
  const id = newId();
  await ctx.trx
    .insertInto('medicationDoses')
    .values({
      id,
      orderId: d.order.id,
      residentId: d.order.residentId,
      dueAt: d.dueAt,
      slot: d.slot,
      doseDate: d.doseDate,
      outcome: d.outcome,
      reason: d.reason,
      givenAt: d.givenAt,
      doseCenti: d.outcome === 'given' ? d.order.doseCenti : 0,
      lateMinutes: d.lateMinutes,
      checkerId: d.checker?.id ?? null,
      checkerName: d.checker?.name ?? null,
      prnEffect: null,
      prnEffectAt: null,
      prnEffectBy: null,
      shiftId: d.shiftId,
      shiftDate: d.shiftDate,
      amendsId: d.amendsId,
      amendReason: d.amendReason,
      requestId: d.requestId,
      recordedAt: ctx.at,
      recordedById: ctx.caller.userId,
      recordedBy: ctx.caller.name,
    })
    .execute();
  if (d.outcome === 'given' && d.order.supply === 'kept') {
    await takeForDose(ctx, {
      residentId: d.order.residentId,
      drugId: d.order.drugId,
      drugName: drugText(d.order),
      unitLabel: enumLabel('doseUnit', d.order.unit),
      doseCenti: d.order.doseCenti,
      doseId: id,
      onDate: d.doseDate,
    });
  }
  return id;
}

export async function recordDose(deps: BackendDeps, caller: Caller, input: z.output<typeof RecordDoseInput>) {
  return withCheckerFailures(deps, () =>
    writeAction(deps, caller, async (ctx) => {
      const repeated = await ctx.trx.selectFrom('medicationDoses').select(['id', 'lateMinutes']).where('requestId', '=', input.requestId).executeTakeFirst();
      if (repeated) return { id: repeated.id, repeated: true, lateMinutes: repeated.lateMinutes };
      const shift = await openShiftNow(deps, ctx.trx, caller);
      const order = await loadOrder(ctx.trx, input.orderId);
      const resident = await presentResident(ctx.trx, order.residentId);
      const settings = await readMedicationSettings(ctx.trx);
      const now = new Date(ctx.at);
      const what = drugText(order);
      let dueAt: string | null = null;
      let slot: string | null = null;
      let doseDate = ctx.today;
      let lateMinutes: number | null = null;
      if (order.frequency === 'prn') {
        if (input.dueAt !== null) throw invalid(`${what}是按需用药，没有固定的服药时间`, 'dueAt');
        assertOrderRuns(order, doseDate, null);
        if (input.outcome === 'given') {
          const given = await prnGivenOn(ctx.trx, order.id, doseDate);
          const max = order.prnMaxPerDay ?? 1;
          if (given >= max) throw conflict(`${resident.name}今天已按需服${what} ${given} 次，医嘱每天最多 ${max} 次，不能再服。如确有需要请联系医生`, 'orderId');
        }
      } else {
        if (input.dueAt === null) throw invalid(`请选择${what}这次的服药时间`, 'dueAt');
        const due = new Date(input.dueAt);
        dueAt = due.toISOString();
        slot = chinaClock(due);
        doseDate = chinaDate(due);
        if (chinaInstant(doseDate, slot).getTime() !== due.getTime()) throw invalid(`${what}的服药时间应为整分钟`, 'dueAt');
        assertOrderRuns(order, doseDate, slot);
        const earliest = due.getTime() - settings.earlyMinutes * 60_000;
        if (now.getTime() < earliest) {
          throw conflict(`${what}（${slot}）还没到时间：最早 ${chinaClock(new Date(earliest))} 才能服（提前不超过 ${settings.earlyMinutes} 分钟）`, 'dueAt');
        }
        // A dose from long before this shift is not the round's: it is a correction for the one in charge.
        if (due.getTime() < shift.window.start.getTime() - 12 * 3_600_000 || doseDate < addDays(ctx.today, -1)) {
          throw conflict(`${what}（${doseDate} ${slot}）是以前班次的药，本班不能补登；如需更正请找护理组长`, 'dueAt');
        }
        const earlier = await ctx.trx
          .selectFrom('medicationDoses')
          .select(['outcome', 'recordedBy', 'givenAt'])
          .where('orderId', '=', order.id)
          // by day first: the (order, day) index finds the dose among ten years of the order's doses
          .where('doseDate', '=', doseDate)
          .where('dueAt', '=', dueAt)
          .orderBy('recordedAt', 'desc')
          .executeTakeFirst();
        if (earlier) {
          throw conflict(
            `${resident.name} ${slot} 的${what}已由${earlier.recordedBy}在 ${chinaClock(new Date(earlier.givenAt))} 登记为“${enumLabel('doseOutcome', earlier.outcome)}”，不能再登记一次。如果登记错了，请点“更正”并写明原因`,
            'dueAt',
          );
        }
        lateMinutes = lateBy(due, now, settings.lateMinutes, input.outcome);
      }
      const checker = input.outcome === 'given' && needsSecondCheck(settings, order.highAlert) ? await verifyChecker(ctx, input.checker, what) : null;
      const id = await insertDose(ctx, {
        order,
        dueAt,
        slot,
        doseDate,
        outcome: input.outcome,
        reason: input.reason,
        givenAt: ctx.at,
        lateMinutes,
        checker,
        shiftId: shift.shift.id,
        shiftDate: shift.window.shiftDate,
        amendsId: null,
        amendReason: null,
        requestId: input.requestId,
      });
      await ctx.audit({
        action: 'record',
        entity: 'medicationDoses',
        entityId: id,
        after: {
          residentId: resident.name,
          drug: what,
          dose: formatQuantity(order.doseCenti, enumLabel('doseUnit', order.unit)),
          time: slot ?? '按需',
          outcome: enumLabel('doseOutcome', input.outcome),
          ...(input.reason ? { reason: input.reason } : {}),
          ...(lateMinutes !== null ? { lateMinutes } : {}),
          ...(checker ? { checker: checker.name } : {}),
        },
      });
      return { id, repeated: false, lateMinutes };
    }),
  );
}

/**
 * 迟服: the minutes after its time a dose was GIVEN, when more than the allowed delay; null otherwise (a late refusal
 * or hold is not a late dose).
 */
export function lateBy(due: Date, givenAt: Date, allowedMinutes: number, outcome: string): number | null {
  if (outcome !== 'given') return null;
  const late = Math.floor((givenAt.getTime() - due.getTime()) / 60_000);
  return late > allowedMinutes ? late : null;
}

/** 按需 doses of an order given on a China date (the latest record of each). */
export async function prnGivenOn(db: Executor, orderId: string, date: string): Promise<number> {
  const rows = await db.selectFrom('medicationDoses').select(['id', 'outcome', 'amendsId']).where('orderId', '=', orderId).where('doseDate', '=', date).where('dueAt', 'is', null).execute();
  const amended = new Set(rows.flatMap((r) => (r.amendsId ? [r.amendsId] : [])));
  return rows.filter((r) => !amended.has(r.id) && r.outcome === 'given').length;
}
