// Medicines kept for residents through the UI (issue 19): the 医护 signs in with her PIN, opens 服药 → 代管药品,
// receives 张三's nifedipine that his nephew brought (28 片: 14 days at his 每日两次 order, under the 7-day warning not
// yet), receives an old bottle for 李四 who has no 服药管理协议 (refused with the reason, nothing written), counts on
// 盘点 (one tablet short: the reason asked for, then saved with the witness; the count listed with one difference),
// destroys two tablets before a witness and reads the batch's ledger, prints the 代管药品登记 (read back from the PDF:
// landscape, the batch, the count and the destruction, the signature lines), and sees the home page's 代管药品提醒.
// Screens at 1024×768 and 390×844 are kept under test-results/screenshots/medication-stock-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PROFILE, admission, person } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { choose, closeNotifications, expect, expectAccessible, field, fillDate, pinIn, shot, test } from './fixtures';

const DAY = '2026-03-17';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

async function tab(page: Page, name: string) {
  await closeNotifications(page);
  await page.getByRole('tab', { name }).click();
}

async function pdfText(page: Page, file: string): Promise<{ text: string; landscape: boolean }> {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENSHOTS, `medication-stock-${path.basename(file, '.pdf')}`)]);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), landscape: Number(size?.[1]) > Number(size?.[2]) };
}

