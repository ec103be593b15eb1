// The shared PC: roles decide what a person sees; the screen locks when idle; a caregiver switches in with a PIN.
import { ADMIN, expect, expectAccessible, field, shot, signInWithPassword, test } from './fixtures';

test('a caregiver sees no admission page, not even by typing its address', async ({ page, app }) => {
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  await app.api('users.create', { username: 'zhang', displayName: '张护理', role: 'caregiver', password: 'Temp-password-1', pin: null });

  await page.goto(app.url);
  await signInWithPassword(page, 'zhang', 'Temp-password-1');
  // A password set by the administrator must be replaced first.
  await expect(page.getByRole('heading', { name: '请设置新密码' })).toBeVisible();
  await field(page, '当前密码').fill('Temp-password-1');
  await field(page, '新密码').fill('Zhang-own-2026');
  await field(page, '再输一次密码').fill('Zhang-own-2026');
  await page.getByRole('button', { name: '修改密码' }).click();

  await expect(page.getByTestId('signed-in-user')).toHaveText('张护理（护理员）');
  // A grouped menu shows the entries of a group once it is unfolded.
  await expect(page.getByRole('link', { name: '在院老人' })).toBeVisible();
  await expect(page.getByRole('link', { name: '办理入住' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '账号管理' })).toHaveCount(0);
  await page.goto(`${app.origin}/#/admit`);
  await expect(page.getByText('您的角色没有权限打开这个页面。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认入住' })).toHaveCount(0);
});

test('wrong passwords are refused plainly and the account locks', async ({ page, app }) => {
  await app.api('auth.status', {});
  await page.goto(app.url);
  for (let i = 0; i < 4; i++) {
    await signInWithPassword(page, ADMIN.username, 'wrong-password');
    await expect(page.getByRole('alert')).toContainText(`登录名或密码不正确（再错 ${4 - i} 次将锁定账号）`);
  }
  await signInWithPassword(page, ADMIN.username, 'wrong-password');
  await expect(page.getByRole('alert')).toContainText('账号已锁定 15 分钟');
});

test('the screen locks when idle, and a caregiver switches in with a PIN', async ({ page, app }) => {
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  await app.api('settings.update', { idleMinutes: 1, lockoutAttempts: 5, lockoutMinutes: 15, passwordMinLength: 8, retentionYears: 5 });
  const { id } = await app.api<{ id: string }>('users.create', { username: 'li', displayName: '李护理', role: 'caregiver', password: 'Temp-password-1', pin: '246810' });
  expect(id).toBeTruthy();

  await page.clock.install();
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText('王院长（管理员）');

  await page.clock.fastForward('01:05');
  await expect(page.getByRole('heading', { name: '屏幕已锁定' })).toBeVisible();
  await expect(page.getByText('王院长 离开后自动锁定')).toBeVisible();
  await expect(page.getByText(/今天登录过：.*王院长/)).toBeVisible();
  await expectAccessible(page, 'lock screen');
  await shot(page, 'lock-screen');

  // Two steps: the name, then the PIN (typed here; the number pad is tested in pin-people.spec.ts).
  await page.getByRole('button', { name: /李护理/ }).click();
  await expect(page.getByText('忘记PIN码？请找护理组长或院长重设（会记录在操作记录里）')).toBeVisible();
  await page.keyboard.type('111111');
  await expect(page.getByRole('alert')).toContainText('PIN码不正确');
  await page.keyboard.type('246810');
  // A PIN sign-in goes straight to work: the temporary password is only for a password sign-in.
  await expect(page.getByTestId('signed-in-user')).toHaveText('李护理（护理员）');
  await expect(page.getByRole('heading', { name: '请设置新密码' })).toHaveCount(0);
  await expect(page.getByText('上一位（王院长）没保存的内容已清除')).toBeVisible();
});

test('an account the administrator disables elsewhere is signed out at its next step, and the sign-in screen says why', async ({ page, app }) => {
  await app.api('facility.save', { name: '测试镇敬老院', creditCode: '52320102MJ1234567X', areaCode: '320102001000', county: '测试县', township: '测试镇', type: 'township_home', licensedBeds: 10 });
  const { id } = await app.api<{ id: string }>('users.create', { username: 'zhao', displayName: '赵护理', role: 'caregiver', password: 'Temp-password-1', pin: null });
  await page.goto(app.url);
  await signInWithPassword(page, 'zhao', 'Temp-password-1');
  await field(page, '当前密码').fill('Temp-password-1');
  await field(page, '新密码').fill('Zhao-own-2026');
  await field(page, '再输一次密码').fill('Zhao-own-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByTestId('signed-in-user')).toHaveText('赵护理（护理员）');

  // The administrator, at another screen (another PC on a shared county store), disables the account.
  await app.api('users.update', { id, displayName: '赵护理', role: 'caregiver', disabled: true });
  await page.getByRole('link', { name: '在院老人' }).click();
  await expect(page.getByRole('heading', { name: '请登录' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '您的账号已被管理员停用，已退出登录。如有疑问请联系管理员' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await expectAccessible(page, 'signed out: account disabled');
  await shot(page, 'signed-out-disabled');
  await signInWithPassword(page, 'zhao', 'Zhao-own-2026');
  await expect(page.getByRole('alert').filter({ hasText: '登录名或密码不正确' })).toBeVisible();
});
