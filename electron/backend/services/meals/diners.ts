// 助餐 diners: village elders who eat at the centre's canteen or have meals delivered. A diner who lives here is a
// resident, not a diner (residents' meals are counted from the census), so such an ID number is refused.
import type { z } from 'zod';
import type { DinerInput, DinerRow } from '@shared/api/meals';
import { conflict, invalid, notFound } from '@shared/api/errors';
import { ageOn } from '@shared/domain/dates';
import { maskIdNumber, parseIdNumber } from '@shared/domain/id-number';
import { pinyinInitials } from '@shared/domain/pinyin-initials';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { todayIn } from '../../clock';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';

export const dinerActiveOn = (d: { leftOn: string | null }, date: string) => d.leftOn === null || d.leftOn > date;

export async function listDiners(deps: BackendDeps, query: string, includeLeft: boolean): Promise<DinerRow[]> {
  const today = todayIn(deps.clock);
  let q = deps.db.selectFrom('mealAidDiners').selectAll();
  const text = query.trim();
  if (text) {
    q = q.where((eb) =>
      eb.or([eb('name', 'like', `%${text}%`), eb('nameInitials', 'like', `${text.toLowerCase()}%`), eb('village', 'like', `%${text}%`), eb('route', 'like', `%${text}%`), eb('idNumber', 'like', `%${text.toUpperCase()}`)]),
    );
  }
  const rows = await q.orderBy('village').orderBy('nameInitials').execute();
  return rows
    .filter((r) => includeLeft || dinerActiveOn(r, today))
    .map((r) => ({
      id: r.id,
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

/** Refuses an ID number that belongs to someone living in the centre now. */
export async function assertNotResident(db: Executor, idNumber: string, name: string) {
  const resident = await db.selectFrom('residents').select(['name', 'status']).where('idNumber', '=', idNumber).where('status', '!=', 'discharged').executeTakeFirst();
  if (resident) throw conflict(`${name}（身份证号相同的${resident.name}）是本院在住老人，吃饭按老人名册计数，不能登记为助餐对象`, 'idNumber');
}

export function saveDiner(deps: BackendDeps, caller: Caller, input: z.output<typeof DinerInput>) {
  return writeAction(deps, caller, async (ctx) => {
    const before = input.id ? await ctx.trx.selectFrom('mealAidDiners').selectAll().where('id', '=', input.id).executeTakeFirst() : undefined;
    if (input.id && !before) throw notFound('助餐对象');
    if (!before && !input.idNumber) throw invalid('请填写身份证号（核对补贴对象需要）', 'idNumber');
    const parsed = input.idNumber ? parseIdNumber(input.idNumber, ctx.today) : null;
    if (parsed && !parsed.ok) throw invalid('身份证号无效', 'idNumber');
    const person = parsed?.ok ? parsed.info : { idNumber: before!.idNumber, birthDate: before!.birthDate, sex: before!.sex };
    await assertNotResident(ctx.trx, person.idNumber, input.name);
    const twin = await ctx.trx.selectFrom('mealAidDiners').select(['id', 'name']).where('idNumber', '=', person.idNumber).executeTakeFirst();
    if (twin && twin.id !== input.id) throw conflict(`这个身份证号已登记为助餐对象「${twin.name}」`, 'idNumber');
    if (input.leftOn && input.leftOn > ctx.today) throw invalid('停止助餐日期不能晚于今天', 'leftOn');
    const values = {
      name: input.name,
      nameInitials: pinyinInitials(input.name),
      idNumber: person.idNumber,
      sex: person.sex,
      birthDate: person.birthDate,
      village: input.village,
      category: input.category,
      phone: input.phone,
      address: input.address,
      route: input.route,
      defaultMode: input.defaultMode,
      leftOn: input.leftOn,
      note: input.note,
    };
    const shown = (v: typeof values) => ({ ...v, idNumber: maskIdNumber(v.idNumber), nameInitials: undefined });
    if (before) {
      await ctx.trx.updateTable('mealAidDiners').set({ ...values, ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'mealAidDiners', entityId: before.id, before: shown(before), after: shown(values) });
      return { id: before.id };
    }
    const id = newId();
    await ctx.trx.insertInto('mealAidDiners').values({ id, ...values, ...ctx.stampNew() }).execute();
    await ctx.audit({ action: 'create', entity: 'mealAidDiners', entityId: id, after: shown(values) });
    return { id };
  });
}
