// An elder on the village register assessed at home (issue 17, "Assessments outside the walls"): the 关爱专干 opens the
// GB/T 42195 form from its address, the A.2 living situation comes from the register, the risk events are asked (no
// incident register at home), all 26 items are scored on the form, two assessors chosen; finalised it is read-only and
// the printed report (the same Appendix C layout) says 评估地点：居家 with the address — printed to PDF and read back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ITEMS } from '@shared/domain/assessment/items';
import { ageOn, chinaDate } from '@shared/domain/dates';
import { validIdNumber } from '../helpers/ids';
import { PROFILE } from '../helpers/centre';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, field, pinIn, shot, test } from './fixtures';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

async function go(page: Page, hashPath: string) {
  await page.evaluate((h) => (window.location.hash = h), hashPath);
}

test('assess an elder at home: the same form and rules, final and read-only, the report printed with 评估地点：居家', async ({ page, app }) => {
  test.setTimeout(240_000);
  await app.api('facility.save', PROFILE);
  const { id: east } = await app.api<{ id: string }>('elders.saveVillage', { name: '东村' });
  const { id: elderId } = await app.api<{ id: string }>('elders.save', {
    name: '赵桂英',
    idNumber: validIdNumber('1941-07-07', '456'),
    villageId: east,
    address: '东村3组12号',
    household: 'alone',
    categories: ['tekun_dispersed'],
    carer: 'neighbour',
    chronicDiseases: '高血压',
    registeredOn: '2026-01-05',
  });
  await app.api('staff.save', { name: '李评估', role: 'care_lead', hireDate: '2025-01-01' });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });
  expect(await app.api<{ covered: number; total: number; missing: unknown[] }>('assessment.homeCoverage', {})).toMatchObject({ covered: 0, total: 1 });

  await page.goto(app.url);
  await pinIn(page, '关爱专干小陈', '975310', '关爱专干');
  await go(page, `#/elders/${elderId}/assessment`);
  await expect(page.getByRole('heading', { name: '居家能力评估：赵桂英' })).toBeVisible();
  await expect(page.getByText('评估地点：居家')).toBeVisible();
  await expect(page.getByText(/东村（基本信息取自农村老人名册）/)).toBeVisible();
  // At home there is no incident register: the boxes are asked, nothing is listed beside them.
  await expect(page.getByText('居家老人不在本院的意外事件登记里：近30天的照护风险事件请询问老人和家属后填写。')).toBeVisible();
  await expect(page.getByTestId('other-incidents')).toHaveCount(0);
  await page.getByRole('textbox', { name: '跌倒', exact: true }).fill('2');
  // A.2: 居住情况 from the register (独居, the standard's option), 民族 asked.
  await expect(page.getByTestId('basic-info')).toContainText('居住情况取自农村老人名册');
  await expect(page.getByTestId('basic-info').getByText('独居', { exact: true })).toBeVisible();
  await field(page, '民族').fill('汉族');

  const pickStaff = async (label: string, name: string) => {
    await page.getByRole('combobox', { name: label }).fill(name.slice(0, 1));
    await page.getByRole('option', { name: new RegExp(`^${name}（`) }).click();
  };
  await pickStaff('评估员1', '关爱专干小陈');
  await pickStaff('评估员2', '李评估');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('草稿已保存')).toBeVisible();
  const [draft] = await app.api<{ id: string; status: string; place: string }[]>('assessment.listForElder', { elderId });
  expect(draft).toMatchObject({ status: 'draft', place: 'home' });

  // All 26 items on the form: top scores but B.1.3 洗澡 (2 of 4) and B.4.5 社会交往能力 (3 of 4) — total 87, 轻度失能;
  // two falls in 30 days raise it by one level to 中度失能, as in the centre.
  for (const item of ITEMS) {
    const score = item.code === 'B.1.3' || item.code === 'B.4.5' ? item.max - (item.code === 'B.1.3' ? 2 : 1) : item.max;
    await page.getByRole('radiogroup', { name: `${item.code} ${item.name}` }).getByRole('radio', { name: new RegExp(`^${score}分`) }).click();
  }
  await expect(page.getByTestId('total')).toHaveText('87');
  await expect(page.getByTestId('preliminary-level')).toHaveText('轻度失能');
  await expect(page.getByTestId('final-level')).toHaveText('中度失能');
  await expect(page.getByText(/等级变更依据：近30天发生照护风险事件 2 次/)).toBeVisible();
  await expectAccessible(page, 'home assessment form');
  await page.getByRole('button', { name: '定稿' }).click();
  await expect(page.getByTestId('assessment-status')).toHaveText('已定稿');
  expect(await page.evaluate(() => window.location.hash)).toBe(`#/elders/${elderId}/assessment/${draft.id}`);
  await expect(page.getByRole('button', { name: '保存草稿' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '登记异议' })).toHaveCount(0);
  await expect(page.getByText('评估地点：居家')).toBeVisible();
  await expectAccessible(page, 'finalised home assessment');
  await shot(page, 'home-assessment-final');
  expect(await app.api<{ covered: number; total: number; missing: unknown[] }>('assessment.homeCoverage', {})).toMatchObject({ covered: 1, total: 1, missing: [] });

  // Printed: the Appendix C report, with 评估地点 居家 and the address in place of the bed.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: '老年人能力评估报告' })).toBeVisible();
  await expect(page.getByTestId('report-place')).toHaveText('居家');
  const pdfPath = test.info().outputPath('home-assessment-report.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const printed = poppler('pdftotext', ['-layout', pdfPath, '-']);
  const flat = printed.replace(/\s+/g, '');
  for (const expected of [
    '赵桂英',
    `女，${ageOn('1941-07-07', chinaDate(new Date()))}岁`,
    '评估地点居家',
    '住址东村3组12号',
    '居住情况独居',
    '民族汉族',
    '跌倒2次',
    '近30天发生照护风险事件2次',
    '评估员：关爱专干小陈',
    '评估员：李评估',
    '轻度失能',
    '中度失能',
  ]) {
    expect(flat, `"${expected}" on the printed report`).toContain(expected);
  }
  expect(flat).not.toContain('床位');
  for (const item of ITEMS) expect(printed, `${item.code} ${item.name} on the printed report`).toMatch(new RegExp(`${item.code.replace(/\./g, '\\.')}\\s+${item.name.replace('/', '\\/')}`));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdfPath]))?.[1]);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  poppler('pdftoppm', ['-png', '-r', '60', pdfPath, path.join(SCREENSHOTS, 'print-home-assessment-report')]);

  // Back to the elder's file on the register.
  await page.getByRole('button', { name: '返回老人名册档案' }).click();
  await expect(page.getByRole('heading', { name: '赵桂英' })).toBeVisible();
});
