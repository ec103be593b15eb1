// The data disk running out of room (issue 25), on a real small disk: a tmpfs mounted as the data folder, the real
// backend and the real browser. Yellow: the manager is warned on the home page before the disk is full (with what to
// do), nobody else is bothered. Red: below 200 MB everyone signed in sees it on every page — a caregiver in plain
// words, the manager with the details. Full: a save says the disk is full and names the data folder, reading still
// works, and after room is freed 再检查 clears the notice and the same save goes through.
// Screenshots: test-results/screenshots/disk-*.png.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { DiskStatus } from '@shared/api/disk';
import { MB, formatBytes } from '@shared/domain/disk/bytes';
import { chinaDate } from '@shared/domain/dates';
import { computeCheckChar } from '@shared/domain/id-number';
import { PROFILE } from '../helpers/centre';
import { NO_TMPFS_REASON } from '../helpers/small-disk';
import { ADMIN, type RunningApp, closeNotifications, expect, expectAccessible, pinIn, shot, signInWithPassword, startApp, test } from './fixtures';

const canMount = NO_TMPFS_REASON === null;
const NEEDS_ROOT = `跳过硬盘空间的界面测试：${NO_TMPFS_REASON} / disk-space E2E skipped: no tmpfs can be mounted here (needs root and the right to mount)`;
if (!canMount) console.log(`[disk-space] ${NEEDS_ROOT}`);

/**
 * The app on a small disk of its own: a tmpfs of `diskMegabytes` mounted on a fresh folder, which is the data folder.
 * The backend is stopped and the tmpfs unmounted after the test, whatever happened in it.
 */
