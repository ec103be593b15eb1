// A kitchen's Monday through the UI: the cook plans the week's menu, copies it on and prints the menu board; takes
// lunch's portions (one resident in hospital, a guest added), serves lunch, keeps a sample of every dish; serves
// village elders (助餐) after the manager set the price; and reads the month's report with the subsidy claim.
import type { Page } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { validIdNumber } from '../helpers/ids';
import { ADMIN, choose, expect, expectAccessible, field, fillDate, pinIn, shot, signInWithPassword, test } from './fixtures';

const DAY = '2026-03-16'; // a Monday
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();
const ZHANG_ID = validIdNumber('1945-06-01', '123');


/** Picks one choice of a segmented control by its text. */
const segment = (page: Page, text: string) => page.locator('label.mantine-SegmentedControl-label', { hasText: new RegExp(`^${text}$`) }).first().click();

test('a kitchen day: menu and board, portions, serving, samples, 助餐 and the month report', async ({ app, page }) => {
  test.setTimeout(180_000);
  app.setTime(at('09:00'));
  await page.clock.setFixedTime(new Date(at('09:00')));

  // The scene: two residents (张三 on a soft diet), 王五 gone to hospital this morning, a cook with a PIN.
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 3, bedType: 'nursing' });
  const beds = (await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {})).rooms[0].beds.map((b) => b.id);
  const contacts = [{ name: '张小明', relation: '侄子', phone: '13800138000', isGuardian: true, isEmergency: true }];
  const admit = (name: string, idNumber: string, bedId: string, no: string, dietType: string) =>
    app.api<{ id: string }>('residents.admit', {
      person: { name, idNumber, primaryCategory: 'tekun_concentrated', contacts, dietType },
      admission: { date: '2026-01-10', bedId, agreementNo: no, agreementEnd: '2027-01-09' },
    });
  await admit('张三', ZHANG_ID, beds[0], 'XY-1', 'soft');
  await admit('李四', validIdNumber('1940-02-02', '234'), beds[1], 'XY-2', 'regular');
  const { id: wang } = await admit('王五', validIdNumber('1938-05-05', '345'), beds[2], 'XY-3', 'regular');
  await app.api('residents.startLeave', { residentId: wang, kind: 'hospital', startDate: DAY, note: '县医院' });
  // A running centre (a caregiver with a PIN on today's roster), so the home page shows its alarms, not 第一步.
  const carer = await app.api<{ id: string }>('staff.hire', { name: '护理员小周', role: 'caregiver', hireDate: '2025-01-01', accountRole: 'caregiver', pin: '864200' });
  const dayShift = (await app.api<{ id: string }[]>('roster.shifts', {}))[0];
  await app.api('roster.assignDays', { staffId: carer.id, dates: [DAY], shiftId: dayShift.id });
  // The cook has an account but is not yet in the staff register (the kitchen page says so).
  await app.api('users.create', { username: 'cook', displayName: '厨师老刘', role: 'kitchen', password: 'Temp-password-1', pin: '246810' });
  const own = new Session();
  await app.backend.dispatch(own, 'auth.login', { username: 'cook', password: 'Temp-password-1' });
  await app.backend.dispatch(own, 'auth.changePassword', { current: 'Temp-password-1', next: 'cook-own-2026' });
  // The township's villages are on the register (the 关爱专干 keeps it); 钱爷爷 already eats with meal aid.
  await app.api('elders.saveVillage', { name: '东村' });
  const { id: west } = await app.api<{ id: string }>('elders.saveVillage', { name: '西村' });
  await app.api('meals.saveDiner', { person: { name: '钱爷爷', idNumber: validIdNumber('1942-03-03', '457'), villageId: west, address: '西村2组5号' }, category: 'dibao', route: '西线', defaultMode: 'delivery' });

  // The manager sets the 助餐 prices (from the 1st of the month).
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '老年助餐' }).click();
  await page.getByRole('tab', { name: '价格与补贴' }).click();
  for (const [category, subsidy] of [['高龄', '3'], ['低保', '5']] as const) {
    await choose(page, '类别', category);
    await fillDate(page, '起始日期', '2026-03-01');
    await field(page, '每餐餐费（元）').fill('8');
    await field(page, '每餐补贴（元）').fill(subsidy);
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('prices-table')).toContainText(category);
  }
  await expectAccessible(page, 'prices');
  await shot(page, 'meal-prices');

  // The cook signs in with her PIN and plans Monday's lunch for the ordinary and the soft diet.
  await pinIn(page, '厨师老刘', '246810', '厨房');
  await page.getByRole('link', { name: '膳食' }).click();
  await page.getByRole('tab', { name: '菜单' }).click();
  await page.getByRole('button', { name: /3月16日 周一 午餐/ }).click();
  const dishes = page.getByRole('dialog').getByRole('combobox', { name: /菜品/ });
  for (const d of ['红烧肉', '炒青菜']) {
    await dishes.fill(d);
    await dishes.press('Enter');
  }
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('menu-grid')).toContainText('红烧肉、炒青菜');
  await segment(page, '软食');
  await page.getByRole('button', { name: /3月16日 周一 午餐/ }).click();
  await dishes.fill('肉末豆腐');
  await dishes.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('menu-grid')).toContainText('肉末豆腐');
  await expectAccessible(page, 'menu');
  await shot(page, 'menu');

  // Next week starts as a copy of this one.
  await page.getByRole('button', { name: '下一周' }).click();
  await expect(page.getByTestId('menu-week')).toHaveText('2026-03-23 至 2026-03-29');
  await page.getByRole('button', { name: '复制上周菜单' }).click();
  await expect(page.getByText('已复制 2 项（已有的菜单没有覆盖）')).toBeVisible();
  await expect(page.getByTestId('menu-grid')).toContainText('肉末豆腐');
  await page.getByRole('button', { name: '本周' }).click();

  // The large-print board for the dining hall, as printed.
  await page.getByRole('button', { name: '菜单牌（打印）' }).click();
  await expect(page.getByTestId('menu-board')).toContainText('测试镇敬老院 本周菜谱');
  await expect(page.getByTestId('menu-board')).toContainText('【软食】肉末豆腐');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印菜单牌' })).toBeHidden();
  await shot(page, 'menu-board-print');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '返回菜单' }).click();

  // Today's portions: 王五 is in hospital; a family member joins 李四 for lunch.
  await page.getByRole('tab', { name: '今日用餐' }).click();
  const lunch = page.getByTestId('meal-lunch');
  await expect(lunch.getByTestId('meal-total')).toHaveText('合计 2 份');
  await expect(lunch).toContainText('不在院：王五');
  await expect(page.getByTestId('kitchen-sheet')).toContainText('张三');
  await lunch.getByRole('button', { name: '调整份数' }).click();
  const adjust = page.getByRole('dialog');
  await choose(page, '饮食类型', /普食/);
  await field(adjust, '原因').fill('');
  await adjust.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写调整原因')).toBeVisible();
  await adjust.getByText('家属陪餐').click();
  await adjust.getByRole('button', { name: '保存' }).click();
  await expect(lunch.getByTestId('meal-total')).toHaveText('合计 3 份');
  await expect(lunch).toContainText('普食 +1 份：家属陪餐（厨师老刘）');
  await expect(page.getByTestId('kitchen-certs')).toContainText('员工档案里还没有厨师');
  await expectAccessible(page, 'portions');
  await shot(page, 'meal-portions');

  // 11:20: lunch goes out; every dish gets its sample.
  app.setTime(at('11:20'));
  await page.clock.setFixedTime(new Date(at('11:20')));
  await pinIn(page, '厨师老刘', '246810', '厨房'); // two hours on, the shared PC has locked itself
  await page.getByRole('link', { name: '膳食' }).click();
  await lunch.getByRole('button', { name: '登记出餐' }).click();
  await expect(lunch).toContainText('已出餐 11:20（厨师老刘）');
  await expect(page.getByTestId('sample-alert')).toContainText('留样提醒 1 条');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('meal-alerts')).toContainText('2026-03-16 午餐没有留样');
  await page.getByTestId('meal-alerts').getByRole('link', { name: '留样' }).click();
  await expect(page.getByTestId('sample-warnings')).toContainText('2026-03-16 午餐没有留样：红烧肉、炒青菜、肉末豆腐');
  await segment(page, '午餐');
  for (const [dish, grams] of [['红烧肉', '100'], ['炒青菜', '150'], ['肉末豆腐', '140']] as const) {
    await page.getByRole('button', { name: dish, exact: true }).click();
    await field(page, '留样量（克）').fill(grams);
    await page.getByRole('button', { name: '登记留样' }).last().click();
    if (grams === '100') {
      await expect(page.getByText('留样量 100 克少于规定的 125 克。请补足；确实只留了这么多就勾选“按实际重量登记”')).toBeVisible();
      await field(page, '留样量（克）').fill('130');
      await page.getByRole('button', { name: '登记留样' }).last().click();
    }
    await expect(page.getByTestId('samples-table')).toContainText(dish);
  }
  await expect(page.getByText('这一天的留样没有问题')).toBeVisible();
  await expectAccessible(page, 'samples');
  await shot(page, 'meal-samples');

  // 助餐: a new diner — first with a resident's ID number by mistake — then lunch for both village elders.
  await page.getByRole('link', { name: '老年助餐' }).click();
  await page.getByRole('tab', { name: '助餐对象' }).click();
  await page.getByRole('button', { name: '添加助餐对象' }).click();
  const diner = page.getByRole('dialog');
  await diner.getByText('名册上还没有，新登记').click();
  await field(diner, '姓名').fill('赵奶奶');
  await field(diner, '身份证号').fill(ZHANG_ID);
  await choose(page, '所在村', '东村');
  await diner.getByRole('button', { name: '保存' }).click();
  await expect(diner.getByText('赵奶奶（身份证号相同的张三）是本院在住老人，吃饭按老人名册计数，不能登记为助餐对象')).toBeVisible();
  await field(diner, '身份证号').fill(validIdNumber('1941-07-07', '456'));
  await diner.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('diners-table')).toContainText('赵奶奶');
  await expectAccessible(page, 'diners');
  await page.getByRole('tab', { name: '记录用餐' }).click();
  await page.getByRole('button', { name: '赵奶奶 堂食' }).click();
  await page.getByRole('button', { name: '钱爷爷 送餐上门' }).click();
  await expect(page.getByTestId('served-line')).toHaveText('已记 2 份：堂食 1，送餐 1');
  await expect(page.getByTestId('diner-line').filter({ hasText: '赵奶奶' })).toContainText('已记：堂食 8.00 元');
  await expectAccessible(page, 'serve diners');
  await shot(page, 'meal-aid-serve');
  await page.getByRole('tab', { name: '送餐单' }).click();
  await expect(page.getByTestId('delivery-list')).toContainText('西线（1 人）');
  await expect(page.getByTestId('delivery-list')).toContainText('西村2组5号');

  // The month's report: residents' lunch by diet, 助餐 by category and the subsidy claim; exported to Excel.
  await page.getByRole('link', { name: '膳食' }).click();
  await page.getByRole('tab', { name: '月报' }).click();
  await expect(page.getByTestId('report-residents')).toContainText('普食');
  await expect(page.getByTestId('report-aid')).toContainText('低保');
  await expect(page.getByTestId('subsidy-claim')).toHaveText('本月申请助餐补贴合计：8.00 元');
  await expectAccessible(page, 'meal report');
  await shot(page, 'meal-report');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toBe('膳食月报-2026-03.xlsx');
});
