// The meals module through the real dispatcher on a real SQLite file: diets, menus, headcounts across a hospital
// stay, the kitchen's adjustments and serving, 助餐 with dated prices, food samples and the monthly report.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { chinaInstant } from '@shared/domain/care/shifts';
import type { Session } from '../../electron/backend/security/session';
import { type TestBackend, openTestBackend } from '../helpers/backend';
import { admission, person, smallCentre } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';

const TODAY = '2026-03-15'; // the test clock: 10:00 China time
let b: TestBackend;
let kitchen: Session;
let carer: Session;
let ids: { zhang: string; li: string; wang: string };

/** Moves the clock to a China wall-clock time and keeps everyone signed in. */
function at(date: string, hhmm: string) {
  b.clock.set(chinaInstant(date, hhmm).toISOString());
  for (const s of [b.admin, kitchen, carer]) s.signIn(s.user!, b.clock.now());
}

beforeEach(async () => {
  b = await openTestBackend();
  const { bed } = await smallCentre(b);
  const { id: zhang } = await b.call('residents.admit', { person: person({ dietType: 'soft', allergies: '海鲜' }), admission: admission(bed('101', '1')) });
  const { id: li } = await b.call('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1940-02-02', '234') }), admission: admission(bed('101', '2'), { agreementNo: 'XY-2' }) });
  const { id: wang } = await b.call('residents.admit', {
    person: person({ name: '王五', idNumber: validIdNumber('1938-05-05', '345'), dietType: 'diabetic' }),
    admission: admission(bed('102', '1'), { agreementNo: 'XY-3' }),
  });
  ids = { zhang, li, wang };
  kitchen = (await b.signInAs('kitchen', '厨师老刘')).session;
  carer = (await b.signInAs('caregiver', '护理员小王')).session;
  // 王五 goes to hospital at 10:00 today: he had breakfast here and misses lunch.
  await b.call('residents.startLeave', { residentId: wang, kind: 'hospital', startDate: TODAY, note: '县医院' });
});
afterEach(async () => b.close());

describe('diets', () => {
  it("lists each resident's diet with the choking risk from the risk assessment, and only care staff change it", async () => {
    await b.call('assessment.recordRisks', {
      residentId: ids.li,
      assessedOn: TODAY,
      assessor: '王院长',
      risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: r.code === 'choking' ? 'high' : 'low', measures: r.code === 'choking' ? '进餐专人看护' : '' })),
    });
    const diets = await b.call('meals.residentDiets', { query: '' }, kitchen);
    expect(diets.map((d) => [d.name, d.dietType, d.chokingRisk])).toEqual([
      ['李四', 'regular', 'high'],
      ['王五', 'diabetic', null],
      ['张三', 'soft', null],
    ]);
    const refused = await b.raw('meals.setResidentDiet', { residentId: ids.li, dietType: 'semi_liquid', avoidances: '不吃辣' }, kitchen);
    expect(refused.error?.code).toBe('FORBIDDEN');
    await b.call('meals.setResidentDiet', { residentId: ids.li, dietType: 'semi_liquid', avoidances: '不吃辣', allergies: '' });
    expect((await b.call('meals.residentDiets', { query: 'ls' }, kitchen))[0]).toMatchObject({ name: '李四', dietType: 'semi_liquid', avoidances: '不吃辣' });
  });

  it('will not switch off a diet type residents still have', async () => {
    const refused = await b.raw('meals.saveDietType', { code: 'soft', texture: '软烂', inUse: false }, kitchen);
    expect(refused.error?.message).toContain('还有 1 位老人是「软食」（张三）');
    await b.call('meals.saveDietType', { code: 'halal', texture: '清真，单独锅灶', inUse: false }, kitchen);
    const types = await b.call('meals.dietTypes', {}, kitchen);
    expect(types.find((t) => t.code === 'halal')).toMatchObject({ inUse: false, texture: '清真，单独锅灶' });
    expect(types.find((t) => t.code === 'soft')).toMatchObject({ inUse: true, residents: 1 });
  });
});

