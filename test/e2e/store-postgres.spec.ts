// The county store on a real PostgreSQL server (issue 20), through the screens: a county PC's first run chooses the
// server (a wrong password refused with its plain message, nothing changed; the right one checked, then connected),
// sets up its administrator there and lands on the county's home page; a second county PC (its own data folder)
// connects to the same server and signs in with the first one's account; a third PC whose server cannot be reached at
// start shows why (no backup restore offered), its connection is corrected there, and it signs in. The 数据备份 page
// shows where the data is and goes back to the file. A county that began on this PC's file moves onto an empty server
// from the 数据备份 page (its data copied, after a confirmation saying so) and signs in there with the same account.
// Each screen is photographed at 1366×768, 1280×720, 1024×768 and 390×844.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { type Backend, startBackend } from '../../electron/backend/app';
import { Session } from '../../electron/backend/security/session';
import { createWebHost, listenOnLoopback } from '../../electron/webhost/server';
import { type TestDatabase, type ThrowawayPostgres, createTestDatabase, startThrowawayPostgres } from '../helpers/postgres-server';
import { closeNotifications, expect, expectAccessible, field, signInWithPassword, test } from './fixtures';

const STATIC_DIR = path.resolve(__dirname, '../..', process.env.RENDERER_OUT_DIR ?? 'out/renderer');
const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const CLERK = { displayName: '刘科长', username: 'county', password: 'Anquan-2026' };

interface Host {
  url: string;
  origin: string;
  dataDir: string;
  backend: Backend;
  stop(): Promise<void>;
}

/** A county PC: the real backend on its own data folder and the browser host on a free port. */
async function startHost(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-e2e-store-'))): Promise<Host> {
  const backend = await startBackend({ dataDir, checkOutput: true });
  const token = randomBytes(24).toString('base64url');
  const server = createWebHost({ dispatch: backend.dispatch, staticDir: STATIC_DIR, token });
  const port = await listenOnLoopback(server, 0);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    dataDir,
    backend,
    stop: async () => {
      server.close();
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A page of its own (a separate PC) that fails the test on any console or page error. */
async function pcPage(browser: Browser, problems: string[]): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } })).newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return page;
}

