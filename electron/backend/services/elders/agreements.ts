// 赡养协议 (老年人权益保障法 第20条): signed by the supporters with the elder's consent, its main terms, who supervises
// it, a photo of the paper and when it is due for renewal. Ended with a date and reason, never deleted.
import type { z } from 'zod';
import type { AgreementInput, EndAgreementInput } from '@shared/api/elders';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import { elderOrThrow } from './register';

export function saveAgreement(deps: BackendDeps, caller: Caller, input: z.output<typeof AgreementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const elder = await elderOrThrow(ctx.trx, input.elderId);
    if (input.signedOn > ctx.today) throw invalid('签订日期不能晚于今天', 'signedOn');
    if (input.signedOn < elder.birthDate) throw invalid('签订日期不能早于老人出生日期', 'signedOn');
    if (input.renewOn && input.renewOn <= input.signedOn) throw invalid('续签日期应晚于签订日期', 'renewOn');
    const values = { signedOn: input.signedOn, parties: input.parties, terms: input.terms, supervisor: input.supervisor, elderConsent: 1, photo: input.photo, renewOn: input.renewOn };
    const shown = <T extends { photo: string | null }>(v: T) => ({ ...v, photo: v.photo ? '（照片）' : null });
    if (input.id) {
      const before = await ctx.trx.selectFrom('elderAgreements').selectAll().where('id', '=', input.id).where('elderId', '=', elder.id).executeTakeFirst();
      if (!before) throw notFound('赡养协议');
      if (before.endedOn) throw conflict('这份赡养协议已终止，不能再修改；请登记新的协议');
      await ctx.trx.updateTable('elderAgreements').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'elderAgreements', entityId: before.id, before: shown(before), after: shown(values) });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('elderAgreements').values({ id, elderId: elder.id, ...values, endedOn: null, endReason: null, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'elderAgreements', entityId: id, after: shown({ elderId: elder.id, ...values }) });
    return { id };
  });
}

export function endAgreement(deps: BackendDeps, caller: Caller, input: z.output<typeof EndAgreementInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = await ctx.trx.selectFrom('elderAgreements').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!before) throw notFound('赡养协议');
    if (before.endedOn) throw conflict(`这份赡养协议已于 ${before.endedOn} 终止`);
    if (input.endedOn < before.signedOn) throw invalid('终止日期不能早于签订日期', 'endedOn');
    if (input.endedOn > ctx.today) throw invalid('终止日期不能晚于今天', 'endedOn');
    const after = { endedOn: input.endedOn, endReason: input.reason };
    await ctx.trx.updateTable('elderAgreements').set({ ...after, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
    await ctx.audit({ action: 'close', entity: 'elderAgreements', entityId: before.id, before: { endedOn: null }, after });
    return { id: before.id };
  });
}
