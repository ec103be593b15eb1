// The monthly meal report: residents' meals by diet (the counts frozen when each meal was served), 助餐 by category
// and mode with price, subsidy and what diners paid, and the sample record; an Excel export of it, audited.
import ExcelJS from 'exceljs';
import type { MonthReport } from '@shared/api/meals';
import { addDays, lastDayOfMonth } from '@shared/domain/dates';
import { chinaInstant, chinaWallClock } from '@shared/domain/care/shifts';
import { enumLabel } from '@shared/domain/enum-labels';
import { DIET_TYPES, type DietType } from '@shared/domain/enums';
import { DINER_CATEGORIES, MEALS } from '@shared/domain/meals/vocab';
import { writeAction } from '../../audit';
import type { BackendDeps } from '../../deps';
import type { Caller } from '../../caller';
import { readSettings } from '../settings/settings';
import { mealTime } from './headcount';
import { menuEntries } from './menus';
import { sampleWarnings } from './samples';
import { Counts, parseJsonColumn } from '../../db/json';

const yuan = (fen: number) => Math.round(fen) / 100;

export async function monthReport(deps: BackendDeps, month: string): Promise<MonthReport> {
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const settings = await readSettings(deps.db);
  const served = await deps.db.selectFrom('mealServices').select(['date', 'meal', 'counts']).where('date', '>=', from).where('date', '<=', to).execute();
  const byDiet = new Map<DietType, Record<(typeof MEALS)[number], number>>();
  for (const s of served) {
    for (const [diet, n] of Object.entries(parseJsonColumn(Counts, s.counts, 'meal_services.counts'))) {
      const code = (DIET_TYPES as readonly string[]).includes(diet) ? (diet as DietType) : 'other';
      const row = byDiet.get(code) ?? { breakfast: 0, lunch: 0, dinner: 0, snack: 0 };
      row[s.meal] += n;
      byDiet.set(code, row);
    }
  }
  const servedKeys = new Set(served.map((s) => `${s.date}|${s.meal}`));
  const menus = new Set((await menuEntries(deps.db, from, to)).map((e) => `${e.date}|${e.meal}`));
  const now = deps.clock.now();
  let mealsNotServed = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const meal of MEALS) {
      const key = `${date}|${meal}`;
      if (menus.has(key) && !servedKeys.has(key) && chinaInstant(date, mealTime(settings, meal)) <= now) mealsNotServed += 1;
    }
  }
  const dietRows = DIET_TYPES.filter((d) => byDiet.has(d)).map((d) => {
    const r = byDiet.get(d)!;
    return { dietType: d, ...r, total: r.breakfast + r.lunch + r.dinner + r.snack };
  });

  const servings = await deps.db
    .selectFrom('mealAidServings')
    .select(['dinerId', 'category', 'mode', 'priceFen', 'subsidyFen'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('cancelledAt', 'is', null)
    .execute();
  const sum = (rows: typeof servings) => ({
    diners: new Set(rows.map((r) => r.dinerId)).size,
    dineIn: rows.filter((r) => r.mode === 'dine_in').length,
    delivered: rows.filter((r) => r.mode === 'delivery').length,
    meals: rows.length,
    priceFen: rows.reduce((n, r) => n + r.priceFen, 0),
    subsidyFen: rows.reduce((n, r) => n + r.subsidyFen, 0),
    payableFen: rows.reduce((n, r) => n + Math.max(0, r.priceFen - r.subsidyFen), 0),
  });
  const warnings = await sampleWarnings(deps, from, to);
  const samples = await deps.db.selectFrom('foodSamples').select((eb) => eb.fn.countAll<number>().as('n')).where('date', '>=', from).where('date', '<=', to).executeTakeFirstOrThrow();
  const facility = await deps.db.selectFrom('facility').select('name').executeTakeFirst();
  return {
    month,
    facilityName: facility?.name ?? '',
    residents: { byDiet: dietRows, total: dietRows.reduce((n, r) => n + r.total, 0), mealsNotServed },
    aid: {
      byCategory: DINER_CATEGORIES.map((category) => ({ category, ...sum(servings.filter((s) => s.category === category)) })).filter((c) => c.meals > 0),
      totals: sum(servings),
    },
    samples: {
      recorded: samples.n,
      missing: warnings.filter((w) => w.kind === 'missing').length,
      early: warnings.filter((w) => w.kind === 'early').length,
      underweight: warnings.filter((w) => w.kind === 'underweight').length,
    },
  };
}

export async function exportMonth(deps: BackendDeps, caller: Caller, month: string) {
  const report = await monthReport(deps, month);
  const from = `${month}-01`;
  const to = lastDayOfMonth(month);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇敬老院运营系统';
  const title = (sheet: ExcelJS.Worksheet, text: string) => (sheet.addRow([`${report.facilityName} ${text}（${month}）`]).font = { bold: true, size: 14 });
  const header = (sheet: ExcelJS.Worksheet, cells: string[]) => (sheet.addRow(cells).font = { bold: true });

  const residents = workbook.addWorksheet('老人用餐');
  title(residents, '在院老人用餐人次（按饮食类型）');
  header(residents, ['饮食类型', ...MEALS.map((m) => enumLabel('meal', m)), '合计']);
  for (const r of report.residents.byDiet) residents.addRow([enumLabel('diet', r.dietType), r.breakfast, r.lunch, r.dinner, r.snack, r.total]);
  residents.addRow(['合计', ...MEALS.map((m) => report.residents.byDiet.reduce((n, r) => n + r[m], 0)), report.residents.total]).font = { bold: true };
  residents.addRow([`有菜单但未登记出餐的餐次：${report.residents.mealsNotServed}`]);

  const aid = workbook.addWorksheet('助餐汇总');
  title(aid, '老年助餐汇总（按类别）');
  header(aid, ['类别', '人数', '堂食（份）', '送餐（份）', '合计（份）', '餐费（元）', '补贴（元）', '个人支付（元）']);
  for (const c of report.aid.byCategory) aid.addRow([enumLabel('dinerCategory', c.category), c.diners, c.dineIn, c.delivered, c.meals, yuan(c.priceFen), yuan(c.subsidyFen), yuan(c.payableFen)]);
  const t = report.aid.totals;
  aid.addRow(['合计', t.diners, t.dineIn, t.delivered, t.meals, yuan(t.priceFen), yuan(t.subsidyFen), yuan(t.payableFen)]).font = { bold: true };
  aid.addRow([`申请补贴合计：${yuan(t.subsidyFen).toFixed(2)} 元`]).font = { bold: true };

  const detail = workbook.addWorksheet('助餐明细');
  title(detail, '老年助餐明细');
  header(detail, ['日期', '餐次', '姓名', '村', '类别', '方式', '餐费（元）', '补贴（元）', '记录人']);
  const rows = await deps.db
    .selectFrom('mealAidServings')
    .innerJoin('mealAidDiners', 'mealAidDiners.id', 'mealAidServings.dinerId')
    .innerJoin('elders', 'elders.id', 'mealAidDiners.elderId')
    .innerJoin('villages', 'villages.id', 'elders.villageId')
    .select(['mealAidServings.date', 'mealAidServings.meal', 'elders.name', 'villages.name as village', 'mealAidServings.category', 'mealAidServings.mode', 'mealAidServings.priceFen', 'mealAidServings.subsidyFen', 'mealAidServings.createdBy'])
    .where('mealAidServings.date', '>=', from)
    .where('mealAidServings.date', '<=', to)
    .where('mealAidServings.cancelledAt', 'is', null)
    .orderBy('mealAidServings.date')
    .orderBy('villages.name')
    .execute();
  for (const r of rows) detail.addRow([r.date, enumLabel('meal', r.meal), r.name, r.village, enumLabel('dinerCategory', r.category), enumLabel('servingMode', r.mode), yuan(r.priceFen), yuan(r.subsidyFen), r.createdBy]);

  const samples = workbook.addWorksheet('留样记录');
  title(samples, '食品留样记录');
  header(samples, ['日期', '餐次', '菜名', '留样量（克）', '留样时间', '冰箱', '留样人', '处理时间', '处理人', '提前处理原因']);
  const kept = await deps.db.selectFrom('foodSamples').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('sampledAt').execute();
  const clock = (iso: string | null) => (iso ? chinaWallClock(new Date(iso)) : '');
  for (const s of kept) samples.addRow([s.date, enumLabel('meal', s.meal), s.dish, s.amountGrams, clock(s.sampledAt), s.fridge, s.sampledBy, clock(s.disposedAt), s.disposedBy ?? '', s.earlyReason ?? '']);

  for (const sheet of workbook.worksheets) sheet.columns.forEach((c) => (c.width = 14));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await writeAction(deps, caller, async (ctx) => {
    await ctx.audit({ action: 'export', entity: 'mealServices', entityId: month, after: { month, servings: rows.length, samples: kept.length } });
  });
  return { fileName: `膳食月报-${month}.xlsx`, base64: buffer.toString('base64'), rows: rows.length };
}