describe('headcounts', () => {
  it('counts who is here at each meal: the hospital stay starting at 10:00 keeps breakfast and drops lunch', async () => {
    const day = await b.call('meals.headcount', { date: TODAY }, kitchen);
    const count = (meal: string) => Object.fromEntries(day.meals.find((m) => m.meal === meal)!.diets.filter((d) => d.total > 0).map((d) => [d.dietType, d.total]));
    expect(day.meals.map((m) => m.meal)).toEqual(['breakfast', 'lunch', 'snack', 'dinner']);
    expect(count('breakfast')).toEqual({ regular: 1, soft: 1, diabetic: 1 });
    expect(count('lunch')).toEqual({ regular: 1, soft: 1 });
    expect(day.meals.find((m) => m.meal === 'lunch')!.away).toEqual(['王五']);
    expect(day.specialNeeds.map((n) => [n.name, n.dietType, n.allergies, n.awayFor])).toEqual([
      ['张三', 'soft', '海鲜', []],
      ['王五', 'diabetic', '', ['lunch', 'snack', 'dinner']],
    ]);
    // Back on the 17th at 16:00: still away for that lunch, here for dinner.
    at('2026-03-17', '16:00');
    await b.call('residents.endLeave', { residentId: ids.wang, returnDate: '2026-03-17' });
    const back = await b.call('meals.headcount', { date: '2026-03-17' }, kitchen);
    expect(back.meals.find((m) => m.meal === 'lunch')!.away).toEqual(['王五']);
    expect(back.meals.find((m) => m.meal === 'dinner')!.residentTotal).toBe(3);
  });

  it('takes adjustments with a reason, refuses a count below zero, then freezes the counts when lunch is served', async () => {
    await b.call('meals.adjust', { date: TODAY, meal: 'lunch', dietType: 'regular', delta: 2, reason: '家属来探望陪餐' }, kitchen);
    const below = await b.raw('meals.adjust', { date: TODAY, meal: 'lunch', dietType: 'soft', delta: -5, reason: '试试' }, kitchen);
    expect(below.error).toMatchObject({ field: 'delta', message: '软食现在是 1 份，减 5 份后会小于0' });
    expect((await b.raw('meals.adjust', { date: TODAY, meal: 'lunch', dietType: 'soft', delta: 1, reason: '' }, kitchen)).error?.message).toBe('请填写调整原因');
    expect((await b.raw('meals.adjust', { date: TODAY, meal: 'lunch', dietType: 'soft', delta: 1000, reason: '多' }, kitchen)).error?.message).toBe('一次最多加200份');
    expect((await b.raw('meals.adjust', { date: TODAY, meal: 'lunch', dietType: 'soft', delta: 1, reason: '多' }, carer)).error?.code).toBe('FORBIDDEN');
    expect(b.count('meal_adjustments')).toBe(1);

    const early = await b.raw('meals.serve', { date: TODAY, meal: 'dinner', requestId: randomUUID() }, kitchen);
    expect(early.error?.message).toBe('2026-03-15 晚餐（17:30）还没到开餐时间，最早提前2小时登记出餐');
    at(TODAY, '11:20');
    const request = { date: TODAY, meal: 'lunch' as const, requestId: randomUUID() };
    const first = await b.call('meals.serve', request, kitchen);
    expect(await b.call('meals.serve', request, kitchen)).toEqual({ id: first.id, repeated: true });
    expect((await b.raw('meals.serve', { ...request, requestId: randomUUID() }, kitchen)).error?.message).toBe('2026-03-15 午餐已由厨师老刘登记出餐');
    expect((await b.raw('meals.adjust', { date: TODAY, meal: 'lunch', dietType: 'regular', delta: 1, reason: '晚到' }, kitchen)).error?.message).toContain('已由厨师老刘登记出餐，份数不能再调整');

    // 李四 goes out at 11:25, after lunch was served and before its bell: the served count stays as it was.
    at(TODAY, '11:25');
    await b.call('residents.startLeave', { residentId: ids.li, kind: 'leave', startDate: TODAY, expectedReturn: '2026-03-16', note: '回家' });
    const lunch = (await b.call('meals.headcount', { date: TODAY }, kitchen)).meals.find((m) => m.meal === 'lunch')!;
    expect(lunch).toMatchObject({ residentTotal: 4, served: { by: '厨师老刘' } });
    expect(lunch.diets.find((d) => d.dietType === 'regular')).toMatchObject({ computed: 0, adjustment: 2, total: 3 });
  });
});

