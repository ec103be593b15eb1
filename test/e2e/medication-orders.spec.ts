// Writing down a resident's medicines through the UI (issue 19): the 医护 signs in with her PIN, opens 服药, adds two
// drugs to the 药品目录 (warfarin marked 抗凝药; the same drug twice refused), signs 张三's 服药管理协议 from the list of
// residents without one, writes a warfarin order (每日一次 takes the centre's 08:00) and a 按需 paracetamol order (refused
// until its daily maximum and indication are given), changes the warfarin dose from tomorrow (the old order stops the
// day the new one starts), stops the paracetamol, finds both in the history, sees the orders on 张三's file, and reads
// the settings with their sources (a new 每日一次 time is offered to new orders; written ones keep theirs). Screens at
// 1024×768 and 390×844 are kept under
// test-results/screenshots/medication-orders-*.png.
import type { Page } from '@playwright/test';
import { PROFILE, admission, person } from '../helpers/centre';
import { choose, closeNotifications, expect, expectAccessible, field, fillDate, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-17';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

async function tab(page: Page, name: string) {
  await closeNotifications(page);
  await page.getByRole('tab', { name }).click();
}

test('the 医护 writes down a resident’s medicines: drugs, the agreement, two orders, a change, a stop, the file, the settings', async ({ app, page }) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const zhang = (await app.api<{ id: string }>('residents.admit', { person: person({ name: '张三' }), admission: admission(map.rooms[0].beds[0].id) })).id;
  await app.api('staff.hire', { name: '医护小刘', role: 'nurse', hireDate: '2025-01-01', accountRole: 'medical', pin: '864200' });

  await page.goto(app.url);
  await pinIn(page, '医护小刘', '864200', '医护');
  await page.getByRole('link', { name: '服药' }).click();

  // The drug list: warfarin (抗凝药) and paracetamol; warfarin twice is refused with the reason.
  await tab(page, '药品目录');
  await expect(page.getByText('药品目录还是空的')).toBeVisible();
  const addDrug = async (name: string, strength: string, alert?: string) => {
    await page.getByRole('button', { name: '添加药品' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, '药品通用名').fill(name);
    await field(dialog, '规格').fill(strength);
    if (alert) await choose(page, '高警示类别', alert);
    await dialog.getByRole('button', { name: '保存' }).click();
    return dialog;
  };
  await expect(await addDrug('华法林钠片', '2.5 mg', '抗凝药')).toBeHidden();
  await expect(await addDrug('对乙酰氨基酚片', '0.5 g')).toBeHidden();
  const again = await addDrug('华法林钠片', '2.5 mg');
  await expect(again).toContainText('药品目录里已有「华法林钠片 2.5 mg（片剂）」');
  await again.getByRole('button', { name: '取消' }).click();
  const drugs = page.getByTestId('medication-drugs');
  await expect(drugs.getByRole('row')).toHaveCount(3);
  await expect(drugs.getByRole('row', { name: /华法林钠片/ })).toContainText('抗凝药');
  await expectAccessible(page, 'the drug list');
  await shot(page, 'medication-orders-drugs');

  // 服药协议: 张三 is among those without one; sign it from there.
  await tab(page, '服药协议');
  const missing = page.getByTestId('medication-agreements-missing');
  await expect(missing).toContainText('还没有签订服药管理协议的老人（1 人）');
  await missing.getByRole('button', { name: /张三/ }).click();
  const sign = page.getByRole('dialog');
  await field(sign, '签字人').fill('张小明');
  await field(sign, '与老人关系').fill('侄子');
  await sign.getByRole('button', { name: '保存' }).click();
  await expect(sign).toBeHidden();
  await expect(missing).toBeHidden();
  await expect(page.getByTestId('medication-agreements')).toContainText('张小明（侄子）');
  await expectAccessible(page, 'the agreements');

  // 医嘱: 张三 has none yet; open him and write the warfarin order.
  await tab(page, '医嘱');
  const resident = page.getByTestId('medication-resident');
  await expect(resident).toContainText('暂无在用医嘱');
  await resident.getByRole('button', { name: '查看医嘱 张三' }).click();
  await expect(page.getByText('服药管理协议：2026-03-17 已签订')).toBeVisible();
  await page.getByRole('button', { name: '开新医嘱' }).click();
  let form = page.getByRole('dialog');
  await choose(page, '药品', /华法林钠片/);
  await field(form, '每次剂量').fill('1');
  await expect(form).toContainText('按本院服药时间：08:00');
  await field(form, '开医嘱的医生').fill('王建国');
  await field(form, '医疗机构名称').fill('柳湾镇卫生院');
  await expectAccessible(page, 'the order form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  const orders = page.getByTestId('medication-order');
  await expect(orders).toHaveCount(1);
  await expect(orders.first()).toContainText('华法林钠片 2.5 mg');
  await expect(orders.first()).toContainText('高警示：抗凝药');
  await expect(orders.first()).toContainText('每次 1 片 · 口服 · 每日一次 08:00');

  // A 按需 order: refused until its daily maximum and indication are given.
  await closeNotifications(page);
  await page.getByRole('button', { name: '开新医嘱' }).click();
  form = page.getByRole('dialog');
  await choose(page, '药品', /对乙酰氨基酚片/);
  await field(form, '每次剂量').fill('1');
  await choose(page, '服药频次', '按需（必要时）');
  await field(form, '开医嘱的医生').fill('王建国');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('按需（必要时）医嘱请填写每日最多次数');
  await field(form, '每日最多次数').fill('3');
  await field(form, '用药指征').fill('体温超过 38.5℃ 时');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(orders).toHaveCount(2);
  await expect(orders.nth(1)).toContainText('必要时（体温超过 38.5℃ 时），每日最多 3 次');

  // Change the warfarin dose from tomorrow: the old one runs today and stops tomorrow, the new one starts then.
  await closeNotifications(page);
  await orders.first().getByRole('button', { name: /^调整/ }).click();
  form = page.getByRole('dialog');
  await expect(field(form, '每次剂量')).toHaveValue('1');
  await field(form, '调整原因').fill('INR 偏高，减量');
  await field(form, '每次剂量').fill('0.75');
  await fillDate(page, '开始日期', '2026-03-18');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(orders).toHaveCount(3);
  await expect(orders.filter({ hasText: '华法林' }).filter({ hasText: '每次 1 片' })).toContainText('2026-03-18 停止');
  await expect(orders.filter({ hasText: '每次 0.75 片' })).toContainText('未开始');
  await expect(orders.filter({ hasText: '每次 0.75 片' })).toContainText('由原医嘱调整而来');

  // Stop the paracetamol from today; it leaves the current list and stays in the history.
  await closeNotifications(page);
  await orders.filter({ hasText: '对乙酰氨基酚片' }).getByRole('button', { name: /^停止/ }).click();
  const stop = page.getByRole('dialog');
  await field(stop, '停止原因').fill('已退热，医生停药');
  await stop.getByRole('button', { name: '保存' }).click();
  await expect(stop).toBeHidden();
  await expect(orders).toHaveCount(2);
  await page.getByRole('checkbox', { name: '显示已停止、已结束的医嘱' }).check();
  await expect(orders).toHaveCount(3);
  await expect(orders.filter({ hasText: '对乙酰氨基酚片' })).toContainText('已停止');
  await expect(orders.filter({ hasText: '对乙酰氨基酚片' })).toContainText('医护小刘 停止：已退热，医生停药');
  await expectAccessible(page, 'a resident’s orders');
  await shot(page, 'medication-orders-resident');
  await page.setViewportSize(PHONE);
  await shot(page, 'medication-orders-resident-phone');
  await page.setViewportSize(PC);

  // Back to the list: searchable by drug.
  await page.getByRole('button', { name: '返回老人列表' }).click();
  await page.getByRole('textbox', { name: '搜索老人姓名、拼音首字母或药名' }).fill('华法林');
  await expect(resident).toHaveCount(1);
  await expect(resident).toContainText('华法林钠片 2.5 mg ⚠抗凝药 每次 1 片 · 口服 · 每日一次 08:00 （2026-03-18 起停用）');
  await expect(resident).toContainText('每次 0.75 片 · 口服 · 每日一次 08:00 （2026-03-18 起）');
  await expectAccessible(page, 'the residents and their orders');
  await shot(page, 'medication-orders-list');
  await page.getByRole('textbox', { name: '搜索老人姓名、拼音首字母或药名' }).fill('胰岛素');
  await expect(page.getByText('没有找到符合条件的记录')).toBeVisible();

  // 张三's file shows his orders in short, with the way to the medication page.
  await page.evaluate((h) => (window.location.hash = h), `#/residents/${zhang}`);
  const card = page.getByTestId('resident-medication-card');
  await expect(card).toContainText('华法林钠片 2.5 mg');
  await expect(card).toContainText('（2026-03-18 起）');
  await card.getByRole('link', { name: '查看和开医嘱' }).click();
  await expect(page.getByRole('button', { name: '开新医嘱' })).toBeVisible();

  // The settings: each with where its default comes from.
  await tab(page, '设置');
  await expect(page.getByText(/来源：GB\/T 35796-2017 5\.6\.2\.5/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '抗凝药' })).toBeChecked();
  await expectAccessible(page, 'the settings');
  await page.setViewportSize(PHONE);
  await shot(page, 'medication-orders-settings-phone');
  await page.setViewportSize(PC);
  // The centre's 每日一次 time moves to 07:30: a new order takes it, the orders already written keep 08:00.
  await page.getByLabel('每日一次 第 1 个时间').fill('07:30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect.poll(async () => (await app.api<{ settings: { qdTimes: string[] } }>('medication.settings', {})).settings.qdTimes).toEqual(['07:30']);
  await tab(page, '医嘱');
  await expect(resident).toContainText('每次 1 片 · 口服 · 每日一次 08:00');
  await resident.getByRole('button', { name: '查看医嘱 张三' }).click();
  await page.getByRole('button', { name: '开新医嘱' }).click();
  await expect(page.getByRole('dialog')).toContainText('按本院服药时间：07:30');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
});
