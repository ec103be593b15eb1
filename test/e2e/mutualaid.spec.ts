// Mutual aid through the UI (issue 18): the 关爱专干 pairs a volunteer with an old man at home, records a 代购 of the
// pair in a few taps (1.5 points credited), then another hour the same day (only 0.5 more: the daily cap, said on
// screen); she opens the volunteer's ledger, is refused a redemption beyond the balance (its own sentence) and
// redeems a haircut; records a 老年协会 tea party and ticks who came from a searchable list; reads the settings with
// their sources; sees the card on the elder's file and on the 低龄老人 helper's own file; and prints the month's
// 互助帮扶记录 (A4 portrait, read back from the PDF). Screens at 1366×768, 1024×768 and 390×844 are kept under
// test-results/screenshots/mutualaid-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { closeNotifications, expect, expectAccessible, field, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-18';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1366, height: 768 };
const SMALL = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** Every button of the table shows whole inside its card (none scrolled away sideways). */
const fits = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((table) => {
    const card = table.closest('.mantine-Card-root')?.getBoundingClientRect();
    const cut = [...table.querySelectorAll('button')].filter((b) => !card || b.getBoundingClientRect().right > card.right);
    return cut.length === 0 ? 'fits' : cut.map((b) => b.getAttribute('aria-label')).join('、');
  });

async function onPhone(page: Page) {
  await page.setViewportSize(PHONE);
  await closeNotifications(page);
  await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).not.toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