describe('menus', () => {
  const MONDAY = '2026-03-16';
  it('plans a week, copies it to the next week into empty slots only, and keeps a served meal as it was', async () => {
    await b.call('meals.saveMenu', { date: MONDAY, meal: 'lunch', dietType: 'regular', dishes: ['红烧肉', '炒青菜', '米饭'] }, kitchen);
    await b.call('meals.saveMenu', { date: MONDAY, meal: 'lunch', dietType: 'soft', dishes: ['肉末豆腐', '烂米饭', '肉末豆腐'] }, kitchen);
    const week = await b.call('meals.menuWeek', { monday: MONDAY }, carer);
    expect(week.entries).toEqual([
      { date: MONDAY, meal: 'lunch', dietType: 'regular', dishes: ['红烧肉', '炒青菜', '米饭'] },
      { date: MONDAY, meal: 'lunch', dietType: 'soft', dishes: ['肉末豆腐', '烂米饭'] },
    ]);
    expect((await b.raw('meals.menuWeek', { monday: '2026-03-17' }, kitchen)).error?.message).toBe('请从星期一开始选择一周');
    expect((await b.raw('meals.copyMenuWeek', { monday: MONDAY }, kitchen)).error?.message).toBe('上一周没有菜单可复制');
    await b.call('meals.saveMenu', { date: '2026-03-23', meal: 'lunch', dietType: 'regular', dishes: ['鱼'] }, kitchen);
    expect(await b.call('meals.copyMenuWeek', { monday: '2026-03-23' }, kitchen)).toEqual({ copied: 1 });
    const next = await b.call('meals.menuWeek', { monday: '2026-03-23' }, kitchen);
    expect(next.entries.map((e) => [e.dietType, e.dishes])).toEqual([
      ['regular', ['鱼']],
      ['soft', ['肉末豆腐', '烂米饭']],
    ]);
    at(MONDAY, '11:00');
    await b.call('meals.serve', { date: MONDAY, meal: 'lunch', requestId: randomUUID() }, kitchen);
    const late = await b.raw('meals.saveMenu', { date: MONDAY, meal: 'lunch', dietType: 'regular', dishes: ['鸡腿'] }, kitchen);
    expect(late.error?.message).toBe('2026-03-16 午餐已由厨师老刘登记出餐，不能再改');
  });
});

