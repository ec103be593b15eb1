// The main pages on the screens people really have: the front-desk PC (1366×768, 1280×720 projector, old 1024×768)
// and a phone (390×844). Screenshots go to test-results/screenshots/sizes-<page>-<width>x<height>.png; the menu shows
// its current entry lit and in view at every desktop size.
import type { Page } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { ADMIN, type RunningApp, expect, pinIn, shot, signInWithPassword, startApp, test } from './fixtures';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

/** Goes to a page by its address and waits for its data (a heading, no spinner). */
async function open(page: Page, path: string) {
  await page.evaluate((hash) => (window.location.hash = hash), path);
  // The menu lights the entry in the same render as the new page: then the old page is gone.
  await expect(page.locator(`[aria-current="page"][data-menu-entry="${path}"]`)).toHaveCount(1);
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main h2').first()).toBeVisible();
}

/** Each page at each size, with the menu's lit entry checked on the desktop sizes. */
async function shootAtAllSizes(page: Page, pages: { name: string; path: string }[]) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const { name, path } of pages) {
      await open(page, path);
      if (size.width > 768) {
        const lit = page.getByRole('navigation', { name: '主导航' }).locator('[aria-current="page"]');
        await expect(lit).toHaveCount(1);
        await expect(lit).toBeInViewport();
      }
      await shot(page, `sizes-${name}-${size.width}x${size.height}`);
    }
  }
}

/** A caregiver on the shift that runs now in the demo centre, signed in with her PIN. */
async function caregiverOnShiftNow(app: RunningApp, page: Page) {
  const onDuty = await app.api<{ shifts: { shiftId: string; shiftDate: string }[] }>('roster.onDuty', {});
  const now = onDuty.shifts[0];
  expect(now, 'the demo centre has a shift running now').toBeDefined();
  const hired = await app.api<{ id: string }>('staff.hire', {
    name: '周小红',
    role: 'caregiver',
    hireDate: now!.shiftDate,
    accountRole: 'caregiver',
    pin: '246802',
  });
  await app.api('roster.assign', { staffId: hired.id, date: now!.shiftDate, shifts: [{ shiftId: now!.shiftId, area: [] }] });
  await pinIn(page, '周小红', '246802');
}

test('the main pages at 1366×768, 1280×720, 1024×768 and 390×844', async ({ page, app }) => {
  test.setTimeout(300_000);
  await app.api('system.loadDemo', {});
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await shootAtAllSizes(page, [
    { name: 'home', path: '/' },
    { name: 'bed-map', path: '/beds' },
    { name: 'residents', path: '/residents' },
    { name: 'roster', path: '/roster' },
    { name: 'elders', path: '/elders' },
    { name: 'visits', path: '/visits' },
  ]);

  // Folding a group the manager does not use is remembered; going to one of its pages unfolds it again.
  await page.setViewportSize(SIZES[0]!);
  const menu = page.getByRole('navigation', { name: '主导航' });
  const system = menu.getByRole('button', { name: '系统' });
  await expect(system).toHaveAttribute('aria-expanded', 'true');
  await system.click();
  await expect(system).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.getByRole('link', { name: '操作记录' })).toBeHidden();
  await open(page, '/beds');
  await expect(system).toHaveAttribute('aria-expanded', 'false');
  await open(page, '/audit');
  await expect(system).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('link', { name: '操作记录' })).toBeInViewport();

  await caregiverOnShiftNow(app, page);
  await shootAtAllSizes(page, [{ name: 'shift', path: '/shift' }]);
});

test('the county submission matrix at the four sizes', async ({ page, app }) => {
  test.setTimeout(240_000);
  // This browser host is the county's PC; the demo centre runs beside it and is enrolled through the API (the
  // enrolment itself, with its confirm step, is tested in sync.spec).
  const centre = await startApp();
  try {
    const clerk = new Session();
    const setup = await app.backend.dispatch(clerk, 'auth.setupAdmin', { ...ADMIN, pin: null, mode: 'county', countyCode: '411422', countyName: '睢县' });
    expect(setup.ok).toBe(true);
    const asClerk = async <T,>(method: string, input: unknown) => {
      const result = await app.backend.dispatch(clerk, method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    const countyStatus = await asClerk<{ fingerprint: string; keyFile: { text: string } }>('county.status', {});
    await centre.api('system.loadDemo', {});
    await centre.api('sync.importCountyKey', { text: countyStatus.keyFile.text });
    await centre.api('sync.confirmCountyKey', { fingerprint: countyStatus.fingerprint });
    const registration = await centre.api<{ text: string; fingerprint: string }>('sync.registrationFile', {});
    const enrolled = await asClerk<{ centreCode: string }>('county.enrol', { text: registration.text });
    await asClerk('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
  } finally {
    await centre.stop();
  }
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await shootAtAllSizes(page, [{ name: 'county-matrix', path: '/county' }]);
});
