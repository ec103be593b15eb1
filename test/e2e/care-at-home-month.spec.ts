// A month of care at home through the UI, from the plan to the county (issue 18): 赵奶奶 (分散供养特困) is entitled to
// 8 hours of 助洁 a month and planned every Tuesday. On 3 February the 关爱专干 records the visit done as planned from the
// day's schedule; on 10 February the worker could not go (老人住院) and she records it missed; the other two Tuesdays are
// recorded from paper slips. On 2 March the month has ended: she calls back the 回访 sample, 赵奶奶's daughter disputes
// one visit; she settles February (the disputed visit not paid) and prints the provider's statement; the centre exports
// February; the county clerk imports it and reads 居家与互助 — the visits, the missed one, the dispute and the settlement —
// and prints it (A4 landscape). Screens under test-results/screenshots/care-at-home-month-*.png.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { validIdNumber } from '../helpers/ids';
import { expect, expectAccessible, field, pinIn, shot, signInWithPassword, startApp, test } from './fixtures';

const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
const PC = { width: 1366, height: 768 };
const COUNTY_ADMIN = { username: 'county', displayName: '刘科长', password: 'Anquan-2026', pin: null, mode: 'county', countyCode: '320102', countyName: '测试县' };

async function printed(page: Page, testInfo: TestInfo, name: string) {
  const pdf = testInfo.outputPath(`${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, testInfo.outputPath(name)]);
  return { text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }), landscape: Number(size?.[1]) > Number(size?.[2]) };
}

test('a month of care at home: the plan, visits done and missed, a disputed 回访, the settlement statement, the county', async ({ app, page, browser }, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize(PC);
  const onDay = async (date: string, hhmm: string) => {
    app.setTime(at(date, hhmm));
    await page.clock.setFixedTime(new Date(at(date, hhmm)));
    await pinIn(page, '关爱专干小陈', '975310', '关爱专干');
  };

  // The scene, as the manager set it up in January: the township, 赵奶奶 on the register, 助洁 priced for 特困 elders
  // (40 元 an hour, fully subsidised), the provider and its worker, her entitlement from the county and the weekly plan.
  app.setTime(at('2026-01-20', '10:00'));
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const village = (await app.api<{ id: string }>('elders.saveVillage', { name: '东村', cadreName: '张书记', cadrePhone: '13800000001' })).id;
  const zhao = (await app.api<{ id: string }>('elders.save', { name: '赵奶奶', idNumber: validIdNumber('1942-03-01', '501'), villageId: village, address: '东村5组', phone: '13900000501', categories: ['tekun_dispersed'], registeredOn: '2026-01-05' })).id;
  const cleaning = (await app.api<{ id: string }>('homecare.saveItem', { name: '助洁', category: 'life_care', unit: 'hour' })).id;
  await app.api('homecare.savePrice', { itemId: cleaning, priceClass: 'tekun_dispersed', effectiveFrom: '2026-01-01', priceFen: 4000, subsidyFen: 4000 });
  const provider = (await app.api<{ id: string }>('homecare.saveProvider', { name: '安康家政', kind: 'organisation', contractNo: 'HT-2026-01' })).id;
  const worker = (await app.api<{ id: string }>('homecare.saveWorker', { providerId: provider, name: '刘阿姨', phone: '13700000001' })).id;
  await app.api('homecare.saveEntitlement', { elderId: zhao, itemId: cleaning, monthlyQuota: 480, documentNo: '测民〔2026〕1号', grantedOn: '2026-01-10', validFrom: '2026-01-01' });
  await app.api('homecare.savePlan', { elderId: zhao, providerId: provider, workerId: worker, itemIds: [cleaning], weekdays: [2], everyWeeks: 1, startTime: '09:00', minutes: 120, fromOn: '2026-02-01' });
  await app.api('staff.hire', { name: '关爱专干小陈', role: 'social_worker', hireDate: '2025-01-01', accountRole: 'social_worker', pin: '975310' });
  await page.goto(app.url);

  // Tuesday 3 February: the home page says one visit is planned today; the day's schedule has it; done as planned, two taps.
  await onDay('2026-02-03', '17:00');
  await page.goto(`${app.origin}/#/`);
  await expect(page.getByTestId('homecare-today')).toHaveText('今天计划上门 1 次：已服务 0，未上门 0，待服务 1');
  await page.getByTestId('homecare-alerts').scrollIntoViewIfNeeded();
  await shot(page, 'care-at-home-month-home');
  await page.getByRole('link', { name: '居家服务' }).first().click();
  const visit = page.getByTestId('planned-visit');
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText('赵奶奶');
  await visit.getByRole('button', { name: '登记服务' }).click();
  await expect(page.getByRole('dialog')).toContainText('本月剩 8小时');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(visit).toContainText('已服务');
  await shot(page, 'care-at-home-month-schedule');

  // Tuesday 10 February: 赵奶奶 is in hospital; the visit is recorded missed with its reason.
  await onDay('2026-02-10', '17:00');
  await page.goto(`${app.origin}/#/homecare?tab=schedule`);
  await page.getByTestId('planned-visit').getByRole('button', { name: '未上门' }).click();
  await page.getByRole('dialog').getByText('老人住院', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('planned-visit')).toContainText('未上门：老人住院');
  await page.goto(`${app.origin}/#/`);
  await expect(page.getByTestId('homecare-today')).toHaveText('今天计划上门 1 次：已服务 0，未上门 1，待服务 0');

  // The other two Tuesdays came back on signed paper slips (recorded the same way; here straight through the API).
  for (const day of ['2026-02-17', '2026-02-24']) {
    app.setTime(at(day, '17:00'));
    await app.api('homecare.recordVisit', { requestId: randomUUID(), elderId: zhao, providerId: provider, workerId: worker, serviceOn: day, startTime: '09:00', endTime: '11:00', items: [{ itemId: cleaning, quantity: 120 }], confirmation: { kind: 'paper_slip', slipNo: `QR-${day}` } });
  }

  // Monday 2 March: February has ended. The 回访 sample (three visits → one), called back: the daughter disputes it.
  await onDay('2026-03-02', '10:00');
  await page.goto(`${app.origin}/#/homecare?tab=checks`);
  const sample = page.getByTestId('sample-安康家政');
  await expect(sample).toContainText('已完成 3 次，应回访 1 次');
  await sample.getByRole('button', { name: /^登记回访/ }).first().click();
  const check = page.getByRole('dialog');
  await check.locator('label.mantine-SegmentedControl-label', { hasText: /^有异议$/ }).click();
  await field(check, '异议内容（必填：老人或家属说了什么）').fill('女儿说那天只来了半小时');
  await check.getByRole('button', { name: '登记回访' }).click();
  await expect(check).toBeHidden();
  await expect(sample).toContainText('有异议 1 次');

  // The settlement: two visits paid (2 × 2 h × 40 元 = 160 元), the disputed one apart; settled; the statement printed.
  await page.getByRole('tab', { name: '月结算' }).click();
  const row = page.getByTestId('settlement-providers').locator('[data-provider="安康家政"]');
  await expect(row).toContainText('2 次 · 160.00 元');
  await expect(row).toContainText('1 次 · 80.00 元');
  await row.getByRole('button', { name: '结算 安康家政' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确定结算' }).click();
  await expect(row).toContainText('已结算');
  await row.getByRole('link', { name: '对账单 安康家政' }).click();
  await expect(page.getByTestId('total-amount')).toHaveText('160.00');
  const statement = await printed(page, testInfo, 'statement');
  expect(statement.landscape).toBe(true);
  for (const words of ['居家上门服务结算对账单', '安康家政', '赵奶奶', '160.00', '女儿说那天只来了半小时', '服务机构（盖章）']) expect(statement.text, words).toContain(words);

  // The county: February's package imported (the key exchange done as in the sync walk, by API here).
  const county = await startApp();
  try {
    county.setTime(at('2026-03-02', '10:00'));
    const clerk = new Session();
    const as = async <T,>(method: string, input: unknown): Promise<T> => {
      const r = await county.backend.dispatch(clerk, method as never, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    await as('auth.setupAdmin', COUNTY_ADMIN);
    const key = await as<{ keyFile: { text: string }; fingerprint: string }>('county.status', {});
    await app.api('sync.importCountyKey', { text: key.keyFile.text });
    await app.api('sync.confirmCountyKey', { fingerprint: key.fingerprint });
    const registration = await app.api<{ text: string; fingerprint: string }>('sync.registrationFile', {});
    const enrolled = await as<{ centreCode: string }>('county.enrol', { text: registration.text });
    await as('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
    const usb = testInfo.outputPath('usb');
    fs.mkdirSync(usb, { recursive: true });
    const { jobId } = await app.api<{ jobId: string }>('sync.export', { period: '2026-02', folder: usb, correctionReason: null });
    await expect.poll(async () => (await app.api<{ done: boolean }>('sync.job', { jobId })).done, { timeout: 60_000 }).toBe(true);
    const staged = await as<{ batchId: string }>('county.stage', { batchId: null, folder: usb });
    const applied = await as<{ jobId: string }>('county.apply', { batchId: staged.batchId });
    await expect.poll(async () => (await as<{ done: boolean }>('county.job', { jobId: applied.jobId })).done, { timeout: 60_000 }).toBe(true);

    const clerkPage = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PC })).newPage();
    await clerkPage.goto(county.url);
    await signInWithPassword(clerkPage, COUNTY_ADMIN.username, COUNTY_ADMIN.password);
    await clerkPage.goto(`${county.origin}/#/county/indicators?period=2026-02`);
    await clerkPage.getByRole('tab', { name: '居家与互助' }).click();
    const east = clerkPage.getByTestId('care-villages-row').filter({ hasText: '东村' });
    // served 1, done 3, missed 1, 6.0 hours, disputed 1
    await expect(east.locator('td').nth(2)).toHaveText('1');
    await expect(east.locator('td').nth(3)).toHaveText('3');
    await expect(east.locator('td').nth(4)).toHaveText('1');
    await expect(east.locator('td').nth(5)).toHaveText('6.0');
    await expect(east.locator('td').nth(6)).toHaveText('1');
    const agency = clerkPage.getByTestId('care-providers-row').filter({ hasText: '安康家政' });
    await expect(agency).toContainText('2026-03-02');
    await expect(agency).toContainText('160.00');
    await expect(agency).toContainText('80.00');
    await expect(clerkPage.getByTestId('care-items-row').filter({ hasText: '助洁' })).toContainText('75.0%'); // 6 of 8 hours
    await expectAccessible(clerkPage, 'the county care-at-home tab');
    await shot(clerkPage, 'care-at-home-month-county');
    const paper = await printed(clerkPage, testInfo, 'county-care');
    expect(paper.landscape).toBe(true);
    for (const words of ['测试县 2026-02 居家上门服务、分散供养照料与互助养老情况', '测试镇', '东村', '安康家政', '助洁', '160.00']) expect(paper.text, words).toContain(words);
    expect(paper.text).not.toContain('赵奶奶');
  } finally {
    await county.stop();
  }
});