describe('助餐 for village elders', () => {
  let villageId: string;
  beforeEach(async () => {
    ({ id: villageId } = await b.call('elders.saveVillage', { name: '东村' }));
  });
  /** A new diner put on the township's register in the same action. */
  const diner = (over: Record<string, unknown> = {}) => ({
    person: { name: '赵奶奶', idNumber: validIdNumber('1941-07-07', '456'), villageId, address: '东村3组12号', phone: '13900001111', ...over },
    category: 'elderly' as const,
    route: '东线',
    defaultMode: 'delivery' as const,
  });

  it('refuses a resident as a diner, a second person with the same ID number, and an invalid number', async () => {
    const resident = await b.raw('meals.saveDiner', diner({ name: '张三', idNumber: validIdNumber('1945-06-01', '123') }), kitchen);
    expect(resident.error?.message).toBe('张三（身份证号相同的张三）是本院在住老人，吃饭按老人名册计数，不能登记为助餐对象');
    await b.call('meals.saveDiner', diner(), kitchen);
    expect((await b.raw('meals.saveDiner', diner({ name: '赵二' }), kitchen)).error?.message).toBe('这个身份证号已登记在名册上：东村 赵奶奶');
    expect((await b.raw('meals.saveDiner', diner({ idNumber: '110101194107070001' }), kitchen)).error?.field).toBe('person.idNumber');
    expect(b.count('meal_aid_diners')).toBe(1);
    expect(b.count('elders')).toBe(1);
    const listed = await b.call('meals.diners', { query: 'zn' }, kitchen);
    expect(listed).toMatchObject([{ name: '赵奶奶', village: '东村', age: 84, idNumberMasked: expect.stringMatching(/\*/) }]);
  });

  it('enrols an elder already on the register once, and only while they live at home', async () => {
    const { id: elderId } = await b.call('elders.save', { name: '钱爷爷', idNumber: validIdNumber('1936-01-09', '567'), villageId, registeredOn: '2026-01-05' });
    const { id: goneId } = await b.call('elders.save', { name: '孙奶奶', idNumber: validIdNumber('1935-03-03', '678'), villageId, registeredOn: '2026-01-05' });
    await b.call('elders.setStatus', { elderId: goneId, status: 'moved_away', on: '2026-03-01', note: '随女儿去县城' });
    expect(await b.call('meals.dinerCandidates', { query: '' }, kitchen)).toMatchObject([{ elderId, name: '钱爷爷', village: '东村' }]);
    const both = await b.raw('meals.saveDiner', { elderId, person: diner().person, category: 'elderly' }, kitchen);
    expect(both.error?.message).toBe('请从农村老人名册选择老人，或填写新老人的信息（二选一）');
    expect((await b.raw('meals.saveDiner', { elderId: goneId, category: 'elderly' }, kitchen)).error?.message).toBe('孙奶奶不在家居住（名册上：已迁出），不能登记助餐');
    await b.call('meals.saveDiner', { elderId, category: 'elderly' }, kitchen);
    expect((await b.raw('meals.saveDiner', { elderId, category: 'dibao' }, kitchen)).error?.message).toBe('钱爷爷已是助餐对象，请在助餐名单里修改');
    expect(await b.call('meals.dinerCandidates', { query: '' }, kitchen)).toEqual([]);
    expect(b.count('meal_aid_diners')).toBe(1);
  });

  it('serves at the price of the day, once per meal; a price change applies from its date and never rewrites a served meal', async () => {
    const { id: dinerId } = await b.call('meals.saveDiner', diner(), kitchen);
    const serve = (date: string, extra = {}) => ({ dinerId, date, meal: 'lunch' as const, mode: 'delivery' as const, requestId: randomUUID(), ...extra });
    expect((await b.raw('meals.serveDiner', serve(TODAY), kitchen)).error?.message).toBe('还没有设定高龄午餐在 2026-03-15 的餐费，请院长先在“价格与补贴”里设定');
    expect((await b.raw('meals.savePrice', { category: 'elderly', meal: 'lunch', effectiveFrom: '2026-03-01', priceFen: 800, subsidyFen: 300 }, kitchen)).error?.code).toBe('FORBIDDEN');
    expect((await b.raw('meals.savePrice', { category: 'elderly', meal: 'lunch', effectiveFrom: '2026-03-01', priceFen: 800, subsidyFen: 900 })).error?.message).toBe('高龄午餐的补贴（9 元）不能高于餐费（8 元）');
    await b.call('meals.savePrice', { category: 'elderly', meal: 'lunch', effectiveFrom: '2026-03-01', priceFen: 800, subsidyFen: 300 });

    const first = serve('2026-03-14');
    await b.call('meals.serveDiner', first, kitchen);
    expect(await b.call('meals.serveDiner', first, kitchen)).toMatchObject({ repeated: true });
    const twice = await b.raw('meals.serveDiner', serve('2026-03-14', { mode: 'dine_in' }), kitchen);
    expect(twice.error?.message).toBe('赵奶奶 2026-03-14 午餐已由厨师老刘记过（送餐上门），同一餐不能记两次');
    expect((await b.raw('meals.serveDiner', serve('2026-03-16'), kitchen)).error?.message).toBe('不能给将来的日期（2026-03-16）记助餐');

    const backDated = await b.raw('meals.savePrice', { category: 'elderly', meal: 'lunch', effectiveFrom: '2026-03-10', priceFen: 1000, subsidyFen: 400 });
    expect(backDated.error?.message).toBe('2026-03-10 以后已按原价记了 1 份高龄午餐（最后一份在 2026-03-14），新价格最早从 2026-03-15 起执行');
    await b.call('meals.savePrice', { category: 'elderly', meal: 'lunch', effectiveFrom: '2026-03-15', priceFen: 1000, subsidyFen: 400 });
    await b.call('meals.serveDiner', serve(TODAY), kitchen);
    const day14 = await b.call('meals.servingDay', { date: '2026-03-14', meal: 'lunch' }, kitchen);
    const day15 = await b.call('meals.servingDay', { date: TODAY, meal: 'lunch' }, kitchen);
    expect(day14.lines[0].serving).toMatchObject({ priceFen: 800, subsidyFen: 300 });
    expect(day15.lines[0]).toMatchObject({ price: { priceFen: 1000, subsidyFen: 400, payableFen: 600 }, serving: { priceFen: 1000 } });

    // A mistaken serving is cancelled with a reason (kept, not deleted) and can then be recorded again.
    expect((await b.raw('meals.cancelServing', { servingId: day15.lines[0].serving!.id, reason: '' }, kitchen)).error?.message).toBe('请填写取消原因');
    await b.call('meals.cancelServing', { servingId: day15.lines[0].serving!.id, reason: '记错了人' }, kitchen);
    await b.call('meals.serveDiner', serve(TODAY, { mode: 'dine_in' }), kitchen);
    expect(b.count('meal_aid_servings')).toBe(3);
    expect(() => b.database.sqlite.prepare('DELETE FROM meal_aid_servings').run()).toThrow(/never deleted/);

    const delivery = await b.call('meals.deliveryList', { date: '2026-03-14', meal: 'lunch' }, kitchen);
    expect(delivery.routes).toEqual([{ route: '东线', stops: [{ name: '赵奶奶', village: '东村', address: '东村3组12号', phone: '13900001111', served: true }] }]);

    const report = await b.call('meals.monthReport', { month: '2026-03' }, kitchen);
    expect(report.aid.totals).toEqual({ diners: 1, dineIn: 1, delivered: 1, meals: 2, priceFen: 1800, subsidyFen: 700, payableFen: 1100 });
    expect(report.aid.byCategory).toEqual([{ category: 'elderly', diners: 1, dineIn: 1, delivered: 1, meals: 2, priceFen: 1800, subsidyFen: 700, payableFen: 1100 }]);
  });
});

