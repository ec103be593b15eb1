// Weekly menus: the dishes of each meal for each diet type in use. A meal already served keeps its menu (it is the
// record of what was cooked, and the dishes that need samples). Copying last week fills only the empty slots.
import type { z } from 'zod';
import type { MenuInput, MenuWeek } from '@shared/api/meals';
import { invalid } from '@shared/api/errors';
import { addDays } from '@shared/domain/dates';
import { enumLabel } from '@shared/domain/enum-labels';
import type { DietType } from '@shared/domain/enums';
import type { Meal } from '@shared/domain/meals/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { newId } from '../../ids';
import type { Executor } from '../../db/executor';
import { assertMonday } from '../roster/roster';
import { loadDietTypes } from './diets';
import { StringList, parseJsonColumn } from '../../db/json';

export async function menuEntries(db: Executor, from: string, to: string) {
  const rows = await db.selectFrom('menuEntries').select(['date', 'meal', 'dietType', 'dishes']).where('date', '>=', from).where('date', '<=', to).execute();
  return rows
    .map((r) => ({ date: r.date, meal: r.meal, dietType: r.dietType as DietType, dishes: parseJsonColumn(StringList, r.dishes, 'menu_entries.dishes') }))
    .filter((r) => r.dishes.length > 0);
}

export async function menuWeek(deps: BackendDeps, monday: string): Promise<MenuWeek> {
  assertMonday(monday);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const facility = await deps.db.selectFrom('facility').select('name').executeTakeFirst();
  return {
    monday,
    days,
    dietTypes: (await loadDietTypes(deps.db)).filter((d) => d.inUse).map(({ code, texture }) => ({ code, texture })),
    entries: await menuEntries(deps.db, days[0], days[6]),
    facilityName: facility?.name ?? '',
  };
}

export async function assertNotServed(db: Executor, date: string, meal: Meal) {
  const served = await db.selectFrom('mealServices').select('servedBy').where('date', '=', date).where('meal', '=', meal).executeTakeFirst();
  if (served) throw invalid(`${date} ${enumLabel('meal', meal)}已由${served.servedBy}登记出餐，不能再改`);
}

export function saveMenu(deps: BackendDeps, caller: Caller, input: z.output<typeof MenuInput>) {
  return writeAction(deps, caller, async (ctx) => {
    await assertNotServed(ctx.trx, input.date, input.meal);
    const diet = await ctx.trx.selectFrom('dietTypes').select('inUse').where('code', '=', input.dietType).executeTakeFirstOrThrow();
    if (diet.inUse !== 1) throw invalid(`「${enumLabel('diet', input.dietType)}」已停用`, 'dietType');
    const dishes = [...new Set(input.dishes.map((d) => d.trim()).filter(Boolean))];
    const before = await ctx.trx.selectFrom('menuEntries').select(['id', 'dishes']).where('date', '=', input.date).where('meal', '=', input.meal).where('dietType', '=', input.dietType).executeTakeFirst();
    const after = { date: input.date, meal: input.meal, dietType: input.dietType, dishes };
    if (before) {
      await ctx.trx.updateTable('menuEntries').set({ dishes: JSON.stringify(dishes), ...ctx.stampUpdate() }).where('id', '=', before.id).execute();
      await ctx.audit({ action: 'update', entity: 'menuEntries', entityId: before.id, before: { ...after, dishes: parseJsonColumn(StringList, before.dishes, 'menu_entries.dishes') }, after });
    } else {
      const id = newId();
      await ctx.trx.insertInto('menuEntries').values({ id, ...after, dishes: JSON.stringify(dishes), ...ctx.stampNew() }).execute();
      await ctx.audit({ action: 'create', entity: 'menuEntries', entityId: id, after });
    }
    return { ok: true as const };
  });
}

export function copyMenuWeek(deps: BackendDeps, caller: Caller, monday: string) {
  return writeAction(deps, caller, async (ctx) => {
    assertMonday(monday);
    const source = await menuEntries(ctx.trx, addDays(monday, -7), addDays(monday, -1));
    if (source.length === 0) throw invalid('上一周没有菜单可复制');
    const target = await ctx.trx.selectFrom('menuEntries').select(['date', 'meal', 'dietType', 'dishes']).where('date', '>=', monday).where('date', '<=', addDays(monday, 6)).execute();
    const filled = new Set(target.filter((t) => parseJsonColumn(StringList, t.dishes, 'menu_entries.dishes').length > 0).map((t) => `${t.date}|${t.meal}|${t.dietType}`));
    const served = await ctx.trx.selectFrom('mealServices').select(['date', 'meal']).where('date', '>=', monday).where('date', '<=', addDays(monday, 6)).execute();
    const servedSlots = new Set(served.map((s) => `${s.date}|${s.meal}`));
    const inUse = new Set((await loadDietTypes(ctx.trx)).filter((d) => d.inUse).map((d) => d.code));
    let copied = 0;
    for (const s of source) {
      const date = addDays(s.date, 7);
      if (filled.has(`${date}|${s.meal}|${s.dietType}`) || servedSlots.has(`${date}|${s.meal}`) || !inUse.has(s.dietType)) continue;
      const existing = target.find((t) => t.date === date && t.meal === s.meal && t.dietType === s.dietType);
      if (existing) {
        await ctx.trx.updateTable('menuEntries').set({ dishes: JSON.stringify(s.dishes), ...ctx.stampUpdate() }).where('date', '=', date).where('meal', '=', s.meal).where('dietType', '=', s.dietType).execute();
      } else {
        await ctx.trx.insertInto('menuEntries').values({ id: newId(), date, meal: s.meal, dietType: s.dietType, dishes: JSON.stringify(s.dishes), ...ctx.stampNew() }).execute();
      }
      copied += 1;
    }
    await ctx.audit({ action: 'create', entity: 'menuEntries', entityId: monday, after: { copiedFrom: addDays(monday, -7), week: monday, copied } });
    return { copied };
  });
}
