// A prefecture's store in the browser (issue 20): 商丘市 (4114) gathers the demo centre (411422) and a small centre of
// 民权县 (411421), each linked through its own county's key file. The clerk opens 县级指标 on the 各县 tab, finds a
// county, opens its indicators (the picker follows), then its 报送情况; 机构登记 offers the key file per county.
// Photographed at 1366×768 and 390×844.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Browser } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { type RunningApp, expect, expectAccessible, shot, signInWithPassword, startApp, test } from './fixtures';

const CITY_ADMIN = { username: 'city', displayName: '刘科长', password: 'Anquan-2026', pin: null, mode: 'county', countyCode: '4114', countyName: '商丘市' };

async function link(centre: RunningApp, as: <T>(method: string, input: unknown) => Promise<T>, county: { code: string; name: string }, folder: string) {
  const keyFile = await as<{ text: string }>('county.keyFileFor', { countyCode: county.code, countyName: county.name });
  const status = await as<{ fingerprint: string }>('county.status', {});
  await centre.api('sync.importCountyKey', { text: keyFile.text });
  await centre.api('sync.confirmCountyKey', { fingerprint: status.fingerprint });
  const registration = await centre.api<{ text: string; fingerprint: string }>('sync.registrationFile', {});
  const enrolled = await as<{ centreCode: string }>('county.enrol', { text: registration.text });
  await as('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
  const { jobId } = await centre.api<{ jobId: string }>('sync.export', { period: '2026-02', folder, correctionReason: null });
  await expect.poll(async () => (await centre.api<{ done: boolean }>('sync.job', { jobId })).done, { timeout: 60_000 }).toBe(true);
}

async function pageAt(browser: Browser, url: string, width: number, height: number) {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width, height }, acceptDownloads: true })).newPage();
  await page.goto(url);
  await signInWithPassword(page, CITY_ADMIN.username, CITY_ADMIN.password);
  return page;
}

test('a prefecture store lists its counties and opens each one', async ({ app, browser }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime('2026-03-05T02:00:00.000Z');
  await app.api('system.loadDemo', {});
  const small = await startApp();
  const city = await startApp();
  small.setTime('2026-03-15T02:00:00.000Z');
  city.setTime('2026-03-15T02:00:00.000Z');
  const clerk = new Session();
  const as = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await city.backend.dispatch(clerk, method as never, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    await as('auth.setupAdmin', CITY_ADMIN);
    await small.api('facility.save', { name: '民权县人和镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '411421101000', county: '民权县', township: '人和镇', type: 'township_home', licensedBeds: 20 });
    const { id: buildingId } = await small.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
    await small.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 4, bedType: 'nursing' });
    const usb = testInfo.outputPath('usb');
    fs.mkdirSync(usb, { recursive: true });
    await link(app, as, { code: '411422', name: '睢县' }, usb);
    await link(small, as, { code: '411421', name: '民权县' }, usb);
    const staged = await as<{ batchId: string }>('county.stage', { batchId: null, folder: usb });
    const applied = await as<{ jobId: string }>('county.apply', { batchId: staged.batchId });
    await expect.poll(async () => (await as<{ done: boolean }>('county.job', { jobId: applied.jobId })).done, { timeout: 60_000 }).toBe(true);

    // One browser (the start link opens once), resized between the passes.
    const page = await pageAt(browser, city.url, 1366, 768);
    for (const [width, height, size] of [[1366, 768, 'wide'], [390, 844, 'phone']] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${city.origin}/#/county/indicators?period=2026-02`);
      await expect(page.getByRole('tab', { name: '各县', selected: true })).toBeVisible();
      const list = page.getByTestId('area-counties');
      await expect(list.getByRole('row')).toHaveCount(3);
      await expectAccessible(page, 'area counties');
      await shot(page, `county-area-counties-${size}`);
      await page.getByLabel('查找县（名称或代码）').fill('民权');
      await expect(list.getByRole('row')).toHaveCount(2);
      await list.getByRole('button', { name: '民权县' }).click();
      await expect(page).toHaveURL(/county=411421/);
      await expect(page.getByRole('combobox', { name: '县（市、区）' })).toHaveValue('民权县（411421）');
      await expect(page.getByRole('tab', { name: '各县' })).toHaveCount(0);
      await expect(page.getByRole('columnheader', { name: '民权县人和镇敬老院' })).toBeVisible();
      await shot(page, `county-area-one-county-${size}`);
      await page.goto(`${city.origin}/#/county?county=411422`);
      await expect(page.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();
      await expect(page.getByText('清河县柳湾镇敬老院（演示）').first()).toBeVisible();
      await expect(page.getByText('民权县人和镇敬老院')).toHaveCount(0);
      await shot(page, `county-area-matrix-${size}`);
      await page.goto(`${city.origin}/#/county/centres`);
      await expect(page.getByRole('heading', { name: '给各县敬老院的公钥文件' })).toBeVisible();
      await expect(page.getByRole('button', { name: '下载县级公钥文件' })).toHaveCount(0);
      await expect(page.getByRole('cell', { name: '民权县 人和镇' })).toBeVisible();
      await page.getByLabel('县级行政区划代码').fill('411521');
      await page.getByLabel('县（市、区）名称').fill('罗山县');
      await page.getByRole('button', { name: '下载该县的公钥文件' }).click();
      await expect(page.getByText('不在本汇总范围')).toBeVisible();
      await page.getByLabel('县级行政区划代码').fill('411423');
      await page.getByLabel('县（市、区）名称').fill('宁陵县');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载该县的公钥文件' }).click();
      expect((await download).suggestedFilename()).toBe('县级公钥-411423.json');
      await shot(page, `county-area-key-${size}`);
    }
    // The whole prefecture printed (landscape): a column per county, every county's name whole in the PDF.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${city.origin}/#/county/indicators?period=2026-02`);
    await page.getByRole('tab', { name: '指标表' }).click();
    await page.emulateMedia({ media: 'print' });
    const pdf = testInfo.outputPath('county-area-indicators.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, testInfo.outputPath('county-area-indicators')]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const name of ['商丘市', '民权县', '清河县', '各县主要指标（2026-02）']) expect(text, name).toContain(name);
    await page.context().close();
  } finally {
    await small.stop();
    await city.stop();
  }
});
