// Clinical records through the UI (issue 19): the centre's 医护 records a doctor's visit (陈医生 saw 张三 and 李四, with
// findings and advice) and opens 开医嘱 from 张三's advice (the order form comes filled with the doctor and the day);
// refers 李四 to the county hospital and records her return with a short discharge summary; registers a Ⅱ期 pressure
// injury on 张三 (today's prevalence goes from 0/2 to 1/2), is refused a second one on the same site, reviews it, marks
// it healed; and prints the month's 压疮登记表, read back from its PDF (A4 landscape). Screens at 1024×768 and 390×844
// are kept under test-results/screenshots/health-clinical-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { choose, closeNotifications, expect, expectAccessible, field, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-17';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function pdfText(page: Page, file: string): Promise<{ text: string; landscape: boolean }> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, `health-clinical-${path.basename(file, '.pdf')}`)]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), landscape: Number(size?.[1]) > Number(size?.[2]) };
}

test("a doctor's visit with an order from its advice, a referral and its return, a pressure injury reviewed and healed, the printed register", async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const admit = (name: string, birth: string, serial: string, bed: number) =>
    app.api('residents.admit', {
      person: { name, idNumber: validIdNumber(birth, serial), primaryCategory: 'tekun_concentrated', contacts: [{ name: `${name}的侄子`, relation: '侄子', phone: '13800138000', isGuardian: true, isEmergency: true }] },
      admission: { date: '2026-01-10', bedId: map.rooms[0]!.beds[bed]!.id, agreementNo: `XY-${serial}`, agreementEnd: '2027-01-09' },
    });
  await admit('张三', '1945-06-01', '123', 0);
  await admit('李四', '1941-03-02', '234', 1);
  await app.api('staff.hire', { name: '医护小李', role: 'nurse', hireDate: '2025-01-01', accountRole: 'medical', pin: '246810' });

  await page.goto(app.url);
  await pinIn(page, '医护小李', '246810', '医护');
  await page.getByRole('link', { name: '健康档案' }).click();

  // ---- 医生巡诊
  await page.getByRole('tab', { name: '医生巡诊' }).click();
  await expect(page.getByText('这个月还没有医生巡诊记录')).toBeVisible();
  await page.getByRole('button', { name: '登记巡诊' }).click();
  const visitForm = page.getByRole('dialog');
  await field(visitForm, '医生姓名').fill('陈医生');
  await field(visitForm, '所在机构').fill('测试镇卫生院');
  await choose(page, '添加看过的老人', /张三/);
  await choose(page, '添加看过的老人', /李四/);
  const seen = visitForm.getByTestId('seen-resident');
  await expect(seen).toHaveCount(2);
  await seen.nth(0).getByLabel('检查所见').fill('血压 168/96 mmHg');
  await seen.nth(0).getByLabel('医嘱建议').fill('加用氨氯地平 5 mg 每日一次');
  // 李四 with nothing written: refused with her name, nothing saved
  await visitForm.getByRole('button', { name: '保存' }).click();
  await expect(visitForm.getByText('请填写李四的检查所见或医嘱建议')).toBeVisible();
  await seen.nth(1).getByLabel('检查所见').fill('双下肢轻度水肿');
  await expectAccessible(page, 'the doctor visit form');
  await visitForm.getByRole('button', { name: '保存' }).click();
  await expect(visitForm).toBeHidden();
  const visit = page.getByTestId('doctor-visit');
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText(`${DAY}　陈医生（测试镇卫生院）`);
  await expect(visit).toContainText('看了2位老人');
  await expect(visit.getByRole('row', { name: /张三/ })).toContainText('加用氨氯地平 5 mg 每日一次');
  await shot(page, 'health-clinical-visits');

  // 开医嘱 from 张三's advice: the medication part's order form, filled with the visit's doctor and day.
  // at 1024×768 the button shows without scrolling the table sideways
  await expect(visit.getByRole('row', { name: /张三/ }).getByRole('button', { name: '开医嘱' })).toBeInViewport();
  await visit.getByRole('row', { name: /张三/ }).getByRole('button', { name: '开医嘱' }).click();
  const orderForm = page.getByRole('dialog');
  await expect(orderForm).toContainText('张三');
  await expect(orderForm).toContainText('陈医生');
  await expect(field(orderForm, '开医嘱的医生')).toHaveValue('陈医生');
  await orderForm.getByRole('button', { name: '取消' }).click();
  await expect(orderForm).toBeHidden();

  // ---- 转诊就医
  await page.getByRole('tab', { name: '转诊就医' }).click();
  await expect(page.getByText('目前没有在院外就医的老人')).toBeVisible();
  await page.getByRole('button', { name: '登记转诊' }).click();
  const referForm = page.getByRole('dialog');
  await choose(page, '老人', /李四/);
  await field(referForm, '医院').fill('县人民医院');
  await field(referForm, '转诊原因').fill('胸闷气短');
  await field(referForm, '陪同人员').fill('护理员小王');
  await referForm.getByRole('button', { name: '保存' }).click();
  await expect(referForm).toBeHidden();
  const referrals = page.getByTestId('referral-list');
  await expect(referrals.getByRole('row', { name: /李四/ })).toContainText('在院外');
  await expect(referrals.getByRole('row', { name: /李四/ })).toContainText('在外0天');
  await referrals.getByRole('button', { name: '登记结果' }).click();
  const closeForm = page.getByRole('dialog');
  await field(closeForm, '出院小结（简要）').fill('冠心病，好转出院，继续口服药');
  await closeForm.getByRole('button', { name: '保存' }).click();
  await expect(closeForm).toBeHidden();
  await expect(page.getByText('目前没有在院外就医的老人')).toBeVisible();
  await page.getByText('全部', { exact: true }).click();
  await expect(page.getByTestId('referral-list').getByRole('row', { name: /李四/ })).toContainText('已返院');
  await shot(page, 'health-clinical-referrals');

  // ---- 压疮
  await page.getByRole('tab', { name: '压疮' }).click();
  const prevalence = page.getByTestId('pressure-prevalence');
  await expect(prevalence).toContainText('0/2位在册老人有未愈合压疮（0%）');
  await page.getByRole('button', { name: '登记压疮' }).click();
  const injuryForm = page.getByRole('dialog');
  await choose(page, '老人', /张三/);
  await field(injuryForm, '部位').fill('骶尾部');
  await choose(page, '分期', 'Ⅱ期');
  await field(injuryForm, '长（厘米）').fill('2');
  await field(injuryForm, '宽（厘米）').fill('1.5');
  await field(injuryForm, '评分').fill('12');
  await expectAccessible(page, 'the pressure injury form');
  await injuryForm.getByRole('button', { name: '保存' }).click();
  await expect(injuryForm).toBeHidden();
  await expect(prevalence).toContainText('1/2位在册老人有未愈合压疮（50%）');
  await expect(prevalence).toContainText('其中院内发生 1人（50%），带入 0人');
  await expect(prevalence).toContainText('本月新发院内压疮 1处');
  const injuries = page.getByTestId('pressure-list');
  await expect(injuries.getByTestId('pressure-injury').filter({ hasText: '张三' })).toContainText('Ⅱ期');
  await expect(injuries.getByTestId('pressure-injury').filter({ hasText: '张三' })).toContainText('2×1.5厘米');

  // The same site again while it is open: refused with its own sentence.
  await closeNotifications(page);
  await page.getByRole('button', { name: '登记压疮' }).click();
  const again = page.getByRole('dialog');
  await choose(page, '老人', /张三/);
  await field(again, '部位').fill('骶尾部');
  await field(again, '评分').fill('12');
  await again.getByRole('button', { name: '保存' }).click();
  await expect(again.getByText('张三的“骶尾部”已有未愈合的压疮（2026-03-17发现，Ⅱ期），请在那条记录上登记复查')).toBeVisible();
  await again.getByRole('button', { name: '取消' }).click();

  await injuries.getByRole('button', { name: '复查', exact: true }).click();
  const review = page.getByRole('dialog');
  await choose(page, '分期', 'Ⅰ期');
  await field(review, '复查情况').fill('创面缩小');
  await review.getByRole('button', { name: '保存' }).click();
  await expect(review).toBeHidden();
  await expect(injuries.getByTestId('pressure-injury').filter({ hasText: '张三' })).toContainText('Ⅰ期');
  await expectAccessible(page, 'the pressure tab');
  await shot(page, 'health-clinical-pressure');
  await page.setViewportSize(PHONE);
  await shot(page, 'health-clinical-pressure-phone');
  await page.setViewportSize(PC);

  // ---- the printed 压疮登记表 (before healing: the injury is open)
  await page.getByRole('link', { name: '打印压疮登记表' }).click();
  const sheet = page.getByTestId('pressure-sheet');
  await expect(sheet).toContainText('压疮登记表');
  await expect(sheet).toContainText('张三');
  await expect(sheet).toContainText('现患 1/2人（50%）');
  const pdf = await pdfText(page, testInfo.outputPath('pressure-sheet.pdf'));
  expect(pdf.landscape).toBe(true);
  for (const words of ['压疮登记表', '张三', '骶尾部', '院内发生', 'Ⅱ期', '未愈合', '填表人']) expect(pdf.text).toContain(words);
  await page.getByRole('link', { name: '返回压疮登记' }).click();

  await page.getByTestId('pressure-list').getByRole('button', { name: '已愈合' }).click();
  const heal = page.getByRole('dialog');
  await heal.getByRole('button', { name: '保存' }).click();
  await expect(heal).toBeHidden();
  await expect(page.getByText('目前没有未愈合的压疮')).toBeVisible();
  await expect(prevalence).toContainText('0/2位在册老人有未愈合压疮（0%）');
});
