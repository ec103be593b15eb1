// Correcting a dose (a new record that supersedes the old one, with a reason; the old one is shown struck through)
// and noting the effect of a 按需 dose, once. The kept stock follows a correction: a dose corrected from given to not
// given puts back what it took; from not given to given takes it.
import type { z } from 'zod';
import type { AmendDoseInput } from '@shared/api/medication-round';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { verifyChecker, withCheckerFailures } from './checker';
import { needsSecondCheck } from './due';
import { drugText, insertDose, lateBy, loadOrder, prnGivenOn } from './record-dose';
import { readMedicationSettings } from './settings';
import { returnForDose } from './stock-ledger';

/** Who may correct someone else's dose record (one's own may always be corrected). */
const CORRECTORS = new Set(['admin', 'care_lead', 'medical']);

export async function amendDose(deps: BackendDeps, caller: Caller, input: z.output<typeof AmendDoseInput>) {
  return withCheckerFailures(deps, () =>
    writeAction(deps, caller, async (ctx) => {
      const repeated = await ctx.trx.selectFrom('medicationDoses').select('id').where('requestId', '=', input.requestId).executeTakeFirst();
      if (repeated) return { id: repeated.id, repeated: true };
      const old = await ctx.trx.selectFrom('medicationDoses').selectAll().where('id', '=', input.doseId).executeTakeFirst();
      if (!old) throw notFound('服药记录');
      const later = await ctx.trx.selectFrom('medicationDoses').select('id').where('amendsId', '=', old.id).executeTakeFirst();
      if (later) throw conflict('这条服药记录已经更正过，请更正最新的那一条', 'doseId');
      if (old.recordedById !== caller.userId && !CORRECTORS.has(caller.role)) throw conflict(`这条记录是${old.recordedBy}登记的；更正别人的服药记录请找护理组长`, 'doseId');
      if (old.outcome === input.outcome && old.reason === input.reason) throw invalid('更正后的内容与原记录相同，没有要更正的', 'outcome');
      if (old.dueAt === null && input.outcome !== 'given' && old.prnEffect !== null) throw conflict('这次按需用药已写了效果，不能再改为未服', 'outcome');
      const order = await loadOrder(ctx.trx, old.orderId);
      const settings = await readMedicationSettings(ctx.trx);
      const what = drugText(order);
      const nowGiven = input.outcome === 'given';
      // A 按需 dose corrected to given counts towards the day's maximum like one recorded given.
      if (old.dueAt === null && nowGiven && old.outcome !== 'given') {
        const given = await prnGivenOn(ctx.trx, order.id, old.doseDate);
        const max = order.prnMaxPerDay ?? 1;
        if (given >= max) throw conflict(`${old.doseDate}已按需服${what} ${given} 次，医嘱每天最多 ${max} 次，不能再改为已服`, 'outcome');
      }
      // A dose becoming given needs its check now; a given dose corrected keeps the check made at the time — unless the
      // one correcting is that checker (she cannot be both the recorder and the checker), who asks a colleague again.
      const checker =
        nowGiven && needsSecondCheck(settings, order.highAlert) && (old.outcome !== 'given' || old.checkerId === caller.userId)
          ? await verifyChecker(ctx, input.checker, what)
          : old.checkerId && nowGiven
            ? { id: old.checkerId, name: old.checkerName! }
            : null;
      if (checker && checker.id === caller.userId) throw invalid('核对人不能是您自己：请另一位同事来核对', 'checker');
      const id = await insertDose(ctx, {
        // The stock is taken only when a dose not given becomes given; a given dose corrected stays taken.
        order: old.outcome === 'given' && nowGiven ? { ...order, supply: 'self' } : order,
        dueAt: old.dueAt,
        slot: old.slot,
        doseDate: old.doseDate,
        outcome: input.outcome,
        reason: input.reason,
        givenAt: old.outcome === input.outcome ? old.givenAt : ctx.at,
        // 迟服 follows the corrected outcome: a late dose corrected to refused is no longer a late dose, and one
        // corrected to given is as late as the correction
        lateMinutes:
          old.dueAt === null ? null : old.outcome === input.outcome ? old.lateMinutes : lateBy(new Date(old.dueAt), new Date(ctx.at), settings.lateMinutes, input.outcome),
        checker,
        shiftId: old.shiftId,
        shiftDate: old.shiftDate,
        amendsId: old.id,
        amendReason: input.amendReason,
        requestId: input.requestId,
      });
      if (old.outcome === 'given' && !nowGiven) await returnForDose(ctx, old.id, id);
      await ctx.audit({
        action: 'amend',
        entity: 'medicationDoses',
        entityId: id,
        before: { outcome: enumLabel('doseOutcome', old.outcome), reason: old.reason },
        after: { drug: what, time: old.slot ?? '按需', date: old.doseDate, outcome: enumLabel('doseOutcome', input.outcome), reason: input.reason, amendsId: old.id, amendReason: input.amendReason },
      });
      return { id, repeated: false };
    }),
  );
}

/** The effect of a 按需 dose, noted later, once. */
export function prnEffect(deps: BackendDeps, caller: Caller, input: { doseId: string; effect: string }) {
  return writeAction(deps, caller, async (ctx) => {
    const dose = await ctx.trx.selectFrom('medicationDoses').select(['id', 'dueAt', 'outcome', 'prnEffect']).where('id', '=', input.doseId).executeTakeFirst();
    if (!dose) throw notFound('服药记录');
    if (dose.dueAt !== null) throw invalid('只有按需用药需要记录效果', 'doseId');
    if (dose.outcome !== 'given') throw invalid('这次按需用药没有服，不需要记录效果', 'doseId');
    const later = await ctx.trx.selectFrom('medicationDoses').select('id').where('amendsId', '=', dose.id).executeTakeFirst();
    if (later) throw conflict('这条记录已被更正，请在最新的记录上写效果', 'doseId');
    if (dose.prnEffect !== null) throw conflict(`这次按需用药的效果已经记录过了（${dose.prnEffect}），不能再改`, 'effect');
    await ctx.trx.updateTable('medicationDoses').set({ prnEffect: input.effect, prnEffectAt: ctx.at, prnEffectBy: caller.name }).where('id', '=', dose.id).execute();
    await ctx.audit({ action: 'update', entity: 'medicationDoses', entityId: dose.id, before: { prnEffect: null }, after: { prnEffect: input.effect } });
    return { id: dose.id };
  });
}
