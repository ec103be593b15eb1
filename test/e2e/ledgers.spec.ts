// The three printed ledgers of issue 17 on the demo township (four villages, ~150 elders with children, agreements
// and two months of visits): 农村留守老年人信息台账, 赡养协议登记表 and 探访记录表 are opened, filtered by village (and
// month), and printed to PDF (a voided visit listed apart) as Chromium prints them. Read back with poppler: A4 landscape throughout, the township's
// title, the period, page numbers, the header row on every page, the signature line, every elder's name whole on one
// line, and no full ID number anywhere. The first page of each is kept as a PNG (test-results/screenshots) to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import type { AgreementLedger, RegisterLedger, VisitLedger } from '@shared/api/elder-ledgers';
import { ADMIN, choose, expect, expectAccessible, signInWithPassword, test } from './fixtures';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const TOWNSHIP = '柳湾镇';
const SIGNATURES = '填表人：__________';

/** Opens a page of the app by its address inside the running page (the session stays). */
async function go(page: Page, hashPath: string) {
  await page.evaluate((h) => (window.location.hash = h), hashPath);
}

async function printed(page: Page, testInfo: TestInfo, name: string) {
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath(`print-${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '200', pdf], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => (Number(m[1]) > Number(m[2]) ? 'landscape' : 'portrait'));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SCREENSHOTS, `print-${name}`)]);
  const pages = text.split('\f').filter((p) => p.trim() !== '');
  return { text, pages, sizes };
}

/** Every page landscape, numbered, with the header row; the title on the first, the signatures on the last. */
function expectLedgerPaper(paper: Awaited<ReturnType<typeof printed>>, title: string, heads: string[]) {
  expect(paper.sizes.length).toBe(paper.pages.length);
  for (const size of paper.sizes) expect(size).toBe('landscape');
  expect(paper.pages[0]).toContain(`${TOWNSHIP} ${title}`);
  paper.pages.forEach((p, i) => {
    expect(p, `page ${i + 1} number`).toContain(`第 ${i + 1} 页，共 ${paper.pages.length} 页`);
    for (const head of heads) expect(p, `page ${i + 1} header`).toContain(head);
  });
  expect(paper.pages.at(-1)).toContain(SIGNATURES);
  // No full ID number (18 characters, the last a digit or X) on paper.
  expect(paper.text).not.toMatch(/\d{17}[\dX]/);
}

test('the village elders’ three ledgers print landscape with every name whole', async ({ app, page }, testInfo) => {
  test.setTimeout(300_000);
  app.setTime('2026-03-15T02:00:00.000Z');
  await app.api('system.loadDemo', {});
  const villages = await app.api<{ id: string; name: string }[]>('elders.villages', {});
  expect(villages.length).toBe(4);
  const register = await app.api<RegisterLedger>('elders.ledger', { villageId: null });
  const agreements = await app.api<AgreementLedger>('elders.agreementLedger', { villageId: null });
  // A visit recorded against the wrong elder is voided: it is listed apart, not counted.
  const recorded = await app.api<VisitLedger>('visits.ledger', { from: '2026-02-01', to: '2026-02-28', villageId: null });
  await app.api('visits.void', { id: recorded.rows[4].visitId, reason: '记错了老人，已重新登记' });
  const february = await app.api<VisitLedger>('visits.ledger', { from: '2026-02-01', to: '2026-02-28', villageId: null });
  expect(register.rows.length).toBeGreaterThan(100);
  expect(agreements.rows.length).toBeGreaterThan(0);
  expect(february.rows.length).toBeGreaterThan(20);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);

  // 农村留守老年人信息台账: all four villages, then one.
  await go(page, '#/elders/ledger');
  const sheet = page.getByTestId('register-ledger');
  await expect(sheet).toContainText(register.rows.at(-1)!.name);
  await expect(page.getByRole('button', { name: '打印' })).toBeEnabled();
  await expectAccessible(page, 'register ledger');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ledger-register-screen.png') }); // the first screenful
  const all = await printed(page, testInfo, 'ledger-register');
  expectLedgerPaper(all, '农村留守老年人信息台账', ['序号', '姓名', '身份证号', '陪伴居住', '人员类别', '经济来源', '健康状况', '村联系人']);
  expect(all.pages[0]).toContain('截至 2026-03-15');
  expect(all.pages[0]).toContain('范围：全部村');
  for (const row of register.rows) {
    expect(all.text, `${row.name} whole on one line`).toContain(row.name);
    expect(all.text).toContain(row.idNumberMasked);
  }
  for (const v of villages) expect(all.text).toMatch(new RegExp(`${v.name}\\s+村干部：`));
  const away = register.rows.flatMap((r) => r.relatives).find((r) => r.awayHalfYear && r.worksIn !== '');
  if (away) expect(all.text).toContain(away.name);

  const village = villages[1];
  await choose(page, '村', village.name);
  const own = register.rows.filter((r) => r.villageId === village.id);
  await expect(sheet).toContainText(`共 ${own.length} 人`);
  const one = await printed(page, testInfo, 'ledger-register-village');
  expectLedgerPaper(one, '农村留守老年人信息台账', ['姓名', '身份证号']);
  expect(one.pages[0]).toContain(`范围：${village.name}`);
  for (const row of own) expect(one.text).toContain(row.name);
  for (const row of register.rows.filter((r) => r.villageId !== village.id)) expect(one.text).not.toContain(row.idNumberMasked);

  // 赡养协议登记表.
  await go(page, '#/elders/agreements');
  await expect(page.getByTestId('agreement-ledger')).toContainText(agreements.rows[0].parties);
  await expectAccessible(page, 'agreement ledger');
  const paper = await printed(page, testInfo, 'ledger-agreements');
  expectLedgerPaper(paper, '赡养协议登记表', ['签订日期', '签订人（赡养人）', '主要内容', '监督人', '续签日期', '状态']);
  for (const row of agreements.rows) {
    expect(paper.text).toContain(row.elder);
    expect(paper.text).toContain(row.signedOn);
  }

  // 探访记录表 of February, every village.
  await go(page, '#/visits/ledger?month=2026-02');
  const visits = page.getByTestId('visit-ledger');
  await expect(visits).toContainText('2026-02-01 至 2026-02-28');
  const counted = february.rows.filter((v) => v.voided === null);
  await expect(visits).toContainText(`共 ${counted.length} 次`);
  await expectAccessible(page, 'visit ledger');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ledger-visits-screen.png') });
  const log = await printed(page, testInfo, 'ledger-visits');
  expectLedgerPaper(log, '探访记录表', ['日期', '时间', '探访人及协助人员', '发现的问题', '转介及办理情况']);
  expect(log.pages[0]).toContain('2026-02-01 至 2026-02-28');
  for (const v of counted) expect(log.text).toContain(v.elder);
  expect(log.text).toContain('作废的探访记录（不计入探访）');
  expect(log.text).toContain('记错了老人，已重新登记');
  const problem = counted.find((v) => v.problems.length > 0);
  if (problem) expect(log.text).toContain(problem.problems[0].note.slice(0, 4));

  // The month picker and the village filter go to the address, so a link can open a village's month.
  await choose(page, '村', village.name);
  await expect(page).toHaveURL(new RegExp(`month=2026-02.*village=${village.id}|village=${village.id}.*month=2026-02`));
  const inVillage = counted.filter((v) => v.villageId === village.id);
  await expect(visits).toContainText(`共 ${inVillage.length} 次`);
});