describe('food samples', () => {
  it('warns about a served dish without a sample, refuses a light or doubled sample, and wants a reason to throw one away early', async () => {
    await b.call('meals.saveMenu', { date: TODAY, meal: 'lunch', dietType: 'regular', dishes: ['红烧肉', '炒青菜'] }, kitchen);
    at(TODAY, '11:20');
    await b.call('meals.serve', { date: TODAY, meal: 'lunch', requestId: randomUUID() }, kitchen);
    const sample = (dish: string, amountGrams: number, extra = {}) => ({ date: TODAY, meal: 'lunch' as const, dish, amountGrams, sampledAt: b.clock.now().toISOString(), fridge: '留样冰箱1号', requestId: randomUUID(), ...extra });
    const light = await b.raw('meals.recordSample', sample('红烧肉', 100), kitchen);
    expect(light.error).toMatchObject({ field: 'amountGrams', message: '留样量 100 克少于规定的 125 克。请补足；确实只留了这么多就勾选“按实际重量登记”' });
    const future = await b.raw('meals.recordSample', sample('红烧肉', 150, { sampledAt: chinaInstant(TODAY, '12:00').toISOString() }), kitchen);
    expect(future.error?.message).toBe('留样时间（2026-03-15 12:00）在将来');
    await b.call('meals.recordSample', sample('红烧肉', 150), kitchen);
    expect((await b.raw('meals.recordSample', sample('红烧肉', 150), kitchen)).error?.message).toBe('2026-03-15 午餐「红烧肉」已由厨师老刘留样');
    expect(b.count('food_samples')).toBe(1);

    const day = await b.call('meals.samples', { date: TODAY }, kitchen);
    expect(day.warnings.map((w) => w.text)).toEqual(['2026-03-15 午餐没有留样：炒青菜']);
    expect(day.menuDishes.find((m) => m.meal === 'lunch')!.dishes).toEqual(['红烧肉', '炒青菜']);
    await b.call('meals.recordSample', sample('炒青菜', 110, { confirmUnderweight: true }), kitchen);
    const after = await b.call('meals.samples', { date: TODAY }, kitchen);
    expect(after.warnings.map((w) => w.kind)).toEqual(['underweight']);

    const meat = after.samples.find((s) => s.dish === '红烧肉')!;
    at('2026-03-16', '09:00');
    const early = await b.raw('meals.disposeSample', { sampleId: meat.id }, kitchen);
    expect(early.error?.message).toBe('「红烧肉」的留样要保存到 2026-03-17 11:20（满48小时），现在处理属于提前处理，请写明原因');
    await b.call('meals.disposeSample', { sampleId: meat.id, earlyReason: '冰箱停电，样品变质' }, kitchen);
    expect((await b.raw('meals.disposeSample', { sampleId: meat.id }, kitchen)).error?.message).toBe('「红烧肉」的留样已由厨师老刘处理');
    const warnings = await b.call('meals.sampleWarnings', { from: TODAY, to: TODAY }, kitchen);
    expect(warnings.map((w) => w.kind).sort()).toEqual(['early', 'underweight']);
    at('2026-03-17', '11:30');
    expect((await b.call('meals.samples', { date: '2026-03-17' }, kitchen)).dueForDisposal).toBe(1);
    // The morning job: every sample kept its full time goes in one action.
    expect(await b.call('meals.disposeDue', {}, kitchen)).toEqual({ disposed: 1 });
    expect(b.database.sqlite.prepare("SELECT disposed_by, early_reason FROM food_samples WHERE dish = '炒青菜'").get()).toEqual({ disposed_by: '厨师老刘', early_reason: null });
    expect((await b.raw('meals.disposeDue', {}, kitchen)).error?.message).toBe('没有已满48小时、可以处理的留样');
  });
});

