// An elder's month of services at home: the visits (done and missed, voided ones too, marked), each entitled item's
// quota / used / left (quota.ts), the price class of the month, and the elder's open plans (so 登记服务 can prefill).
import { z } from 'zod';
import type { ElderMonth } from '@shared/api/homecare-delivery';
import { AppError } from '@shared/api/errors';
import { ageOn, lastDayOfMonth } from '@shared/domain/dates';
import { ELDER_CATEGORIES } from '@shared/domain/elders/vocab';
import { priceClassOf } from '@shared/domain/homecare/price-class';
import type { Executor } from '../../db/executor';
import { parseJsonColumn } from '../../db/json';
import { quotaOfMonth } from './quota';
import { loadVisits } from './visit-list';

const Categories = z.array(z.enum(ELDER_CATEGORIES));
const Strings = z.array(z.string());
const Numbers = z.array(z.number());

export async function elderMonth(db: Executor, elderId: string, month: string, today: string): Promise<ElderMonth> {
  const elder = await db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select(['elders.id', 'elders.name', 'elders.address', 'elders.status', 'elders.categories', 'elders.birthDate', 'villages.name as village'])
    .where('elders.id', '=', elderId)
    .executeTakeFirst();
  if (!elder) throw new AppError('NOT_FOUND', '农村老人名册中没有这位老人，请刷新后重试', 'elderId');
  const last = lastDayOfMonth(month);
  const asOf = today < last ? today : last;
  const [quota, visits, plans] = await Promise.all([
    quotaOfMonth(db, elderId, month),
    loadVisits(db, { from: `${month}-01`, to: last, elderId, includeVoided: true }),
    db
      .selectFrom('homeServicePlans as p')
      .innerJoin('homeServiceProviders as pr', 'pr.id', 'p.providerId')
      .leftJoin('homeServiceWorkers as w', 'w.id', 'p.workerId')
      .select(['p.id', 'p.providerId', 'pr.name as provider', 'p.workerId', 'w.name as worker', 'p.weekdays', 'p.startTime', 'p.minutes', 'p.itemIds'])
      .where('p.elderId', '=', elderId)
      .where((eb) => eb.or([eb('p.endedOn', 'is', null), eb('p.endedOn', '>=', asOf)]))
      .where((eb) => eb.or([eb('p.toOn', 'is', null), eb('p.toOn', '>=', asOf)]))
      .orderBy('p.startTime')
      .execute(),
  ]);
  return {
    elderId: elder.id,
    name: elder.name,
    village: elder.village,
    address: elder.address,
    status: elder.status,
    month,
    priceClass: priceClassOf(parseJsonColumn(Categories, elder.categories, '老人的类别'), ageOn(elder.birthDate, asOf)),
    quota,
    visits,
    plans: plans.map((p) => ({ ...p, weekdays: parseJsonColumn(Numbers, p.weekdays, '服务计划的星期'), itemIds: parseJsonColumn(Strings, p.itemIds, '服务计划的项目') })),
  };
}
