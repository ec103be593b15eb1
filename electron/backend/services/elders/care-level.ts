// A manual 关爱等级 over the rules' level: it needs a reason (the reason is shown wherever the level is), and clearing
// it returns the elder to the level the rules give.
import type { z } from 'zod';
import type { RiskOverrideInput } from '@shared/api/elders';
import { invalid } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { elderOrThrow } from './register';

export function setRiskOverride(deps: BackendDeps, caller: Caller, input: z.output<typeof RiskOverrideInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const elder = await elderOrThrow(ctx.trx, input.elderId);
    if (input.level !== null && !input.reason) throw invalid('手动调整关爱等级必须写明原因', 'reason');
    const after = { riskOverride: input.level, riskOverrideReason: input.level === null ? null : input.reason };
    await ctx.trx.updateTable('elders').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', elder.id).execute();
    await ctx.audit({ action: 'update', entity: 'elders', entityId: elder.id, before: { riskOverride: elder.riskOverride, riskOverrideReason: elder.riskOverrideReason }, after });
    return { id: elder.id };
  });
}
