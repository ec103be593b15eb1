// GB 38600 risk assessments through the UI: the admission page warns that one is needed at admission; the home page
// lists who needs one and why (a new resident, a fall since the last one); the resident's risk card says why, and
// after the assessment the next routine date. Screenshots at desk and phone sizes.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { SAFETY_RISKS } from '@shared/domain/assessment/safety-risks';
import { PROFILE } from '../helpers/centre';
import { validIdNumber } from '../helpers/ids';
import { ADMIN, expect, expectAccessible, shot, signInWithPassword, test } from './fixtures';

const NOW = new Date('2026-03-15T10:00:00+08:00').toISOString();
async function go(page: Page, hashPath: string) {
  await page.evaluate((h) => (window.location.hash = h), hashPath);
}
async function shots(page: Page, name: string) {
  await shot(page, `${name}-desk`);
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('the risk assessment is due at admission, after a fall, and then by the interval', async ({ page, app }) => {
  test.setTimeout(150_000);
  app.setTime(NOW);
  await page.clock.setFixedTime(new Date(NOW));
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const beds = (await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {})).rooms[0].beds;
  const admit = (name: string, birth: string, bed: string) =>
    app.api<{ id: string }>('residents.admit', {
      person: { name, idNumber: validIdNumber(birth, '123'), primaryCategory: 'tekun_concentrated' },
      admission: { date: '2026-03-10', bedId: bed, agreementNo: `XY-${name}`, agreementEnd: '2027-03-09' },
    });
  const { id: zhang } = await admit('张三', '1945-06-01', beds[0].id);
  await app.api('assessment.recordRisks', { residentId: zhang, assessedOn: '2026-03-10', risks: SAFETY_RISKS.map((r) => ({ code: r.code, grade: 'low', measures: '' })), assessor: '李评估', note: '' });
  await app.api('incidents.report', { requestId: randomUUID(), residentId: zhang, type: 'fall', occurredAt: '2026-03-14T21:00:00+08:00', place: '卫生间', severity: 'minor', description: '起夜滑倒', actionTaken: '扶起，查看无外伤' });
  await admit('李四', '1940-02-02', beds[1].id);

  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  const due = page.getByTestId('due-risks');
  await expect(due).toContainText('李四', { timeout: 30_000 }); // the home page's first load is slow on a busy machine
  await expect(due).toContainText('入住评估：尚未做安全风险评估（GB 38600 要求入住前完成）');
  await expect(due).toContainText('意外事件后：2026-03-14 发生跌倒事件，需重新评估「跌倒」风险');
  await due.scrollIntoViewIfNeeded();
  await expectAccessible(page, 'home page with risk assessments due');
  await shots(page, 'risk-due-dashboard');

  // The admission page says the assessment is needed, with a link to the list.
  await go(page, '#/admit');
  const warning = page.getByTestId('admit-risk-warning');
  await expect(warning).toContainText('GB 38600 要求入住前完成服务安全风险评估');
  await expectAccessible(page, 'admission page with the risk warning');
  await shots(page, 'risk-admit-warning');
  await warning.getByRole('link', { name: '查看待做的风险评估' }).click();
  await expect(page.getByTestId('due-risks')).toBeVisible();

  // 张三's file says why; after a new assessment it gives the next routine date instead.
  await go(page, `#/residents/${zhang}`);
  await expect(page.getByTestId('risk-due-line')).toContainText('意外事件后：2026-03-14 发生跌倒事件');
  await shots(page, 'risk-card-due');
  await page.getByRole('button', { name: '风险评估' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('radiogroup', { name: '跌倒风险等级' }).getByText('高').click();
  await form.getByLabel('跌倒防范措施').fill('夜间床头灯常亮，卫生间加扶手');
  await form.getByLabel('评估人').fill('李评估');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('风险评估已保存')).toBeVisible();
  await expect(page.getByTestId('risk-due-line')).toHaveCount(0);
  await expect(page.getByTestId('risk-next-due')).toHaveText('下次定期复评：2026-09-15（每6个月，可在“系统设置”里调整）');
  await expect(page.getByTestId('file-risk-badge')).toContainText('跌倒 高');
  await shots(page, 'risk-card-next');
});
