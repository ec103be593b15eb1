// Backup to a folder (a USB stick) with a progress bar, then restore it through the UI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinaDate } from '@shared/domain/dates';
import { computeCheckChar } from '@shared/domain/id-number';
import { PROFILE } from '../helpers/centre';
import { ADMIN, expect, expectAccessible, field, shot, signInWithPassword, test } from './fixtures';

test('the manager backs up to a USB folder and restores it', async ({ page, app }) => {
  await app.api('facility.save', PROFILE);
  const { id: buildingId } = await app.api<{ id: string }>('facility.addBuilding', { name: '一号楼', floors: 1 });
  await app.api('facility.addRoom', { buildingId, floor: 1, name: '101', bedCount: 2, bedType: 'nursing' });
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-usb-'));

  await page.goto(app.url);
  await signInWithPassword(page, ADMIN.username, ADMIN.password);
  await page.getByRole('link', { name: '数据备份' }).click();
  await expectAccessible(page, 'backup');

  // A folder that is not there: a plain message, nothing written.
  await field(page, '备份到的文件夹').fill(path.join(usb, 'missing'));
  await page.getByRole('button', { name: '开始备份' }).click();
  await expect(page.getByText(/^找不到这个文件夹/)).toBeVisible();

  await field(page, '备份到的文件夹').fill(usb);
  await page.getByRole('button', { name: '开始备份' }).click();
  await expect(page.getByRole('progressbar', { name: '备份进度' })).toBeVisible();
  await expect(page.getByText('备份完成', { exact: true })).toBeVisible();
  const [backupFile] = fs.readdirSync(usb);
  expect(backupFile).toMatch(/^敬老院数据备份-.*\.sqlite$/);
  await shot(page, 'backup');

  // Someone is admitted after the backup …
  const map = await app.api<{ rooms: { beds: { id: string }[] }[] }>('facility.bedMap', {});
  const first17 = '32010219450601123';
  await app.api('residents.admit', {
    person: { name: '张三', idNumber: first17 + computeCheckChar(first17), primaryCategory: 'tekun_concentrated' },
    admission: { date: chinaDate(new Date()), bedId: map.rooms[0].beds[0].id, agreementNo: 'XY-1', agreementEnd: '2099-01-01' },
  });

  // … and the backup is restored from the stick: he is gone, and the data before the restore is kept aside.
  await field(page, '备份文件的完整路径').fill(path.join(usb, backupFile));
  await page.getByRole('button', { name: '恢复', exact: true }).last().click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('已恢复。恢复前的数据已另存为安全副本。')).toBeVisible();
  await expect(page.getByText('恢复前的安全副本').first()).toBeVisible();
  await page.getByRole('link', { name: '在院老人' }).click();
  await expect(page.getByText('这里还没有老人')).toBeVisible();
});
