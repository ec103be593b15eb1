// Each test gets its own centre: a fresh data folder, the real backend and the real browser host on a free port.
// A test fails on any console error, page error, CSP violation, or serious accessibility problem on a page it checks.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { type Backend, startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import { createWebHost, listenOnLoopback } from '../../electron/webhost/server';

export interface RunningApp {
  url: string;
  origin: string;
  backend: Backend;
  /** Calls the API as the administrator (creating that account on first use), for setting up a scene. */
  api<T = never>(method: string, input: unknown): Promise<T>;
  /** Fixes the backend's clock at an instant (ISO), or lets it run with the real time again (null). */
  setTime(iso: string | null): void;
}

export const ADMIN = { username: 'admin', displayName: '王院长', password: 'Anquan-2026', pin: '135790' };

const STATIC_DIR = path.resolve(__dirname, '../..', process.env.RENDERER_OUT_DIR ?? 'out/renderer');

/**
 * A fresh data folder (or the one given: a small disk of the test's own), the real backend and the browser host on a
 * free port; `stop` closes them.
 */
export async function startApp(options: { dataDir?: string } = {}): Promise<RunningApp & { stop(): Promise<void> }> {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) throw new Error('先构建界面：npm run build:renderer');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tc-e2e-'));
  let fixedAt: string | null = null;
  const clock = { now: () => (fixedAt ? new Date(fixedAt) : new Date()) };
  const backend = await startBackend({ dataDir, checkOutput: true, clock });
  const token = randomBytes(24).toString('base64url');
  const server = createWebHost({ dispatch: backend.dispatch, staticDir: STATIC_DIR, token });
  const port = await listenOnLoopback(server, 0);
  const origin = `http://127.0.0.1:${port}`;
  const admin = new Session();
  const api = async <T,>(method: string, input: unknown): Promise<T> => {
    if (!admin.user) {
      const needsSetup = ((await backend.dispatch(admin, 'auth.status', {})) as { value: { needsSetup: boolean } }).value.needsSetup;
      const first = needsSetup ? await backend.dispatch(admin, 'auth.setupAdmin', ADMIN) : await backend.dispatch(admin, 'auth.login', ADMIN);
      if (!first.ok) throw new Error(first.error.message);
    }
    const result = await backend.dispatch(admin, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const setTime = (iso: string | null) => {
    fixedAt = iso;
    // The scene-setting administrator keeps working across the jump (people at the PC sign in again).
    if (admin.user) admin.signIn(admin.user, clock.now());
  };
  const stop = async () => {
    server.close();
    await backend.close();
  };
  return { url: `${origin}/?token=${token}`, origin, backend, api, setTime, stop };
}

export const test = base.extend<{ app: RunningApp; problems: string[] }>({
  app: async ({}, use) => {
    const app = await startApp();
    await use(app);
    await app.stop();
  },
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, problems, app }, use) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      // A blob: of the app's own origin is a picture being shrunk in memory (a photo chosen for a form), not a request out.
      if (!r.url().startsWith(app.origin) && !r.url().startsWith(`blob:${app.origin}/`) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await use(page);
    expect(problems, 'console errors, page errors, CSP violations or foreign requests').toEqual([]);
  },
});

export { expect };

/** Serious and critical axe findings on the current page. */
export async function expectAccessible(page: Page, what: string) {
  // Judge the settled page: a notification half faded in is not a contrast problem. Wait until no transition runs
  // and every notification (with everything around it) is fully opaque.
  await page
    .waitForFunction(
      () => {
        const opaque = (el: Element | null): boolean => !el || (getComputedStyle(el).opacity === '1' && opaque(el.parentElement));
        return document.getAnimations().every((a) => a.playState !== 'running') && [...document.querySelectorAll('.mantine-Notification-root')].every(opaque);
      },
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => undefined); // then judge the page as it is
  // Pop-up notifications fade out on their own timer, often while axe is still running: they are left out here.
  const result = await new AxeBuilder({ page }).exclude('.mantine-Notifications-root').analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).slice(0, 3).join('; ')})`);
  expect(serious, `accessibility problems on ${what}`).toEqual([]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form field by its exact label; required fields carry a trailing " *". */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}( \\*)?$`));
}

/** Types a date into a Mantine DateInput and moves on, which closes its calendar. */
export async function fillDate(page: Page, label: string, value: string) {
  const input = field(page, label);
  await input.click();
  await input.fill(value);
  await input.press('Tab'); // not Escape: that would close the dialog around the field
}

/** Picks an option of a Mantine Select by its visible text. */
/** Closes the pop-up notifications, as a person does when one covers the field they want (Mantine pauses a
 *  notification's timer while the pointer rests on it, so one over the next field never goes by itself). */
export async function closeNotifications(page: Page) {
  const close = page.locator('.mantine-Notification-root .mantine-Notification-closeButton');
  for (let i = 0; i < 10 && (await close.count()) > 0; i++) await close.first().click({ timeout: 2_000 }).catch(() => undefined);
}

export async function choose(page: Page, label: string, option: string | RegExp) {
  await closeNotifications(page);
  await page.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option }).first().click();
}

export function shot(page: Page, name: string) {
  return page.screenshot({ path: path.resolve(__dirname, '../../test-results/screenshots', `${name}.png`), fullPage: true });
}

/** Signs in on the sign-in screen with user name and password. */
export async function signInWithPassword(page: Page, username: string, password: string) {
  await expect(page.getByRole('heading', { name: /请登录|屏幕已锁定/ })).toBeVisible();
  const switchLink = page.getByRole('button', { name: '用登录名和密码登录' });
  if (await switchLink.isVisible()) await switchLink.click();
  await field(page, '登录名').fill(username);
  await field(page, '密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Switches the shared PC to a person with their PIN, from the lock screen (locking first when someone is in). */
export async function pinIn(page: Page, name: string, pin: string, role = '护理员') {
  await page.goto(page.url().split('#')[0]);
  const lockOrLogin = page.getByRole('heading', { name: /屏幕已锁定|请登录/ });
  await expect(lockOrLogin.or(page.getByTestId('signed-in-user'))).toBeVisible();
  if (!(await lockOrLogin.isVisible())) await page.getByRole('button', { name: '锁屏/切换用户' }).click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.keyboard.type(pin);
  await expect(page.getByTestId('signed-in-user')).toHaveText(`${name}（${role}）`);
}
