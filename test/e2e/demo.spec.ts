// The first-run demo choice, the demo centre's bed map with filters, search, a resident file, and the token guard.
import { expect, expectAccessible, field, shot, test } from './fixtures';

test('a newcomer loads the demo centre and finds their way around it', async ({ page, app }) => {
  test.setTimeout(180_000); // loading the demo (a year of a 100-bed centre) takes up to a minute on a busy CI machine
  await page.goto(app.url);
  await field(page, '姓名').fill('王院长');
  await field(page, '登录名').fill('admin');
  await field(page, '密码').fill('Anquan-2026');
  await field(page, '再输一次密码').fill('Anquan-2026');
  await page.getByRole('button', { name: '创建管理员并登录' }).click();
  await page.getByRole('button', { name: '载入演示敬老院' }).click();
  await expect(page.getByRole('heading', { name: '今日概况' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: '清河县柳湾镇敬老院（演示）' })).toBeVisible();
  await expectAccessible(page, 'dashboard');
  await shot(page, 'dashboard');

  await page.getByRole('link', { name: '房态图' }).click();
  await expect(page.getByTestId('count-disabled')).toHaveText('停用 2');
  const occupied = Number((await page.getByTestId('count-occupied').innerText()).replace(/\D/g, ''));
  expect(occupied).toBeGreaterThan(70);
  await expectAccessible(page, 'bed map');
  await shot(page, 'bed-map');

  // Filter: one building, one floor.
  await page.getByRole('combobox', { name: '楼栋' }).click();
  await page.getByRole('option', { name: '二号楼' }).click();
  await page.getByRole('combobox', { name: '楼层' }).click();
  await page.getByRole('option', { name: '3层' }).click();
  const rooms = page.locator('[data-testid^="room-"]');
  await expect(rooms.first()).toBeVisible();
  for (const text of await rooms.allInnerTexts()) expect(text).toMatch(/^二号楼 3\d\d室/);

  // A free bed leads to admission with that bed chosen.
  await page.locator('[data-status="free"]').first().click();
  await expect(page.getByRole('heading', { name: '办理入住' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /^床位/ })).toHaveValue(/二号楼 3\d\d室/);

  // Search by pinyin initials and open a file.
  await page.getByRole('link', { name: '在院老人' }).click();
  const firstName = (await page.locator('tbody tr').first().locator('button').innerText()).trim();
  const total = await page.getByText(/^共 \d+ 人$/).innerText();
  await page.getByRole('textbox', { name: '搜索' }).fill(firstName.slice(0, 1));
  await expect(page.getByText(/^共 \d+ 人$/)).not.toHaveText(total);
  await expect(page.getByRole('button', { name: firstName })).toBeVisible();
  await shot(page, 'residents');
  await page.getByRole('button', { name: firstName }).click();
  await expect(page.getByRole('heading', { name: firstName })).toBeVisible();
  await expect(page.getByTestId('stay-history')).toContainText('入住');
  await expectAccessible(page, 'resident file');
  await shot(page, 'resident-file-demo');

  // Discharged residents' files stay readable.
  await page.getByRole('link', { name: '在院老人' }).click();
  await page.locator('label', { hasText: '已离院' }).click();
  await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();
  await page.locator('tbody tr').first().locator('button').click();
  await expect(page.getByTestId('resident-status')).toHaveText('已离院');
});

test('the browser host refuses a wrong token with a plain message', async ({ page, app, problems }) => {
  const response = await page.goto(`${app.origin}/?token=wrong`);
  expect(response?.status()).toBe(401);
  await expect(page.getByText('链接中的令牌不正确')).toBeVisible();
  // The browser logs the refused page (and its favicon) as failed loads: exactly what this test expects.
  expect(problems.every((p) => p.includes('401 (Unauthorized)'))).toBe(true);
  problems.splice(0);
});
