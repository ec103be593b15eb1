// The health file through the UI (issue 19): the 医护 signs in with her PIN and opens 健康档案: two residents are due a
// check-up; she records 张三's (something abnormal — the follow-up is asked for — and the paper report as a PDF), the
// list shows it with its report and the coverage drops to one due; she fills 张三's 月度健康 (the month's list shows
// who is missing), opens his blood-pressure trends, signs 李四 with a family doctor from the list of those without one;
// on 张三's file the 健康档案 card shows the check-up and doctor, and 打印健康档案 prints his file (A4, read back from
// the PDF); the year's 体检汇总 prints landscape. Screens at 1024×768 and 390×844 are kept under
// test-results/screenshots/health-file-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PROFILE, admission, person } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { closeNotifications, expect, expectAccessible, field, fillDate, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-17';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function tab(page: Page, name: string) {
  await closeNotifications(page);
  await page.getByRole('tab', { name }).click();
}

async function pdfText(page: Page, file: string): Promise<{ text: string; pages: number; landscape: boolean }> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, `health-file-${path.basename(file, '.pdf')}`)]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), landscape: Number(size?.[1]) > Number(size?.[2]) };
}

test('the 医护 keeps the health file: check-up with its report, the monthly entry, trends, a family doctor, the printed file and summary', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const zhang = (await app.api<{ id: string }>('residents.admit', { person: person({ name: '张三', chronicConditions: '高血压' }), admission: admission(map.rooms[0].beds[0].id) })).id;
  await app.api('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1940-02-02', '234') }), admission: admission(map.rooms[0].beds[1].id, { agreementNo: 'XY-2026-002' }) });
  await app.api('staff.hire', { name: '医护小刘', role: 'nurse', hireDate: '2025-01-01', accountRole: 'medical', pin: '864200' });

  await page.goto(app.url);
  await pinIn(page, '医护小刘', '864200', '医护');
  await page.getByRole('link', { name: '健康档案' }).click();

  // 体检: both are due; record 张三's check-up with something abnormal and the report as a PDF.
  await expect(page.getByTestId('checkup-coverage')).toContainText('在院 2 人，近12个月已体检 0 人，应体检 2 人');
  await expectAccessible(page, 'the check-ups tab');
  await shot(page, 'health-file-checkups');
  await page.getByRole('button', { name: '登记体检' }).click();
  const form = page.getByRole('dialog');
  await field(form, '老人').fill('张三');
  await page.getByRole('option', { name: /张三/ }).first().click();
  await fillDate(page, '体检日期', '2026-03-12');
  await field(form, '体检机构').fill('测试镇卫生院');
  await field(form, '主要结果').fill('血常规、肝肾功能正常；心电图窦性心律');
  await field(form, '异常发现').fill('空腹血糖 7.8');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('填写了异常发现，请同时填写随访处理（如复查、转诊、调整用药）')).toBeVisible();
  await field(form, '随访处理').fill('一个月后复查空腹血糖');
  await form.getByTestId('checkup-file').setInputFiles({ name: '张三体检报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% demo report\n') });
  await expect(form.getByText('张三体检报告.pdf')).toBeVisible();
  await expectAccessible(page, 'the check-up form');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('checkup-coverage')).toContainText('近12个月已体检 1 人，应体检 1 人');
  const list = page.getByTestId('checkup-list');
  await expect(list).toContainText('张三');
  await expect(list).toContainText('处理：一个月后复查空腹血糖');
  await list.getByRole('button', { name: '看报告' }).click();
  await expect(page.getByRole('dialog').getByRole('link', { name: '保存 PDF' })).toBeVisible();
  await page.keyboard.press('Escape');

  // 月度健康: both missing; fill 张三's; open his trends.
  await tab(page, '月度健康');
  await expect(page.getByTestId('monthly-totals')).toHaveText('应填 2 人，已填 0 人，未填 2 人');
  const zhangRow = page.getByTestId('monthly-list').getByRole('row', { name: /张三/ });
  await zhangRow.getByRole('button', { name: '填写' }).click();
  const monthly = page.getByRole('dialog');
  await field(monthly, '体重（公斤）').fill('61.5');
  await field(monthly, '高压（mmHg）').fill('138');
  await field(monthly, '低压（mmHg）').fill('86');
  await monthly.getByText('一般', { exact: true }).click();
  await monthly.getByRole('button', { name: '保存' }).click();
  await expect(monthly).toBeHidden();
  await expect(page.getByTestId('monthly-totals')).toHaveText('应填 2 人，已填 1 人，未填 1 人');
  await expect(zhangRow).toContainText('138/86');
  await expectAccessible(page, 'the monthly tab');
  await shot(page, 'health-file-monthly');
  await zhangRow.getByRole('button', { name: '血压血糖趋势' }).click();
  await expect(page.getByTestId('trends')).toContainText('慢性病：高血压');
  await expect(page.getByTestId('trends')).toContainText('这段时间没有血压记录。');
  await page.keyboard.press('Escape');

  // 家庭医生: 李四 has none; sign him from the list.
  await tab(page, '家庭医生');
  await expect(page.getByTestId('doctor-totals')).toHaveText('在院 2 人，已签约 0 人，30天内到期 0 人，未签约 2 人');
  await page.getByTestId('doctor-without').getByRole('button', { name: /李四/ }).click();
  const contract = page.getByRole('dialog');
  await expect(contract).toContainText('登记 李四 的家庭医生签约');
  await field(contract, '签约医生').fill('陈医生');
  await field(contract, '签约机构').fill('测试镇卫生院');
  await contract.getByRole('button', { name: '保存' }).click();
  await expect(contract).toBeHidden();
  await expect(page.getByTestId('doctor-totals')).toHaveText('在院 2 人，已签约 1 人，30天内到期 0 人，未签约 1 人');
  await expect(page.getByTestId('doctor-list')).toContainText('陈医生');
  await expectAccessible(page, 'the family doctor tab');
  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(page.getByTestId('doctor-list')).toContainText('陈医生');
  await shot(page, 'health-file-doctors-phone');
  await page.setViewportSize(PC);

  // 张三's file: the card, then the printed health file.
  await page.goto(`${app.url}#/residents/${zhang}`);
  const card = page.getByTestId('resident-health-card');
  await expect(card).toContainText('2026-03-12 测试镇卫生院');
  await expect(card).toContainText('未签约');
  await card.getByRole('link', { name: '打印健康档案' }).click();
  const sheet = page.getByTestId('health-file-sheet');
  await expect(sheet).toContainText('老年人健康档案');
  const file = await pdfText(page, testInfo.outputPath('health-file.pdf'));
  expect(file.landscape).toBe(false);
  for (const words of ['老年人健康档案', '张三', '慢性病', '高血压', '空腹血糖 7.8', '2026-03', '138/86', '没有正在执行的医嘱', '医护负责人']) expect(file.text).toContain(words);

  // The year's 体检汇总: landscape, 李四 not checked.
  await page.goto(`${app.url}#/health/checkup-sheet?year=2026`);
  await expect(page.getByTestId('checkup-sheet')).toContainText('本年未体检');
  const summary = await pdfText(page, testInfo.outputPath('checkup-sheet.pdf'));
  expect(summary.landscape).toBe(true);
  for (const words of ['老年人健康体检汇总表', '在院 2 人，已体检 1 人，未体检 1 人，有异常 1 人', '张三', '李四', '本年未体检']) expect(summary.text).toContain(words);
});