test('mutual aid: a pair, activities with the daily cap, the time bank with a refused and a done redemption, 老年协会 attendance, the elder card, the printed record', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const east = (await app.api<{ id: string }>('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  const west = (await app.api<{ id: string }>('elders.saveVillage', { name: '西村', cadreName: '李主任', cadrePhone: '13800000002' })).id;
  let serial = 400;
  const elder = async (name: string, birth: string, villageId: string) =>
    (await app.api<{ id: string }>('elders.save', { name, idNumber: validIdNumber(birth, String((serial += 1))), villageId, address: `${name}家`, phone: '13900000000', categories: [], registeredOn: '2026-01-05' })).id;
  const zhang = await elder('张大爷', '1940-05-01', east);
  await elder('李奶奶', '1941-02-02', east);
  await elder('冯奶奶', '1938-03-03', west);
  const liu = await elder('刘大妈', '1962-04-04', east);
  await app.api('visits.saveHelper', { name: '王小梅', kind: 'volunteer', phone: '13700000001', villageId: east });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });

  await page.goto(app.url);
  await pinIn(page, '关爱专干小陈', '975310', '关爱专干');

  // A 低龄老人 helper is an elder on the register: linked from the helpers list, her name taken from the register.
  await page.getByRole('link', { name: '探访' }).click();
  await page.getByRole('tab', { name: '协助人员' }).click();
  await page.getByRole('button', { name: '添加协助人员' }).click();
  const helperForm = page.getByRole('dialog');
  await helperForm.locator('label.mantine-SegmentedControl-label', { hasText: /^低龄老人$/ }).click();
  await helperForm.getByRole('combobox', { name: /^在册老人（低龄老人可关联）/ }).fill('刘');
  await page.getByRole('option', { name: /刘大妈（东村/ }).click();
  await expect(field(helperForm, '姓名')).toHaveValue('刘大妈');
  await expect(helperForm.getByRole('textbox', { name: '所在村（可不填）' }).or(helperForm.getByRole('combobox', { name: /^所在村/ })).first()).toHaveValue('东村');
  await helperForm.getByRole('button', { name: '保存' }).click();
  await expect(helperForm).toBeHidden();
  await expect(page.getByTestId('helpers').getByRole('row', { name: /刘大妈/ })).toContainText('（在册老人）');

  await page.getByRole('link', { name: '互助养老' }).click();
  await expect(page.getByRole('tab', { name: '结对帮扶' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('还没有结对')).toBeVisible();

  // A pair: 王小梅 with 张大爷.
  await page.getByRole('button', { name: '新建结对' }).click();
  const pairForm = page.getByRole('dialog', { name: '新建结对帮扶' });
  await pairForm.getByRole('combobox', { name: /^帮扶人/ }).click();
  await page.getByRole('option', { name: /^王小梅/ }).click();
  await pairForm.getByRole('combobox', { name: /^受助老人/ }).fill('张');
  await page.getByRole('option', { name: /张大爷（东村/ }).click();
  await field(pairForm, '备注').fill('每周上门两次');
  await expectAccessible(page, 'the pair form');
  await pairForm.getByRole('button', { name: '保存' }).click();
  await expect(pairForm).toBeHidden();
  const pairs = page.getByTestId('aid-pairs');
  await expect(pairs.getByRole('row', { name: /张大爷/ })).toContainText('王小梅');
  await expect(pairs.getByRole('row', { name: /张大爷/ }).getByRole('button', { name: '结束' })).toBeVisible();

  // An activity of the pair in a few taps: the pair is chosen already; 代购, 1.5 小时, save.
  await page.getByRole('button', { name: '为王小梅与张大爷登记活动' }).click();
  const form = page.getByRole('dialog', { name: '登记互助活动' });
  await expect(form.getByRole('radio', { name: '结对：张大爷' })).toBeChecked();
  await form.locator('label.mantine-SegmentedControl-label', { hasText: /^代购$/ }).click();
  await form.getByRole('button', { name: '1.5 小时' }).click();
  await field(form, '活动内容').fill('赶集代买米面油');
  await expectAccessible(page, 'the activity form');
  await closeNotifications(page);
  await shot(page, 'mutualaid-activity-form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('已登记，存入 1.5 分')).toBeVisible();
  await expect(pairs.getByRole('row', { name: /张大爷/ })).toContainText('1.5 小时');
  await closeNotifications(page);
  await shot(page, 'mutualaid-pairs');

  // Another hour the same day: only 0.5 more, and the sentence says why.
  await page.getByRole('tab', { name: '互助活动' }).click();
  await page.getByRole('button', { name: '登记活动' }).click();
  await form.getByRole('combobox', { name: /^帮扶人/ }).click();
  await page.getByRole('option', { name: /^王小梅/ }).click();
  await form.getByRole('radio', { name: '不针对某位老人' }).check({ force: true });
  await form.locator('label.mantine-SegmentedControl-label', { hasText: /^帮扶$/ }).click();
  await form.getByRole('button', { name: '1 小时', exact: true }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('每人每天最多存入2分：王小梅在2026-03-18已存入1.5分，这次只存入0.5分（应得1分）。')).toBeVisible();
  const list = page.getByTestId('aid-activities');
  await expect(list.getByRole('row')).toHaveCount(3);
  await expect(page.getByText('本月活动 2 次，共 2.5 小时，存入 2 分')).toBeVisible();
  // 12 hours and more is refused, nothing written.
  await page.getByRole('button', { name: '登记活动' }).click();
  await form.getByRole('combobox', { name: /^帮扶人/ }).click();
  await page.getByRole('option', { name: /^王小梅/ }).click();
  await field(form, '时长（小时，可填 1.5）').fill('13');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('一次活动最长12小时（720分钟），请分开登记')).toBeVisible();
  await form.getByRole('button', { name: 'Close' }).or(form.locator('.mantine-Modal-close')).first().click();
  await expect(list.getByRole('row')).toHaveCount(3);
  await expectAccessible(page, 'the activities list');
  await closeNotifications(page);
  await shot(page, 'mutualaid-activities');

  // The time bank: 2 points; 3 refused with the balance named; a haircut for 1.
  await page.getByRole('tab', { name: '时间银行' }).click();
  await expect(page.getByTestId('aid-balances').getByRole('row', { name: /王小梅/ })).toContainText('2.5');
  await page.getByRole('button', { name: '王小梅的积分明细' }).click();
  const ledger = page.getByRole('dialog', { name: '王小梅的时间银行明细' });
  await expect(ledger.getByTestId('aid-balance')).toHaveText('余额 2 分　累计服务 2.5 小时');
  await ledger.getByRole('button', { name: '兑换' }).click();
  const redeem = page.getByRole('dialog', { name: /^兑换：王小梅/ });
  await field(redeem, '兑换积分').fill('3');
  await redeem.locator('label', { hasText: '上门理发一次' }).click();
  await redeem.getByRole('button', { name: '兑换' }).click();
  await expect(redeem.getByText('王小梅的积分余额只有2分，不能兑换3分')).toBeVisible();
  await field(redeem, '兑换积分').fill('1');
  await redeem.getByRole('button', { name: '兑换' }).click();
  await expect(redeem).toBeHidden();
  await expect(ledger.getByTestId('aid-balance')).toHaveText('余额 1 分　累计服务 2.5 小时');
  const entries = ledger.getByTestId('aid-ledger').getByRole('row');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(1)).toContainText('兑换');
  await expect(entries.nth(1)).toContainText('上门理发一次');
  await expectAccessible(page, 'the ledger');
  await closeNotifications(page);
  await shot(page, 'mutualaid-ledger');
  await ledger.locator('.mantine-Modal-close').first().click();

  // 老年协会: a tea party in 东村; who came ticked from the list, found by name.
  await page.getByRole('tab', { name: '老年协会' }).click();
  await expect(page.getByText('这个月还没有老年协会活动')).toBeVisible();
  await page.getByRole('button', { name: '新建活动' }).click();
  const assoc = page.getByRole('dialog', { name: '新建老年协会活动' });
  await field(assoc, '活动名称').fill('重阳茶话会');
  await assoc.getByRole('combobox', { name: '村（不选为全镇）' }).click();
  await page.getByRole('option', { name: '东村' }).click();
  await field(assoc, '地点').fill('村文化活动室');
  await assoc.getByRole('button', { name: '保存' }).click();
  await expect(assoc).toBeHidden();
  await page.getByRole('button', { name: '重阳茶话会的签到' }).click();
  const sign = page.getByRole('dialog', { name: /^签到：重阳茶话会/ });
  await sign.getByRole('checkbox', { name: '勾选张大爷为已参加' }).click();
  await expect(sign.getByTestId('aid-present')).toContainText('张大爷');
  await field(sign, '查找参加人').fill('李');
  await sign.getByRole('checkbox', { name: '勾选李奶奶为已参加' }).click();
  await field(sign, '查找参加人').fill('王');
  await sign.getByRole('checkbox', { name: '勾选王小梅为已参加' }).click();
  await expect(sign.getByTestId('aid-present-count')).toHaveText('已到：老人 2 位，帮扶人 1 位');
  await expect(sign.getByTestId('aid-present')).not.toContainText('冯奶奶'); // 西村 is not offered
  await expectAccessible(page, 'the attendance list');
  await closeNotifications(page);
  await shot(page, 'mutualaid-attendance');
  await sign.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('aid-associations')).toContainText('3 人参加');

  // The settings, with where each default comes from.
  await page.getByRole('tab', { name: '设置' }).click();
  await expect(page.getByText('依据：上海长宁时间银行：服务1小时存1个时间币 [R]')).toBeVisible();
  await expect(page.getByText(/南京（2019）存储上限1500小时/)).toBeVisible();
  await expect(field(page, '积分余额上限')).toHaveValue('600');
  await expectAccessible(page, 'the settings');
  await shot(page, 'mutualaid-settings');

  // With 审核后才存入 on, 刘大妈's hour waits for a check; checked, it is credited; voided, it is taken back.
  await page.getByRole('switch', { name: '管理人员审核后才存入积分' }).check({ force: true });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('tab', { name: '互助活动' }).click();
  await page.getByRole('button', { name: '登记活动' }).click();
  await form.getByRole('combobox', { name: /^帮扶人/ }).click();
  await page.getByRole('option', { name: /^刘大妈/ }).click();
  await form.getByRole('button', { name: '1 小时', exact: true }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('已登记。按设置，这次活动由管理人员审核后才存入积分。')).toBeVisible();
  await expect(list.getByRole('row', { name: /刘大妈/ })).toContainText('待审核');
  await page.getByRole('button', { name: '审核刘大妈 2026-03-18 的活动' }).click();
  await expect(page.getByText('已审核，存入 1 分')).toBeVisible();
  await expect(list.getByRole('row', { name: /刘大妈/ })).toContainText('1 分');
  await page.getByRole('button', { name: '作废刘大妈 2026-03-18 的活动' }).click();
  const voiding = page.getByRole('dialog', { name: '作废活动：刘大妈 2026-03-18' });
  await field(voiding, '作废原因').fill('记错了人');
  await voiding.getByRole('button', { name: '作废' }).click();
  await expect(voiding).toBeHidden();
  await expect(page.getByText('已从刘大妈的积分中扣回1分（一条更正记录）。')).toBeVisible();
  await expect(list.getByRole('row', { name: /刘大妈/ })).toContainText('已作废');
  await expect(list.getByRole('row', { name: /刘大妈/ })).toContainText('关爱专干小陈作废：记错了人');

  // At 1024×768 and on a phone.
  await page.getByRole('tab', { name: '结对帮扶' }).click();
  await page.setViewportSize(SMALL);
  await closeNotifications(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL.width);
  // The pairs' table fits: its 结束 button is not scrolled away.
  expect(await fits(page, 'aid-pairs')).toBe('fits');
  await shot(page, 'mutualaid-pairs-1024');
  await page.getByRole('tab', { name: '互助活动' }).click();
  await expect(page.getByTestId('aid-activities')).toBeVisible();
  expect(await fits(page, 'aid-activities')).toBe('fits');
  await shot(page, 'mutualaid-activities-1024');
  await page.getByRole('tab', { name: '时间银行' }).click();
  await expect(page.getByTestId('aid-balances')).toBeVisible();
  expect(await fits(page, 'aid-balances')).toBe('fits');
  await shot(page, 'mutualaid-bank-1024');
  await page.getByRole('tab', { name: '结对帮扶' }).click();
  await onPhone(page);
  await shot(page, 'mutualaid-pairs-phone');
  await page.getByRole('tab', { name: '互助活动' }).click();
  await page.getByRole('button', { name: '登记活动' }).click();
  await expect(form).toBeVisible();
  await shot(page, 'mutualaid-activity-form-phone');
  await form.locator('.mantine-Modal-close').first().click();
  await page.setViewportSize(PC);

  // The elder's file: the pair and the help received; the 低龄老人's own file: her balance as a helper.
  await page.goto(`${app.origin}/#/elders/${zhang}`);
  const card = page.getByTestId('elder-aid-card');
  await expect(card).toContainText('结对帮扶：王小梅（志愿者），自 2026-03-18 起，累计 1.5 小时');
  await expect(card).toContainText('03-18 王小梅代购1.5小时');
  await closeNotifications(page);
  await shot(page, 'mutualaid-elder-card');
  await page.goto(`${app.origin}/#/elders/${liu}`);
  await expect(page.getByTestId('elder-aid-card')).toContainText('刘大妈也是帮扶人：时间银行余额 0 分');

  // The printed 互助帮扶记录 of the month: 东村 on its own sheet, portrait.
  await page.goto(`${app.origin}/#/mutualaid/sheet?month=2026-03`);
  await expect(page.getByTestId('aid-sheet-village')).toHaveCount(1);
  await expect(page.getByTestId('aid-sheet')).toContainText('赶集代买米面油');
  await expectAccessible(page, 'the printed record');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'mutualaid-sheet-print');
  const pdfPath = testInfo.outputPath('print-mutualaid-sheet.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  expect(Number(size?.[1])).toBeLessThan(Number(size?.[2]));
  for (const expected of ['测试镇 互助帮扶记录', '2026-03', '东村', '一、结对帮扶（1 对）', '张大爷', '王小梅', '二、互助活动（2 次）', '赶集代买米面油', '三、帮扶人合计', '2.5', '村（居）委会审核', '第 1 页，共 1 页'])
    expect(text, `"${expected}" on the printed record`).toContain(expected);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(SCREENSHOTS, 'print-mutualaid-sheet')]);
  void west;
});
