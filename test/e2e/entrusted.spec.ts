// 分散供养特困 entrusted care through the UI (issue 18): the 关爱专干 opens 分散供养照料, sees the month's list with an
// unchecked elder in red, makes an agreement (refused without the elder's consent, then saved), records a home check
// that found the care partly delivered (refused without findings, then saved — it shows on the elder's visits too),
// records a poor check and replaces that carer in one save, sees the elder file's card (and none on a 低保 elder's
// file), exports the month to Excel and prints the 分散供养特困人员照料护理情况表 (A4 landscape, read back from the PDF).
// Screens at 1366×768 and 390×844 go to test-results/screenshots/entrusted-*.png.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { choose, closeNotifications, expect, field, fillDate, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-18';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
/** A one-pixel photo of the signed paper. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const segment = (scope: Locator, text: string) => scope.locator('label.mantine-SegmentedControl-label', { hasText: new RegExp(`^${text}$`) }).first().click();
const line = (page: Page, name: string) => page.getByTestId('month-line').filter({ hasText: name });

test('entrusted care: the month list, an agreement with consent, checks that are visits, a carer replaced, the card, Excel and the printed sheet', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const east = (await app.api<{ id: string }>('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  let serial = 400;
  const elder = async (name: string, categories: string[]) =>
    (
      await app.api<{ id: string }>('elders.save', {
        name,
        idNumber: validIdNumber('1944-04-04', String((serial += 1))),
        villageId: east,
        address: `东村${serial - 400}组`,
        phone: '13900000001',
        categories,
        registeredOn: '2026-01-05',
      })
    ).id;
  const li = await elder('李奶奶', ['tekun_dispersed', 'living_alone']);
  const wang = await elder('王大爷', ['tekun_dispersed']);
  await elder('赵奶奶', ['tekun_dispersed']);
  const zhang = await elder('张大爷', ['dibao']);
  const base = {
    carerKind: 'relative',
    carerPhone: '13911112222',
    parties: '村民委员会、代养人（照料人）、特困老人',
    tierDocumentNo: '测民救〔2026〕5号',
    tierDecidedOn: '2026-01-20',
    signedOn: '2026-02-01',
    elderConsent: true,
    fromOn: '2026-02-01',
  };
  await app.api('entrusted.createAgreement', { ...base, elderId: wang, carerName: '王小军', tier: 'fully_lost', careTier: 3, monthlySubsidyFen: 124000 });
  const zhao = (await app.api<{ id: string; name: string }[]>('entrusted.candidates', {})).find((c) => c.name === '赵奶奶')!.id;
  await app.api('entrusted.createAgreement', { ...base, elderId: zhao, carerName: '赵大姐', carerKind: 'neighbour', tier: 'self_sufficient', careTier: 1, monthlySubsidyFen: 20000 });
  await app.api('entrusted.saveSettings', {
    partyPreset: 'henan',
    parties: '村民委员会、代养人（照料人）、特困老人',
    tiers: { self_sufficient: { careTier: 1, subsidyFen: 20000 }, partly_lost: { careTier: 2, subsidyFen: 62000 }, fully_lost: { careTier: 3, subsidyFen: 124000 } },
  });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });

  await page.goto(app.url);
  await pinIn(page, '关爱专干小陈', '975310', '关爱专干');
  await page.getByRole('link', { name: '分散供养照料' }).click();
  await expect(page.getByRole('heading', { name: '分散供养特困 委托照料' })).toBeVisible();

  // The month: two agreements, neither checked yet — both red.
  await expect(page.getByTestId('month-line')).toHaveCount(2);
  await expect(line(page, '王大爷').getByTestId('unchecked')).toBeVisible();
  await expect(page.getByTestId('month-totals')).toContainText('未检查 2 人');
  await expect(page.getByTestId('month-totals')).toContainText('补贴合计 1440.00 元');
  await shot(page, 'entrusted-month');

  // A new agreement for 李奶奶: refused without consent, then saved.
  await page.getByRole('tab', { name: '委托照料协议' }).click();
  await expect(page.getByTestId('agreement')).toHaveCount(2);
  await page.getByRole('button', { name: '新建协议' }).click();
  const form = page.getByRole('dialog', { name: '新建委托照料协议' });
  await choose(page, '老人', /李奶奶/);
  await field(form, '照料人姓名').fill('李建国');
  await field(form, '照料人电话').fill('13922223333');
  await choose(page, '生活自理能力', '部分丧失生活自理能力');
  await expect(field(form, '每月照料护理补贴（元）')).toHaveValue('620.00');
  await field(form, '认定文号').fill('测民救〔2026〕6号');
  await fillDate(page, '认定日期', '2026-02-10');
  await fillDate(page, '开始日期', '2026-03-01');
  await field(form, '照料内容与责任').fill('日常看护、做饭洗衣、住院陪护');
  await form.locator('input[type=file]').setInputFiles({ name: 'agreement.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  await expect(form.getByText('已添加照片')).toBeVisible();
  await shot(page, 'entrusted-agreement-form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toContainText('委托照料须经老人本人同意');
  await form.getByLabel('老人本人同意委托照料').check();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('agreement')).toHaveCount(3);
  await page.getByLabel('搜索姓名、村或照料人').fill('李建国');
  await expect(page.getByTestId('agreement')).toHaveCount(1);
  await expect(page.getByTestId('agreement')).toContainText('半失能二档');
  await page.getByRole('button', { name: '查看协议照片' }).click();
  const paper = page.getByRole('dialog', { name: '李奶奶的委托照料协议' });
  await expect(paper.getByRole('img', { name: '李奶奶的委托照料协议' })).toBeVisible();
  await paper.getByRole('button', { name: '关闭' }).click();
  await expect(paper).toBeHidden();
  await shot(page, 'entrusted-agreements');

  // A check of 李奶奶 at home: partly delivered needs findings.
  await page.getByRole('tab', { name: '本月检查' }).click();
  await closeNotifications(page);
  await line(page, '李奶奶').getByRole('button', { name: '记录检查 李奶奶' }).click();
  const check = page.getByRole('dialog', { name: /照料检查：李奶奶/ });
  await segment(check.getByRole('group', { name: '照料是否到位' }), '部分到位');
  await segment(check.getByRole('group', { name: '对照料人的评价' }), '一般');
  await check.getByRole('button', { name: '保存' }).click();
  await expect(check).toContainText('请写明检查发现的问题');
  await field(check, '检查发现').fill('被褥未及时换洗，已提醒照料人');
  await shot(page, 'entrusted-check-form');
  await check.getByRole('button', { name: '保存' }).click();
  await expect(check).toBeHidden();
  await expect(line(page, '李奶奶')).toContainText('部分到位，照料人一般（关爱专干小陈）');
  await expect(line(page, '李奶奶').getByTestId('unchecked')).toHaveCount(0);

  // 王大爷's carer is not delivering: rated 差, then replaced from tomorrow (the old agreement ends today).
  await closeNotifications(page);
  await line(page, '王大爷').getByRole('button', { name: '记录检查 王大爷' }).click();
  const poor = page.getByRole('dialog', { name: /照料检查：王大爷/ });
  await segment(poor.getByRole('group', { name: '照料是否到位' }), '未到位');
  await segment(poor.getByRole('group', { name: '对照料人的评价' }), '差');
  await expect(poor).toContainText('更换照料人');
  await field(poor, '检查发现').fill('照料人外出务工，老人独自在家');
  await poor.getByRole('button', { name: '保存' }).click();
  await expect(poor).toBeHidden();
  await page.getByRole('tab', { name: '委托照料协议' }).click();
  await closeNotifications(page);
  await page.getByRole('button', { name: '更换照料人 王大爷' }).click();
  const replace = page.getByRole('dialog', { name: '更换照料人：王大爷' });
  await field(replace, '原协议终止原因').fill('照料检查评价为差，更换照料人');
  await segment(replace.getByRole('group', { name: '照料人类别' }), '邻居');
  await field(replace, '照料人姓名').fill('周大姐');
  await expect(field(replace, '认定文号')).toHaveValue('测民救〔2026〕5号');
  await fillDate(page, '开始日期', '2026-03-19');
  await replace.getByLabel('老人本人同意委托照料').check();
  await replace.getByRole('button', { name: '保存' }).click();
  await expect(replace).toBeHidden();
  await page.getByLabel('显示已终止的协议').check();
  await expect(page.getByTestId('agreement').filter({ hasText: '王小军' })).toContainText('2026-03-18 终止：照料检查评价为差，更换照料人');
  await expect(page.getByTestId('agreement').filter({ hasText: '周大姐' })).toContainText('2026-03-19 至 长期');

  // The month now: 王大爷 twice (the old carer with the poor check, the new one), 赵奶奶 still red.
  await page.getByRole('tab', { name: '本月检查' }).click();
  await expect(page.getByTestId('month-line')).toHaveCount(4);
  await expect(page.getByTestId('month-totals')).toContainText('未检查 1 人');
  await expect(line(page, '赵奶奶').getByTestId('unchecked')).toBeVisible();
  await expect(line(page, '周大姐')).toContainText('本月已在另一份协议下检查');
  await expect(line(page, '周大姐')).toContainText('2026-03-19 起生效');
  await expect(line(page, '周大姐').getByTestId('unchecked')).toHaveCount(0);
  await shot(page, 'entrusted-month-after');

  // Excel of the same month.
  await closeNotifications(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toBe('分散供养特困人员照料护理情况表-2026-03.xlsx');

  // On a phone: the list and the check form fit the width.
  await page.setViewportSize(PHONE);
  await closeNotifications(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'entrusted-month-phone');
  await line(page, '赵奶奶').getByRole('button', { name: '记录检查 赵奶奶' }).click();
  const phoneCheck = page.getByRole('dialog', { name: /照料检查：赵奶奶/ });
  await shot(page, 'entrusted-check-phone');
  await phoneCheck.getByRole('button', { name: '保存' }).click(); // 上门, 照料到位, 好: two taps
  await expect(phoneCheck).toBeHidden();
  await expect(line(page, '赵奶奶').getByTestId('unchecked')).toHaveCount(0);
  await page.getByRole('tab', { name: '委托照料协议' }).click();
  await expect(page.getByTestId('agreement').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'entrusted-agreements-phone');

  // 设置 at 1024×768: the parties by province with their source (安徽's not confirmed, said so).
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('tab', { name: '设置' }).click();
  await expect(page.getByText(/依据：《河南省特困人员救助供养办法》/)).toBeVisible();
  await segment(page.getByRole('group', { name: '协议各方（按省份）' }), '安徽');
  await expect(field(page, '协议各方')).toHaveValue('乡镇人民政府、照料服务人、特困老人');
  await expect(page.getByText(/待核实/)).toBeVisible();
  await shot(page, 'entrusted-settings-1024');
  await page.getByRole('tab', { name: '本月检查' }).click();
  await shot(page, 'entrusted-month-1024');
  await page.setViewportSize(PC);

  // The elder file: the card with the agreement and the check; the check is on the visits too. None for 张大爷 (低保).
  await page.goto(`${app.url}#/elders/${li}`);
  const card = page.getByTestId('elder-entrusted');
  await expect(card).toContainText('李建国');
  await expect(card).toContainText('部分到位');
  await expect(page.getByTestId('elder-visits')).toContainText('委托照料检查');
  await shot(page, 'entrusted-elder-card');
  await page.goto(`${app.url}#/elders/${zhang}`);
  await expect(page.getByRole('heading', { name: /张大爷/ }).first()).toBeVisible();
  await expect(page.getByTestId('elder-visits')).toBeVisible();
  await expect(page.getByTestId('elder-entrusted')).toHaveCount(0);

  // The printed sheet of March: A4 landscape.
  await page.goto(`${app.url}#/entrusted`);
  await page.getByRole('link', { name: '打印情况表' }).click();
  const sheet = page.getByTestId('care-sheet');
  await expect(sheet).toContainText('测试镇 分散供养特困人员照料护理情况表');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'entrusted-sheet-print');
  const pdfPath = testInfo.outputPath('print-entrusted-care-sheet.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+/); // landscape
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const expected of ['分散供养特困人员照料护理情况表', '李奶奶', '王小军', '周大姐', '1240.00', '620.00', '部分到位', '本月已在另一份协议下检查', '填表人']) {
    expect(text, `"${expected}" on the printed sheet`).toContain(expected);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(SCREENSHOTS, 'print-entrusted-care-sheet')]);
});
