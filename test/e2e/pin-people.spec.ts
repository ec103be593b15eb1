// A PIN-only caregiver's first shift: the manager adds her in one form (no password); she signs in on the number pad
// and lands on 本班任务; the screen idle-locks while she types vitals (and again in the incident dialog) and she finds
// them intact after her PIN; when someone else unlocks, her unsaved input is gone and one line says so.
import type { Locator, Page } from '@playwright/test';
import { ADMIN, expect, expectAccessible, field, signInWithPassword, test } from './fixtures';
import { validIdNumber } from '../helpers/ids';

const DAY = '2026-03-16'; // a Monday
const EARLY = '01900000-0000-7000-8000-000000000201';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();

/** Presses the PIN on the on-screen pad, key by key, as on a touch screen. */
async function padIn(overlay: Locator, pin: string) {
  for (const digit of pin) await overlay.getByRole('button', { name: digit, exact: true }).click();
}

async function lockByIdling(page: Page) {
  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  return page.getByTestId('lock-overlay');
}

/** Opens a menu entry, unfolding its group first when the menu is grouped and the group is folded. */
async function openMenu(page: Page, group: string, entry: string) {
  const link = page.getByRole('link', { name: entry });
  const heading = page.getByRole('button', { name: group, exact: true });
  await expect(async () => {
    if (!(await link.isVisible()) && (await heading.count()) === 1 && (await heading.getAttribute('aria-expanded')) === 'false') await heading.click();
    await expect(link).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await link.click();
}

async function look(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

test('a PIN-only caregiver: one form, the pad, straight to 本班任务, and the lock keeps her typing for her only', async ({ page, app }) => {
  test.setTimeout(120_000);
  app.setTime(at('10:00'));
  await page.clock.install({ time: new Date(at('10:00')) });
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  await app.api('residents.admit', {
    person: { name: '张三', idNumber: validIdNumber('1945-06-01'), primaryCategory: 'tekun_concentrated', contacts: [] },
    admission: { date: '2026-03-01', bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2027-02-28' },
  });
  const settings = await app.api<Record<string, unknown>>('settings.get', {});
  await app.api('settings.update', { ...settings, idleMinutes: 1 });

  // The manager adds 周桂兰 in one form: the person, her role and her PIN; no login name, no password.
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await openMenu(page, '员工', '员工档案');
  await page.getByRole('button', { name: '添加员工' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(field(dialog, '入职日期')).toHaveValue(DAY);
  await field(dialog, '姓名').fill('周桂兰');
  await expect(dialog.getByRole('radio', { name: '用PIN码登录' })).toBeChecked();
  await expect(field(dialog, '初始密码')).toHaveCount(0);
  await field(dialog, '6位数字PIN码').fill('2468');
  await look(page, 'new-person-form');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('PIN码应为6位数字')).toBeVisible();
  await field(dialog, '6位数字PIN码').fill('135790'); // the manager's own PIN
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('这个PIN码已被其他人使用，请换一个')).toBeVisible();
  await field(dialog, '6位数字PIN码').fill('246810');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('周桂兰 已添加，可以用PIN码登录了')).toBeVisible();
  await expect(page.getByRole('row', { name: /周桂兰/ })).toContainText('周桂兰');
  await expectAccessible(page, 'staff register after adding a PIN-only person');

  const staff = await app.api<{ id: string; name: string }[]>('staff.list', { includeLeft: false });
  await app.api('roster.assign', { staffId: staff.find((s) => s.name === '周桂兰')!.id, date: DAY, shifts: [{ shiftId: EARLY, area: [] }] });

  // She taps her name under 现在当班 and presses her PIN on the pad: straight to 本班任务, no password page.
  await page.getByRole('button', { name: '锁屏/切换用户' }).click();
  let overlay = page.getByTestId('lock-overlay');
  await expect(overlay.getByText('现在当班', { exact: true })).toBeVisible();
  await overlay.getByRole('button', { name: /周桂兰/ }).click();
  await expect(overlay.getByText('忘记PIN码？请找护理组长或院长重设（会记录在操作记录里）')).toBeVisible();
  await padIn(overlay, '24681');
  await overlay.getByRole('button', { name: '删除' }).click();
  await expect(overlay.getByRole('status')).toHaveAccessibleName('已输入 4 位，共6位');
  await padIn(overlay, '10');
  await expect(page.getByRole('heading', { name: `早班 07:00–15:00（${DAY}）` })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('周桂兰（护理员）');
  await expect(page.getByRole('heading', { name: '请设置新密码' })).toHaveCount(0);

  // She starts the vitals of 张三 and is called away before saving: the screen locks over her page.
  await page.getByRole('button', { name: /^张三/ }).click();
  await page.getByLabel('体温（℃）').fill('36.6');
  await page.getByLabel('收缩压（高压）（mmHg）').fill('128');
  overlay = await lockByIdling(page);
  await expect(page.getByTestId('app-root')).toHaveAttribute('inert', '');
  // Under the lock the page can be neither read (not in the accessibility tree) nor focused.
  await expect(page.getByRole('textbox', { name: '体温（℃）' })).toHaveCount(0);
  const focused = await page.getByLabel('体温（℃）').evaluate((input: HTMLInputElement) => (input.focus(), document.activeElement === input));
  expect(focused).toBe(false);
  await overlay.getByRole('button', { name: /周桂兰/ }).click();
  await expectAccessible(page, 'lock screen with the number pad');
  await page.setViewportSize({ width: 1366, height: 768 });
  await look(page, 'lock-pad-1366');
  await page.setViewportSize({ width: 390, height: 844 });
  await look(page, 'lock-pad-390');
  await page.setViewportSize({ width: 1366, height: 768 });
  await padIn(overlay, '246810');

  // The same person: every field as she left it.
  await expect(page.getByTestId('lock-overlay')).toHaveCount(0);
  await expect(page.getByLabel('体温（℃）')).toHaveValue('36.6');
  await expect(page.getByLabel('收缩压（高压）（mmHg）')).toHaveValue('128');

  // A dialog (it lives outside the page, in a portal) is kept for her as well, and is out of reach while locked.
  await page.getByRole('link', { name: /返回本班任务/ }).click();
  await page.getByRole('button', { name: '登记意外事件' }).click();
  await field(page.getByRole('dialog'), '经过（发生了什么）').fill('起身时滑倒，左膝擦伤');
  overlay = await lockByIdling(page);
  await expect(page.getByRole('dialog')).toHaveCount(1); // the lock itself; her dialog is hidden under it
  await overlay.getByRole('button', { name: /周桂兰/ }).click();
  await padIn(overlay, '246810');
  await expect(field(page.getByRole('dialog'), '经过（发生了什么）')).toHaveValue('起身时滑倒，左膝擦伤');

  // Locked again; this time the manager unlocks with his PIN: her typing is gone, and one line says so.
  overlay = await lockByIdling(page);
  await overlay.getByRole('button', { name: /王院长/ }).click();
  await page.keyboard.type(ADMIN.pin);
  await expect(page.getByTestId('signed-in-user')).toHaveText('王院长（管理员）');
  await expect(page.getByText('上一位（周桂兰）没保存的内容已清除')).toBeVisible();
  const typed = await page.evaluate(() => [...document.querySelectorAll('input, textarea')].map((i) => (i as HTMLInputElement).value).join('|'));
  expect(typed).not.toContain('起身时滑倒');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