describe('the monthly report', () => {
  it('sums the served counts by diet and exports every table to Excel, audited', async () => {
    await b.call('meals.saveMenu', { date: TODAY, meal: 'breakfast', dietType: 'regular', dishes: ['稀饭', '馒头'] }, kitchen);
    await b.call('meals.saveMenu', { date: TODAY, meal: 'lunch', dietType: 'regular', dishes: ['红烧肉'] }, kitchen);
    await b.call('meals.serve', { date: TODAY, meal: 'breakfast', requestId: randomUUID() }, kitchen);
    const report = await b.call('meals.monthReport', { month: '2026-03' }, kitchen);
    expect(report.residents.byDiet.map((r) => [r.dietType, r.breakfast, r.total])).toEqual([
      ['regular', 1, 1],
      ['soft', 1, 1],
      ['diabetic', 1, 1],
    ]);
    expect(report.residents.mealsNotServed).toBe(0); // lunch (11:30) has not come yet at 10:00
    expect(report.samples.missing).toBe(1); // breakfast was served without samples
    expect((await b.raw('meals.monthReport', { month: '2026-13' }, kitchen)).error?.message).toBe('月份格式应为 年-月，如 2026-03');
    expect((await b.raw('meals.monthReport', { month: '2026-03' }, carer)).error?.code).toBe('FORBIDDEN');

    const file = await b.call('meals.exportMonth', { month: '2026-03' }, kitchen);
    expect(file.fileName).toBe('膳食月报-2026-03.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['老人用餐', '助餐汇总', '助餐明细', '留样记录']);
    expect(workbook.getWorksheet('老人用餐')!.getRow(3).values).toEqual([undefined, '普食', 1, 0, 0, 0, 1]);
    const audit = b.database.sqlite.prepare("SELECT actor FROM audit_log WHERE action = 'export' AND entity = 'mealServices'").all();
    expect(audit).toEqual([{ actor: '厨师老刘' }]);
  });

  it("lists the kitchen staff's health certificates", async () => {
    await b.call('staff.save', { name: '厨师老刘', role: 'cook', hireDate: '2024-01-01', healthCertExpiry: '2026-04-01' });
    await b.call('staff.save', { name: '帮厨小陈', role: 'cook', hireDate: '2024-01-01' });
    await b.call('staff.save', { name: '护理员小王', role: 'caregiver', hireDate: '2024-01-01', healthCertExpiry: '2026-01-01' });
    const certs = await b.call('meals.kitchenCerts', {}, kitchen);
    expect(certs.map((c) => [c.name, c.state])).toEqual([
      ['厨师老刘', 'soon'],
      ['帮厨小陈', 'missing'],
    ]);
  });
});