test('the 医护 keeps residents’ medicines: receiving, a refusal, a count with a difference, a destruction, the ledger, the printed register, the home card', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(DAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(DAY, '10:00')));
  await page.setViewportSize(PC);

  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const zhang = (await app.api<{ id: string }>('residents.admit', { person: person({ name: '张三' }), admission: admission(map.rooms[0].beds[0].id) })).id;
  await app.api('residents.admit', { person: person({ name: '李四', idNumber: validIdNumber('1946-02-01', '456') }), admission: admission(map.rooms[0].beds[1].id, { agreementNo: 'XY-2026-002' }) });
  const nifedipine = (await app.api<{ id: string }>('medication.saveDrug', { name: '硝苯地平缓释片', form: 'tablet', strength: '20 mg', unit: 'tablet' })).id;
  await app.api('medication.startAgreement', { residentId: zhang, signedOn: '2026-01-10', signedBy: '张小明', relation: '侄子', photo: null });
  await app.api('medication.startOrder', {
    requestId: crypto.randomUUID(),
    residentId: zhang,
    drugId: nifedipine,
    prescriber: '李医生',
    prescriberKind: 'township_hospital',
    prescribedOn: '2026-03-01',
    dose: 1,
    route: 'oral',
    frequency: 'bid',
    supply: 'kept',
    startsOn: '2026-03-01',
  });
  await app.api('staff.hire', { name: '医护小刘', role: 'nurse', hireDate: '2025-01-01', accountRole: 'medical', pin: '864200' });

  await page.goto(app.url);
  await pinIn(page, '医护小刘', '864200', '医护');
  await page.getByRole('link', { name: '服药' }).click();
  await tab(page, '代管药品');

  // 张三's order runs with nothing received: 已无药.
  const card = page.getByTestId('stock-张三');
  await expect(card).toContainText('已无药');

  // Receiving: 28 片 from his nephew → 14 days.
  await page.getByRole('button', { name: '接收药品' }).first().click();
  let dialog = page.getByRole('dialog');
  await choose(page, '老人', /张三/);
  await choose(page, '药品', /硝苯地平缓释片/);
  await field(dialog, '批号').fill('B2026-0311');
  await fillDate(page, '有效期至', '2027-06-30');
  await field(dialog, '数量（片）').fill('28');
  await field(dialog, '送药人').fill('张小明');
  await expectAccessible(page, 'the receiving form');
  await shot(page, 'medication-stock-receive');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('28 片');
  await expect(card).toContainText('14 天');
  await expect(card).not.toContainText('已无药');
  await expect(card.getByTestId('batch-B2026-0311')).toContainText('有效期至 2027-06-30');

  // 李四 has signed no 服药管理协议: refused, nothing written.
  await page.getByRole('button', { name: '接收药品' }).first().click();
  dialog = page.getByRole('dialog');
  await choose(page, '老人', /李四.*（未签服药协议）/);
  await expect(dialog).toContainText('需先在“服药协议”中登记');
  await choose(page, '药品', /硝苯地平缓释片/);
  await field(dialog, '批号').fill('OLD-1');
  await fillDate(page, '有效期至', '2026-12-31');
  await field(dialog, '数量（片）').fill('10');
  await field(dialog, '送药人').fill('李家');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('李四还没有签订服药管理协议，不能接收代管药品');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('stock-李四')).toHaveCount(0);
  await expectAccessible(page, 'the stock tab');
  await shot(page, 'medication-stock-tab');

  // 盘点: one tablet short; the reason is asked for, then saved with the witness.
  await tab(page, '盘点');
  await expect(page.getByText('还没有盘点记录')).toBeVisible();
  await page.getByRole('button', { name: '开始盘点' }).click();
  const row = page.getByTestId('count-B2026-0311');
  await expect(row).toContainText('28 片');
  await row.getByLabel('清点数量').fill('27');
  await field(page, '监盘人').fill('李护士');
  await page.getByRole('button', { name: '保存盘点' }).click();
  await expect(page.getByText('清点 27 片，账面 28 片，不一致，请填写差异原因')).toBeVisible();
  await row.getByLabel('差异原因').fill('掉地上一片，已销毁');
  await page.getByRole('button', { name: '保存盘点' }).click();
  await expect(page.getByTestId('count-list')).toContainText(`${DAY}，1 批，差异 1 批`);
  await page.getByTestId('count-list').getByRole('button', { name: '查看' }).click();
  await expect(page.getByRole('dialog')).toContainText('掉地上一片，已销毁');
  await expectAccessible(page, 'a count');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Destroying two tablets before a witness; the ledger shows every movement.
  await tab(page, '代管药品');
  await card.getByRole('button', { name: '退还/销毁' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByText('销毁', { exact: true }).click();
  await field(dialog, '数量（片）').fill('2');
  await dialog.getByText('药品变质、破损').click();
  await field(dialog, '见证人').fill('王院长');
  await dialog.getByRole('button', { name: '销毁' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText('25 片');
  await card.getByRole('button', { name: '明细' }).click();
  const ledger = page.getByTestId('batch-ledger');
  await expect(ledger.getByRole('row')).toHaveCount(4);
  await expect(ledger).toContainText('盘点差异');
  await expect(ledger).toContainText('见证：王院长');
  await shot(page, 'medication-stock-ledger');
  await page.keyboard.press('Escape');

  // On a phone the stock still reads.
  await page.setViewportSize(PHONE);
  await expect(card).toContainText('25 片');
  await shot(page, 'medication-stock-phone');
  await page.setViewportSize(PC);

  // The printed 代管药品登记 of 张三.
  await card.getByRole('link', { name: '打印此人登记' }).click();
  await expect(page.getByTestId('stock-sheet')).toContainText('B2026-0311');
  const pdf = await pdfText(page, testInfo.outputPath('stock-sheet.pdf'));
  expect(pdf.landscape).toBe(true);
  expect(pdf.text).toContain('代管药品登记');
  expect(pdf.text).toContain('张三');
  expect(pdf.text).toContain('B2026-0311');
  expect(pdf.text).toMatch(/盘点差异\s+-1 片/);
  expect(pdf.text).toContain('见证：王院长');
  expect(pdf.text).toContain('核对人');

  // The home page's card: 25 片 at 2 a day is 12 days — nothing to warn of yet; a 14-day setting warns.
  await page.goto(`${app.origin}/#/`);
  await expect(page.getByTestId('stock-alerts')).toContainText('代管药品没有过期、临期或余量不足的');
  const { settings } = await app.api<{ settings: Record<string, unknown> }>('medication.settings', {});
  await app.api('medication.saveSettings', { ...settings, supplyWarnDays: 14 });
  await page.reload();
  await expect(page.getByTestId('stock-alerts')).toContainText('张三 · 硝苯地平缓释片 20 mg：还能用 12 天');
  await shot(page, 'medication-stock-home');
});
