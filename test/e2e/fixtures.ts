// Each test gets its own centre: a fresh data folder, the real backend and the real browser host on a free port.
// A test fails on any console error, page error, CSP violation, or serious accessibility problem on a page it checks.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { type Backend, startBackend } from '../../electron/backend/app';
import { LOCAL_OPERATOR } from '../../electron/backend/caller';
import { createWebHost, listenOnLoopback } from '../../electron/webhost/server';

export interface RunningApp {
  url: string;
  origin: string;
  backend: Backend;
}

const STATIC_DIR = path.resolve(__dirname, '../../out/renderer');

export const test = base.extend<{ app: RunningApp; problems: string[] }>({
  app: async ({}, use) => {
    if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) throw new Error('先构建界面：npm run build:renderer');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-e2e-'));
    const backend = await startBackend({ dataDir, checkOutput: true });
    const token = randomBytes(24).toString('base64url');
    const server = createWebHost({ dispatch: backend.dispatch, staticDir: STATIC_DIR, token, caller: LOCAL_OPERATOR });
    const port = await listenOnLoopback(server, 0);
    const origin = `http://127.0.0.1:${port}`;
    await use({ url: `${origin}/?token=${token}`, origin, backend });
    server.close();
    await backend.close();
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
      if (!r.url().startsWith(app.origin) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`);
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
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
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
export async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: new RegExp(`^${escapeRegExp(label)}( \\*)?$`) }).click();
  await page.getByRole('option', { name: option }).first().click();
}

export function shot(page: Page, name: string) {
  return page.screenshot({ path: path.resolve(__dirname, '../../test-results/screenshots', `${name}.png`), fullPage: true });
}
