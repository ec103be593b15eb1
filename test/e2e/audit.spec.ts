// The administrator reads the audit log in plain words, exports it to Excel, and sees a full ID-number view recorded.
import { chinaDate } from '@shared/domain/dates';
import { computeCheckChar } from '@shared/domain/id-number';
import { PROFILE } from '../helpers/centre';
import { ADMIN, choose, expect, expectAccessible, shot, signInWithPassword, test } from './fixtures';

test('the audit log shows who changed what, exports to Excel, and records ID-number views', async ({ page, app }) => {
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  const { id } = await app.api<{ id: string }>('residents.admit', {
    person: { name: '张三', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated' },
    admission: { date: chinaDate(new Date()), bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });
  await app.api('residents.transfer', { residentId: id, date: chinaDate(new Date()), toBedId: map.rooms[0].beds[1].id, note: '' });

  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);

  // The file shows the ID number masked until someone asks for it.
  await page.getByRole('link', { name: '在院老人' }).click();
  await page.getByRole('button', { name: '张三' }).click();
  await expect(page.getByTestId('id-number')).toHaveText(/^3201\*{10}/);
  await page.getByRole('button', { name: '显示完整号码' }).click();
  await expect(page.getByTestId('id-number')).toHaveText(first17 + computeCheckChar(first17));

  await page.getByRole('link', { name: '操作记录' }).click();
  await choose(page, '操作', '调床');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await page.getByRole('button', { name: /查看 \d+ 项/ }).click();
  await expect(page.getByRole('cell', { name: '一号楼 101室 1床', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '一号楼 101室 2床', exact: true })).toBeVisible();
  await expectAccessible(page, 'audit log');
  await shot(page, 'audit');

  await choose(page, '操作', '查看完整身份证号');
  await expect(page.getByRole('cell', { name: '王院长', exact: true })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出为 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^操作记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
});
