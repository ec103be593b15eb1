// 户籍 (城市/农村) on the resident file (issue 14 §4): a file made before it shows 未填; the manager chooses 农村 in the
// edit form and the file view shows it. Screenshots at desktop and phone sizes.
import { computeCheckChar } from '@shared/domain/id-number';
import { PROFILE } from '../helpers/centre';
import { ADMIN, choose, expect, expectAccessible, shot, signInWithPassword, test } from './fixtures';

test('the manager records 户籍 on a resident file', async ({ page, app }) => {
  app.setTime('2026-03-15T02:00:00.000Z');
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 1, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  await app.api('residents.admit', {
    person: { name: '张三', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated', tekunCertNo: 'TK10001' },
    admission: { date: '2026-01-10', bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });
  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.evaluate(() => (window.location.hash = '#/residents'));
  await page.getByRole('button', { name: '张三' }).click();
  const hukou = page.getByTestId('field-hukou');
  await expect(hukou).toContainText('未填');
  await page.getByRole('button', { name: '修改档案' }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByRole('combobox', { name: '户籍类别' })).toBeVisible();
  await choose(page, '户籍类别', '农村');
  await shot(page, 'resident-hukou-edit');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(hukou).toContainText('农村');
  await expectAccessible(page, 'resident file with 户籍');
  await shot(page, 'resident-hukou-file');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(hukou).toContainText('农村');
  await shot(page, 'resident-hukou-file-phone');
});
