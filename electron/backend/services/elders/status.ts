// An elder's status on the register: at home, moved away, died (with the date). Moving into the centre is set by the
// admission only. A date before a visit or a final home assessment already recorded is refused (they say the elder was
// there), and meal aid stops on the same day, in the same action.
import type { z } from 'zod';
import type { StatusInput } from '@shared/api/elders';
import { conflict, invalid } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { elderOrThrow } from './register';

export function setElderStatus(deps: BackendDeps, caller: Caller, input: z.output<typeof StatusInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const elder = await elderOrThrow(ctx.trx, input.elderId);
    if (elder.status === 'in_centre') throw conflict(`${elder.name}已入住本院，状态随入住、离院手续变化，不能在名册上改`);
    if (elder.status === input.status) throw conflict(`${elder.name}的状态已是「${enumLabel('elderStatus', input.status)}」`, 'status');
    const on = input.status === 'at_home' ? null : input.on;
    if (input.status !== 'at_home') {
      const what = input.status === 'died' ? '去世日期' : '迁出日期';
      if (!on) throw invalid(`请填写${what}`, 'on');
      if (on > ctx.today) throw invalid(`${what}不能晚于今天`, 'on');
      if (on < elder.registeredOn) throw invalid(`${what}不能早于登记日期 ${elder.registeredOn}`, 'on');
      const laterVisit = await ctx.trx
        .selectFrom('elderVisits')
        .select(['visitedOn', 'visitor'])
        .where('elderId', '=', elder.id)
        .where('voidedAt', 'is', null)
        .where('visitedOn', '>', on)
        .orderBy('visitedOn', 'desc')
        .executeTakeFirst();
      if (laterVisit) throw invalid(`${what} ${on} 早于已记录的探访（${laterVisit.visitedOn}，${laterVisit.visitor}）：请先核对日期，或作废那次探访记录`, 'on');
      const laterAssessment = await ctx.trx.selectFrom('assessments').select('assessedOn').where('elderId', '=', elder.id).where('status', '=', 'final').where('assessedOn', '>', on).orderBy('assessedOn', 'desc').executeTakeFirst();
      if (laterAssessment) throw invalid(`${what} ${on} 早于已定稿的居家能力评估（${laterAssessment.assessedOn}）：请先核对日期`, 'on');
    }
    const before = { status: elder.status, statusOn: elder.statusOn };
    const after = { status: input.status, statusOn: on };
    await ctx.trx.updateTable('elders').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', elder.id).execute();
    await ctx.audit({ action: 'update', entity: 'elders', entityId: elder.id, before, after: { ...after, note: input.note } });
    if (on) {
      const enrolment = await ctx.trx.selectFrom('mealAidDiners').select(['id', 'leftOn']).where('elderId', '=', elder.id).executeTakeFirst();
      if (enrolment && (enrolment.leftOn === null || enrolment.leftOn > on)) {
        await ctx.trx.updateTable('mealAidDiners').set({ leftOn: on, ...ctx.stampUpdate() }).where('id', '=', enrolment.id).execute();
        await ctx.audit({ action: 'update', entity: 'mealAidDiners', entityId: enrolment.id, before: { leftOn: enrolment.leftOn }, after: { leftOn: on } });
      }
    }
    return { id: elder.id };
  });
}