/** The screen at 1366×768, 1280×720, 1024×768 and at 390×844 (a phone), settled; the whole page, or the window with a dialog open. */
async function shots(page: Page, name: string) {
  const dialog = (await page.getByRole('dialog').count()) > 0;
  for (const [w, h] of [
    [1366, 768],
    [1280, 720],
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: path.join(SHOTS, `store-${name}-${w}.png`), fullPage: !dialog });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function fillServer(page: Page, db: TestDatabase, password: string) {
  await field(page, '服务器地址').fill(db.host);
  await field(page, '端口').fill(String(db.port));
  await field(page, '数据库名').fill(db.database);
  await field(page, '用户名').fill(db.user);
  await field(page, '密码').fill(password);
}

async function chooseCountyOnServer(page: Page) {
  await page.locator('label.mantine-SegmentedControl-label', { hasText: '民政部门汇总各院月报' }).click();
  // The file on this PC is the default; the server is a deliberate choice.
  await expect(page.getByRole('radio', { name: /本机（一台电脑使用，默认）/ })).toBeChecked();
  await page.getByRole('radio', { name: /PostgreSQL 数据库服务器/ }).click();
  // Encrypted is the default, and the administrator's form waits for the server.
  await expect(page.getByRole('radio', { name: /必须加密/ })).toBeChecked();
  await expect(page.getByRole('button', { name: '创建管理员并登录' })).toHaveCount(0);
}

let server: ThrowawayPostgres;
let db: TestDatabase;

test.beforeAll(async () => {
  server = await startThrowawayPostgres({ tls: true });
  db = await createTestDatabase(server, 'tc_e2e_store');
});

test.afterAll(async () => {
  await server?.stop();
});

test('two county PCs share one PostgreSQL store; a PC whose server is unreachable says so and is put right', async ({ page, app, browser }) => {
  test.setTimeout(240_000);
  // The first PC is the fixture's own host (its page fails the test on any console error or foreign request).
  const first = { url: app.url, dataDir: app.backend.holder.dataDir };
  const second = await startHost();
  const problems: string[] = [];
  const secondPage = await pcPage(browser, problems);
  let third: Host | null = null;
  try {
    // First PC, first run: county, on the server.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(first.url);
    await chooseCountyOnServer(page);
    await fillServer(page, db, 'not-the-password');
    await shots(page, 'first-run-form');
    await field(page, '密码').press('Enter'); // Enter checks the server (it does not submit the administrator's form)
    const refusal = page.getByTestId('store-error');
    await expect(refusal).toContainText('密码不对');
    await expect(refusal).toContainText(`${db.host}:${db.port}/${db.database}`);
    await expectAccessible(page, 'the first run, server refused');
    await shots(page, 'first-run-wrong-password');
    // Nothing changed: this PC still keeps its data in the file, and 连接并使用 refuses the same way.
    expect(fs.existsSync(path.join(first.dataDir, 'data', 'store.json'))).toBe(false);
    await page.getByRole('button', { name: '连接并使用' }).click();
    await expect(refusal).toContainText('密码不对');
    expect(fs.existsSync(path.join(first.dataDir, 'data', 'store.json'))).toBe(false);

    await field(page, '密码').fill(db.password);
    await expect(refusal).toHaveCount(0); // the refusal was about the details changed since
    await page.getByRole('button', { name: '检查连接' }).click();
    const checked = page.getByTestId('store-check');
    await expect(checked).toContainText('这里还没有县级数据，连接时将建立县级数据库');
    await expect(checked).toContainText('连接已加密');
    await shots(page, 'first-run-checked');
    await page.getByRole('button', { name: '连接并使用' }).click();

    // Connected to an empty store: the usual administrator's setup follows, made on the server.
    await expect(page.getByTestId('store-first-run-connected')).toContainText(`已连接 ${db.host}:${db.port}/${db.database}`);
    const storeKind = () => JSON.parse(fs.readFileSync(path.join(first.dataDir, 'data', 'store.json'), 'utf8')).kind;
    expect(storeKind()).toBe('postgres');
    // Changed their mind: back to this PC's file (nothing set up anywhere yet), then the server again — 连接并使用
    // straight away this time (it checks first by itself).
    await page.getByRole('button', { name: '不用服务器，改回存放在本机' }).click();
    await expect(page.getByRole('radio', { name: /本机（一台电脑使用，默认）/ })).toBeChecked();
    await expect(page.getByRole('button', { name: '创建管理员并登录' })).toBeVisible();
    expect(storeKind()).toBe('sqlite');
    await page.getByRole('radio', { name: /PostgreSQL 数据库服务器/ }).click();
    await fillServer(page, db, db.password);
    await page.getByRole('button', { name: '连接并使用' }).click();
    await expect(page.getByTestId('store-first-run-connected')).toContainText(`已连接 ${db.host}:${db.port}/${db.database}`);
    expect(storeKind()).toBe('postgres');
    // The code says which area this PC gathers, and the name field follows it: a prefecture's 4 digits, then a county's 6.
    const level = page.getByTestId('first-run-area-level');
    await expect(level).toHaveCount(0);
    await field(page, '汇总范围的行政区划代码').fill('4114');
    await expect(level).toHaveText('4位：地市级汇总，汇总本市各县敬老院的月报');
    await expect(field(page, '地市名称')).toBeVisible();
    await shots(page, 'first-run-prefecture');
    await field(page, '汇总范围的行政区划代码').fill('411422');
    await expect(level).toHaveText('6位：县级汇总，汇总本县各敬老院的月报');
    await field(page, '县（市、区）名称').fill('睢县');
    await field(page, '姓名').fill(CLERK.displayName);
    await field(page, '登录名').fill(CLERK.username);
    await field(page, '密码').fill(CLERK.password);
    await field(page, '再输一次密码').fill(CLERK.password);
    await expectAccessible(page, 'the first run, connected');
    await shots(page, 'first-run-connected');
    await page.getByRole('button', { name: '创建管理员并登录' }).click();
    await expect(page.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();

    // The 数据备份 page says where the data is: the server, its user, the encryption; backups are pg_dump archives.
    await page.evaluate(() => (window.location.hash = '#/backup'));
    const card = page.getByTestId('store-card');
    await expect(card.getByTestId('store-kind')).toHaveText('PostgreSQL 服务器');
    await expect(card.getByTestId('store-connection')).toContainText(`${db.host}:${db.port}/${db.database}`);
    await expect(card.getByTestId('store-connection')).toContainText('必须加密');
    await expect(page.getByText(/备份是用 pg_dump 导出的服务器上县级数据的完整存档/)).toBeVisible(); // pg_dump archives
    await expectAccessible(page, 'the store card on a server');
    await shots(page, 'card-postgres');

    // Second PC, its own data folder: the same server, which has a county now → sign in with the first one's account.
    await secondPage.goto(second.url);
    await chooseCountyOnServer(secondPage);
    await fillServer(secondPage, db, db.password);
    await secondPage.getByRole('button', { name: '检查连接' }).click();
    await expect(secondPage.getByTestId('store-check')).toContainText('这里已有「睢县」的县级数据');
    await expect(secondPage.getByTestId('store-check')).toContainText('1 个账号');
    await expect(secondPage.getByTestId('store-check')).toContainText('连接后用那里的账号登录');
    await shots(secondPage, 'first-run-existing');
    await secondPage.getByRole('button', { name: '连接并使用' }).click();
    await expect(secondPage.getByText(/那里已有县级数据和账号。请用那里的账号登录/)).toBeVisible();
    await shots(secondPage, 'sign-in-after-connect');
    await signInWithPassword(secondPage, CLERK.username, CLERK.password);
    await expect(secondPage.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();
    await expect(secondPage.getByTestId('signed-in-user')).toContainText(CLERK.displayName);

    // Third PC: its settings name the server on a port where nobody listens (the server is "down").
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-e2e-store-'));
    fs.mkdirSync(path.join(dataDir, 'data'), { recursive: true });
    const closedPort = await freePort();
    const connection = { host: db.host, port: closedPort, database: db.database, user: db.user, sslmode: 'require' };
    fs.writeFileSync(path.join(dataDir, 'data', 'store.json'), JSON.stringify({ kind: 'postgres', connection, password: { protection: 'none', value: db.password } }));
    third = await startHost(dataDir);
    const thirdPage = await pcPage(browser, problems);
    await thirdPage.goto(third.url);
    await expect(thirdPage.getByRole('heading', { name: '连不上县级数据库服务器' })).toBeVisible();
    await expect(thirdPage.getByTestId('store-problem')).toContainText(`连不上数据库服务器 ${db.host}:${closedPort}`);
    await expect(thirdPage.getByTestId('store-connection')).toContainText(`${db.host}:${closedPort}/${db.database}`);
    // No backup is offered for a server's data.
    await expect(thirdPage.getByRole('button', { name: /恢复/ })).toHaveCount(0);
    await thirdPage.getByRole('button', { name: '重试' }).click();
    await expect(thirdPage.getByText(/仍然连不上/)).toBeVisible();
    await expectAccessible(thirdPage, 'the server unreachable at start');
    await shots(thirdPage, 'unreachable');
    await thirdPage.getByRole('button', { name: '修改连接' }).click();
    await expect(field(thirdPage, '服务器地址')).toHaveValue(db.host);
    await expect(field(thirdPage, '端口')).toHaveValue(String(closedPort));
    await field(thirdPage, '端口').fill(String(db.port));
    await field(thirdPage, '密码').fill(db.password);
    await field(thirdPage, '密码').press('Enter'); // Enter in a field checks
    await expect(thirdPage.getByTestId('store-check')).toContainText('这里已有「睢县」的县级数据');
    await expectAccessible(thirdPage, 'the connection corrected at start');
    await shots(thirdPage, 'unreachable-edit');
    await thirdPage.getByRole('button', { name: '连接并使用' }).click();
    await signInWithPassword(thirdPage, CLERK.username, CLERK.password);
    await expect(thirdPage.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();

    // Back to the file on the second PC: the server's data stays there; this PC signs in again (its file is new).
    await secondPage.evaluate(() => (window.location.hash = '#/backup'));
    await closeNotifications(secondPage); // the message at its sign-in, read already
    await secondPage.getByRole('button', { name: '改回本机文件…' }).click();
    const dialog = secondPage.getByRole('dialog');
    await expect(dialog).toContainText(`服务器 ${db.host}:${db.port}/${db.database} 上的数据留在那里，不会删除`);
    await expectAccessible(secondPage, 'the confirmation to go back to the file');
    await shots(secondPage, 'confirm-file');
    await dialog.getByRole('button', { name: '确认，改回本机文件' }).click();
    await expect(secondPage.getByText(/数据已改回存放在本机文件/)).toBeVisible();
    await expect(secondPage.getByRole('heading', { name: '第一次使用：创建管理员账号' })).toBeVisible();
    expect(JSON.parse(fs.readFileSync(path.join(second.dataDir, 'data', 'store.json'), 'utf8')).kind).toBe('sqlite');
    // The first PC still works on the server.
    await page.reload();
    await expect(page.getByTestId('store-kind')).toHaveText('PostgreSQL 服务器');
    await page.evaluate(() => (window.location.hash = '#/county'));
    await expect(page.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    // The pages go first: a request still under way when its backend closes is only noise in the log.
    await Promise.all(browser.contexts().map((c) => (c === page.context() ? undefined : c.close())));
    await third?.stop();
    await second.stop();
  }
});

test('a county kept in this PC\'s file moves onto an empty server from the 数据备份 page, its data copied', async ({ browser }) => {
  test.setTimeout(120_000);
  const empty = await createTestDatabase(server, 'tc_e2e_move');
  const host = await startHost();
  const problems: string[] = [];
  try {
    // A county set up on this PC's file, as before issue 20.
    const setup = await host.backend.dispatch(new Session(), 'auth.setupAdmin', { ...CLERK, pin: null, mode: 'county', countyCode: '411422', countyName: '睢县' });
    expect(setup.ok).toBe(true);
    const page = await pcPage(browser, problems);
    await page.goto(host.url);
    await signInWithPassword(page, CLERK.username, CLERK.password);
    await expect(page.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();
    await page.evaluate(() => (window.location.hash = '#/backup'));
    const card = page.getByTestId('store-card');
    await expect(card.getByTestId('store-kind')).toHaveText('本机文件');
    await expectAccessible(page, 'the store card on the file');
    await shots(page, 'card-file');

    await card.getByRole('button', { name: '改为存放到数据库服务器…' }).click();
    await fillServer(page, empty, empty.password);
    await card.getByRole('button', { name: '检查连接' }).click();
    await expect(card.getByTestId('store-check')).toContainText('本机现有的县级数据（账号、机构登记、数据包、操作记录）会全部复制到服务器');
    await expectAccessible(page, 'the store card, checked');
    await shots(page, 'card-form-checked');
    await card.getByRole('button', { name: '连接并使用' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('会全部复制到服务器，本机文件保留不动');
    await expect(dialog).toContainText('所有人需要重新登录');
    await expectAccessible(page, 'the confirmation to move onto the server');
    await shots(page, 'confirm-postgres');
    await dialog.getByRole('button', { name: '确认，连接并使用' }).click();

    // Signed out; the same account is on the server now.
    await expect(page.getByText(`数据已改为存放在数据库服务器 ${empty.host}:${empty.port}/${empty.database}`)).toBeVisible();
    await signInWithPassword(page, CLERK.username, CLERK.password);
    // Back where they were: the 数据备份 page, which now says the server.
    await expect(page.getByTestId('store-kind')).toHaveText('PostgreSQL 服务器');
    expect(host.backend.holder.postgres).not.toBeNull();
    await page.evaluate(() => (window.location.hash = '#/county'));
    await expect(page.getByRole('heading', { name: '各院月报报送情况' })).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await Promise.all(browser.contexts().map((c) => c.close()));
    await host.stop();
  }
});
