// 回访, complaints and the month's settlement through the UI (issue 18): the 关爱专干 opens February's 回访 sample of the
// provider (eleven visits, 10 % rounded up → two), disputes it (refused without a note first), registers a complaint about a March
// visit and sees an older one red past the 7-day limit and answers it, settles February (the disputed visit not paid:
// 10 × 30.00 = 300.00 元) and prints the provider's statement (A4 landscape, read back from the PDF: totals, the disputed
// visit apart, the signature lines). Screens at 1024×768 and 390×844 under test-results/screenshots/homecare-settlement-*.png.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { validIdNumber } from '../helpers/ids';
import { ADMIN, closeNotifications, expect, expectAccessible, field, pinIn, shot, signInWithPassword, test } from './fixtures';

const TODAY = '2026-03-04';
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

async function bothSizes(page: Page, name: string) {
  await closeNotifications(page);
  await shot(page, `homecare-settlement-${name}`);
  await page.setViewportSize(PHONE);
  await closeNotifications(page);
  await expect(page.getByRole('navigation', { name: '主导航' })).not.toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await shot(page, `homecare-settlement-${name}-phone`);
  await page.setViewportSize(PC);
}

test('a month checked and settled: the 回访 sample disputed, complaints to an answer, the settlement and its printed statement', async ({ app, page }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime(at(TODAY, '10:00'));
  await page.clock.setFixedTime(new Date(at(TODAY, '10:00')));
  await page.setViewportSize(PC);

  // The scene: two 特困 elders with 助洁 entitled, a provider and its worker, eleven visits in February, one in March.
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const village = (await app.api<{ id: string }>('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  const elder = async (name: string, n: number) =>
    (await app.api<{ id: string }>('elders.save', { name, idNumber: validIdNumber('1945-05-01', String(400 + n)), villageId: village, address: `东村${n}组`, phone: `1390000040${n}`, categories: ['tekun_dispersed'], registeredOn: '2026-01-05' })).id;
  const zhao = await elder('赵奶奶', 1);
  const qian = await elder('钱爷爷', 2);
  const cleaning = (await app.api<{ id: string }>('homecare.saveItem', { name: '助洁', category: 'life_care', unit: 'hour' })).id;
  await app.api('homecare.savePrice', { itemId: cleaning, priceClass: 'tekun_dispersed', effectiveFrom: '2026-01-01', priceFen: 3000, subsidyFen: 2500 });
  const provider = (await app.api<{ id: string }>('homecare.saveProvider', { name: '安康家政', kind: 'organisation', contractNo: 'HT-2026-01' })).id;
  const worker = (await app.api<{ id: string }>('homecare.saveWorker', { providerId: provider, name: '刘阿姨', phone: '13900001111' })).id;
  for (const elderId of [zhao, qian]) await app.api('homecare.saveEntitlement', { elderId, itemId: cleaning, monthlyQuota: 600, documentNo: '测民〔2026〕1号', grantedOn: '2026-01-05', validFrom: '2026-01-05' });
  const record = (elderId: string, serviceOn: string) =>
    app.api<{ id: string }>('homecare.recordVisit', { requestId: randomUUID(), elderId, providerId: provider, workerId: worker, serviceOn, startTime: '09:00', endTime: '10:00', items: [{ itemId: cleaning, quantity: 60 }], confirmation: { kind: 'paper_slip', slipNo: `QR-${serviceOn}` } });
  for (let d = 2; d <= 20; d += 2) await record(d % 4 === 0 ? qian : zhao, `2026-02-${String(d).padStart(2, '0')}`);
  await record(zhao, '2026-03-02');
  const feb = await record(qian, '2026-02-22');
  await app.api('homecare.recordComplaint', { visitId: feb.id, receivedOn: '2026-02-23', fromWhom: '钱爷爷的儿子', complaint: '服务员把老人的衣服洗坏了' });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });

  await page.goto(app.url);
  await pinIn(page, '关爱专干小陈', '975310', '关爱专干');
  await page.getByRole('link', { name: '居家服务' }).click();

  // 回访: February's sample: eleven visits × 10 % = 1.1, rounded up to two.
  await page.getByRole('tab', { name: '回访' }).click();
  const sample = page.getByTestId('sample-安康家政');
  await expect(sample).toContainText('该月已完成 11 次，应回访 2 次，已回访 0 次');
  await expect(page.getByText(/GB\/T 43153-2023.*\[R\]/).first()).toBeVisible();
  await expect(sample.getByRole('button', { name: /^登记回访/ })).toHaveCount(2);
  await bothSizes(page, 'checks');
  await sample.getByRole('button', { name: /^登记回访/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('label.mantine-SegmentedControl-label', { hasText: /^有异议$/ }).click();
  await dialog.getByRole('button', { name: '登记回访' }).click();
  await expect(dialog.getByText('有异议的回访必须写明异议内容（老人或家属说了什么）')).toBeVisible();
  await field(dialog, '异议内容（必填：老人或家属说了什么）').fill('老人说那天服务员没有来');
  await dialog.getByRole('button', { name: '登记回访' }).click();
  await expect(dialog).toBeHidden();
  await expect(sample).toContainText('已回访 1 次（有异议 1 次）');
  await expect(page.getByTestId('checks').locator('[data-outcome="disputed"]')).toContainText('老人说那天服务员没有来');
  await sample.getByRole('button', { name: /^登记回访/ }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: '登记回访' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('sample-安康家政')).toContainText('抽查名单已全部回访');
  await bothSizes(page, 'checks-done');
  await expectAccessible(page, '回访');

  // 投诉: the older one is red past the 7-day limit; a new one about the March visit; the older one answered.
  await page.getByRole('tab', { name: '投诉' }).click();
  const complaints = page.getByTestId('complaints');
  await expect(complaints.locator('tr[data-overdue="yes"]')).toContainText('已 9 天未答复');
  await page.getByRole('button', { name: '登记投诉' }).click();
  const form = page.getByRole('dialog');
  await field(form, '被投诉的服务').fill('赵');
  await form.getByRole('button', { name: /赵奶奶 2026-03-02/ }).click();
  await field(form, '投诉人').fill('赵奶奶');
  await field(form, '投诉内容').fill('服务员来晚了一个小时');
  await form.getByRole('button', { name: '登记投诉' }).click();
  await expect(form).toBeHidden();
  await expect(complaints.locator('tbody tr')).toHaveCount(2);
  await bothSizes(page, 'complaints');
  await complaints.getByRole('button', { name: '答复 钱爷爷' }).click();
  const answer = page.getByRole('dialog');
  await answer.getByRole('button', { name: '答复' }).click();
  await expect(answer.getByText('答复投诉必须写明答复内容')).toBeVisible();
  await field(answer, '答复内容').fill('已照价赔偿衣服，提醒服务员按洗涤标识洗');
  await answer.getByRole('button', { name: '答复' }).click();
  await expect(answer).toBeHidden();
  await expect(complaints.locator('tbody tr')).toHaveCount(1);
  await expectAccessible(page, '投诉');

  // 月结算: February priced — 10 paid at 30.00, one disputed apart; settled; the statement printed.
  await page.getByRole('tab', { name: '月结算' }).click();
  const row = page.getByTestId('settlement-providers').locator('[data-provider="安康家政"]');
  await expect(row).toContainText('10 次 · 300.00 元');
  await expect(row).toContainText('补贴 250.00 元 · 个人负担 50.00 元');
  await expect(row).toContainText('1 次 · 30.00 元');
  await row.getByRole('button', { name: '结算 安康家政' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定结算' }).click();
  await expect(row).toContainText('已结算');
  await expect(row.getByRole('button', { name: '结算 安康家政' })).toHaveCount(0);
  await bothSizes(page, 'month');
  await expectAccessible(page, '月结算');

  await row.getByRole('link', { name: '对账单 安康家政' }).click();
  const sheet = page.getByTestId('statement');
  await expect(sheet).toContainText('居家上门服务结算对账单');
  await expect(page.getByTestId('statement-status')).toContainText('由 关爱专干小陈 结算');
  await expect(page.getByTestId('total-amount')).toHaveText('300.00');
  await expect(page.getByTestId('statement-disputed')).toContainText('老人说那天服务员没有来');
  await expectAccessible(page, '结算对账单');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toBe('居家上门服务结算-2026-02-安康家政.xlsx');
  await bothSizes(page, 'statement');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'homecare-settlement-statement-print');
  const pdfPath = testInfo.outputPath('homecare-statement.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2])); // landscape
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(2); // the lines on the first sheet; the disputed visit and the signatures on the second
  for (const words of ['居家上门服务结算对账单', '安康家政', '合计：10 次', '300.00', '250.00', '50.00', '回访有异议、不予结算的服务（1 次，30.00 元）', '服务机构（盖章）', '关爱专干：', '院长 / 乡镇（盖章）']) expect(text).toContain(words);
  expect(text).not.toMatch(/打印|返回/);
});

test('the demo centre: February checked with one dispute, complaints, each provider settled, a statement printed', async ({ app, page }, testInfo) => {
  test.setTimeout(300_000);
  app.setTime('2026-03-15T02:00:00.000Z');
  await page.clock.setFixedTime(new Date('2026-03-15T02:00:00.000Z'));
  await app.api('system.loadDemo', {});
  const month = await app.api<{ providers: { provider: string; done: number; settlement: unknown }[] }>('homecare.settlements', { month: '2026-02' });
  const served = month.providers.filter((p) => p.done > 0);
  expect(served.length).toBeGreaterThan(0);

  await page.setViewportSize(PC);
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '居家服务' }).click();
  await page.getByRole('tab', { name: '回访' }).click();
  for (const p of served) await expect(page.getByTestId(`sample-${p.provider}`)).toContainText('抽查名单已全部回访');
  await expect(page.getByTestId('checks').locator('[data-outcome="disputed"]')).toHaveCount(1);
  await expectAccessible(page, 'demo 回访');
  await bothSizes(page, 'demo-checks');

  await page.getByRole('tab', { name: '投诉' }).click();
  await expect(page.getByTestId('complaints').locator('tbody tr')).toHaveCount(1);
  await expectAccessible(page, 'demo 投诉');
  await bothSizes(page, 'demo-complaints');

  await page.getByRole('tab', { name: '月结算' }).click();
  for (const p of served) await expect(page.getByTestId('settlement-providers').locator(`[data-provider="${p.provider}"]`)).toContainText('已结算');
  await expectAccessible(page, 'demo 月结算');
  await bothSizes(page, 'demo-month');
  await page.getByRole('link', { name: `对账单 ${served[0].provider}` }).click();
  await expect(page.getByTestId('statement-status')).toContainText('结算');
  await expectAccessible(page, 'demo statement');
  await bothSizes(page, 'demo-statement');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('homecare-demo-statement.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const words of ['居家上门服务结算对账单', served[0].provider, '服务机构（盖章）', '院长 / 乡镇（盖章）']) expect(text).toContain(words);
});
