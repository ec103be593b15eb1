// A week of village visits through the UI (issue 17): the 关爱专干 opens the week's plan (elders of high, medium and
// low level in two villages, two of them overdue), records a phone call in two taps, then a home visit that finds old
// wiring and opens a follow-up to meal aid in the same action; the overdue line stays red and says 逾期 on the plan
// and on the home page; she closes the follow-up with its result, reports a special situation (on the home page until
// closed) and closes it; and prints the route sheet (A4 portrait, read back from the PDF). Screens at 1366×768 and
// 390×844 are kept under test-results/screenshots/visits-*.png.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { choose, closeNotifications, expect, expectAccessible, field, fillDate, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-18'; // a Wednesday; the week starts on Monday 03-16
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** A one-pixel photo of the wiring. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

/** A phone-sized screen, settled (the menu folded away, no notification over the page), that does not scroll sideways. */
async function onPhone(page: Page) {
  await page.setViewportSize(PHONE);
  await closeNotifications(page);
  await expect(page.getByRole('button', { name: '菜单' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).not.toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** Picks one choice of a segmented control inside a scope by its text. */
const segment = (scope: ReturnType<Page['getByRole']>, text: string) => scope.locator('label.mantine-SegmentedControl-label', { hasText: new RegExp(`^${text}$`) }).first().click();

test('a week of visits: plan, a phone call, a home visit with a problem and its follow-up, overdue in red, a special report, the route sheet', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  // The scene: two villages with their 村干部, four elders at home, the 关爱专干 with a PIN.
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const east = (await app.api<{ id: string }>('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  const west = (await app.api<{ id: string }>('elders.saveVillage', { name: '西村', cadreName: '李主任', cadrePhone: '13800000002' })).id;
  let serial = 300;
  const elder = async (name: string, birth: string, categories: string[], villageId: string, registeredOn = '2026-01-05') =>
    (
      await app.api<{ id: string }>('elders.save', {
        name,
        idNumber: validIdNumber(birth, String((serial += 1))),
        villageId,
        address: `${villageId === east ? '东村' : '西村'}${serial - 300}组${serial - 290}号`,
        phone: `139000000${serial - 290}`,
        categories,
        registeredOn,
      })
    ).id;
  const zhang = await elder('张大爷', '1940-05-01', ['living_alone'], east); // 高: weekly at home
  const li = await elder('李奶奶', '1950-06-01', ['tekun_dispersed'], east); // 中: monthly at home
  await elder('孙大爷', '1956-01-01', [], east, '2025-12-01'); // 低: by phone, never visited — overdue
  const feng = await elder('冯奶奶', '1938-03-03', ['left_behind'], west); // 高, last visit 03-05 — overdue
  const seen = (elderId: string, kind: string, day: string) =>
    app.api('visits.record', { requestId: randomUUID(), elderId, kind, visitedAt: at(day, '10:00'), findings: Object.fromEntries(['health', 'mood', 'safety', 'house', 'daily_care', 'livelihood', 'family', 'needs'].map((a) => [a, { problem: false, note: '' }])) });
  await seen(zhang, 'home', '2026-03-10');
  await seen(li, 'home', '2026-02-20');
  await seen(feng, 'home', '2026-03-05');
  await app.api('visits.saveHelper', { name: '张书记', kind: 'village_cadre', phone: '13800000001', villageId: east });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });

  await page.goto(app.url);
  await pinIn(page, '关爱专干小陈', '975310', '关爱专干');

  // The plan: each village with its 村干部; overdue lines say 逾期.
  await page.getByRole('link', { name: '探访' }).click();
  await expect(page.getByTestId('plan-week')).toHaveText('2026-03-16 至 2026-03-22');
  const villages = page.getByTestId('plan-village');
  await expect(villages).toHaveCount(2);
  await expect(villages.nth(0)).toContainText('东村');
  await expect(villages.nth(0)).toContainText('村干部：张书记 13800000001');
  await expect(villages.nth(1)).toContainText('村干部：李主任 13800000002');
  const line = (name: string) => page.getByTestId('plan-line').filter({ has: page.getByText(name, { exact: true }) });
  await expect(line('孙大爷')).toHaveAttribute('data-overdue', 'yes');
  await expect(line('孙大爷')).toContainText('逾期');
  await expect(line('孙大爷')).toContainText('等级低');
  await expect(line('孙大爷')).toContainText('应电话探访');
  await expect(line('孙大爷')).toContainText('上次：从未探访');
  await expect(line('张大爷')).toContainText('等级高');
  await expect(line('张大爷')).toContainText('上次：2026-03-10 上门探访');
  await expect(line('李奶奶')).toHaveAttribute('data-overdue', 'no');
  await expect(line('李奶奶')).toContainText('等级中');
  await expect(line('冯奶奶')).toHaveAttribute('data-overdue', 'yes');
  await expect(page.getByTestId('plan-totals')).toContainText('应访 4 人，已访 0 人，逾期 3 人');
  await expectAccessible(page, 'the week plan');
  await shot(page, 'visits-plan');
  // Any day picks its week; 下一周 and 本周 move it.
  await fillDate(page, '选一周（点任一天，从那一周的星期一开始）', '2026-04-01');
  await expect(page.getByTestId('plan-week')).toHaveText('2026-03-30 至 2026-04-05');
  await page.getByRole('button', { name: '上一周' }).click();
  await expect(page.getByTestId('plan-week')).toHaveText('2026-03-23 至 2026-03-29');
  await page.getByRole('button', { name: '本周' }).click();
  await expect(page.getByTestId('plan-week')).toHaveText('2026-03-16 至 2026-03-22');

  // A phone call to 孙大爷, the kind his level asks for, all fine: two taps.
  await page.getByRole('button', { name: '记录探访 孙大爷' }).click(); // tap 1
  const form = page.getByRole('dialog');
  await expect(form.getByRole('heading', { name: '记录探访：孙大爷（东村）' })).toBeVisible();
  await expect(form.locator('.mantine-SegmentedControl-label[data-active]', { hasText: '电话' })).toBeVisible();
  await form.getByRole('button', { name: '保存探访记录' }).click(); // tap 2
  await expect(form).toBeHidden();
  await expect(line('孙大爷')).toContainText('本周已访 03-18 电话探访');
  await expect(line('孙大爷')).toHaveAttribute('data-overdue', 'no');
  await expect(line('孙大爷')).toHaveCSS('border-left-width', '8px');

  // A home visit to 张大爷 with the 村干部: the wiring is old — a problem needs its note — and meal aid is asked for.
  await page.getByRole('button', { name: '记录探访 张大爷' }).click();
  await expect(form.locator('.mantine-SegmentedControl-label[data-active]', { hasText: '上门' })).toBeVisible();
  await form.getByRole('combobox', { name: /一同探访的协助人员/ }).click();
  await page.getByRole('option', { name: /张书记/ }).click();
  await form.getByRole('heading', { name: '探访情况' }).click(); // closes the helper list
  const safety = form.getByRole('group', { name: '居住安全（用火用电）' });
  await segment(safety, '有问题');
  await form.getByRole('button', { name: '保存探访记录' }).click();
  await expect(field(form, '「居住安全（用火用电）」是什么问题')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('「居住安全（用火用电）」有问题：请写明是什么问题');
  await field(form, '「居住安全（用火用电）」是什么问题').fill('电线老化，插座发烫');
  await field(form, '探访记录（说了什么、看到什么）').fill('入户查看，老人说做饭困难');
  await form.locator('input[type="file"]').setInputFiles({ name: 'wires.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  await expect(form.getByText('已加照片（点此更换）')).toBeVisible();
  await form.getByRole('button', { name: '＋ 登记一条转介' }).click();
  await choose(page, '转介到', '助餐');
  await field(form, '要办的事').fill('申请助餐送餐');
  await expectAccessible(page, 'the visit form');
  await shot(page, 'visits-form');
  await form.getByRole('button', { name: '保存探访记录' }).click();
  await expect(form).toBeHidden();
  await expect(line('张大爷')).toContainText('本周已访 03-18 上门探访');

  // 冯奶奶 is still overdue: red, and the word says so.
  await expect(line('冯奶奶')).toHaveAttribute('data-overdue', 'yes');
  await expect(line('冯奶奶').getByTestId('overdue')).toHaveText('逾期');
  await expect(page.getByTestId('plan-totals')).toContainText('已访 2 人，逾期 1 人');
  await shot(page, 'visits-plan-after');

  // 张大爷's visits, newest first: what was found, with whom, and the follow-up still open.
  await page.getByRole('button', { name: '探访记录 张大爷' }).click();
  const history = page.getByRole('dialog');
  const latest = history.getByTestId('elder-visit').first();
  await expect(latest).toContainText('2026-03-18 10:00 上门探访');
  await expect(latest).toContainText('发现问题 1 项');
  await expect(latest).toContainText('居住安全（用火用电）：电线老化，插座发烫');
  await expect(latest).toContainText('探访人：关爱专干小陈；一同探访：张书记（村干部）');
  await expect(latest).toContainText('转介助餐：申请助餐送餐 — 办理中');
  await expect(latest.getByRole('img', { name: '2026-03-18 探访的照片' })).toBeVisible();
  await expect(history.getByTestId('elder-visit')).toHaveCount(2);
  await expectAccessible(page, "an elder's visits");
  await history.getByRole('button', { name: '关闭' }).first().click();
  await expect(history).toBeHidden();
  // Only the overdue: one line left to do this week.
  const show = page.getByRole('group', { name: '显示哪些老人' });
  await segment(show, '只看逾期');
  await expect(page.getByTestId('plan-line')).toHaveCount(1);
  await expect(page.getByTestId('plan-line')).toContainText('冯奶奶');
  await segment(show, '全部');
  await expect(page.getByTestId('plan-line')).toHaveCount(4);

  // The home page: 西村 has one overdue, one follow-up open.
  await page.getByRole('link', { name: '首页' }).click();
  const card = page.getByTestId('visit-alerts');
  await expect(card.getByTestId('overdue-village')).toHaveCount(1);
  await expect(card.getByTestId('overdue-village')).toContainText('西村：逾期 1 人');
  await expect(card).toContainText('未结案的转介 1 条');
  await card.getByRole('link', { name: '西村：逾期 1 人' }).click();
  await expect(page.getByTestId('plan-village')).toHaveCount(1);
  await expect(page.getByTestId('plan-village')).toContainText('西村');

  // The follow-up is closed with its result.
  await page.getByRole('tab', { name: '转介跟进' }).click();
  const followups = page.getByTestId('followups');
  await expect(followups).toContainText('张大爷');
  await expect(followups).toContainText('申请助餐送餐');
  await expect(followups).toContainText('2026-03-18 探访发现');
  await expectAccessible(page, 'follow-ups');
  await page.getByRole('button', { name: '结案 张大爷 助餐' }).click();
  const closing = page.getByRole('dialog');
  await closing.getByRole('button', { name: '结案' }).click();
  await expect(closing).toContainText('关闭转介必须填写处理结果');
  await field(closing, '处理结果').fill('已纳入助餐，每天送午餐');
  await closing.getByRole('button', { name: '结案' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByText('没有未结案的转介')).toBeVisible();
  await segment(page.getByRole('tabpanel'), '全部');
  await expect(followups).toContainText('2026-03-18 结案（关爱专干小陈）：已纳入助餐，每天送午餐');
  await closeNotifications(page);
  await shot(page, 'visits-followups');

  // A special situation: 冯奶奶 found fallen; on the home page until closed.
  await page.getByRole('tab', { name: '特殊情况' }).click();
  await page.getByRole('button', { name: '报告特殊情况' }).click();
  const report = page.getByRole('dialog');
  await report.getByRole('combobox', { name: /^老人/ }).fill('冯');
  await page.getByRole('option', { name: /冯奶奶（西村，88岁）/ }).click();
  await field(report, '发现的情况').fill('摔倒在家中，无法起身');
  await field(report, '采取的措施').fill('拨打120送卫生院，联系其儿子');
  await field(report, '报告对象（谁、哪个部门）').fill('乡镇民政办 李主任');
  await expectAccessible(page, 'the special report form');
  await report.getByRole('button', { name: '报告特殊情况' }).click();
  await expect(report).toBeHidden();
  await expect(page.getByTestId('special-open')).toContainText('冯奶奶（西村）：摔倒在家中，无法起身');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('open-special')).toContainText('冯奶奶（西村）：摔倒在家中，无法起身');
  await expectAccessible(page, 'the home page with visits');
  await closeNotifications(page);
  await shot(page, 'visits-home');
  await onPhone(page);
  await shot(page, 'visits-home-phone');
  await page.setViewportSize(PC);
  await page.getByTestId('open-special').getByRole('link').click();
  await page.getByRole('button', { name: '结案 冯奶奶' }).click();
  await field(page.getByRole('dialog'), '处理结果').fill('住院三天后出院，儿子回家照顾一周');
  await page.getByRole('dialog').getByRole('button', { name: '结案' }).click();
  await expect(page.getByTestId('special-open')).toContainText('没有未结案的特殊情况');
  await expect(page.getByTestId('special-closed')).toContainText('住院三天后出院，儿子回家照顾一周');
  await closeNotifications(page);
  await shot(page, 'visits-special');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('visit-alerts')).toBeVisible();
  await expect(page.getByTestId('open-special')).toHaveCount(0);

  // On a phone: the plan, and the form, one thumb.
  await page.getByRole('link', { name: '探访' }).click();
  await page.getByRole('tab', { name: '本周计划' }).click();
  await onPhone(page);
  await expect(page.getByTestId('plan-village')).toHaveCount(2);
  await shot(page, 'visits-plan-phone');
  await page.getByRole('button', { name: '记录探访 李奶奶' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, 'visits-form-phone');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await page.setViewportSize(PC);

  // The helpers list: a volunteer added, the 村干部 retired (kept, no longer offered).
  await page.getByRole('tab', { name: '协助人员' }).click();
  await page.getByRole('button', { name: '添加协助人员' }).click();
  const helper = page.getByRole('dialog');
  await segment(helper, '志愿者');
  await field(helper, '姓名').fill('王志愿者');
  await field(helper, '电话').fill('13700000003');
  await helper.getByRole('button', { name: '保存' }).click();
  await expect(helper).toBeHidden();
  await expect(page.getByTestId('helpers')).toContainText('王志愿者');
  await page.getByRole('button', { name: '修改 张书记' }).click();
  await helper.getByRole('switch', { name: '停用（不再参加探访）' }).check({ force: true });
  await helper.getByRole('button', { name: '保存' }).click();
  await expect(helper).toBeHidden();
  await expect(page.getByTestId('helpers')).not.toContainText('张书记');
  await page.getByText('显示已停用的人').click();
  await expect(page.getByTestId('helpers').getByRole('row', { name: /张书记/ })).toContainText('已停用');
  await expectAccessible(page, 'the helpers list');

  // The route sheet of the whole week, printed.
  await page.getByRole('tab', { name: '本周计划' }).click();
  await page.getByRole('link', { name: '打印路线单' }).click();
  await expect(page.getByTestId('route-sheet')).toContainText('冯奶奶');
  await expectAccessible(page, 'the route sheet');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'visits-sheet-print');
  const pdfPath = testInfo.outputPath('print-visits-route-sheet.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  // One village to a sheet, portrait.
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(2);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  expect(Number(size?.[1])).toBeLessThan(Number(size?.[2]));
  for (const expected of ['东村 探访路线单', '西村 探访路线单', '2026-03-16 至 2026-03-22', '村干部：张书记 13800000001', '张大爷', '李奶奶', '孙大爷', '冯奶奶', '探访日期', '情况/结果', '上门探访', '电话探访', '探访人签字'])
    expect(text, `"${expected}" on the printed route sheet`).toContain(expected);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(SCREENSHOTS, 'print-visits-route-sheet')]);

  // One village's sheet, from its card.
  await page.getByRole('link', { name: '返回本周计划' }).click();
  await page.getByRole('link', { name: '本村路线单 西村' }).click();
  await expect(page.getByTestId('route-sheet').locator('section')).toHaveCount(1);
  await expect(page.getByTestId('route-sheet')).toContainText('西村 探访路线单');
  await expect(page.getByTestId('route-sheet')).toContainText('冯奶奶');

  // The call to 孙大爷 was entered by mistake: voided with a reason, kept and struck through; he is overdue again.
  await page.getByRole('link', { name: '返回本周计划' }).click();
  await expect(page.getByTestId('plan-village')).toHaveCount(1); // back on 西村's plan
  await choose(page, '村', '全部村');
  await page.getByRole('button', { name: '探访记录 孙大爷' }).click();
  await page.getByRole('button', { name: '作废 2026-03-18 电话探访' }).click();
  const voiding = page.getByRole('dialog', { name: '作废 2026-03-18 的电话探访' });
  await field(voiding, '作废原因').fill('记错了老人');
  await voiding.getByRole('button', { name: '作废' }).click();
  await expect(voiding).toBeHidden();
  const call = page.getByRole('dialog').getByTestId('elder-visit');
  await expect(call).toContainText('已作废');
  await expect(call).toContainText('由 关爱专干小陈 作废：记错了老人');
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).first().click();
  await expect(line('孙大爷')).toHaveAttribute('data-overdue', 'yes');
  await expect(line('孙大爷')).toContainText('逾期');
});
