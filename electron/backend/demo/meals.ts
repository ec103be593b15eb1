// The demo centre's kitchen: menus for last week and this week, the meals already past recorded as served with their
// food samples, a dozen elders of the township's register on 助餐 with prices from last month, and their meals of the
// last two weeks.
// All through the real services, so every write is audited.
import { randomUUID } from 'node:crypto';
import { addDays, ageOn, daysBetween, mondayOf, shiftMonth } from '@shared/domain/dates';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { DietType } from '@shared/domain/enums';
import type { DinerCategory, Meal } from '@shared/domain/meals/vocab';
import type { BackendDeps } from '../deps';
import type { Caller } from '../caller';
import { saveDiner } from '../services/meals/diners';
import { mealTime, serveMeal } from '../services/meals/headcount';
import { saveMenu } from '../services/meals/menus';
import { savePrice } from '../services/meals/prices';
import { disposeDue, recordSample } from '../services/meals/samples';
import { serveDiner } from '../services/meals/servings';
import { readSettings } from '../services/settings/settings';
import { VILLAGES } from './names';
import type { Random } from './random';

const DISHES: Record<Meal, string[][]> = {
  breakfast: [['小米粥', '馒头', '煮鸡蛋'], ['大米粥', '花卷', '咸菜'], ['玉米糊', '包子', '豆浆']],
  lunch: [['红烧肉', '炒青菜', '米饭'], ['鸡块炖土豆', '西红柿炒蛋', '米饭'], ['清蒸鱼', '炒白菜', '米饭'], ['肉末豆腐', '炒豆角', '馒头']],
  dinner: [['烩面', '凉拌黄瓜'], ['稀饭', '炒土豆丝', '馒头'], ['鸡蛋面条', '炒冬瓜']],
  snack: [['香蕉'], ['牛奶'], ['蒸南瓜']],
};
/** Special diets get their own version of the dish. */
const VARIANTS: Partial<Record<DietType, (dishes: string[]) => string[]>> = {
  soft: (d) => d.map((x) => (x === '米饭' ? '软米饭' : x === '馒头' ? '发糕' : `${x}（软烂）`)),
  diabetic: (d) => d.map((x) => (x === '米饭' ? '杂粮饭' : x === '馒头' ? '全麦馒头' : x === '香蕉' ? '黄瓜条' : x)),
  low_salt: (d) => d.map((x) => (x === '咸菜' ? '拌黄瓜' : x === '红烧肉' ? '清炖瘦肉' : x === '烩面' ? '青菜汤面' : x)),
};

/** The diets the demo residents have. */
const DEMO_DIETS: DietType[] = ['regular', 'soft', 'diabetic', 'low_salt'];

const CATEGORIES: { category: DinerCategory; count: number; priceFen: number; subsidyFen: number }[] = [
  { category: 'tekun_dispersed', count: 3, priceFen: 800, subsidyFen: 800 },
  { category: 'dibao', count: 3, priceFen: 800, subsidyFen: 500 },
  { category: 'elderly', count: 4, priceFen: 800, subsidyFen: 300 },
  { category: 'disabled', count: 1, priceFen: 800, subsidyFen: 500 },
  { category: 'ordinary', count: 2, priceFen: 1000, subsidyFen: 0 },
];

export async function demoMeals(deps: BackendDeps, actor: Caller, random: Random, today: string): Promise<number> {
  let events = 0;
  const settings = await readSettings(deps.db);
  const now = deps.clock.now();
  const monday = mondayOf(today);
  const days = Array.from({ length: 14 }, (_, i) => addDays(monday, i - 7));
  const menuOf = (date: string, meal: Meal) => DISHES[meal][daysBetween(days[0], date) % DISHES[meal].length];
  for (const date of days) {
    for (const meal of ['breakfast', 'lunch', 'snack', 'dinner'] as const) {
      for (const diet of DEMO_DIETS) {
        const base = menuOf(date, meal);
        await saveMenu(deps, actor, { date, meal, dietType: diet, dishes: VARIANTS[diet]?.(base) ?? base });
        events += 1;
      }
      const at = chinaInstant(date, mealTime(settings, meal));
      if (at > now) continue;
      await serveMeal(deps, actor, { date, meal, requestId: randomUUID() });
      // Samples of every dish but, now and then, one forgotten (the warnings have something to show).
      const dishes = [...new Set(DEMO_DIETS.flatMap((d) => VARIANTS[d]?.(menuOf(date, meal)) ?? menuOf(date, meal)))];
      for (const dish of dishes) {
        if (random.chance(0.01)) continue;
        await recordSample(deps, actor, { date, meal, dish, amountGrams: random.int(125, 180), sampledAt: new Date(at.getTime() - 20 * 60_000).toISOString(), fridge: '留样冰箱1号', confirmUnderweight: false, requestId: randomUUID() });
      }
      events += 1;
    }
  }

  // This morning's cook has thrown away every sample kept its 48 hours (none yet is fine too).
  await disposeDue(deps, actor).catch(() => undefined);

  const priceFrom = `${shiftMonth(today.slice(0, 7), -1)}-01`;
  for (const c of CATEGORIES) {
    await savePrice(deps, actor, { category: c.category, meal: 'lunch', effectiveFrom: priceFrom, priceFen: c.priceFen, subsidyFen: c.subsidyFen });
  }
  // The diners are elders on the township's register, each taken from the group their meal-aid category is for.
  const elders = await deps.db.selectFrom('elders').innerJoin('villages', 'villages.id', 'elders.villageId').select(['elders.id', 'elders.categories', 'elders.birthDate', 'villages.name as village']).where('elders.status', '=', 'at_home').orderBy('elders.nameInitials').execute();
  const used = new Set<string>();
  const fits: Record<DinerCategory, (e: (typeof elders)[number]) => boolean> = {
    tekun_dispersed: (e) => e.categories.includes('"tekun_dispersed"'),
    dibao: (e) => e.categories.includes('"dibao"'),
    disabled: (e) => e.categories.includes('"disabled"'),
    elderly: (e) => ageOn(e.birthDate, today) >= 80,
    ordinary: () => true,
  };
  const diners: { id: string; mode: 'dine_in' | 'delivery' }[] = [];
  for (const c of CATEGORIES) {
    for (const elder of elders.filter((e) => !used.has(e.id) && fits[c.category](e)).slice(0, c.count)) {
      used.add(elder.id);
      const mode = c.category === 'disabled' || random.chance(0.4) ? 'delivery' : 'dine_in';
      const { id } = await saveDiner(deps, actor, {
        elderId: elder.id,
        category: c.category,
        route: mode === 'delivery' ? (elder.village < VILLAGES[1] ? '东线' : '西线') : '',
        defaultMode: mode,
        leftOn: null,
        note: '',
      });
      diners.push({ id, mode });
      events += 1;
    }
  }
  for (const date of days.filter((d) => d <= today)) {
    if (chinaInstant(date, mealTime(settings, 'lunch')) > now) continue;
    for (const d of diners) {
      if (random.chance(0.15)) continue;
      await serveDiner(deps, actor, { dinerId: d.id, date, meal: 'lunch', mode: d.mode, requestId: randomUUID() });
      events += 1;
    }
  }
  return events;
}
