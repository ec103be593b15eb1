// A resident who leaves the centre (退住, 死亡, 转院) takes no more doses here: his running and future orders are stopped
// in the discharge's own transaction, the day after the discharge date (doses of the discharge day stay recordable),
// each audited like a stop by hand. A readmitted resident gets new orders from the doctor.
import { addDays } from '@shared/domain/dates';
import type { WriteContext } from '../../audit';

export async function stopOrdersAtDischarge(ctx: WriteContext, residentId: string, dischargedOn: string): Promise<number> {
  const after = addDays(dischargedOn, 1);
  const running = await ctx.trx
    .selectFrom('medicationOrders')
    .select(['id', 'startsOn'])
    .where('residentId', '=', residentId)
    .where('stoppedAt', 'is', null)
    .where((eb) => eb.or([eb('endsOn', 'is', null), eb('endsOn', '>=', after)]))
    .execute();
  for (const o of running) {
    // An order not started by then is stopped from its own start: it never runs.
    const stoppedOn = o.startsOn > after ? o.startsOn : after;
    const stop = { stoppedAt: ctx.at, stoppedOn, stoppedBy: ctx.caller.name, stopReason: '老人离院' };
    await ctx.trx.updateTable('medicationOrders').set(stop).where('id', '=', o.id).execute();
    await ctx.audit({ action: 'update', entity: 'medicationOrders', entityId: o.id, before: { stoppedAt: null, stoppedOn: null, stoppedBy: null, stopReason: null }, after: stop });
  }
  return running.length;
}
