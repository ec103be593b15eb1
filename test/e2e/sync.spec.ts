// The monthly reporting round in two browser hosts: a demo centre links with the county and exports last month's
// package; a PC set up in county mode enrols the centre, previews and imports the package, shows it in the
// submission matrix and the indicators, drills down to the centre, and refuses a tampered copy.
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, field, shot, signInWithPassword, startApp, test } from './fixtures';

const saved = async (download: Promise<Download>) => fs.readFileSync(await (await download).path());

test('a centre reports a month and the county imports it', async ({ page, app, browser }) => {
  test.setTimeout(240_000);
  await app.api('system.loadDemo', {});
  const county = await startApp();
  const countyPage: Page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 }, acceptDownloads: true })).newPage();
  const countyProblems: string[] = [];
  countyPage.on('console', (m) => m.type() === 'error' && countyProblems.push(m.text()));
  countyPage.on('pageerror', (e) => countyProblems.push(e.message));
  try {
    // The county's PC, first run: county mode.
    await countyPage.goto(county.url);
    await countyPage.locator('label.mantine-SegmentedControl-label', { hasText: '县民政局汇总各院月报' }).click();
    await field(countyPage, '县级行政区划代码').fill('411422');
    await field(countyPage, '县（市、区）名称').fill('睢县');
    await field(countyPage, '姓名').fill('刘科长');
    await field(countyPage, '登录名').fill('county');
    await field(countyPage, '密码').fill('Anquan-2026');
    await field(countyPage, '再输一次密码').fill('Anquan-2026');
    await shot(countyPage, 'first-run-county');
    await countyPage.getByRole('button', { name: '创建管理员并登录' }).click();
    await expect(countyPage.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();
    await expect(countyPage.getByText('还没有登记任何机构')).toBeVisible();
    await countyPage.getByRole('link', { name: '机构登记' }).click();
    const countyFingerprint = (await countyPage.getByTestId('fingerprint').innerText()).trim();
    const keyDownload = countyPage.waitForEvent('download');
    await countyPage.getByRole('button', { name: '下载县级公钥文件' }).click();
    const countyKey = await saved(keyDownload);

    // The centre links with the county and exports last month.
    await page.goto(app.url);
    await signInWithPassword(page, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: '月度报送' }).click();
    await expect(page.getByText('还没有导入县民政局的公钥文件').first()).toBeVisible();
    await page.locator('input[type="file"]').first().setInputFiles({ name: '县级公钥-411422.json', mimeType: 'application/json', buffer: countyKey });
    await expect(page.getByText(/已导入 睢县（411422）的公钥/)).toBeVisible();
    await expect(page.getByTestId('fingerprint').first()).toHaveText(countyFingerprint);
    const registrationDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载本院登记文件' }).click();
    const registration = await saved(registrationDownload);
    await expect(page.getByText(/将导出 \d+ 位老人/)).toBeVisible();
    await expectAccessible(page, 'monthly report');
    await shot(page, 'sync-centre');
    await page.getByRole('button', { name: '导出数据包' }).click();
    await expect(page.getByText('导出完成')).toBeVisible();
    const packageDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: /^下载 月报-/ }).click();
    const pkg = await saved(packageDownload);
    const fileName = (await packageDownload).suggestedFilename();
    await expect(page.getByRole('cell', { name: fileName })).toBeVisible();
    await shot(page, 'sync-exported');

    // The county enrols the centre and imports the package.
    await expect(countyPage.getByRole('heading', { name: '机构登记' })).toBeVisible();
    await countyPage.locator('input[type="file"]').setInputFiles({ name: 'registration.json', mimeType: 'application/json', buffer: registration });
    await expect(countyPage.getByText(/已登记 清河县柳湾镇敬老院（演示），指纹/)).toBeVisible();
    await expectAccessible(countyPage, 'county centres');
    await shot(countyPage, 'county-centres');
    await countyPage.getByRole('link', { name: '导入数据包' }).click();
    const dropInput = countyPage.locator('input[type="file"][accept=".tcpkg"]');
    await expect(countyPage.getByRole('heading', { name: '导入各院的月报数据包' })).toBeVisible();
    await dropInput.setInputFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: pkg });
    await expect(countyPage.getByText('预览（还没有导入）')).toBeVisible({ timeout: 30_000 });
    await expect(countyPage.locator('.mantine-Badge-root').filter({ hasText: /^可导入$/ })).toBeVisible();
    await countyPage.getByRole('button', { name: '确认导入 1 个数据包' }).click();
    await expect(countyPage.getByText('导入结果')).toBeVisible({ timeout: 30_000 });
    await expect(countyPage.locator('.mantine-Badge-root').filter({ hasText: /^已导入$/ })).toBeVisible();
    await expectAccessible(countyPage, 'county import');
    await shot(countyPage, 'county-import');

    // A tampered copy is refused with a clear message.
    const tampered = Buffer.from(pkg);
    tampered[tampered.length - 200] ^= 0xff;
    await countyPage.getByRole('button', { name: '重新选择' }).click();
    await dropInput.setInputFiles({ name: 'tampered.tcpkg', mimeType: 'application/octet-stream', buffer: tampered });
    await expect(countyPage.locator('.mantine-Badge-root').filter({ hasText: /^拒绝$/ })).toBeVisible();
    await expect(countyPage.getByText(/校验值不对|签名不对|已损坏/).first()).toBeVisible();
    // Applied anyway, it changes nothing but leaves a report to send back to the centre.
    await countyPage.getByRole('button', { name: '确认导入 1 个数据包' }).click();
    await expect(countyPage.locator('.mantine-Badge-root').filter({ hasText: /^已拒绝$/ })).toBeVisible();
    await shot(countyPage, 'county-import-refused');

    // The matrix and the indicators show the centre's month.
    const period = fileName.match(/-(\d{4}-\d{2})-/)![1];
    await countyPage.getByRole('link', { name: '报送情况' }).click();
    await expect(countyPage.getByTestId(`cell-411422103000-${period}`)).toContainText(/按时|迟报/);
    await expectAccessible(countyPage, 'county matrix');
    await shot(countyPage, 'county-matrix');
    await countyPage.getByTestId(`cell-411422103000-${period}`).getByRole('button').click();
    await expect(countyPage.getByRole('heading', { name: `清河县柳湾镇敬老院（演示） · ${period}` })).toBeVisible();
    await expect(countyPage.getByText(/老人名单（\d+ 人/)).toBeVisible();
    await shot(countyPage, 'county-centre');
    await countyPage.getByRole('link', { name: '返回县级指标' }).click();
    await expect(countyPage.getByText('已报送 1 / 1 个机构')).toBeVisible();
    expect(Number(await countyPage.getByTestId('headline-residents').innerText())).toBeGreaterThan(50);
    await expectAccessible(countyPage, 'county indicators');
    await shot(countyPage, 'county-indicators');
    await countyPage.getByRole('tab', { name: '近12个月趋势' }).click();
    await expect(countyPage.locator('.recharts-surface').first()).toBeVisible();
    await shot(countyPage, 'county-trend');
    await countyPage.getByRole('tab', { name: '特困人员季度表' }).click();
    await expect(countyPage.getByRole('cell', { name: '清河县柳湾镇敬老院（演示）' })).toBeVisible();
    await shot(countyPage, 'county-tekun');
    const excel = countyPage.waitForEvent('download');
    await countyPage.getByRole('button', { name: '导出 Excel（全部表格）' }).click();
    expect((await excel).suggestedFilename()).toBe(`睢县月报汇总-${period}.xlsx`);

    await countyPage.getByRole('link', { name: '导入记录' }).click();
    await expect(countyPage.getByText('tampered.tcpkg')).toBeVisible();
    await shot(countyPage, 'county-reports');
    expect(countyProblems).toEqual([]);
  } finally {
    await county.stop();
  }
});
