import { chromium } from '@playwright/test';
(async () => {
  const url = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(url);
  for (const [hash, name] of [['#/', 'dashboard'], ['#/beds', 'beds'], ['#/residents', 'residents']]) {
    await page.goto(new URL('/' + hash, url).toString());
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/${name}.png`, fullPage: false });
  }
  await page.locator('table tbody tr').first().click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `/tmp/detail.png` });
  await browser.close();
})();
