// The county's official tables in the browser (issue 14 §4): a demo centre's month imported into a county PC; the
// clerk opens 县级指标, reads the rates with their definitions, the 特困人员救助供养 quarterly table in the official
// layout and the facility table, prints each (landscape), and the county administrator looks at one ID number in full.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { expect, expectAccessible, shot, signInWithPassword, startApp, test } from './fixtures';

const COUNTY_ADMIN = { username: 'county', displayName: '刘科长', password: 'Anquan-2026', pin: null, mode: 'county', countyCode: '411422', countyName: '睢县' };

async function printed(page: Page, testInfo: TestInfo, name: string) {
  const pdf = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '50', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, testInfo.outputPath(name)]);
  return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), sizes };
}

test('the county reads, prints and exports its official tables', async ({ app, browser }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime('2026-03-15T02:00:00.000Z');
  await app.api('system.loadDemo', {});
  const county = await startApp();
  county.setTime('2026-03-15T02:00:00.000Z');
  const clerk = new Session();
  const as = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await county.backend.dispatch(clerk, method as never, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    // Set up by API: the county PC, the centre's key exchange and February's package imported.
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
    let fileName = '';
    await expect.poll(async () => ((fileName = (await app.api<{ done: boolean; result: { fileName: string } | null }>('sync.job', { jobId })).result?.fileName ?? ''), fileName), { timeout: 60_000 }).not.toBe('');
    const staged = await as<{ batchId: string }>('county.stage', { batchId: null, folder: usb });
    const applied = await as<{ jobId: string }>('county.apply', { batchId: staged.batchId });
    await expect.poll(async () => (await as<{ done: boolean }>('county.job', { jobId: applied.jobId })).done, { timeout: 60_000 }).toBe(true);
    expect(fs.existsSync(path.join(usb, fileName))).toBe(true);

    const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 }, acceptDownloads: true })).newPage();
    await page.goto(county.url);
    await signInWithPassword(page, COUNTY_ADMIN.username, COUNTY_ADMIN.password);
    await page.goto(`${county.origin}/#/county/indicators?period=2026-02`);
    await expect(page.getByRole('heading', { name: '县级指标' })).toBeVisible();
    // The rates with their definitions.
    await expect(page.getByRole('cell', { name: /压力性损伤（Ⅱ期及以上）发生率/ })).toContainText('最近一次能力评估（A.5.1）');
    await expect(page.getByRole('cell', { name: /跌倒（每千床日）/ })).toBeVisible();
    await shot(page, 'county-rates');

    // The quarterly table: the official column groups and bands, printed landscape with the county's title.
    await page.getByRole('tab', { name: '特困人员季度表' }).click();
    for (const head of ['本季度末保障人数', '供养方式', '按自理能力划分（县民政局认定）', '16岁以下', '80岁以上', '重度残疾人', '患精神疾病人', '城市', '农村', '本季度新增', '本季度退出']) {
      await expect(page.getByRole('columnheader', { name: head, exact: true }).first()).toBeVisible();
    }
    await expect(page.getByRole('cell', { name: '清河县柳湾镇敬老院（演示）' })).toBeVisible();
    await expectAccessible(page, 'county tekun table');
    await shot(page, 'county-tekun-official');
    const tekunPaper = await printed(page, testInfo, 'print-county-tekun');
    expect(tekunPaper.text).toContain('睢县 2026年第1季度 特困人员救助供养对象综合统计表');
    expect(tekunPaper.text).toContain('清河县柳湾镇敬老院（演示）');
    expect(tekunPaper.sizes.every((s) => s === 'landscape')).toBe(true);
    expect(tekunPaper.text).not.toContain('各院主要指标');

    // The facility table.
    await page.getByRole('tab', { name: '机构基本情况表' }).click();
    await expect(page.getByRole('columnheader', { name: '每百张床位社工数' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '护理员持证率' })).toBeVisible();
    await expectAccessible(page, 'county facility table');
    await shot(page, 'county-facility');
    const facilityPaper = await printed(page, testInfo, 'print-county-facility');
    expect(facilityPaper.text).toContain('睢县 2026-02 养老机构基本情况表');
    expect(facilityPaper.sizes.every((s) => s === 'landscape')).toBe(true);
    expect(facilityPaper.pages).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'county-facility-390');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The village register (issue 17): the demo township's four villages, a subtotal and the county's total, on paper too.
    await page.getByRole('tab', { name: '农村老人关爱' }).click();
    await expect(page.getByTestId('village-row')).toHaveCount(4);
    await expect(page.getByRole('columnheader', { name: '月探访率（含电话）' })).toBeVisible();
    await expect(page.getByTestId('villages-table')).toContainText('小计');
    await expectAccessible(page, 'county village table');
    await shot(page, 'county-villages');
    const villagePaper = await printed(page, testInfo, 'print-county-villages');
    expect(villagePaper.text).toContain('睢县 2026-02 农村留守及特殊困难老年人关爱服务情况（按村）');
    expect(villagePaper.text).toContain('王庄村');
    expect(villagePaper.sizes.every((s) => s === 'landscape')).toBe(true);

    // The Excel workbook holds both tables.
    const excel = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel（全部表格）' }).click();
    expect((await excel).suggestedFilename()).toBe('睢县月报汇总-2026-02.xlsx');

    // The centre's residents: ID numbers masked; the administrator looks at one (audited).
    await page.goto(`${county.origin}/#/county/centre/411422103000/2026-02`);
    const firstId = page.locator('[data-testid^="id-"]').first();
    await expect(firstId).toHaveText(/^\d{4}\*{10}[\dX]{4}查看完整$/);
    await firstId.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('county-centre-ids.png') });
    await firstId.getByRole('button', { name: '查看完整' }).click();
    await expect(firstId).toHaveText(/^\d{17}[\dX]$/);
    await page.setViewportSize({ width: 390, height: 844 });
    await firstId.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('county-centre-ids-390.png') });
  } finally {
    await county.stop();
  }
});