const onSmallDisk = test.extend<{ diskMegabytes: number; disk: string }>({
  diskMegabytes: [900, { option: true }],
  disk: async ({ diskMegabytes }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${diskMegabytes}m`, 'tmpfs', dir]);
    try {
      await use(dir);
    } finally {
      execFileSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  app: async ({ disk }, use) => {
    const app = await startApp({ dataDir: disk });
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },
});

onSmallDisk.skip(!canMount, NEEDS_ROOT);

const CAREGIVER = { name: '周桂兰', pin: '246810' };

/** A centre with one resident and a caregiver who signs in with her PIN only (no password). */
async function centre(app: RunningApp): Promise<{ residentId: string }> {
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  const { id: residentId } = await app.api<{ id: string }>('residents.admit', {
    person: { name: '张秀英', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated' },
    admission: { date: chinaDate(new Date()), bedId: map.rooms[0]!.beds[0]!.id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });
  await app.api('staff.hire', { name: CAREGIVER.name, role: 'caregiver', hireDate: chinaDate(new Date()), accountRole: 'caregiver', pin: CAREGIVER.pin });
  return { residentId };
}

/** Goes to a page by its address and waits until it has drawn (its heading, no spinner). */
async function open(page: Page, hashPath: string) {
  await page.evaluate((hash) => (window.location.hash = hash), hashPath);
  await expect(page.locator(`[aria-current="page"][data-menu-entry="${hashPath}"]`)).toHaveCount(1);
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main h2').first()).toBeVisible();
}

/** The manager at the front-desk PC (1366×768) signs in with her password. */
async function managerSignsIn(page: Page, app: RunningApp) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
}

/** The figures the notice shows: the backend's last look at the disk (what the page asked for too). */
const lastCheck = (app: RunningApp) => app.api<DiskStatus>('disk.status', { fresh: false });

/** The manager's part of the notice: the data folder, what uses the room, what to do, and 再检查. */
async function expectDetails(page: Page, disk: string) {
  const notice = page.getByTestId('disk-notice');
  await expect(notice).toContainText(`数据文件夹：${disk}（硬盘共`);
  await expect(notice).toContainText('数据文件夹里占空间的：');
  await expect(notice.getByRole('listitem')).toHaveCount(3);
  await expect(notice.getByRole('listitem').nth(0)).toContainText(/^数据库 [\d.]+ (KB|MB)/);
  await expect(notice.getByRole('listitem').nth(1)).toContainText(/^自动备份 /);
  await expect(notice.getByRole('listitem').nth(2)).toContainText(/^导出的月报数据包 /);
  await expect(notice).toContainText('怎么办：删除这台电脑上不用的文件');
  await expect(notice.getByTestId('disk-recheck')).toHaveText('腾出空间后，再检查一次');
}

/** The notice fits the screen: nothing wider than the window, and its title is not broken one character a line. */
async function expectNoticeFits(page: Page) {
  const notice = page.getByTestId('disk-notice');
  const width = page.viewportSize()!.width;
  const box = (await notice.boundingBox())!;
  expect(box.x, 'the notice starts on the screen').toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, 'the notice ends on the screen').toBeLessThanOrEqual(width);
  const title = notice.locator('.mantine-Alert-title');
  const titleBox = (await title.boundingBox())!;
  expect(titleBox.width, 'the title has room for several characters a line').toBeGreaterThan(120);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(width);
}

/** Fills the disk to its last byte (big pieces, then pages), as downloaded videos do on a front-desk PC. */
function fillDisk(disk: string): string {
  const folder = path.join(disk, '下载的视频');
  fs.mkdirSync(folder);
  let n = 0;
  for (const size of [MB, 4096, 512]) {
    for (;;) {
      const file = path.join(folder, `视频-${n++}.mp4`);
      try {
        fs.writeFileSync(file, Buffer.alloc(size, 7));
      } catch (error) {
        fs.rmSync(file, { force: true });
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        break;
      }
    }
  }
  const s = fs.statfsSync(disk);
  expect(s.bavail * s.bsize, 'the disk is full').toBe(0);
  return folder;
}

/** A photo of noise, drawn by the browser (a camera picture does not compress much either). */
async function noisePhoto(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 480;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(canvas.width, canvas.height);
    for (let i = 0; i < image.data.length; i++) image.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    context.putImageData(image, 0, 0);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  return { name: '张秀英.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

/** On the resident's page: 修改档案 and a photo chosen (the form shows the full ID number: opening it is recorded). */
async function editWithPhoto(page: Page) {
  await closeNotifications(page);
  await page.getByRole('button', { name: '修改档案' }).click();
  const dialog = page.getByRole('dialog', { name: '修改档案' });
  await expect(dialog).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: '选择照片' }).click();
  await (await chooser).setFiles(await noisePhoto(page));
  await expect(dialog.getByRole('img', { name: '照片' })).toBeVisible();
  return dialog;
}

/** 保存 in the open form: which notification came, saved or not saved. */
async function save(page: Page): Promise<'saved' | 'refused'> {
  const dialog = page.getByRole('dialog', { name: '修改档案' });
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  // 已保存 is the whole of the success message (the refusal says 已保存的记录不受影响 too).
  const saved = page.locator('.mantine-Notification-description').getByText('已保存', { exact: true });
  const refused = page.locator('.mantine-Notification-title').getByText('未保存', { exact: true });
  await expect(saved.or(refused).first()).toBeVisible();
  if ((await refused.count()) > 0) return 'refused';
  await expect(dialog).toBeHidden();
  await closeNotifications(page);
  return 'saved';
}

onSmallDisk.describe('yellow: the manager is told on the home page before the disk is full', () => {
  onSmallDisk.use({ diskMegabytes: 900 });

  onSmallDisk('a 900 MB disk: the manager sees the notice with what to do; other pages and the caregiver do not', async ({ page, app, disk }) => {
    onSmallDisk.setTimeout(120_000);
    await centre(app);
    await managerSignsIn(page, app);

    const status = await lastCheck(app);
    expect(status.level).toBe('low');
    expect(status.folder).toBe(disk);
    const notice = page.getByTestId('disk-notice');
    await expect(notice).toHaveAttribute('data-level', 'low');
    await expect(notice).toContainText('电脑硬盘的空间不多了');
    await expect(notice).toContainText(`存放数据的硬盘还剩 ${formatBytes(status.freeBytes)}，少于提醒线 1 GB。`);
    await expectDetails(page, disk);
    await expectNoticeFits(page);
    await expectAccessible(page, 'home page with the yellow disk notice');
    await shot(page, 'disk-yellow-manager-home-1366x768');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoticeFits(page);
    await shot(page, 'disk-yellow-manager-home-390x844');
    await page.setViewportSize({ width: 1366, height: 768 });

    // Only on the home page: the manager is not reminded on every form.
    await open(page, '/settings');
    await expect(page.getByRole('heading', { name: '系统设置' }).first()).toBeVisible();
    await expect(notice).toHaveCount(0);
    await open(page, '/residents');
    await expect(notice).toHaveCount(0);

    // A caregiver has nothing to do about it: no notice for her, on her page or the home page.
    await pinIn(page, CAREGIVER.name, CAREGIVER.pin);
    await expect(page.locator('main h2').first()).toBeVisible();
    await expect(notice).toHaveCount(0);
    await page.evaluate(() => (window.location.hash = '/'));
    await expect(page.locator('main h2').first()).toBeVisible();
    await expect(notice).toHaveCount(0);
  });
});

onSmallDisk.describe('red: below 200 MB everyone signed in is told', () => {
  onSmallDisk.use({ diskMegabytes: 150 });

  onSmallDisk('a 150 MB disk: the caregiver sees plain words; the manager sees it on every page, the details on the home page', async ({ page, app, disk }) => {
    onSmallDisk.setTimeout(150_000);
    await centre(app);
    await managerSignsIn(page, app);

    const status = await lastCheck(app);
    expect(status.level).toBe('critical');
    const notice = page.getByTestId('disk-notice');
    const criticalWords = `存放数据的硬盘只剩 ${formatBytes(status.freeBytes)}（少于 200 MB）。请马上告诉院长或维护人员腾出空间。已保存的记录不受影响。`;
    const managerWords = `存放数据的硬盘只剩 ${formatBytes(status.freeBytes)}（少于 200 MB）。请马上腾出空间，或联系维护人员。已保存的记录不受影响。`;
    for (const [hashPath, name] of [
      ['/', 'home'],
      ['/residents', 'residents'],
      ['/settings', 'settings'],
    ] as const) {
      await open(page, hashPath);
      await expect(notice).toHaveAttribute('data-level', 'critical');
      await expect(notice).toContainText('电脑硬盘快满了，新的记录可能保存不了');
      await expect(notice).toContainText(managerWords);
      if (name === 'home') await expectDetails(page, disk);
      else {
        // Half a screen of details on every form would be too much: a way to them instead.
        await expect(notice.getByTestId('disk-recheck')).toHaveCount(0);
        await expect(notice.getByTestId('disk-details-link')).toHaveText('看占空间的是什么、怎么办');
      }
      await expectNoticeFits(page);
      await expectAccessible(page, `${name} with the red disk notice (manager)`);
      if (name === 'home') {
        await shot(page, 'disk-red-manager-home-1366x768');
        await page.setViewportSize({ width: 390, height: 844 });
        await expectNoticeFits(page);
        await shot(page, 'disk-red-manager-home-390x844');
        await page.setViewportSize({ width: 1366, height: 768 });
      }
    }
    await shot(page, 'disk-red-manager-settings-1366x768');
    // On paper (a ledger printed while the disk is nearly full) the notice is not there.
    await page.emulateMedia({ media: 'print' });
    await expect(notice).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await expect(notice).toBeVisible();

    // The caregiver, with her PIN only: the same red words, nothing about folders or buttons she cannot act on.
    await pinIn(page, CAREGIVER.name, CAREGIVER.pin);
    await expect(page.locator('main h2').first()).toBeVisible();
    await expect(notice).toHaveAttribute('data-level', 'critical');
    await expect(notice).toContainText('电脑硬盘快满了，新的记录可能保存不了');
    await expect(notice).toContainText(criticalWords);
    await expect(notice).not.toContainText('数据文件夹');
    await expect(notice).not.toContainText(disk);
    await expect(notice.getByTestId('disk-recheck')).toHaveCount(0);
    await expect(notice.getByRole('listitem')).toHaveCount(0);
    await expectAccessible(page, 'caregiver page with the red disk notice');
    await closeNotifications(page); // 上一位…没保存的内容已清除, over the header
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1024, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await expectNoticeFits(page);
      await shot(page, `disk-red-caregiver-${size.width}x${size.height}`);
    }
  });
});

onSmallDisk.describe('full: a save says the disk is full, and works again once there is room', () => {
  onSmallDisk.use({ diskMegabytes: 300 });

  onSmallDisk('a full disk names the data folder; reading works; after freeing room, 再检查 and the same save succeed', async ({ page, app, disk }) => {
    onSmallDisk.setTimeout(180_000);
    const { residentId } = await centre(app);
    await managerSignsIn(page, app);
    await open(page, '/residents');
    await page.evaluate((hash) => (window.location.hash = hash), `/residents/${residentId}`);
    await expect(page.getByRole('button', { name: '修改档案' })).toBeVisible();

    // The manager is adding her photo when downloads fill the disk to its last byte. The database may still have room
    // in its write-ahead log for a small write, so she tries again until the disk refuses (a few photos at most).
    await editWithPhoto(page);
    const videos = fillDisk(disk);
    let outcome = await save(page);
    for (let i = 0; i < 4 && outcome === 'saved'; i++) {
      await editWithPhoto(page);
      outcome = await save(page);
    }
    expect(outcome, 'a photo is refused on a full disk').toBe('refused');
    const refusal = page.locator('.mantine-Notification-root').filter({ hasText: '未保存' }).first();
    await expect(refusal).toContainText(`电脑硬盘已满（数据文件夹 ${disk} 所在的硬盘`);
    await expect(refusal).toContainText('本次操作没有保存。已保存的记录不受影响。');
    // The window as she sees it (a full-page picture would draw the form at the top of a long page).
    await page.screenshot({ path: path.resolve(__dirname, '../../test-results/screenshots/disk-full-save-refused-1366x768.png') });
    const dialog = page.getByRole('dialog', { name: '修改档案' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();

    // The notice turns red at once, and reading still works: the residents list.
    const notice = page.getByTestId('disk-notice');
    await expect(notice).toHaveAttribute('data-level', 'critical');
    await open(page, '/residents');
    await expect(page.getByRole('row', { name: /张秀英/ })).toBeVisible();
    await expect(notice).toHaveAttribute('data-level', 'critical');
    await expect(notice).toContainText('存放数据的硬盘只剩 0 字节');
    await closeNotifications(page);
    await shot(page, 'disk-full-residents-1366x768');

    // The videos are deleted; from the red notice to its details on the home page, 再检查: 295 MB left is no longer red,
    // the home page's notice is yellow, and on a list page the yellow one is not shown.
    fs.rmSync(videos, { recursive: true });
    await notice.getByTestId('disk-details-link').click();
    await notice.getByTestId('disk-recheck').click();
    await expect(notice).toHaveAttribute('data-level', 'low');
    expect((await lastCheck(app)).level).toBe('low');
    await open(page, '/residents');
    await expect(notice).toHaveCount(0);

    // The same save now goes through, and the photo is on the file.
    await page.evaluate((hash) => (window.location.hash = hash), `/residents/${residentId}`);
    await expect(page.getByRole('button', { name: '修改档案' })).toBeVisible();
    await editWithPhoto(page);
    expect(await save(page)).toBe('saved');
    await expect(page.getByRole('main').getByRole('img', { name: '照片' })).toBeVisible();
    await shot(page, 'disk-full-saved-after-room-1366x768');
  });
});
