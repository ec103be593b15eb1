// The 特困 tier belongs to the county (issue 14 §2), in two browser hosts: the manager records the six-indicator
// assessment on the resident's file, where it shows 待县民政局认定; it travels in March's package; on the county PC the
// clerk sees it on 特困认定 (ID masked, red once more than 10 working days have passed), confirms another tier with the
// 文号 and 照料护理档次, and downloads the centre's answer file (on 特困认定, and the same file from the package's row on
// 导入记录); the centre (red too while it waited) imports it on 月度报送 and the file shows the
// county's decision, marked as differing from the proposal.
import fs from 'node:fs';
import type { Download } from '@playwright/test';
import { Session } from '../../electron/backend/security/session';
import { computeCheckChar } from '@shared/domain/id-number';
import { PROFILE } from '../helpers/centre';
import { ADMIN, choose, closeNotifications, expect, expectAccessible, field, shot, signInWithPassword, startApp, test } from './fixtures';

const COUNTY_ADMIN = { username: 'county', displayName: '刘科长', password: 'Anquan-2026', pin: null, mode: 'county', countyCode: '320102', countyName: '测试县' };
const saved = async (download: Promise<Download>) => fs.readFileSync(await (await download).path());

test('a tier proposal goes to the county and its decision comes back', async ({ page, app, browser }, testInfo) => {
  test.setTimeout(240_000);
  app.setTime('2026-03-15T02:00:00.000Z');
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  await app.api('residents.admit', {
    person: { name: '张三', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated' },
    admission: { date: '2026-01-10', bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });

  // The centre's assessment: a proposal, awaiting the county.
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.evaluate(() => (window.location.hash = '#/residents'));
  await page.getByRole('button', { name: '张三' }).click();
  await page.getByRole('button', { name: '评估自理能力' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('checkbox', { name: '自主如厕' }).uncheck();
  await form.getByRole('checkbox', { name: '室内自主行走' }).uncheck();
  await expect(form.getByTestId('tier-result')).toHaveText('结果：部分丧失生活自理能力');
  await field(form, '评估人').fill('李评估');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('tier-awaiting')).toHaveText('本院评估（建议） · 待县民政局认定');
  await expect(page.getByTestId('tier-latest')).toHaveText('部分丧失生活自理能力');
  await expectAccessible(page, 'resident file with a tier proposal');
  await shot(page, 'tier-proposal');

  // By API: the county PC, the key exchange, and March's package imported on Thursday 2 April.
  const county = await startApp();
  const clerk = new Session();
  const as = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await county.backend.dispatch(clerk, method as never, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    county.setTime('2026-04-02T02:00:00.000Z');
    await as('auth.setupAdmin', COUNTY_ADMIN);
    const key = await as<{ keyFile: { text: string }; fingerprint: string }>('county.status', {});
    app.setTime('2026-04-01T02:00:00.000Z');
    await app.api('sync.importCountyKey', { text: key.keyFile.text });
    await app.api('sync.confirmCountyKey', { fingerprint: key.fingerprint });
    const registration = await app.api<{ text: string; fingerprint: string }>('sync.registrationFile', {});
    const enrolled = await as<{ centreCode: string }>('county.enrol', { text: registration.text });
    await as('county.confirmCentre', { centreCode: enrolled.centreCode, fingerprint: registration.fingerprint });
    const usb = testInfo.outputPath('usb');
    fs.mkdirSync(usb, { recursive: true });
    const { jobId } = await app.api<{ jobId: string }>('sync.export', { period: '2026-03', folder: usb, correctionReason: null });
    await expect.poll(async () => (await app.api<{ done: boolean }>('sync.job', { jobId })).done, { timeout: 60_000 }).toBe(true);
    const staged = await as<{ batchId: string }>('county.stage', { batchId: null, folder: usb });
    const applied = await as<{ jobId: string }>('county.apply', { batchId: staged.batchId });
    await expect.poll(async () => (await as<{ done: boolean }>('county.job', { jobId: applied.jobId })).done, { timeout: 60_000 }).toBe(true);

    // The clerk's page, 11 working days later: overdue, in red.
    county.setTime('2026-04-17T02:00:00.000Z');
    const countyPage = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 }, acceptDownloads: true })).newPage();
    await countyPage.goto(county.url);
    await signInWithPassword(countyPage, COUNTY_ADMIN.username, COUNTY_ADMIN.password);
    await countyPage.goto(`${county.origin}/#/county/tier`);
    await expect(countyPage.getByRole('heading', { name: '特困认定' })).toBeVisible();
    const row = countyPage.getByTestId('county-tier-table').getByRole('row', { name: /张三/ });
    await expect(row).toContainText('测试镇敬老院');
    await expect(row).toContainText('3201**********');
    await expect(row).toContainText('自主如厕、室内自主行走');
    await expect(row).toContainText('11 个工作日');
    await expect(row.getByTestId('county-tier-overdue')).toHaveText('已超期');
    await expectAccessible(countyPage, 'county tier page');
    await shot(countyPage, 'county-tier');
    await countyPage.setViewportSize({ width: 390, height: 844 });
    await shot(countyPage, 'county-tier-phone');
    await countyPage.setViewportSize({ width: 1366, height: 768 });

    // Confirmed as 完全丧失, 三档; a missing 文号 is named first.
    await row.getByRole('button', { name: '答复' }).click();
    const answer = countyPage.getByRole('dialog');
    await choose(countyPage, '认定的类别', '完全丧失生活自理能力');
    await choose(countyPage, '照料护理标准档次', '3档');
    await answer.getByRole('button', { name: '保存' }).click();
    await expect(answer.getByText('认定时请填写县民政局的文号')).toBeVisible();
    await field(answer, '文号').fill('测民〔2026〕12号');
    await answer.getByRole('button', { name: '保存' }).click();
    await expect(answer).toBeHidden();
    await expect(row).toContainText('已认定：完全丧失生活自理能力');
    await expect(row.getByTestId('county-tier-overdue')).toHaveCount(0);
    await closeNotifications(countyPage);
    await choose(countyPage, '机构', '测试镇敬老院');
    const download = countyPage.waitForEvent('download');
    await countyPage.getByRole('button', { name: '下载答复文件' }).click();
    const answerFile = await saved(download);
    await shot(countyPage, 'county-tier-answered');

    // The same file from the accepted March package's row on 导入记录.
    await closeNotifications(countyPage);
    await countyPage.goto(`${county.origin}/#/county/reports`);
    await expect(countyPage.getByRole('heading', { name: '导入记录' })).toBeVisible();
    const report = countyPage.getByRole('row', { name: /2026-03/ });
    const again = countyPage.waitForEvent('download');
    await report.getByRole('button', { name: '下载答复文件' }).click();
    expect((await again).suggestedFilename()).toBe(`县级答复-${enrolled.centreCode}-2026-04-17.json`);
    expect((await again).suggestedFilename()).toBe((await download).suggestedFilename());
    expect(JSON.parse((await saved(again)).toString()).body).toEqual(JSON.parse(answerFile.toString()).body);
    await expectAccessible(countyPage, 'county reports with the answer file');
    await shot(countyPage, 'county-reports-answer');
    // On a phone the table scrolls sideways to the buttons, and the download works there too.
    await countyPage.setViewportSize({ width: 390, height: 844 });
    await countyPage.reload();
    const phoneButton = report.getByRole('button', { name: '下载答复文件' });
    await phoneButton.scrollIntoViewIfNeeded();
    const onPhone = countyPage.waitForEvent('download');
    await phoneButton.click();
    expect((await onPhone).suggestedFilename()).toBe(`县级答复-${enrolled.centreCode}-2026-04-17.json`);
    await shot(countyPage, 'county-reports-answer-phone');
    await countyPage.setViewportSize({ width: 1366, height: 768 });

    // Back at the centre: the answer file on 月度报送, then the file shows the county's decision.
    app.setTime('2026-04-20T02:00:00.000Z');
    await page.goto(app.url);
    await signInWithPassword(page, ADMIN.username, ADMIN.password);
    // Before the answer arrives the centre sees the county is late too.
    await page.evaluate(() => (window.location.hash = '#/residents'));
    await page.getByRole('button', { name: '张三' }).click();
    await expect(page.getByTestId('tier-overdue')).toHaveText('县民政局已超过10个工作日未答复');
    await page.evaluate(() => (window.location.hash = '#/sync'));
    const card = page.getByTestId('tier-answer-import');
    await expect(card.getByTestId('tier-waiting')).toContainText('张三');
    await expect(card.getByTestId('tier-waiting-overdue')).toHaveText('县里已超期未答复');
    await expectAccessible(page, 'monthly reporting with the answers awaited');
    await card.locator('input[type="file"]').setInputFiles({ name: '县级答复.json', mimeType: 'application/json', buffer: answerFile });
    await expect(card.getByText('已导入测试县的答复：新记入 1 条，之前已记入 0 条')).toBeVisible();
    await expect(card.getByText('没有等县民政局认定的评估。')).toBeVisible();
    await shot(page, 'tier-answer-import');
    await page.evaluate(() => (window.location.hash = '#/residents'));
    await page.getByRole('button', { name: '张三' }).click();
    await expect(page.getByTestId('tier-latest')).toHaveText('完全丧失生活自理能力');
    await expect(page.getByText('2026-04-17 认定，文号：测民〔2026〕12号 · 照料护理标准：3档')).toBeVisible();
    await expect(page.getByText('县里认定的与本院评估（部分丧失生活自理能力）不同')).toBeVisible();
    await expectAccessible(page, 'resident file with the county decision');
    await shot(page, 'tier-official');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'tier-official-phone');
  } finally {
    await county.stop();
  }
});
