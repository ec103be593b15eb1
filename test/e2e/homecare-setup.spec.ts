// Setting up home services through the UI (issue 18): the 关爱专干 adds a service item (助浴, per visit), prices it for 特困
// — a subsidy above the price is refused in Chinese and the fixed one shows in 元 — adds an organisation and one of its
// workers, grants 张大爷 8 hours of 助洁 a month typed in hours, and plans a weekly visit with 助洁 and 理发: 理发 is marked
// 无额度. Each tab is looked at at 1024×768 and 390×844 (test-results/screenshots/homecare-setup-*.png).
import type { Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { choose, closeNotifications, expect, expectAccessible, field, fillDate, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-18';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

/** The tab at both sizes: the phone screen must not scroll sideways. */
async function lookAt(page: Page, name: string) {
  await closeNotifications(page);
  await shot(page, `homecare-setup-${name}`);
  await page.setViewportSize(PHONE);
  await closeNotifications(page);
  await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).not.toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, `homecare-setup-${name}-phone`);
  await page.setViewportSize(PC);
}

test('home services setup: an item and its price, a provider and worker, an entitlement in hours, a plan marking an item without entitlement', async ({ app, page }) => {
  test.setTimeout(180_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const east = (await app.api<{ id: string }>('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  await app.api('elders.save', { name: '张大爷', idNumber: validIdNumber('1940-05-01', '301'), villageId: east, address: '东村1组', phone: '13900000011', categories: ['tekun_dispersed'], registeredOn: '2026-01-05' });
  const clean = (await app.api<{ id: string }>('homecare.saveItem', { name: '助洁', category: 'life_care', unit: 'hour' })).id;
  await app.api('homecare.saveItem', { name: '理发', category: 'life_care', unit: 'visit' });
  await app.api('homecare.savePrice', { itemId: clean, priceClass: 'tekun_dispersed', effectiveFrom: '2026-01-01', priceFen: 3000, subsidyFen: 3000 });
  await app.api('homecare.saveProvider', { name: '柳湾镇敬老院', kind: 'centre' });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });

  await page.goto(app.url);
  await pinIn(page, '关爱专干小陈', '975310', '关爱专干');

  // 项目与价格: a new item, per visit.
  await page.goto(`${app.url.split('#')[0]}#/homecare?tab=items`);
  await expect(page.getByRole('tab', { name: '项目与价格' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: '新增服务项目' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, '项目名称').fill('助浴');
  await dialog.getByText('次', { exact: true }).click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('homecare-items')).toContainText('助浴');

  // Its price for 特困: a subsidy above the price is refused and said in Chinese; the right one shows in 元.
  await choose(page, '服务项目', /^助浴/);
  await field(page, '价格（元）').fill('50');
  await field(page, '补贴（元）').fill('60');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('「助浴」分散供养特困的补贴（60.00 元）不能高于价格（50.00 元）')).toBeVisible();
  await field(page, '补贴（元）').fill('50');
  await page.getByRole('button', { name: '保存' }).click();
  const prices = page.getByTestId('homecare-prices');
  await expect(prices.getByRole('row').filter({ hasText: '助浴' })).toContainText('50.00 元/次');
  await expect(prices.getByRole('row').filter({ hasText: '助浴' })).toContainText('执行中');
  await expect(prices.getByRole('row').filter({ hasText: '助洁' })).toContainText('30.00 元/小时');
  await expectAccessible(page, 'items and prices');
  await lookAt(page, 'items');

  // 服务机构: an organisation, and one of its workers.
  await page.getByRole('tab', { name: '服务机构' }).click();
  await page.getByRole('button', { name: '新增服务机构' }).click();
  await field(dialog, '机构名称').fill('康乐家政服务社');
  await field(dialog, '联系人').fill('刘经理');
  await field(dialog, '合同编号').fill('清民购〔2026〕08号');
  await fillDate(page, '合同开始', '2026-01-01');
  await fillDate(page, '合同结束', '2026-12-31');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '添加服务人员（康乐家政服务社）' }).click();
  await field(dialog, '姓名').fill('刘阿姨');
  await field(dialog, '电话').fill('13700000001');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const org = page.getByTestId('homecare-provider').filter({ hasText: '康乐家政服务社' });
  await expect(org).toContainText('刘阿姨');
  await expect(org).toContainText('2026-01-01 至 2026-12-31');
  await expectAccessible(page, 'providers');
  await lookAt(page, 'providers');

  // 享受额度: 8 hours of 助洁 a month, typed in hours.
  await page.getByRole('tab', { name: '享受额度' }).click();
  await expect(page.getByText('今天没有有效的享受额度')).toBeVisible();
  await page.getByRole('button', { name: '登记享受额度' }).click();
  await dialog.getByRole('combobox', { name: /^老人/ }).fill('张');
  await page.getByRole('option', { name: /张大爷/ }).click();
  await choose(page, '服务项目', /^助洁/);
  await field(dialog, '每月额度（小时）').fill('8');
  await field(dialog, '批准文号').fill('清民〔2026〕12号');
  await fillDate(page, '有效期开始', '2026-03-01');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const entitlements = page.getByTestId('homecare-entitlements');
  await expect(entitlements.getByRole('row').filter({ hasText: '张大爷' })).toContainText('8 小时');
  await expect(entitlements.getByRole('row').filter({ hasText: '张大爷' })).toContainText('有效');
  await expectAccessible(page, 'entitlements');
  await lookAt(page, 'entitlements');

  // 服务计划: Tuesdays and Thursdays at 09:30 with 助洁 and 理发 — 理发 has no entitlement and says so.
  await page.getByRole('tab', { name: '服务计划' }).click();
  await page.getByRole('button', { name: '新增服务计划' }).click();
  await dialog.getByRole('combobox', { name: /^老人/ }).fill('张');
  await page.getByRole('option', { name: /张大爷/ }).click();
  await choose(page, '服务机构', /^康乐家政服务社/);
  await choose(page, '服务人员', '刘阿姨');
  await dialog.getByRole('combobox', { name: /^服务项目/ }).click();
  await page.getByRole('option', { name: /^助洁/ }).click();
  await page.getByRole('option', { name: /^理发/ }).click();
  await dialog.getByText('上门星期').click();
  await dialog.getByText('周二', { exact: true }).click();
  await dialog.getByText('周四', { exact: true }).click();
  await field(dialog, '上门时间').fill('09:30');
  await field(dialog, '每次时长（分钟）').fill('90');
  await expectAccessible(page, 'the plan form');
  await shot(page, 'homecare-setup-plan-form');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const plan = page.getByTestId('homecare-plans').getByRole('row').filter({ hasText: '张大爷' });
  await expect(plan).toContainText('每周 周二、周四 09:30，90分钟');
  await expect(plan).toContainText('理发 · 无额度');
  await expect(plan).not.toContainText('助洁 · 无额度');
  await expectAccessible(page, 'plans');
  await lookAt(page, 'plans');
});
