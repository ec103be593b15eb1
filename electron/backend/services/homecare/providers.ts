// Providers (服务机构): the centre's own staff (本院, one such provider) or an organisation the government buys services
// from, with its contract number and period; and each provider's workers (a worker may be a member of the centre's
// staff). Both are retired, never deleted; a provider or worker still named by a running plan cannot be retired.
import type { z } from 'zod';
import type { ProviderInput, ProviderRow, WorkerInput, WorkerRow } from '@shared/api/homecare-setup';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import type { Executor } from '../../db/executor';
import { newId } from '../../ids';
import { openPlansUsing } from './setup-lookups';

const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

export async function listProviders(db: Executor, includeRetired: boolean, today: string): Promise<ProviderRow[]> {
  const providers = await db.selectFrom('homeServiceProviders').selectAll().$if(!includeRetired, (q) => q.where('retiredAt', 'is', null)).execute();
  const workers = await db
    .selectFrom('homeServiceWorkers')
    .leftJoin('staff', 'staff.id', 'homeServiceWorkers.staffId')
    .selectAll('homeServiceWorkers')
    .select('staff.name as staffName')
    .execute();
  const plans = await db
    .selectFrom('homeServicePlans')
    .select(['providerId', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', today)]))
    .where((eb) => eb.or([eb('toOn', 'is', null), eb('toOn', '>=', today)]))
    .groupBy('providerId')
    .execute();
  const openPlans = new Map(plans.map((p) => [p.providerId, Number(p.n)]));
  const toWorker = (w: (typeof workers)[number]): WorkerRow => ({
    id: w.id,
    providerId: w.providerId,
    name: w.name,
    phone: w.phone,
    staffId: w.staffId,
    staffName: w.staffName,
    retired: w.retiredAt !== null,
  });
  return providers
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || (a.kind === 'centre' ? -1 : 0) - (b.kind === 'centre' ? -1 : 0) || collator.compare(a.name, b.name))
    .map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      contactName: p.contactName,
      phone: p.phone,
      contractNo: p.contractNo,
      contractFrom: p.contractFrom,
      contractTo: p.contractTo,
      contractEnded: p.contractTo !== null && p.contractTo < today,
      retired: p.retiredAt !== null,
      openPlans: openPlans.get(p.id) ?? 0,
      workers: workers
        .filter((w) => w.providerId === p.id)
        .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || collator.compare(a.name, b.name))
        .map(toWorker),
    }));
}

export function saveProvider(deps: BackendDeps, caller: Caller, input: z.output<typeof ProviderInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('homeServiceProviders').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('服务机构');
    const same = await ctx.trx.selectFrom('homeServiceProviders').select(['id', 'retiredAt']).where('name', '=', input.name).executeTakeFirst();
    if (same && same.id !== before?.id) throw conflict(`已有名为「${input.name}」的服务机构${same.retiredAt ? '（已停用，可重新启用）' : ''}`, 'name');
    if (input.contractFrom !== null && input.contractTo !== null && input.contractTo < input.contractFrom) throw invalid('合同结束日期不能早于开始日期', 'contractTo');
    if (input.kind === 'centre' && !input.retired) {
      const centre = await ctx.trx.selectFrom('homeServiceProviders').select(['id', 'name']).where('kind', '=', 'centre').where('retiredAt', 'is', null).executeTakeFirst();
      if (centre && centre.id !== before?.id) throw conflict(`「${centre.name}」已是本院的服务机构，本院只能有一个`, 'kind');
    }
    if (before && input.retired && before.retiredAt === null) {
      const plans = await openPlansUsing(ctx.trx, { providerId: before.id }, ctx.today);
      if (plans > 0) throw conflict(`「${before.name}」还有 ${plans} 个服务计划在执行，请先终止或改由其他机构服务再停用`, 'retired');
    }
    const values = {
      name: input.name,
      kind: input.kind,
      contactName: input.contactName,
      phone: input.phone,
      contractNo: input.contractNo,
      contractFrom: input.contractFrom,
      contractTo: input.contractTo,
      retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null,
    };
    if (before) {
      await ctx.trx.updateTable('homeServiceProviders').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      const { name, kind, contactName, phone, contractNo, contractFrom, contractTo, retiredAt } = before;
      await ctx.audit({
        action: input.retired && !before.retiredAt ? 'retire' : 'update',
        entity: 'homeServiceProviders',
        entityId: before.id,
        before: { name, kind, contactName, phone, contractNo, contractFrom, contractTo, retiredAt },
        after: values,
      });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('homeServiceProviders').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'homeServiceProviders', entityId: id, after: values });
    return { id };
  });
}

export function saveWorker(deps: BackendDeps, caller: Caller, input: z.output<typeof WorkerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('homeServiceWorkers').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('服务人员');
    if (before && before.providerId !== input.providerId) throw invalid('服务人员不能转到另一家机构；请在新机构下另行添加', 'providerId');
    const provider = await ctx.trx.selectFrom('homeServiceProviders').selectAll().where('id', '=', input.providerId).executeTakeFirst();
    if (!provider) throw notFound('服务机构');
    if (provider.retiredAt !== null && !input.retired) throw conflict(`服务机构「${provider.name}」已停用，不能添加或启用它的服务人员`, 'providerId');
    if (input.staffId !== null) {
      const staff = await ctx.trx.selectFrom('staff').select(['id', 'name', 'leftOn']).where('id', '=', input.staffId).executeTakeFirst();
      if (!staff) throw notFound('本院员工');
      if (staff.leftOn !== null && staff.leftOn <= ctx.today && !input.retired && before?.staffId !== input.staffId) throw conflict(`${staff.name}已于 ${staff.leftOn} 离职，不能作为服务人员`, 'staffId');
      const twin = await ctx.trx
        .selectFrom('homeServiceWorkers')
        .select('id')
        .where('providerId', '=', input.providerId)
        .where('staffId', '=', input.staffId)
        .where('retiredAt', 'is', null)
        .$if(before !== undefined, (w) => w.where('id', '!=', before!.id))
        .executeTakeFirst();
      if (twin && !input.retired) throw conflict(`${staff.name}已是「${provider.name}」的服务人员`, 'staffId');
    }
    if (before && input.retired && before.retiredAt === null) {
      const plans = await openPlansUsing(ctx.trx, { workerId: before.id }, ctx.today);
      if (plans > 0) throw conflict(`${before.name}还有 ${plans} 个服务计划在执行，请先把这些计划改派给其他服务人员再停用`, 'retired');
    }
    const values = { providerId: input.providerId, name: input.name, phone: input.phone, staffId: input.staffId, retiredAt: input.retired ? (before?.retiredAt ?? ctx.at) : null };
    if (before) {
      await ctx.trx.updateTable('homeServiceWorkers').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      const { providerId, name, phone, staffId, retiredAt } = before;
      await ctx.audit({ action: input.retired && !before.retiredAt ? 'retire' : 'update', entity: 'homeServiceWorkers', entityId: before.id, before: { providerId, name, phone, staffId, retiredAt }, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('homeServiceWorkers').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'homeServiceWorkers', entityId: id, after: values });
    return { id };
  });
}
