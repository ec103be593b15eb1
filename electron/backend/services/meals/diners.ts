// 助餐 diners: elders on the township's register (the elders module) with a meal-aid enrolment — the category that sets
// the price and subsidy, the delivery route, dine-in or delivery, and the day meal aid stopped. The person (name, ID
// number, village, phone, address) lives on the register only. Someone living in the centre now is a resident, not a
// diner (residents' meals are counted from the census), so such a person is refused.
import type { z } from 'zod';
import type { DinerInput, DinerRow } from '@shared/api/meals';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { enumLabel } from '@shared/domain/enum-labels';
import { ageOn } from '@shared/domain/dates';
import { maskIdNumber } from '@shared/domain/id-number';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { NEW_ON_REGISTER, writeElder } from '../elders/register';
import { assertNotLivingHere } from '../residents/living-here';

export const dinerActiveOn = (d: { leftOn: string | null }, date: string) => d.leftOn === null || d.leftOn > date;

/** Every enrolment with its person from the register, ordered by village and pinyin initials. */
export function selectDiners(db: Executor) {
  return db
    .selectFrom('mealAidDiners')
    .innerJoin('elders', 'elders.id', 'mealAidDiners.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .selectAll('mealAidDiners')
    .select(['elders.name', 'elders.nameInitials', 'elders.idNumber', 'elders.sex', 'elders.birthDate', 'elders.phone', 'elders.address', 'villages.name as village'])
    .orderBy('villages.name')
    .orderBy('elders.nameInitials');
}

export async function listDiners(deps: BackendDeps, query: string, includeLeft: boolean): Promise<DinerRow[]> {
  const today = todayIn(deps.clock);
  let q = selectDiners(deps.db);
  const text = query.trim();
  if (text) {
    q = q.where((eb) =>
      eb.or([eb('elders.name', 'like', `%${text}%`), eb('elders.nameInitials', 'like', `${text.toLowerCase()}%`), eb('villages.name', 'like', `%${text}%`), eb('mealAidDiners.route', 'like', `%${text}%`), eb('elders.idNumber', 'like', `%${text.toUpperCase()}`)]),
    );
  }
  const rows = await q.execute();
  return rows
    .filter((r) => includeLeft || dinerActiveOn(r, today))
    .map((r) => ({
      id: r.id,
      elderId: r.elderId,
      name: r.name,
      idNumberMasked: maskIdNumber(r.idNumber),
      sex: r.sex,
      age: ageOn(r.birthDate, today),
      village: r.village,
      category: r.category,
      phone: r.phone,
      address: r.address,
      route: r.route,
      defaultMode: r.defaultMode,
      leftOn: r.leftOn,
      active: dinerActiveOn(r, today),
      note: r.note,
    }));
}

/** Someone living in the centre now eats from the census, not as a diner. */
export const assertNotResident = (db: Executor, idNumber: string, name: string) => assertNotLivingHere(db, idNumber, name, '吃饭按老人名册计数，不能登记为助餐对象');

/** Elders on the register who could be enrolled: at home, not yet diners; searched like the register. */
export async function dinerCandidates(deps: BackendDeps, query: string) {
  const today = todayIn(deps.clock);
  const text = query.trim();
  let q = deps.db
    .selectFrom('elders')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .leftJoin('mealAidDiners', 'mealAidDiners.elderId', 'elders.id')
    .select(['elders.id', 'elders.name', 'elders.idNumber', 'elders.birthDate', 'villages.name as village'])
    .where('elders.status', '=', 'at_home')
    .where('mealAidDiners.id', 'is', null);
  if (text) q = q.where((eb) => eb.or([eb('elders.name', 'like', `%${text}%`), eb('elders.nameInitials', 'like', `${text.toLowerCase()}%`), eb('villages.name', 'like', `%${text}%`), eb('elders.idNumber', 'like', `%${text.toUpperCase()}`)]));
  const rows = await q.orderBy('villages.name').orderBy('elders.nameInitials').limit(50).execute();
  return rows.map((r) => ({ elderId: r.id, name: r.name, village: r.village, idNumberMasked: maskIdNumber(r.idNumber), age: ageOn(r.birthDate, today) }));
}

export function saveDiner(deps: BackendDeps, caller: Caller, input: z.output<typeof DinerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('mealAidDiners').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('助餐对象');
    // A resident typed in as a new person hears the kitchen's sentence, not the register's.
    if (!before && input.person) await assertNotResident(ctx.trx, input.person.idNumber.toUpperCase(), input.person.name);
    const elderId = before ? before.elderId : input.person ? (await writeElder(ctx, { ...input.person, registeredOn: ctx.today, ...NEW_ON_REGISTER })).id : input.elderId!;
    const elder = await ctx.trx.selectFrom('elders').select(['id', 'name', 'idNumber', 'status']).where('id', '=', elderId).executeTakeFirst();
    if (!elder) throw notFound('老人');
    if (!before) {
      if (elder.status !== 'at_home') throw conflict(`${elder.name}不在家居住（名册上：${enumLabel('elderStatus', elder.status)}），不能登记助餐`, 'elderId');
      const enrolled = await ctx.trx.selectFrom('mealAidDiners').select('id').where('elderId', '=', elder.id).executeTakeFirst();
      if (enrolled) throw conflict(`${elder.name}已是助餐对象，请在助餐名单里修改`, 'elderId');
    }
    await assertNotResident(ctx.trx, elder.idNumber, elder.name);
    if (input.leftOn && input.leftOn > ctx.today) throw invalid('停止助餐日期不能晚于今天', 'leftOn');
    const values = { category: input.category, route: input.route, defaultMode: input.defaultMode, leftOn: input.leftOn, note: input.note };
    if (before) {
      await ctx.trx.updateTable('mealAidDiners').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'mealAidDiners', entityId: before.id, before, after: values });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('mealAidDiners').values({ id, elderId: elder.id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'mealAidDiners', entityId: id, after: { elder: elder.name, ...values } });
    return { id };
  });
}
